"""`planner question`: questions of your own in a round's bank, planned like the shipped ones."""

import click

from planner.catalog.data import round_names
from planner.catalog.rounds import Question, find_round
from planner.cli.common import db_option, emit_json, json_option, open_store, wrap
from planner.clock import today
from planner.plan.questions import MAX_MINUTES, add_question, remove_question


def question_json(question: Question) -> dict[str, object]:
    return {
        "id": question.id,
        "round": question.round,
        "text": question.text,
        "minutes": question.minutes,
        "company": question.company,
        "themes": list(question.themes),
        "competencies": list(question.competencies),
    }


@click.group()
def question() -> None:
    """Your own questions: what a recruiter said to expect, what you were asked last time."""


@question.command(name="add")
@click.argument("round_name", metavar="ROUND")
@click.argument("text")
@click.option("--minutes", type=click.IntRange(1, MAX_MINUTES), help="Time to give it (default: as the round's own).")
@click.option("--company", help="Only for this company's interview, planned before its round.")
@db_option
def question_add(round_name: str, text: str, minutes: int | None, company: str | None) -> None:
    """Add a question to ROUND's bank (e.g. ml-concepts, coding, behavioral); the plan takes it in."""
    with open_store() as store:
        added = add_question(store, round_name, text, minutes, company, today())
        planned = [t for t in store.planned_tasks() if t.question_id == added.id]
        companies = {i.company.casefold() for i in store.interviews()}
    round_name = find_round(added.round).name
    for_whom = f" for {added.company}" if added.company else ""
    click.echo(f"Added {added.id} to {round_name}{for_whom}: {added.text}")
    if planned:
        click.echo(f"Planned for {min(t.due for t in planned):%a %d %b} (task {planned[0].id}).")
    elif not companies or (added.company and added.company.casefold() not in companies):
        click.echo(f"It is planned once you add an interview{' with ' + added.company if added.company else ''}.")
    else:
        click.echo("Not planned: no round of this kind is ahead with room before it (see planner plan).")


@question.command(name="list")
@click.argument("round_name", metavar="[ROUND]", required=False)
@json_option
@db_option
def question_list(round_name: str | None, as_json: bool) -> None:
    """Your own questions, by round."""
    slug = find_round(round_name).slug if round_name else None
    with open_store() as store:
        mine = [q for q in store.own_questions() if slug in (None, q.round)]
    if as_json:
        emit_json([question_json(q) for q in mine])
        return
    if not mine:
        click.echo('None yet: planner question add ml-concepts "Explain how you would calibrate a ranker"')
        return
    for round_slug, name in round_names().items():  # the rounds in the loop's order
        theirs = [q for q in mine if q.round == round_slug]
        if theirs:
            click.echo(click.style(name, bold=True))
        for q in theirs:
            for_whom = f", {q.company} only" if q.company else ""
            click.echo(f"  {q.id} ({q.minutes} min{for_whom})")
            click.echo(wrap(q.text, "      "))


@question.command(name="rm")
@click.argument("question_id", metavar="ID")
@db_option
def question_rm(question_id: str) -> None:
    """Remove one of your questions (ID as in `planner question list`, e.g. own-3); work done stays."""
    with open_store() as store:
        removed = remove_question(store, question_id, today())
    click.echo(f"Removed {removed.id}: {removed.text}")

from dataclasses import asdict

import click

from planner.catalog.rounds import Round, find_round, load_catalog
from planner.cli.common import chosen_db_path, db_option, emit_json, json_option, open_store, wrap
from planner.plan.questions import question_bank


def _print_round(round_: Round) -> None:
    click.echo(click.style(f"{round_.name} ({round_.slug}), {round_.minutes} minutes", bold=True))
    click.echo(wrap(round_.summary))
    click.echo("\nWhat it assesses:")
    for line in round_.assesses:
        click.echo(wrap(f"- {line}", "  "))
    click.echo("\nTips:")
    for line in round_.tips:
        click.echo(wrap(f"- {line}", "  "))
    click.echo(f"\nQuestion bank ({len(round_.questions)}):")
    for question in round_.questions:
        level = f" {question.difficulty}" if question.difficulty else ""
        themes = f" [{', '.join(question.themes)}]" if question.themes else ""
        yours = f", {question.whose}" if question.own else ""
        click.echo(f"  {question.id} ({question.minutes} min{level}{yours}){themes}")
        click.echo(wrap(question.text, "      "))
        outline = (question.outline or "").strip()
        if "\n" in outline:  # an outline in parts ("- Key points: ..."), a line each
            click.echo("        Outline:")
            for line in outline.splitlines():
                click.echo(wrap(line, "          ", hanging="  "))
        elif outline:
            click.echo(wrap(f"Outline: {outline}", "        "))


@click.command()
@click.argument("round_name", metavar="[ROUND]", required=False)
@json_option
@db_option
def rounds(round_name: str | None, as_json: bool) -> None:
    """The five rounds of the loop; with ROUND, its tips and question bank (yours included)."""
    if chosen_db_path().exists():  # with your own questions; no database is made just to read the banks
        with open_store() as store:
            catalog = question_bank(store)
    else:
        catalog = load_catalog()
    if round_name is not None:
        round_ = catalog.round(find_round(round_name).slug)
        if as_json:
            emit_json(asdict(round_))
        else:
            _print_round(round_)
        return
    if as_json:
        emit_json([asdict(r) for r in catalog.rounds])
        return
    click.echo(click.style("The ML engineer interview loop", bold=True))
    for number, round_ in enumerate(catalog.rounds, start=1):
        click.echo(
            f"{number}. {round_.name:<18} {round_.minutes:>3} min  "
            f"{len(round_.questions):>3} questions  ({round_.slug})"
            + (f", {len(round_.own_questions)} of them yours" if round_.own_questions else "")
        )
    click.echo("\nSee one round's tips and questions: planner rounds ml-coding")

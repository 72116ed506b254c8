"""`planner agenda`: the day's work. Runs in every new shell, so it imports as little as it can."""

import sqlite3

import click

from planner.agenda import Agenda
from planner.cli.common import chosen_db_path, current_db_path, day_label, db_option, emit_json, task_line, today
from planner.records import read_agenda


def load_agenda(day) -> Agenda | None:
    """The agenda for day, read with plain sqlite3; None when there is no database yet."""
    if not chosen_db_path().exists():
        return None
    conn = sqlite3.connect(f"{current_db_path().resolve().as_uri()}?mode=ro", uri=True)
    try:
        return read_agenda(conn, day)
    finally:
        conn.close()


def print_agenda(agenda: Agenda) -> None:
    click.echo(click.style(day_label(agenda.day), bold=True)
               + f"  {agenda.planned_minutes} min to do, {agenda.done_minutes} done, budget {agenda.budget_minutes}")
    sections = [("Overdue", agenda.overdue), ("Today", agenda.due)]
    for heading, entries in sections:
        if not entries:
            continue
        click.echo(f"\n{heading}")
        for e in entries:
            click.echo(task_line(e, e in agenda.overdue))
    if not agenda.tasks:
        click.echo("\nNothing planned for this day.")
    if agenda.interviews:
        ahead = ", ".join(f"{c.company} {c.when} ({c.date})" for c in agenda.interviews)
        click.echo(f"\nInterviews: {ahead}")
    if any(e.status == "planned" for e in agenda.tasks):
        click.echo("Check one off: planner done ID   (or planner skip ID)")


@click.command()
@click.option("--date", "when", help="Another day, e.g. tomorrow or 'next monday'.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@db_option
def agenda(when: str | None, as_json: bool):
    """The day's study tasks (today unless --date), overdue work first."""
    day = today()
    if when:
        from planner.dates import parse_date

        day = parse_date(when, day)
    found = load_agenda(day)
    if found is None:
        if as_json:
            emit_json({"date": day.isoformat(), "budget_minutes": 0, "tasks": [], "interviews": []})
        else:
            click.echo('No plan yet. Add an interview: planner interview add Acme --date "in 3 weeks"')
        return
    if as_json:
        emit_json(found.to_json())
    else:
        print_agenda(found)

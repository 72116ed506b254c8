"""`planner agenda` with its options; the plain form is answered earlier, in planner/main.py."""

import click

from planner.cli.common import chosen_db_path, db_option, json_option, open_store
from planner.clock import today
from planner.dates import parse_date
from planner.db.readers import load_agenda
from planner.plan.agenda import agenda_report
from planner.plan.replan import catch_up
from planner.text import terminal_width


@click.command()
@click.option("--date", "when", help="Another day, e.g. tomorrow or 'next monday'.")
@click.option("--full", is_flag=True, help="Task titles in full, not cut to the terminal's width.")
@json_option
@db_option
def agenda(when: str | None, full: bool, as_json: bool) -> None:
    """The day's study tasks (today unless --date), overdue work first."""
    day = parse_date(when, today()) if when else today()
    path = chosen_db_path()
    if path.exists():
        with open_store() as store:  # an older file is migrated, a foreign one refused
            if not store.read_only:
                catch_up(store, today())
    width = None if full else terminal_width()
    click.echo(agenda_report(load_agenda(path, day), day, as_json, width), nl=False)

"""`planner agenda` with its options; the plain form is answered earlier, in planner/main.py."""

import click

from planner.cli.common import chosen_db_path, db_option, json_option, open_store
from planner.clock import today
from planner.dates import parse_date
from planner.db.readers import load_agenda
from planner.plan.agenda import agenda_report
from planner.plan.replan import catch_up


@click.command()
@click.option("--date", "when", help="Another day, e.g. tomorrow or 'next monday'.")
@json_option
@db_option
def agenda(when: str | None, as_json: bool) -> None:
    """The day's study tasks (today unless --date), overdue work first."""
    day = parse_date(when, today()) if when else today()
    path = chosen_db_path()
    if path.exists():
        with open_store() as store:  # an older file is migrated, a foreign one refused
            if not store.read_only:
                catch_up(store, today())
    click.echo(agenda_report(load_agenda(path, day), day, as_json), nl=False)

"""`planner agenda` with its options; the plain form is answered earlier, in planner/main.py."""

import click

from planner.agenda_view import agenda_report
from planner.cli.common import chosen_db_path, db_option
from planner.dates import parse_date, today


@click.command()
@click.option("--date", "when", help="Another day, e.g. tomorrow or 'next monday'.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@db_option
def agenda(when: str | None, as_json: bool):
    """The day's study tasks (today unless --date), overdue work first."""
    day = parse_date(when, today()) if when else today()
    click.echo(agenda_report(chosen_db_path(), day, as_json), nl=False)

"""What every shell command shares: the database option, output helpers."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.paths import database_path

if TYPE_CHECKING:
    from planner.db.store import Store

DB_KEY = "planner.db"


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
    if value is not None:
        ctx.meta[DB_KEY] = value
    return value


db_option = click.option(
    "--db",
    type=click.Path(path_type=Path),
    expose_value=False,
    callback=_remember_db,
    help="Database file (default: $PLANNER_DB, else planner.db in the user data folder).",
)


class RowId(click.ParamType):
    """A row id: a whole number from 1 up. SQLite keeps ids in 64 bits, so a longer number can only
    be a typo (and would overflow the query); the help shows the name, not that limit."""

    name = "id"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = int(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a whole number", param, ctx)
        if number < 1:
            self.fail(f"{value} is not an id: ids start at 1", param, ctx)
        if number >= 2**63:
            self.fail(f"{value} is too large to be an id", param, ctx)
        return number


ROW_ID = RowId()

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def stdin_is_terminal() -> bool:
    """Whether a person is there to answer questions (tests pretend so)."""
    return sys.stdin.isatty()


def chosen_db_path() -> Path:
    return database_path(click.get_current_context().meta.get(DB_KEY))


# A database this run of the command made, to remove if the command fails: a failed command
# leaves nothing behind.
made_here: list[Path] = []


def open_store() -> Store:
    from planner.db.store import Store

    path = chosen_db_path()
    if not path.exists():
        made_here.append(path)
    return Store.open(path)


def emit_json(value: object) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def wrap(text: str, indent: str = "", hanging: str = "") -> str:
    """The text filled to the terminal (at most 100 columns), indented; lines after the first are
    indented by `hanging` more, under the text of a list item."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent, subsequent_indent=indent + hanging)

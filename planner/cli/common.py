"""What every shell command shares: the database option, output helpers."""

import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import click

from planner.errors import UserError
from planner.paths import database_path

DB_KEY = "planner.db"


def _remember_db(ctx: click.Context, _param, value):
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

# A row id: SQLite keeps them in 64 bits, so a longer number can only be a typo.
ROW_ID = click.IntRange(min=1, max=2**63 - 1)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def chosen_db_path() -> Path:
    return database_path(click.get_current_context().meta.get(DB_KEY))


def open_store():
    from planner.store import Store

    return Store.open(chosen_db_path())


def current_db_path() -> Path:
    """The database path, after making sure the file exists and has the current schema.

    Only a missing or older file costs a full open (sqlite-utils, migrations); readers that merely
    need a current file, like the agenda and the app's start, skip that cost.
    """
    from planner.schema import is_current

    path = chosen_db_path()
    if not (path.is_file() and is_current(path)):
        open_store().close()
    return path


def emit_json(value) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def wrap(text: str, indent: str = "") -> str:
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent, subsequent_indent=indent)


def write_file(path: Path, text: str) -> None:
    """Write all or nothing: a failed export never leaves half a file behind."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc

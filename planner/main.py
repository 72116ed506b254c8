"""The `planner` command's entry point, which sends each use to the lightest code that serves it:

- bare `planner` (with at most --db) opens the full-screen app, in a terminal; elsewhere (a pipe, a
  cron job) it prints the help, as there is no screen to draw on or keys to read;
- the plain `planner agenda` (with at most --json and --db) is answered without importing click,
  since it is meant to run in every new shell;
- everything else goes to the click commands in planner/cli/.
"""

import sqlite3
import sys
from pathlib import Path

from planner.errors import UserError, database_trouble


def _split_db(args: list[str]) -> tuple[str | None, list[str]] | None:
    """(the --db value, the other words); None when --db is given without a value."""
    database, rest = None, []
    words = iter(args)
    for word in words:
        if word == "--db":
            database = next(words, None)
            if database is None:
                return None
        elif word.startswith("--db="):
            database = word.partition("=")[2]
        else:
            rest.append(word)
    return database, rest


def _fail(message: object) -> None:
    from planner.text import one_line

    print(f"planner: {one_line(str(message))}", file=sys.stderr)
    sys.exit(1)


def _can_draw() -> bool:
    """Whether the app has a screen to draw on and keys to read: a terminal, or a Textual driver
    named in TEXTUAL_DRIVER (headless runs, such as the start-up benchmark)."""
    import os

    return (sys.stdin.isatty() and sys.stdout.isatty()) or "TEXTUAL_DRIVER" in os.environ


def _run_app(path: Path) -> None:
    from planner.clock import today
    from planner.db.current import ensure_current
    from planner.tui.app import build_app

    # A database that cannot be opened, or an unreadable PLANNER_TODAY, is one clear line here,
    # before the app takes the screen.
    today()
    build_app(ensure_current(path)).run()


def _print_agenda(path: Path, as_json: bool) -> bool:
    """Print today's agenda, unless it holds missed work, which must be moved forward first by
    the full command; whether it was printed."""
    from planner.clock import today
    from planner.db.readers import load_agenda
    from planner.plan.agenda import agenda_report
    from planner.text import terminal_width

    day = today()
    agenda = load_agenda(path, day)
    if agenda and agenda.overdue:
        return False
    sys.stdout.write(agenda_report(agenda, day, as_json, terminal_width()))
    return True


def main() -> None:
    split = _split_db(sys.argv[1:])
    if split is not None:
        from planner.db.schema import is_current
        from planner.paths import database_path

        database, rest = split
        try:
            path = database_path(database)
            if not rest and _can_draw():
                _run_app(path)
                return
            # An older or foreign file goes the long way, where it is migrated or refused, and so does
            # a plan with missed work, which is moved forward first.
            plain = rest in (["agenda"], ["agenda", "--json"]) and (not path.exists() or is_current(path))
            if plain and _print_agenda(path, as_json=rest == ["agenda", "--json"]):
                return
        except UserError as exc:
            _fail(exc)
        except sqlite3.Error as exc:
            _fail(database_trouble(exc))
    from planner.cli.root import cli

    cli()

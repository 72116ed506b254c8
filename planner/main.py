"""The `planner` command's entry point.

The plain `planner agenda` (with at most --json and --db) is answered here without importing click,
since it is meant to run in every new shell; everything else goes to the click commands.
"""

import sys

from planner.errors import UserError


def _plain_agenda(args: list[str]) -> tuple[str | None, bool] | None:
    """(database, as_json) when args ask for nothing but today's agenda; None otherwise."""
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
    if rest in (["agenda"], ["agenda", "--json"]):
        return database, rest == ["agenda", "--json"]
    return None


def main() -> None:
    plain = _plain_agenda(sys.argv[1:])
    if plain is None:
        from planner.cli import cli

        cli()
        return
    from planner.agenda_view import agenda_report
    from planner.dates import today
    from planner.paths import database_path

    database, as_json = plain
    try:
        sys.stdout.write(agenda_report(database_path(database), today(), as_json))
    except UserError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        sys.exit(1)

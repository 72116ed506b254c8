"""The `planner` command group, which loads each shell command when it is run. Bare `planner`, which
opens the app, is sent there by planner/main.py, so that no shell command loads Textual."""

import importlib
import sqlite3
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from planner.cli.common import chosen_db_path, db_option, made_here
from planner.errors import UserError, database_trouble
from planner.text import one_line

# Subcommands are imported only when run, so that `planner agenda` loads no more than it needs.
SUBCOMMANDS = {
    "rounds": "planner.cli.round_commands:rounds",
    "story": "planner.cli.story_commands:story",
    "question": "planner.cli.question_commands:question",
    "suggest": "planner.cli.suggest_commands:suggest_command",
    "agenda": "planner.cli.agenda_commands:agenda",
    "interview": "planner.cli.plan_commands:interview",
    "config": "planner.cli.plan_commands:config",
    "plan": "planner.cli.plan_commands:plan",
    "done": "planner.cli.plan_commands:done",
    "skip": "planner.cli.plan_commands:skip",
    "undo": "planner.cli.plan_commands:undo_command",
    "readiness": "planner.cli.plan_commands:readiness_command",
    "log": "planner.cli.plan_commands:log_command",
    "study": "planner.cli.plan_commands:study_command",
}


class PlannerGroup(click.Group):
    """Loads subcommands on demand; turns every user mistake into one line on stderr and a non-zero exit."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *SUBCOMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in SUBCOMMANDS:
            module, attribute = SUBCOMMANDS[name].split(":")
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, name)

    def main(  # type: ignore[override]  # it always exits, whatever standalone_mode asks
        self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any
    ) -> NoReturn:
        extra.pop("standalone_mode", None)
        made_here.clear()
        try:
            result = super().main(args, prog_name or "planner", standalone_mode=False, **extra)
        except UserError as exc:
            _fail(str(exc), 1)
        except sqlite3.Error as exc:
            _fail(database_trouble(exc), 1)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(exc.format_message() + hint, exc.exit_code)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except (click.Abort, KeyboardInterrupt, EOFError):
            _fail("aborted; nothing was changed", 130)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, code: int) -> NoReturn:
    from planner.db.store import remove_database

    for path in made_here:
        remove_database(path)
    click.echo(f"planner: {one_line(message)}", err=True)
    sys.exit(code)


@click.group(cls=PlannerGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(package_name="planner", prog_name="planner")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Prepare for an ML engineer interview loop: a study plan up to each interview,
    a bank of STAR stories, and today's agenda.

    Run without a command, in a terminal, to open the full-screen app.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@cli.command()
@db_option
def where() -> None:
    """Print the path of the database in use."""
    click.echo(str(chosen_db_path()))

"""The `planner` command: bare, it opens the app; its subcommands are quick shell access.

Textual is imported only inside the bare command, so that shell commands start fast.
"""

import importlib
import sys

import click

from planner import __version__
from planner.cli.common import chosen_db_path, current_db_path, db_option
from planner.errors import UserError


# Subcommands are imported only when run, so that `planner agenda` loads no more than it needs.
SUBCOMMANDS = {
    "rounds": "planner.cli.round_commands:rounds",
    "story": "planner.cli.story_commands:story",
    "suggest": "planner.cli.suggest_commands:suggest_command",
    "agenda": "planner.cli.agenda_commands:agenda",
    "interview": "planner.cli.plan_commands:interview",
    "config": "planner.cli.plan_commands:config",
    "plan": "planner.cli.plan_commands:plan",
    "done": "planner.cli.plan_commands:done",
    "skip": "planner.cli.plan_commands:skip",
}


class PlannerGroup(click.Group):
    """Loads subcommands on demand; turns every user mistake into one line on stderr and a non-zero exit."""

    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *SUBCOMMANDS])

    def get_command(self, ctx, name):
        if name in SUBCOMMANDS:
            module, attribute = SUBCOMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            result = super().main(args, prog_name or "planner", standalone_mode=False, **extra)
        except UserError as exc:
            _fail(str(exc), 1)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(exc.format_message() + hint, exc.exit_code)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except (click.Abort, KeyboardInterrupt, EOFError):
            _fail("aborted; nothing was changed", 130)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, code: int):
    click.echo(f"planner: {message}", err=True)
    sys.exit(code)


@click.group(cls=PlannerGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(__version__, prog_name="planner")
@click.pass_context
def cli(ctx: click.Context):
    """Prepare for an ML engineer interview loop: a study plan up to each interview,
    a bank of STAR stories, and today's agenda.

    Run without a command to open the full-screen app.
    """
    if ctx.invoked_subcommand is None:
        from planner.tui.app import build_app

        # A database that cannot be opened is one clear line here, before the app takes the screen.
        build_app(current_db_path()).run()


@cli.command()
@db_option
def where():
    """Print the path of the database in use."""
    click.echo(str(chosen_db_path()))


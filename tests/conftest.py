"""What the tests share: the fixed day they live on, the five rounds, a CLI runner on a fresh
database, and the helpers for the app and for commands that must fail cleanly."""

from datetime import date

import pytest
from click.testing import CliRunner, Result

from planner.cli.root import cli

TODAY = date(2026, 11, 24)  # a Tuesday
# The loop: each round's slug and length in minutes, in order.
LOOP = [
    ("recruiter-screen", 30),
    ("ml-coding", 45),
    ("ml-concepts", 45),
    ("ml-system-design", 45),
    ("behavioral", 30),
]


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "planner.db"


@pytest.fixture(autouse=True)
def settings_file(tmp_path, monkeypatch):
    """The app's settings file, a fresh one for each test: never the user's own."""
    path = tmp_path / "settings.toml"
    monkeypatch.setenv("PLANNER_SETTINGS", str(path))
    return path


@pytest.fixture
def run(db_path, monkeypatch):
    """Run `planner ARGS...` against a fresh database; stderr is kept apart from stdout."""
    monkeypatch.delenv("PLANNER_DB", raising=False)

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, ["--db", str(db_path), *args], input=input)

    return invoke


def crashed(result: Result) -> bool:
    """Whether the command died of an exception (a traceback for the user) rather than exiting.

    CliRunner keeps such an exception in result.exception, not in the output."""
    return result.exception is not None and not isinstance(result.exception, SystemExit)


def unchanged_by(db_path, run, *args: str, input: str | None = None) -> str:
    """Run a command that must fail, check it said why in one line and left the database file exactly
    as it was, and return what it said."""
    before = db_path.read_bytes()
    result = run(*args, input=input)
    assert result.exit_code != 0
    assert not crashed(result)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert db_path.read_bytes() == before
    return result.stderr


async def settle(pilot) -> None:
    """Let the app finish its database work, failed or not (a failure is the app's to report), and
    redraw."""
    from textual.worker import WorkerState

    while any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in pilot.app.workers):
        await pilot.pause(0.02)
    await pilot.pause()


async def open_story_form(pilot, key: str = "n"):
    """Open the Stories screen's form: n for a new story, e to edit the highlighted one."""
    from planner.tui.forms import StoryForm

    await pilot.press("3")
    await settle(pilot)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, StoryForm)
    return pilot.app.screen


async def fill_interview_form(pilot, company: str, when: str) -> None:
    """Open the Interviews screen's form for a new interview and type its company and date."""
    from textual.widgets import Input

    await pilot.press("6")
    await settle(pilot)
    await pilot.press("a")
    await pilot.pause()
    pilot.app.screen.query_one("#company", Input).value = company
    pilot.app.screen.query_one("#when", Input).value = when
    await pilot.pause()

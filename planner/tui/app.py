"""The full-screen app: the same core and store as the CLI, one screen per part of the prep."""

import sqlite3
from importlib import import_module
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from planner.tui.today import TodayScreen

if TYPE_CHECKING:
    from planner.store import Store

T = TypeVar("T")


def _later(module: str, name: str) -> Callable[[], Screen]:
    """A screen whose module is imported the first time it is shown, so that start-up stays quick."""
    return lambda: getattr(import_module(f"planner.tui.{module}"), name)()


SCREENS = {
    "today": ("1", "Today", TodayScreen),
    "plan": ("2", "Plan", _later("plan", "PlanScreen")),
    "stories": ("3", "Stories", _later("stories", "StoriesScreen")),
    "suggest": ("4", "Suggest", _later("suggest", "SuggestScreen")),
    "rounds": ("5", "Rounds", _later("rounds", "RoundsScreen")),
    "interviews": ("6", "Interviews", _later("interviews", "InterviewsScreen")),
}
REFRESH_SECONDS = 1.0
CALENDAR_FILE = "planner.ics"
STORIES_FILE = "stories.md"


class PlannerApp(App):
    TITLE = "planner"
    SUB_TITLE = "ML engineer interview prep"
    CSS_PATH = "planner.tcss"
    MODES = {name: screen for name, (_, _, screen) in SCREENS.items()}
    DEFAULT_MODE = "today"
    BINDINGS = [
        *(Binding(key, f"switch_mode('{name}')", label, id=f"show-{name}") for name, (key, label, _) in SCREENS.items()),
        Binding("question_mark", "show_help_panel", "Keys", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_path: Path, today: date | None = None):
        super().__init__()
        self.db_path = db_path
        self.fixed_today = today
        self._seen_version: tuple | None = None

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def with_store(self, work: Callable[["Store"], T]) -> T:
        """Run work against the database on its own connection, so any worker thread may call it."""
        from planner.store import Store  # sqlite-utils is only needed once something is written

        with Store.open(self.db_path) as store:
            return work(store)

    def reading(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on a plain read-only connection of its own: cheaper than a Store to start."""
        conn = sqlite3.connect(f"{self.db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return work(conn)
        finally:
            conn.close()

    def on_mount(self) -> None:
        self._seen_version = self._file_version()
        self.set_interval(REFRESH_SECONDS, self._refresh_if_changed)

    def _file_version(self) -> tuple:
        """Changes whenever anyone (this app or `planner` in another shell) writes to the database."""
        stamps = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                stat = path.stat()
                stamps.append((stat.st_mtime_ns, stat.st_size))
            except FileNotFoundError:
                stamps.append(None)
        return tuple(stamps)

    def _refresh_if_changed(self) -> None:
        version = self._file_version()
        if version != self._seen_version:
            self._seen_version = version
            self.refresh_data()

    def refresh_data(self) -> None:
        """Reload what the current screen shows."""
        reload = getattr(self.screen, "reload", None)
        if reload:
            reload()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name, (_, label, _) in SCREENS.items():
            yield SystemCommand(f"Go to {label}", f"Show the {label} screen", lambda name=name: self.switch_mode(name))
        # The current screen's own commands, then those that work from anywhere.
        yield from getattr(screen, "commands", lambda: [])()
        yield SystemCommand("Add story", "Write a new STAR story", self.action_add_story)
        yield SystemCommand("Suggest a story", "Find the story to tell for a prompt", lambda: self.switch_mode("suggest"))
        yield SystemCommand("Export plan to calendar", f"Write {CALENDAR_FILE} in the current folder", self.export_plan)
        yield SystemCommand("Export stories", f"Write {STORIES_FILE} (a study sheet) in the current folder",
                            self.export_stories)

    async def action_add_story(self) -> None:
        await self.switch_mode("stories")
        self.screen.action_new()

    @work(thread=True, group="export")
    def export_plan(self) -> None:
        from planner.ics import plan_calendar
        from planner.catalog import load_catalog

        def read(store):
            return store.entries("status = 'planned'"), store.interviews()

        entries, interviews = self.with_store(read)
        names = {r.slug: r.name for r in load_catalog().rounds}
        Path(CALENDAR_FILE).write_text(plan_calendar(entries, interviews, names, datetime.now(timezone.utc)), newline="")
        self.call_from_thread(self.notify, f"Wrote the plan to {Path(CALENDAR_FILE).resolve()}")

    @work(thread=True, group="export")
    def export_stories(self) -> None:
        from planner.stories import study_sheet

        Path(STORIES_FILE).write_text(study_sheet(self.with_store(lambda store: store.stories())))
        self.call_from_thread(self.notify, f"Wrote your stories to {Path(STORIES_FILE).resolve()}")


def build_app(db_path: Path, today: date | None = None) -> PlannerApp:
    """The one place the app is put together, for the `planner` command and for the tests."""
    return PlannerApp(db_path, today)

"""The full-screen app: the same core and store as the shell commands, one screen per part of the prep."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.actions import SkipAction
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from planner.clock import today
from planner.db.readers import read_only
from planner.errors import UserError, database_trouble
from planner.tui.messages import DataChanged

if TYPE_CHECKING:
    from planner.db.store import Store

T = TypeVar("T")


def _later(module: str, name: str) -> Callable[[], Screen[None]]:
    """A screen whose module is imported the first time it is shown, so that start-up stays quick."""
    return lambda: getattr(import_module(f"planner.tui.{module}"), name)()


SCREENS = {
    "today": ("1", "Today", _later("today", "TodayScreen")),
    "plan": ("2", "Plan", _later("plan", "PlanScreen")),
    "stories": ("3", "Stories", _later("stories", "StoriesScreen")),
    "suggest": ("4", "Suggest", _later("suggest", "SuggestScreen")),
    "rounds": ("5", "Rounds", _later("rounds", "RoundsScreen")),
    "interviews": ("6", "Interviews", _later("interviews", "InterviewsScreen")),
    "readiness": ("7", "Readiness", _later("readiness", "ReadinessScreen")),
}
REFRESH_SECONDS = 1.0
CALENDAR_FILE = "planner.ics"
STUDY_SHEET_FILE = "stories.md"
IMPORT_FILE = "stories.json"


class PlannerApp(App[None]):
    TITLE = "planner"
    SUB_TITLE = "ML engineer interview prep"
    CSS_PATH = "planner.tcss"
    MODES = {name: screen for name, (_, _, screen) in SCREENS.items()}
    DEFAULT_MODE = "today"
    BINDING_GROUP_TITLE = "On every screen"
    BINDINGS = [
        *(
            Binding(key, f"switch_mode('{name}')", label, id=f"show-{name}", show=False)  # in the screen bar
            for name, (key, label, _) in SCREENS.items()
        ),
        Binding("question_mark", "toggle_keys", "Keys", id="help"),
        # Esc closes the keys panel first; with it closed, Esc does what the screen makes of it.
        Binding("escape", "close_keys", "Close keys", id="help-close", show=False, priority=True),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def _keys_open(self) -> bool:
        return bool(self.screen.query("HelpPanel"))

    def action_toggle_keys(self) -> None:
        """? opens the panel of keys, and closes it."""
        if self._keys_open():
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_close_keys(self) -> None:
        if not self._keys_open():
            raise SkipAction()
        self.action_hide_help_panel()

    def __init__(self, db_path: Path, fixed_today: date | None = None):
        super().__init__()
        self.db_path = db_path
        self.fixed_today = fixed_today
        self._seen_version: tuple[tuple[int, int] | None, ...] = ()

    @property
    def today(self) -> date:
        """The same day the shell commands take as today (PLANNER_TODAY included), unless fixed."""
        return self.fixed_today or today()

    def with_store(self, work: Callable[[Store], T]) -> T:
        """Run work against the database on its own connection, so any worker thread may call it."""
        from planner.db.store import Store  # sqlite-utils is only needed once something is written

        with Store.open(self.db_path, create=False) as store:
            return work(store)

    def reading(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read on a plain read-only connection of its own: cheaper than a Store to start."""
        conn = read_only(self.db_path)
        try:
            return work(conn)
        finally:
            conn.close()

    def in_background(
        self,
        work: Callable[[Store], T],
        done: Callable[[T], str],
        *,
        changes: bool = True,
        owner: DOMNode | None = None,
    ) -> None:
        """Run database work in a thread, then tell the user what was done (done(result)) and, for
        work that changes data, have the screen on show read its data again.

        The worker belongs to owner (the app unless given), which hears how it ended; a failure
        takes the one path every worker's failure takes: report_failure."""

        def run() -> T:
            result = self.with_store(work)
            self.call_from_thread(self.notify, done(result))
            if changes:
                self.post_message(DataChanged())
            return result

        (owner or self).run_worker(run, thread=True, group="database", exit_on_error=False)

    def report_failure(self, error: BaseException | None) -> None:
        """Say in a notification why database work failed; the app stays open. Anything else is a
        bug, and is raised."""
        if isinstance(error, UserError):
            self.notify(str(error), severity="error", timeout=10)
        elif isinstance(error, sqlite3.Error):
            self.notify(database_trouble(error), severity="error", timeout=10)
        elif error is not None:
            raise error

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_failure(event.worker.error)

    def on_data_changed(self, _: DataChanged) -> None:
        from planner.tui.base import PlannerScreen

        self._seen_version = self._file_version()  # what is read now need not be read again
        screens = self.screen_stack  # empty when a worker's change is heard as the app closes
        if screens and isinstance(screens[-1], PlannerScreen):
            screens[-1].reload()

    def on_mount(self) -> None:
        self._seen_version = self._file_version()
        self.set_interval(REFRESH_SECONDS, self._post_if_changed)
        self._apply_settings()

    def _apply_settings(self) -> None:
        """The theme and keys kept in the settings file; a theme chosen later is kept there too."""
        from planner.tui.settings import Settings, read_settings, settings_path

        self.settings_file = settings_path()
        try:
            self.settings = read_settings(self.settings_file)
        except UserError as exc:
            self.settings = Settings()
            self.notify(str(exc), severity="warning", timeout=10)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.settings.theme:
            self.notify(f"no theme named {self.settings.theme!r}; using {self.theme}", severity="warning")
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        self.theme_changed_signal.subscribe(self, self._keep_theme)

    def _keep_theme(self, theme: Theme) -> None:
        from planner.tui.settings import write_settings

        if theme.name == self.settings.theme:
            return
        self.settings.theme = theme.name
        try:
            write_settings(self.settings_file, self.settings)
        except (UserError, OSError) as exc:
            self.notify(f"the theme is not kept for next time: {exc}", severity="warning")

    def _file_version(self) -> tuple[tuple[int, int] | None, ...]:
        """Changes whenever anyone (this app or `planner` in another shell) writes to the database."""
        stamps: list[tuple[int, int] | None] = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                stat = path.stat()
                stamps.append((stat.st_mtime_ns, stat.st_size))
            except FileNotFoundError:
                stamps.append(None)
        return tuple(stamps)

    def _post_if_changed(self) -> None:
        version = self._file_version()
        if version != self._seen_version:
            self._seen_version = version
            self.post_message(DataChanged())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from planner.tui.base import PlannerScreen

        yield from super().get_system_commands(screen)
        for name, (_, label, _) in SCREENS.items():
            yield SystemCommand(f"Go to {label}", f"Show the {label} screen", lambda name=name: self.switch_mode(name))
        # The current screen's own commands, then those that work from anywhere.
        if isinstance(screen, PlannerScreen):
            yield from screen.commands()
        yield SystemCommand("Add story", "Write a new STAR story", self.action_add_story)
        yield SystemCommand(
            "Suggest a story", "Find the story to tell for a prompt", lambda: self.switch_mode("suggest")
        )
        yield SystemCommand("Export plan to calendar", f"Write {CALENDAR_FILE} in the current folder", self.export_plan)
        yield SystemCommand(
            "Export stories", f"Write {STUDY_SHEET_FILE} (a study sheet) in the current folder", self.export_stories
        )
        yield SystemCommand(
            "Import stories", f"Add the stories of {IMPORT_FILE} in the current folder", self.import_stories
        )

    async def action_add_story(self) -> None:
        from planner.tui.stories import StoriesScreen

        await self.switch_mode("stories")
        if isinstance(self.screen, StoriesScreen):
            self.screen.action_new()

    def export_plan(self) -> None:
        from planner.exports import export_calendar

        today = self.today
        self._export(
            Path(CALENDAR_FILE),
            lambda store, path, replace: export_calendar(store, path, today, replace=replace),
            "study days",
        )

    def export_stories(self) -> None:
        from planner.exports import export_stories

        self._export(
            Path(STUDY_SHEET_FILE),
            lambda store, path, replace: export_stories(store, path, "markdown", replace=replace),
            "stories",
        )

    def _export(self, path: Path, write: Callable[[Store, Path, bool], int], what: str) -> None:
        """Write an export, asking first before a file already there is replaced."""
        from planner.files import taken
        from planner.tui.forms import Confirm

        def write_it(replace: bool) -> None:
            self.in_background(
                lambda store: write(store, path, replace),
                lambda count: f"Wrote {count} {what} to {path.resolve()}",
                changes=False,
            )

        if taken(path):
            question = Confirm(f"{path.resolve()} exists already. Replace it?")
            self.push_screen(question, lambda yes: write_it(True) if yes else None)
        else:
            write_it(False)

    def import_stories(self) -> None:
        from planner.stories.importing import import_stories, read_stories_file

        def run(store: Store) -> tuple[int, int]:
            return import_stories(store, read_stories_file(Path(IMPORT_FILE)))

        self.in_background(run, lambda counts: f"Imported {counts[0]} stories; {counts[1]} were already in the bank.")


def build_app(db_path: Path, fixed_today: date | None = None) -> PlannerApp:
    """The one place the app is put together, for the `planner` command and for the tests."""
    return PlannerApp(db_path, fixed_today)

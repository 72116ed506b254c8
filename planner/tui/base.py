"""What every screen of the app has: a typed app, a header and a footer around its own body,
reload() to read its data again, and its commands for the palette."""

from collections.abc import Iterable

from textual import getters
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import Worker, WorkerState

from planner.tui.app import PlannerApp


class PlannerScreen(Screen[None]):
    app = getters.app(PlannerApp)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The screen's own widgets, between the header and the footer."""
        yield from ()

    def reload(self) -> object:
        """Read again what the screen shows from the database (screens do it in a worker, which
        they return). A screen with nothing stored to show keeps this default."""
        return None

    def commands(self) -> Iterable[SystemCommand]:
        """The screen's own commands, offered in the command palette while it is shown."""
        return ()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_failure(event.worker.error)

"""What every screen of the app has: a typed app, a header and a footer around its own body,
reload() to read its data again, and its commands for the palette."""

from collections.abc import Iterable

from textual import getters
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker, WorkerState

from planner.tui.app import PlannerApp


def share_bar(share: float, width: int) -> str:
    """A share from 0 to 1 drawn as a bar of `width` cells."""
    filled = round(width * min(1.0, max(0.0, share)))
    return "█" * filled + "░" * (width - filled)


def data_table(table_id: str, *columns: str) -> DataTable[str]:
    """A table with a row cursor and its columns in place from the start, so that rows read before
    the screen is mounted always have columns to go in."""
    table: DataTable[str] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
    table.add_columns(*columns)
    return table


class PlannerScreen(Screen[None]):
    app = getters.app(PlannerApp)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="screen-bar")
        yield from self.compose_body()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # The screens and their keys, this one marked: the footer keeps its room for this screen's keys.
        from planner.tui.app import SCREENS

        current = self.app.current_mode
        self.query_one("#screen-bar", Static).update(
            "  ".join(
                f"[reverse] {key} {label} [/]" if name == current else f"[b]{key}[/] {label}"
                for name, (key, label, _) in SCREENS.items()
            )
        )

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
        # Shown for the first time or again: what it shows may have changed meanwhile.
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_failure(event.worker.error)

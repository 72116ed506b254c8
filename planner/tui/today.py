"""Today: the agenda, overdue first; check off, skip, or time a task."""

import math
import time

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from planner.agenda import Agenda
from planner.catalog import load_catalog
from planner.model import Entry
from planner.records import read_agenda

STATUS_MARKS = {"planned": " ", "done": "✓", "skipped": "–"}


class TodayScreen(Screen):
    BINDINGS = [
        Binding("d", "mark('done')", "Done", id="today-done"),
        Binding("s", "mark('skipped')", "Skip", id="today-skip"),
        Binding("t", "timer", "Timer", id="today-timer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.agenda: Agenda | None = None
        self.timing: tuple[Entry, float, int] | None = None  # the task, when it started, seconds allowed

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="today-summary")
        yield DataTable(id="today-tasks", cursor_type="row", zebra_stripes=True)
        yield Static(id="today-timer")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Id", "Round", "Min", "Task", "Due")
        self.set_interval(1, self._tick)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="today")
    def reload(self) -> None:
        agenda = self.app.reading(lambda conn: read_agenda(conn, self.app.today))
        self.app.call_from_thread(self._show, agenda)

    def _show(self, agenda: Agenda) -> None:
        self.agenda = agenda
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        names = {r.slug: r.name for r in load_catalog().rounds}
        for entry in agenda.tasks:
            due = "overdue " + entry.due.strftime("%a %d %b") if entry in agenda.overdue else ""
            table.add_row(STATUS_MARKS[entry.status], str(entry.id), names.get(entry.round, entry.round),
                          str(entry.minutes), entry.title, due, key=str(entry.id))
        if agenda.tasks:
            table.move_cursor(row=min(row, len(agenda.tasks) - 1))
        ahead = " · ".join(f"{c.company} {c.when}" for c in agenda.interviews)
        summary = (f"{agenda.day:%A %d %B %Y}   {agenda.planned_minutes} min to do, {agenda.done_minutes} done,"
                   f" budget {agenda.budget_minutes}" + (f"   │ {ahead}" if ahead else ""))
        if not agenda.tasks:
            summary += ("\n\nNothing planned today." if agenda.interviews
                        else "\n\nNo interviews yet: press 6 to add one, and the plan appears here.")
        self.query_one("#today-summary", Static).update(summary)

    def _selected(self) -> Entry | None:
        if not self.agenda or not self.agenda.tasks:
            return None
        return self.agenda.tasks[self.query_one(DataTable).cursor_row]

    def action_mark(self, status: str, minutes: int | None = None) -> None:
        entry = self._selected()
        if entry is None:
            return
        self._save_status(entry, status, minutes)

    @work(thread=True, group="today-write")
    def _save_status(self, entry: Entry, status: str, minutes: int | None) -> None:
        self.app.with_store(lambda store: store.set_status(entry.id, status, minutes=minutes, on=self.app.today))
        verb = "Done" if status == "done" else "Skipped"
        self.app.call_from_thread(self.notify, f"{verb}: {entry.title[:60]}")
        self.app.call_from_thread(self.reload)

    def action_timer(self) -> None:
        """Start timing the highlighted task; pressed again, stop and record the time spent."""
        if self.timing:
            entry, started, _ = self.timing
            self.timing = None
            self.query_one("#today-timer", Static).update("")
            self._save_status(entry, "done", max(1, math.ceil((time.monotonic() - started) / 60)))
            return
        entry = self._selected()
        if entry is None or entry.status != "planned":
            return
        minutes = load_catalog().round(entry.round).minutes if entry.kind == "mock" else entry.minutes
        self.timing = (entry, time.monotonic(), minutes * 60)
        self._tick()

    def _tick(self) -> None:
        if not self.timing:
            return
        entry, started, allowed = self.timing
        left = allowed - int(time.monotonic() - started)
        if left <= 0:
            self.bell()
            self.action_timer()
            return
        self.query_one("#today-timer", Static).update(
            f"⏱ {left // 60:02d}:{left % 60:02d} left · {entry.title[:70]} · t stops and records the time"
        )

    def commands(self):
        from textual.app import SystemCommand

        yield SystemCommand("Check off task", "Mark the highlighted task done", lambda: self.action_mark("done"))
        yield SystemCommand("Skip task", "Skip the highlighted task", lambda: self.action_mark("skipped"))
        yield SystemCommand("Start or stop timer", "Time the highlighted task", self.action_timer)

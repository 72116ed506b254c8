"""Today: the agenda, overdue first; check off, skip, or time a task."""

import math
import time
from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Static

from planner.catalog.rounds import THEMES, load_catalog
from planner.db.readers import read_agenda
from planner.plan.agenda import Agenda
from planner.plan.records import Task
from planner.plan.replan import catch_up, mark
from planner.stories.story import Story
from planner.tui.base import PlannerScreen, data_table

STATUS_MARKS = {"planned": " ", "done": "✓", "skipped": "–"}


class TodayScreen(PlannerScreen):
    BINDINGS = [
        Binding("enter", "study", "Study", id="today-study"),
        Binding("d", "mark('done')", "Done", id="today-done"),
        Binding("s", "mark('skipped')", "Skip", id="today-skip"),
        Binding("t", "timer", "Timer", id="today-timer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.agenda: Agenda | None = None
        self.timing: tuple[Task, float, int] | None = None  # the task, when it started, seconds allowed

    def compose_body(self) -> ComposeResult:
        yield Static(id="today-summary")
        yield data_table("today-tasks", "", "Id", "Round", "Min", "Task", "Due")
        yield Static(id="today-timer")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    @work(thread=True, exclusive=True, group="today", exit_on_error=False)
    def reload(self) -> None:
        today = self.app.today
        agenda = self.app.reading(lambda conn: read_agenda(conn, today))
        if agenda.overdue:  # missed work: moved forward within the budget, then read again
            self.app.with_store(lambda store: None if store.read_only else catch_up(store, today))
            agenda = self.app.reading(lambda conn: read_agenda(conn, today))
        self.app.call_from_thread(self._show, agenda)

    def _show(self, agenda: Agenda) -> None:
        self.agenda = agenda
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        names = {r.slug: r.name for r in load_catalog().rounds}
        for task in agenda.tasks:
            due = "overdue " + task.due.strftime("%a %d %b") if task in agenda.overdue else ""
            table.add_row(
                STATUS_MARKS[task.status],
                str(task.id),
                names.get(task.round, task.round),
                str(task.minutes),
                task.title,
                due,
                key=str(task.id),
            )
        if agenda.tasks:
            table.move_cursor(row=min(row, len(agenda.tasks) - 1))
        ahead = " · ".join(f"{c.company} {c.when}" for c in agenda.interviews)
        summary = (
            f"{agenda.day:%A %d %B %Y}   {agenda.planned_minutes} min to do, {agenda.done_minutes} done,"
            f" budget {agenda.budget_minutes}" + (f"   │ {ahead}" if ahead else "")
        )
        if agenda.missed:
            summary += f"\n{agenda.missed.note()}"
        if not agenda.tasks:
            summary += (
                "\n\nNothing planned today."
                if agenda.interviews
                else "\n\nNo interviews yet: press 6 to add one, and the plan appears here."
            )
        self.query_one("#today-summary", Static).update(summary)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()

    def action_study(self) -> None:
        """Open the highlighted task as a study card: answer, reveal the outline, rate."""
        from planner.tui.study import MockCard, StudyCard

        task = self._selected()
        if task is None or task.status != "planned":
            return
        if task.kind == "write":
            self._write_story(task)
            return
        card = MockCard if task.kind == "mock" else StudyCard
        self.app.push_screen(card(task, self.app.today))

    def _write_story(self, task: Task) -> None:
        """The story form, started with what the plan asks for; saving it checks the task off."""
        from planner.tui.forms import StoryForm

        gap = task.key.partition(":")[2]
        prompts = load_catalog().round(task.round).questions
        question = next((q for q in prompts if q.id == task.question_id), None)
        themes = (gap,) if gap in THEMES else question.themes if question else ()
        competencies = () if gap in THEMES or gap == "other" else (gap,)
        draft = Story(0, task.title, themes=themes, competencies=competencies)
        day = self.app.today
        self.app.push_screen(StoryForm(draft=draft, then=lambda store: mark(store, [task.id], "done", day, None)))

    def _selected(self) -> Task | None:
        if not self.agenda or not self.agenda.tasks:
            return None
        return self.agenda.tasks[self.query_one(DataTable).cursor_row]

    def action_mark(self, status: str, minutes: int | None = None) -> None:
        task = self._selected()
        if task is not None:
            self._save_status(task, status, minutes)

    def _save_status(self, task: Task, status: str, minutes: int | None) -> None:
        day = self.app.today
        verb = "Done" if status == "done" else "Skipped"
        self.app.in_background(
            lambda store: mark(store, [task.id], status, day, minutes)[0],
            lambda saved: f"{verb}: {saved.title[:60]}",
        )

    def action_timer(self) -> None:
        """Start timing the highlighted task; pressed again, stop and record the time spent."""
        if self.timing:
            task, started, _ = self.timing
            self.timing = None
            self.query_one("#today-timer", Static).update("")
            self._save_status(task, "done", max(1, math.ceil((time.monotonic() - started) / 60)))
            return
        chosen = self._selected()
        if chosen is None or chosen.status != "planned":
            return
        minutes = load_catalog().round(chosen.round).minutes if chosen.kind == "mock" else chosen.minutes
        self.timing = (chosen, time.monotonic(), minutes * 60)
        self._tick()

    def _tick(self) -> None:
        if not self.timing:
            return
        task, started, allowed = self.timing
        left = allowed - int(time.monotonic() - started)
        if left <= 0:
            self.app.bell()
            self.action_timer()
            return
        self.query_one("#today-timer", Static).update(
            f"⏱ {left // 60:02d}:{left % 60:02d} left · {task.title[:70]} · t stops and records the time"
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Check off task", "Mark the highlighted task done", lambda: self.action_mark("done"))
        yield SystemCommand("Skip task", "Skip the highlighted task", lambda: self.action_mark("skipped"))
        yield SystemCommand("Start or stop timer", "Time the highlighted task", self.action_timer)

"""Today: the agenda, overdue first, with the highlighted task in full; check off, skip, or time a
task."""

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.markup import escape
from textual.widgets import DataTable, Static

from planner.catalog.data import round_names
from planner.db.readers import read_agenda, read_interviews
from planner.plan.agenda import Agenda
from planner.plan.records import Task
from planner.text import clipped
from planner.tui.base import PlannerScreen, data_table

# Re-planning, the question banks and the story bank are imported when first used, not to slow the
# first frame: Today only reads the agenda to show it.

STATUS_MARKS = {"planned": " ", "done": "✓", "skipped": "–"}
# The columns beside the task's title: mark, id, round, minutes, due, with the table's padding.
OTHER_COLUMNS_WIDTH = 2 + 5 + 13 + 5 + 17 + 6


@dataclass
class Timer:
    """A countdown on one task that pauses and resumes; the time it counts is what is logged when
    the task is checked off."""

    task: Task
    allowed: int  # seconds
    counted: float = 0.0  # seconds counted up to the last pause
    since: float | None = None  # when it last started counting; None while paused
    rang: bool = False  # the bell for time up has sounded

    @property
    def elapsed(self) -> float:
        return self.counted + (time.monotonic() - self.since if self.since is not None else 0.0)

    def toggle(self) -> None:
        if self.since is None:
            self.since = time.monotonic()
        else:
            self.counted, self.since = self.elapsed, None

    def line(self) -> str:
        left = self.allowed - int(self.elapsed)
        clock = f"{left // 60:02d}:{left % 60:02d} left" if left >= 0 else f"{-left // 60:02d}:{-left % 60:02d} over"
        state = "paused, t: resume" if self.since is None else "t: pause"
        return f"⏱ {clock} · {clipped(self.task.title, 36)} · {state} · d: done"


def summary_line(agenda: Agenda, width: int) -> str:
    """The day, its minutes and the interviews ahead in one line of `width`: the date shortens
    first, then the interviews furthest away give way to a count of them."""
    minutes = f"{agenda.planned_minutes} min to do, {agenda.done_minutes} done, budget {agenda.budget_minutes}"
    head = f"{agenda.day:%A %d %B %Y}   {minutes}"
    ahead = [f"{c.company} {c.when}" for c in agenda.interviews]
    if len(head) + len("   │ ") + len(" · ".join(ahead)) > width:
        head = f"{agenda.day:%a %d %b}  {minutes}"
    for shown in range(len(ahead), 0, -1):
        more = len(ahead) - shown
        line = f"{head}   │ " + " · ".join(ahead[:shown]) + (f" · +{more} more" if more else "")
        if len(line) <= width:
            return line
    return head


class TodayScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Today keys"
    BINDINGS = [
        Binding("enter", "study", "Study", id="today-study"),
        Binding("d", "mark('done')", "Done", id="today-done"),
        Binding("s", "mark('skipped')", "Skip", id="today-skip"),
        Binding("t", "timer", "Timer", id="today-timer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.agenda: Agenda | None = None
        self.companies: dict[int, str] = {}  # interview id: company
        self.timer: Timer | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="today-summary")
        yield data_table("today-tasks", "", "Id", "Round", "Min", "Task", "Due")
        yield Static(id="today-timer")
        yield Static(id="today-detail")

    def on_mount(self) -> None:
        self.query_one("#today-timer").display = False
        self.set_interval(1, self._tick)

    def on_resize(self) -> None:
        if self.agenda:
            self._show(self.agenda)

    @work(thread=True, exclusive=True, group="today", exit_on_error=False)
    def reload(self) -> None:
        today = self.app.today
        agenda = self.app.reading(lambda conn: read_agenda(conn, today))
        if agenda.overdue:  # missed work: moved forward within the budget, then read again
            from planner.plan.replan import catch_up

            self.app.with_store(lambda store: None if store.read_only else catch_up(store, today))
            agenda = self.app.reading(lambda conn: read_agenda(conn, today))
        interviews = self.app.reading(read_interviews)
        self.companies = {interview.id: interview.company for interview in interviews}
        self.app.call_from_thread(self._show, agenda)

    def _show(self, agenda: Agenda) -> None:
        self.agenda = agenda
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        names = round_names()
        # Titles are cut to the room the screen leaves them; the detail below shows them whole.
        room = max(20, self.size.width - OTHER_COLUMNS_WIDTH)
        for task in agenda.tasks:
            due = "overdue " + task.due.strftime("%a %d %b") if task in agenda.overdue else ""
            table.add_row(
                STATUS_MARKS[task.status],
                str(task.id),
                names.get(task.round, task.round),
                str(task.minutes),
                clipped(task.title, room),
                due,
                key=str(task.id),
            )
        if agenda.tasks:
            table.move_cursor(row=min(row, len(agenda.tasks) - 1))
        summary = summary_line(agenda, self.size.width - 2)  # the summary's padding takes 2
        if agenda.missed:
            summary += f"\n{agenda.missed.note()}"
        if not agenda.tasks:
            summary += (
                "\n\nNothing planned today."
                if agenda.interviews
                else "\n\nNo interviews yet: press 6 to add one, and the plan appears here."
            )
        self.query_one("#today-summary", Static).update(summary)
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted task in full: what to do, its round, when it is due and for which interview."""
        task = self._selected()
        detail = self.query_one("#today-detail", Static)
        if task is None:
            detail.update("")
            return
        late = f", overdue since {task.due:%a %d %b}" if self.agenda and task in self.agenda.overdue else ""
        company = self.companies.get(task.interview_id) if task.interview_id else None
        whose = f"for {company}" if company else "for every interview"
        how = {
            "write": "Enter: write it in the story form",
            "mock": "Enter: run it against the clock, phase by phase",
        }.get(task.kind, "Enter: study it (answer, then reveal the outline and rate yourself)")
        lines = [
            f"[b]{escape(task.title)}[/b]",
            f"{round_names().get(task.round, task.round)} · {task.kind} · {task.minutes} min"
            f" · due {task.due:%a %d %b}{late} · {whose}",
            f"{how} · t: time it · d: done · s: skip",
        ]
        detail.update("\n".join(lines))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_study()

    def action_study(self) -> None:
        """Open the highlighted task as a study card: answer, reveal the outline, rate."""
        from planner.tui.study import MockCard, StudyCard

        task = self._selected()
        if task is None or not self._open(task):
            return
        if task.kind == "write":
            self._write_story(task)
            return
        card = MockCard if task.kind == "mock" else StudyCard
        self.app.push_screen(card(task, self.app.today))

    def _write_story(self, task: Task) -> None:
        """The story form, started with what the plan asks for; saving it checks the task off."""
        from planner.catalog.rounds import load_catalog
        from planner.plan.replan import mark
        from planner.stories.competencies import names
        from planner.stories.story import Story
        from planner.tui.forms import StoryForm

        gap = task.key.partition(":")[2]
        question = load_catalog().round(task.round).question(task.question_id)
        shows = (gap,) if gap in names() else ()  # a task laid out by an older planner may name a theme
        draft = Story(0, task.title, themes=question.themes if question else (), competencies=shows)
        day = self.app.today
        self.app.push_screen(StoryForm(draft=draft, then=lambda store: mark(store, [task.id], "done", day, None)))

    def _open(self, task: Task) -> bool:
        """Whether the task is still to do; if not, the user is told why a key did nothing."""
        if task.status != "planned":
            self.notify(f"Task {task.id} is {task.status} already.", timeout=3)
        return task.status == "planned"

    def _selected(self) -> Task | None:
        if not self.agenda or not self.agenda.tasks:
            return None
        return self.agenda.tasks[self.query_one(DataTable).cursor_row]

    def action_mark(self, status: str) -> None:
        task = self._selected()
        if task is None:
            return
        minutes = None
        if self.timer and self.timer.task.id == task.id:
            # The timed task is checked off with the time counted; skipped, its timer just stops.
            minutes = max(1, math.ceil(self.timer.elapsed / 60)) if status == "done" else None
            self.timer = None
            self.query_one("#today-timer").display = False
        self._save_status(task, status, minutes)

    def _save_status(self, task: Task, status: str, minutes: int | None) -> None:
        from planner.plan.replan import mark

        day = self.app.today
        verb = "Done" if status == "done" else "Skipped"
        self.app.in_background(
            lambda store: mark(store, [task.id], status, day, minutes)[0],
            lambda saved: f"{verb}: {saved.title[:60]}",
        )

    def action_timer(self) -> None:
        """Time the highlighted task; pressed again, pause, and again, resume. Only d checks it off."""
        if self.timer:
            self.timer.toggle()
            self._tick()
            return
        chosen = self._selected()
        if chosen is None or not self._open(chosen):
            return
        from planner.catalog.rounds import load_catalog

        minutes = load_catalog().round(chosen.round).minutes if chosen.kind == "mock" else chosen.minutes
        self.timer = Timer(chosen, minutes * 60)
        self.timer.toggle()
        self.query_one("#today-timer").display = True
        self._tick()

    def _tick(self) -> None:
        if not self.timer:
            return
        if not self.timer.rang and self.timer.elapsed >= self.timer.allowed:
            self.timer.rang = True
            self.app.bell()  # time is up: it goes on counting, over
        self.query_one("#today-timer", Static).update(escape(self.timer.line()))

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Check off task", "Mark the highlighted task done", lambda: self.action_mark("done"))
        yield SystemCommand("Skip task", "Skip the highlighted task", lambda: self.action_mark("skipped"))
        yield SystemCommand("Start or pause timer", "Time the highlighted task", self.action_timer)

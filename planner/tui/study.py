"""A study card: the question, answered aloud or on paper, then the outline revealed, then a rating
of how well it went, which the memory model turns into when the question comes back."""

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Markdown, Static

from planner.catalog.rounds import answer_outline, load_catalog
from planner.plan.memory import RATINGS
from planner.plan.records import Task
from planner.plan.replan import mark
from planner.tui.forms import SavingForm


class StudyCard(SavingForm):
    """Opened from Today on a task: see it, answer, reveal (space), rate (1-4) or close (Esc)."""

    BINDINGS = [
        Binding("space", "reveal", "Reveal", id="card-reveal"),
        *(
            Binding(str(n), f"rate('{rating}')", rating.capitalize(), id=f"card-{rating}")
            for n, rating in enumerate(RATINGS, start=1)
        ),  # fmt: skip
        Binding("escape", "cancel", "Close", id="card-close"),
    ]

    def __init__(self, task: Task, day: date) -> None:
        super().__init__()
        self.task_shown = task
        self.day = day

    def compose(self) -> ComposeResult:
        task = self.task_shown
        name = load_catalog().round(task.round).name
        with VerticalScroll(classes="dialog wide"):
            yield Label(f"{name} · {task.minutes} min · task {task.id}", classes="title")
            yield Static(task.title, id="card-question")
            yield Static("Answer it aloud or on paper, then press space to see the outline.", id="card-hint")
            yield Markdown(id="card-outline")
            yield Static(id="form-error", classes="error")

    def action_reveal(self) -> None:
        self.query_one("#card-outline", Markdown).update(
            answer_outline(self.task_shown.round, self.task_shown.question_id)
        )
        self.query_one("#card-hint", Static).update(
            "How well did you know it? 1 again · 2 hard · 3 good · 4 easy (Esc closes without a rating)"
        )

    def action_rate(self, rating: str) -> None:
        task, day = self.task_shown, self.day
        self.save(
            lambda store: mark(store, [task.id], "done", day, rating=rating)[0],
            lambda done: f"Done, rated {rating}: {done.title[:50]}",
        )

    def action_save(self) -> None:
        self.action_rate("good")


class MockCard(SavingForm):
    """A timed mock, as on the day: the round's phases against a visible clock that pauses, then a
    score from 1 to 5 and a note for the practice log."""

    AUTO_FOCUS = None  # the keys score and pause until the note is clicked or tabbed to
    BINDINGS = [
        Binding("p", "pause", "Pause", id="mock-pause"),
        *(Binding(str(n), f"score({n})", f"Score {n}", show=False, id=f"mock-score-{n}") for n in range(1, 6)),
        Binding("ctrl+s,f2", "save", "Save", id="mock-save"),
        Binding("escape", "cancel", "Close", id="mock-close"),
    ]

    def __init__(self, task: Task, day: date) -> None:
        super().__init__()
        self.task_shown = task
        self.day = day
        self.phases = load_catalog().round(task.round).phases
        self.seconds = task.minutes * 60
        self.elapsed = 0
        self.paused = False
        self.score: int | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide"):
            yield Label(self.task_shown.title, classes="title")
            yield Static(id="mock-clock")
            yield Static(id="mock-phases")
            yield Input(placeholder="A note for the log: what to work on next time", id="mock-note")
            yield Static("p pauses · 1-5 scores how it went · F2 saves it to the log · Esc closes", id="mock-hint")
            yield Static(id="form-error", classes="error")

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)
        self._show()

    def _tick(self) -> None:
        if not self.paused and self.elapsed < self.seconds:
            self.elapsed += 1
            if self.elapsed == self.seconds:
                self.app.bell()
            self._show()

    def _show(self) -> None:
        left = self.seconds - self.elapsed
        phase = min(len(self.phases) - 1, self.elapsed * len(self.phases) // self.seconds) if self.phases else 0
        state = " · paused" if self.paused else (" · time is up" if not left else "")
        score = f" · scored {self.score}/5" if self.score else ""
        self.query_one("#mock-clock", Static).update(f"⏱ {left // 60:02d}:{left % 60:02d} left{state}{score}")
        self.query_one("#mock-phases", Static).update(
            "\n".join(f"{'▶' if n == phase else ' '} {n + 1}. {name}" for n, name in enumerate(self.phases))
        )

    def action_pause(self) -> None:
        self.paused = not self.paused
        self._show()

    def action_score(self, score: int) -> None:
        self.score = score
        self._show()

    def action_save(self) -> None:
        from planner.errors import UserError
        from planner.text import plain

        try:
            note = plain(self.query_one("#mock-note", Input).value, "the note").strip() or None
        except UserError as exc:
            self.show_error(str(exc))
            return
        task, day, score = self.task_shown, self.day, self.score
        minutes = max(1, -(-self.elapsed // 60)) if self.elapsed else None
        self.save(
            lambda store: mark(store, [task.id], "done", day, minutes, score=score, note=note)[0],
            lambda done: f"Mock saved{f', scored {score}/5' if score else ''}: {done.title[:50]}",
        )

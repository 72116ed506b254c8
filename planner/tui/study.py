"""A study card: the question, answered aloud or on paper, then the outline revealed, then a rating
of how well it went, which the memory model turns into when the question comes back."""

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Markdown, Static

from planner.catalog.rounds import load_catalog
from planner.plan.memory import RATINGS
from planner.plan.records import Task
from planner.plan.replan import mark
from planner.tui.forms import SavingForm


def answer_outline(task: Task) -> str:
    """What a strong answer covers: the question's outline, or else the round's tips."""
    catalog = load_catalog()
    question = next((q for q in catalog.round(task.round).questions if q.id == task.question_id), None)
    if question and question.outline:
        return question.outline
    round_ = catalog.round(task.round)
    return "A strong answer:\n\n" + "\n".join(f"- {tip}" for tip in round_.tips)


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
        self.query_one("#card-outline", Markdown).update(answer_outline(self.task_shown))
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

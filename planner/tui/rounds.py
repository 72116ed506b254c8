"""Rounds: what each round of the loop assesses, its tips, and its question bank as a table, with
the highlighted question's outline below it; your own questions are marked and can be added."""

from collections.abc import Iterable

from rich.text import Text
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from planner.catalog.rounds import BEHAVIORAL, Catalog, Question, Round, load_catalog
from planner.plan.questions import question_bank
from planner.text import clipped
from planner.tui.base import PlannerScreen, data_table

# What the question's text leaves to the rest: the list of rounds, the level, minutes and whose
# columns, and the table's padding and scroll bar.
OTHER_COLUMNS_WIDTH = 25 + 8 + 5 + 7 + 6


def round_markdown(round_: Round) -> str:
    """The round's length, what it is, what it assesses and the tips for it."""
    lines = [f"# {round_.name} · {round_.minutes} min", "", round_.summary, "", "## What it assesses", ""]
    lines += [f"- {item}" for item in round_.assesses]
    lines += ["", "## Tips", ""]
    lines += [f"- {tip}" for tip in round_.tips]
    return "\n".join(lines)


def question_text(question: Question) -> str:
    """A question in full, with its outline (a paragraph, or a line for each of its parts)."""
    level = question.difficulty or ""
    facts = [question.id, f"{question.minutes} min", level, ", ".join(question.themes), question.whose]
    lines = [question.text, " · ".join(fact for fact in facts if fact)]
    outline = (question.outline or "").strip()
    if outline:
        lines += ["", "Outline:", *outline.splitlines()]
    return "\n".join(lines)


class RoundsScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Rounds keys"
    BINDINGS = [
        Binding("a", "add_question", "Add question", id="rounds-add-question"),
        Binding("x", "remove_question", "Remove yours", id="rounds-remove-question"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bank = load_catalog()  # the shipped banks until the user's own questions are read

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(Option(f"{r.name}  {r.minutes}m", id=r.slug) for r in self.bank.rounds),
                id="round-list",
            )
            with Vertical(id="round-detail"):
                with VerticalScroll(id="round-about"):
                    yield Markdown()
                yield Static(id="round-bank", markup=False)
                yield data_table("round-questions")
                with VerticalScroll(id="question-detail"):
                    yield Static(id="question-text", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_resize(self) -> None:
        self._show_questions()

    @work(thread=True, exclusive=True, group="rounds", exit_on_error=False)
    def reload(self) -> None:
        bank = self.app.with_store(question_bank)
        self.app.call_from_thread(self._show, bank)

    def _show(self, bank: Catalog) -> None:
        self.bank = bank
        self._show_questions()

    def _chosen(self) -> Round:
        return self.bank.rounds[self.query_one(OptionList).highlighted or 0]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(Markdown).update(round_markdown(self._chosen()))
        self.query_one("#round-about").scroll_home(animate=False)
        self._show_questions(first=True)

    def _show_questions(self, first: bool = False) -> None:
        """The round's questions, one a row, the text cut to the room left; the cursor stays on
        its question unless another round was chosen."""
        round_ = self._chosen()
        table = self.query_one("#round-questions", DataTable)
        row = 0 if first else table.cursor_row
        table.clear(columns=True)
        # Graded rounds have a level for each question; behavioral prompts have themes.
        table.add_columns("Theme" if round_.slug == BEHAVIORAL else "Level", "Min", "Question", "")
        room = max(20, self.size.width - OTHER_COLUMNS_WIDTH)
        for question in round_.questions:
            whose = "yours" if question.own else ""
            level = question.difficulty or ", ".join(question.themes[:1])
            text = Text(clipped(question.text, room))  # as written: a [bracket] is not markup
            table.add_row(level, str(question.minutes), text, whose)
        if round_.questions:
            table.move_cursor(row=min(row, len(round_.questions) - 1))
        yours = f", {len(round_.own_questions)} of them yours" if round_.own_questions else ""
        self.query_one("#round-bank", Static).update(
            f"Question bank: {len(round_.questions)} questions{yours} · a: add one of your own"
        )
        self._show_question()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_question()

    def _highlighted(self) -> Question | None:
        questions = self._chosen().questions
        row = self.query_one("#round-questions", DataTable).cursor_row
        return questions[row] if 0 <= row < len(questions) else None

    def _show_question(self) -> None:
        question = self._highlighted()
        self.query_one("#question-text", Static).update(question_text(question) if question else "")
        self.query_one("#question-detail").scroll_home(animate=False)

    def action_add_question(self) -> None:
        from planner.tui.forms import QuestionForm

        self.app.push_screen(QuestionForm(self._chosen(), self.app.today))

    def action_remove_question(self) -> None:
        """Remove the highlighted question, if it is one of the user's own, once they say so."""
        from planner.plan.questions import remove_question
        from planner.tui.forms import Confirm

        question = self._highlighted()
        if not question or not question.own:
            self.notify("Only questions of your own can be removed (they are marked yours).", timeout=4)
            return
        today = self.app.today

        def remove(sure: bool | None) -> None:
            if sure:
                self.app.in_background(
                    lambda store: remove_question(store, question.id, today), lambda gone: f"Removed {gone.id}."
                )

        self.app.push_screen(Confirm(f"Remove your question {question.text!r}? Work done on it stays."), remove)

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Add question", "Add a question of your own to the highlighted round", self.action_add_question
        )

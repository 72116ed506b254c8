"""Rounds: what each round of the loop assesses, tips, and its question bank."""

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from planner.catalog.rounds import Catalog, Round, load_catalog
from planner.plan.questions import question_bank
from planner.tui.base import PlannerScreen


def round_markdown(round_: Round) -> str:
    lines = [f"# {round_.name} · {round_.minutes} min", "", round_.summary, "", "## What it assesses", ""]
    lines += [f"- {item}" for item in round_.assesses]
    lines += ["", "## Tips", ""]
    lines += [f"- {tip}" for tip in round_.tips]
    yours = f", {len(round_.own_questions)} of them yours" if round_.own_questions else ""
    lines += ["", f"## Question bank ({len(round_.questions)}{yours})", "", "*a: add a question of your own*", ""]
    for question in round_.questions:
        yours = f"yours{' for ' + question.company if question.company else ''}" if question.own else ""
        facts = [f"{question.minutes} min", question.difficulty or "", ", ".join(question.themes), yours]
        detail = " · ".join(fact for fact in facts if fact)
        lines.append(f"- {question.text} *({detail}; `{question.id}`)*")
        outline = (question.outline or "").strip()
        if "\n" in outline:  # an outline in parts ("- Key points: ..."), nested under its heading
            lines.append("  - *Outline:*")
            lines += [f"    {line}" for line in outline.splitlines()]
        elif outline:
            lines.append(f"  - *Outline:* {outline}")
    return "\n".join(lines)


class RoundsScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Rounds keys"
    BINDINGS = [Binding("a", "add_question", "Add question", id="rounds-add-question")]

    def __init__(self) -> None:
        super().__init__()
        self.bank = load_catalog()  # the shipped banks until the user's own questions are read

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(Option(f"{r.name}  {r.minutes}m", id=r.slug) for r in self.bank.rounds),
                id="round-list",
            )
            with VerticalScroll(id="round-detail"):
                yield Markdown()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @work(thread=True, exclusive=True, group="rounds", exit_on_error=False)
    def reload(self) -> None:
        bank = self.app.with_store(question_bank)
        self.app.call_from_thread(self._show, bank)

    def _show(self, bank: Catalog) -> None:
        self.bank = bank
        self._show_round(keep_place=True)

    def _chosen(self) -> Round:
        options = self.query_one(OptionList)
        return self.bank.rounds[options.highlighted or 0]

    def _show_round(self, keep_place: bool = False) -> None:
        self.query_one(Markdown).update(round_markdown(self._chosen()))
        if not keep_place:
            self.query_one("#round-detail").scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_round()

    def action_add_question(self) -> None:
        from planner.tui.forms import QuestionForm

        self.app.push_screen(QuestionForm(self._chosen(), self.app.today))

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Add question", "Add a question of your own to the highlighted round", self.action_add_question
        )

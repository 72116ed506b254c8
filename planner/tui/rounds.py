"""Rounds: what each round of the loop assesses, tips, and its question bank."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, OptionList
from textual.widgets.option_list import Option

from planner.catalog.rounds import Round, load_catalog
from planner.tui.base import PlannerScreen


def round_markdown(round_: Round) -> str:
    lines = [f"# {round_.name} · {round_.minutes} min", "", round_.summary, "", "## What it assesses", ""]
    lines += [f"- {item}" for item in round_.assesses]
    lines += ["", "## Tips", ""]
    lines += [f"- {tip}" for tip in round_.tips]
    lines += ["", f"## Question bank ({len(round_.questions)})", ""]
    for question in round_.questions:
        facts = [f"{question.minutes} min", question.difficulty or "", ", ".join(question.themes)]
        detail = " · ".join(fact for fact in facts if fact)
        lines.append(f"- {question.text} *({detail}; `{question.id}`)*")
        if question.outline:
            lines.append(f"  - *Outline:* {question.outline}")
    return "\n".join(lines)


class RoundsScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Rounds keys"

    def compose_body(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *(Option(f"{r.name}  {r.minutes}m", id=r.slug) for r in load_catalog().rounds),
                id="round-list",
            )
            with VerticalScroll(id="round-detail"):
                yield Markdown()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        round_ = load_catalog().round(str(event.option.id))
        self.query_one(Markdown).update(round_markdown(round_))
        self.query_one("#round-detail").scroll_home(animate=False)

"""Suggest: type or paste a prompt, see the stories to tell and why, as you type; or every prompt of
the bank with its best story."""

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from planner.errors import UserError
from planner.stories.prep import (
    PromptGrid,
    check_prompt,
    grid_for,
    nothing_fits,
    suggestions_for,
    without_a_story,
)
from planner.stories.story import company_name
from planner.stories.suggest import Suggestion
from planner.tui.base import PlannerScreen

LIMIT = 5
EMPTY_BANK = "Your story bank is empty: add stories on the Stories screen (3)."


class SuggestScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Suggest keys"
    # The results take the keys on arrival, so that screen keys work at once; / goes to the prompt.
    AUTO_FOCUS = "#suggestions"
    BINDINGS = [
        Binding("t", "told", "Mark told", id="suggest-told"),
        Binding("p", "pick", "Pick", id="suggest-pick"),
        Binding("a", "all_prompts", "All prompts", id="suggest-all"),
        Binding("escape", "focus_results", "Results", id="suggest-results"),
        Binding("slash", "focus_prompt", "Prompt", id="suggest-prompt"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ranked: list[Suggestion] = []
        self.mapping_all = False  # showing every prompt of the bank rather than one prompt's ranking

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="suggest-inputs"):
            yield Input(
                placeholder="Paste the interviewer's prompt, e.g. Tell me about a time you disagreed with your manager",
                id="prompt",
            )
            yield Input(placeholder="Company (optional)", id="company")
        yield Static(id="suggest-note")
        yield OptionList(id="suggestions")

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_focus_prompt(self) -> None:
        self.query_one("#prompt", Input).focus()

    def reload(self) -> None:
        if self.mapping_all:
            self.action_all_prompts()
        else:
            self._rank()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "prompt":
            self.mapping_all = False
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def _company(self) -> str | None:
        return self.query_one("#company", Input).value.strip() or None

    def _rank(self) -> None:
        prompt = self.query_one("#prompt", Input).value
        try:
            check_prompt(prompt)
        except UserError as exc:
            empty = not prompt.strip()
            self._show(
                [],
                "Type a prompt to see which story to tell, or press a for every prompt of the bank."
                if empty
                else str(exc),
            )
            return
        self._rank_in_background(prompt, self._company())

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def _rank_in_background(self, prompt: str, company: str | None) -> None:
        # Ranking reads the bank's kept terms, which takes a moment for a large bank: in a thread,
        # so typing never waits for it, and only the ranking for the latest text is shown.
        ranked = self.app.with_store(lambda store: suggestions_for(store, prompt, company=company, limit=LIMIT))
        if get_current_worker().is_cancelled:
            return
        if not ranked:
            note = EMPTY_BANK
        elif ranked[0].weak:
            note = f"{nothing_fits(prompt)} The closest:"
        else:
            note = "Best first. Highlight one and press t to record that you told it."
        self.app.call_from_thread(self._show, ranked, note)

    def _show(self, ranked: list[Suggestion], note: str) -> None:
        self.ranked = ranked
        self.query_one("#suggest-note", Static).update(note)
        options = self.query_one(OptionList)
        options.clear_options()
        for number, found in enumerate(ranked, start=1):
            options.add_option(Option(f"{number}. {found.story.title}  (score {found.score:.2f})\n   {found.why}"))
        if ranked:
            options.highlighted = 0

    def action_all_prompts(self) -> None:
        self.mapping_all = True
        self._map_all_prompts(self._company())

    @work(thread=True, exclusive=True, group="suggest", exit_on_error=False)
    def _map_all_prompts(self, company: str | None) -> None:
        """Every behavioral prompt of the bank with the story to tell, and the ones no story covers."""
        grid = self.app.with_store(lambda store: grid_for(store, company))
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_grid, grid)

    def _show_grid(self, grid: PromptGrid) -> None:
        self._show([], EMPTY_BANK if not grid.bank_size else "")
        options = self.query_one(OptionList)
        if not grid.bank_size:
            return
        for question, found in grid.rows:
            mine = " (your pick)" if found and found.picked_for else ""
            answer = f"#{found.story.id} {found.story.title}{mine}" if found else without_a_story(question)
            options.add_option(Option(f"{question.text}\n   → {answer}"))
        summary = f"{len(grid.rows) - len(grid.uncovered)} of {len(grid.rows)} prompts of the bank have a story."
        for story, count in grid.overloaded:
            summary += f" {story.title} carries {count}: a second story would spread the load."
        self.query_one("#suggest-note", Static).update(summary)
        options.focus()

    def action_pick(self) -> None:
        """Pick the highlighted story to tell for this prompt (and prompts that mean the same)."""
        options = self.query_one(OptionList)
        prompt = " ".join(self.query_one("#prompt", Input).value.split())
        if self.mapping_all or not self.ranked or options.highlighted is None or not prompt:
            return
        story = self.ranked[options.highlighted].story
        self.app.in_background(
            lambda store: store.pick(prompt, story.id), lambda picked: f"Picked {picked.title} for this prompt"
        )

    def action_told(self) -> None:
        options = self.query_one(OptionList)
        company = self._company()
        if not self.ranked or options.highlighted is None:
            return
        if not company:
            self.notify("Type the company first, in the box beside the prompt.", severity="warning")
            return
        story = self.ranked[options.highlighted].story
        day = self.app.today.isoformat()
        try:
            company = company_name(company)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return
        self.app.in_background(
            lambda store: store.record_told(story.id, company, "behavioral", day),
            lambda _: f"Recorded: {story.title} told at {company}",
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Mark story told", "Record the highlighted story as told at the company", self.action_told)
        yield SystemCommand(
            "All prompts", "Every behavioral prompt of the bank with its story", self.action_all_prompts
        )
        yield SystemCommand("Pick story", "Tell the highlighted story for this prompt", self.action_pick)

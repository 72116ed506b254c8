"""Suggest: type or paste a prompt, see the stories to tell and why, as you type; or every prompt of
the bank with its best story."""

from collections.abc import Iterable

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from planner.catalog.rounds import load_catalog
from planner.errors import UserError
from planner.stories.prep import check_prompt, prompt_grid, what_to_write
from planner.stories.story import Story, company_name
from planner.stories.suggest import Suggestion, suggest
from planner.tui.base import PlannerScreen

LIMIT = 5


class SuggestScreen(PlannerScreen):
    AUTO_FOCUS = "#prompt"
    BINDINGS = [
        Binding("t", "told", "Mark told", id="suggest-told"),
        Binding("a", "all_prompts", "All prompts", id="suggest-all"),
        Binding("escape", "focus_results", "Results", id="suggest-results"),
        Binding("slash", "focus_prompt", "Prompt", id="suggest-prompt"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stories: tuple[Story, ...] = ()
        self.ranked: list[Suggestion] = []

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

    @work(thread=True, exclusive=True, group="suggest-load", exit_on_error=False)
    def reload(self) -> None:
        stories = tuple(self.app.with_store(lambda store: store.stories()))
        self.app.call_from_thread(self._set_stories, stories)

    def _set_stories(self, stories: tuple[Story, ...]) -> None:
        self.stories = stories
        self._rank()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._rank()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    def _company(self) -> str | None:
        return self.query_one("#company", Input).value.strip() or None

    def _rank(self) -> None:
        prompt = self.query_one("#prompt", Input).value
        note = self.query_one("#suggest-note", Static)
        options = self.query_one(OptionList)
        options.clear_options()
        self.ranked = []
        if not self.stories:
            note.update("Your story bank is empty: add stories on the Stories screen (3).")
            return
        if not prompt.strip():
            note.update("Type a prompt to see which story to tell, or press a for every prompt of the bank.")
            return
        try:
            check_prompt(prompt)
        except UserError as exc:
            note.update(str(exc))
            return
        self.ranked = suggest(prompt, self.stories, company=self._company(), limit=LIMIT)
        if self.ranked[0].weak:
            note.update(f"Nothing in your bank fits this prompt well: write {what_to_write(prompt)}. The closest:")
        else:
            note.update("Best first. Highlight one and press t to record that you told it.")
        for number, found in enumerate(self.ranked, start=1):
            options.add_option(Option(f"{number}. {found.story.title}  (score {found.score:.2f})\n   {found.why}"))
        options.highlighted = 0

    def action_all_prompts(self) -> None:
        """Every behavioral prompt of the bank with the story to tell, and the ones no story covers."""
        grid = prompt_grid(load_catalog().round("behavioral").questions, self.stories, self._company())
        options = self.query_one(OptionList)
        options.clear_options()
        self.ranked = []
        for question, found in grid.rows:
            answer = f"#{found.story.id} {found.story.title}" if found else "no story covers this: write one"
            options.add_option(Option(f"{question.text}\n   → {answer}"))
        summary = f"{len(grid.rows) - len(grid.uncovered)} of {len(grid.rows)} prompts of the bank have a story."
        for story, count in grid.overloaded:
            summary += f" {story.title} carries {count}: a second story would spread the load."
        self.query_one("#suggest-note", Static).update(summary)
        options.focus()

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

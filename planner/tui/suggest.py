"""Suggest: type or paste a prompt, see the stories to tell and why, as you type."""

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from planner.stories import Story
from planner.suggest import Suggestion, suggest

LIMIT = 5


class SuggestScreen(Screen):
    AUTO_FOCUS = "#prompt"
    BINDINGS = [
        Binding("t", "told", "Mark told", id="suggest-told"),
        Binding("escape", "focus_results", "Results", id="suggest-results"),
        Binding("slash", "focus_prompt", "Prompt", id="suggest-prompt"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stories: tuple[Story, ...] = ()
        self.ranked: list[Suggestion] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="suggest-inputs"):
            yield Input(placeholder="Paste the interviewer's prompt, e.g. Tell me about a time you disagreed with your manager",
                        id="prompt")
            yield Input(placeholder="Company (optional)", id="company")
        yield Static(id="suggest-note")
        yield OptionList(id="suggestions")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()

    def action_focus_prompt(self) -> None:
        self.query_one("#prompt", Input).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="suggest-load")
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

    def _rank(self) -> None:
        prompt = self.query_one("#prompt", Input).value
        company = self.query_one("#company", Input).value.strip() or None
        note = self.query_one("#suggest-note", Static)
        options = self.query_one(OptionList)
        options.clear_options()
        self.ranked = []
        if not self.stories:
            note.update("Your story bank is empty: add stories on the Stories screen (3).")
            return
        if not prompt.strip():
            note.update("Type a prompt to see which story to tell.")
            return
        self.ranked = suggest(prompt, self.stories, company=company, limit=LIMIT)
        note.update("Nothing in your bank fits this prompt well; these are the closest." if self.ranked[0].weak
                    else "Best first. Highlight one and press t to record that you told it.")
        for number, found in enumerate(self.ranked, start=1):
            options.add_option(Option(f"{number}. {found.story.title}  (score {found.score:.2f})\n   {found.why}"))
        options.highlighted = 0

    def action_told(self) -> None:
        options = self.query_one(OptionList)
        company = self.query_one("#company", Input).value.strip()
        if not self.ranked or options.highlighted is None:
            return
        if not company:
            self.notify("Type the company first, in the box beside the prompt.", severity="warning")
            return
        self._record(self.ranked[options.highlighted].story, company)

    @work(thread=True, group="suggest-write")
    def _record(self, story: Story, company: str) -> None:
        day = self.app.today.isoformat()
        self.app.with_store(lambda store: store.record_told(story.id, company, "behavioral", day))
        self.app.call_from_thread(self.notify, f"Recorded: {story.title} told at {company}")
        self.app.call_from_thread(self.reload)

    def commands(self):
        yield SystemCommand("Mark story told", "Record the highlighted story as told at the company", self.action_told)

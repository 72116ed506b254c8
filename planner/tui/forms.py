"""Modal dialogs shared by the screens: confirm, the story form, the interview form."""

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static, TextArea

from planner.catalog.rounds import THEMES
from planner.errors import UserError
from planner.stories.story import STAR_FIELDS, Story, check_fields


class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class StoryForm(ModalScreen[dict[str, Any] | None]):
    """Add or edit a story. A mistake is shown in the form, and what was typed stays."""

    AUTO_FOCUS = "#title"

    BINDINGS = [
        Binding("ctrl+s,f2", "save", "Save", id="story-form-save"),
        Binding("escape", "cancel", "Cancel", id="story-form-cancel"),
    ]

    def __init__(self, story: Story | None = None) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        story = self.story
        with VerticalScroll(classes="dialog form"):
            yield Label("Edit story" if story else "New story", classes="title")
            yield Input(story.title if story else "", placeholder="Title: a few words you know it by", id="title")
            yield SelectionList[str](*((t, t, bool(story and t in story.themes)) for t in THEMES), id="themes")
            yield Input(", ".join(story.tags) if story else "", placeholder="Tags, commas between", id="tags")
            for name in STAR_FIELDS:
                yield Label(name.capitalize())
                yield TextArea(getattr(story, name) if story else "", id=name, classes="star")
            with Horizontal(classes="row"):
                yield Input(story.company or "" if story else "", placeholder="Company", id="company")
                yield Input(story.role or "" if story else "", placeholder="Role", id="role")
                yield Input(str(story.year or "") if story else "", placeholder="Year", id="year")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (F2)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            name: self.query_one(f"#{name}", Input).value for name in ("title", "tags", "company", "role", "year")
        }
        fields |= {name: self.query_one(f"#{name}", TextArea).text for name in STAR_FIELDS}
        fields["themes"] = list(self.query_one("#themes", SelectionList).selected)
        return fields

    def action_save(self) -> None:
        try:
            clean = check_fields(self.fields())
        except UserError as exc:
            self.query_one("#form-error", Static).update(str(exc))
            return
        self.dismiss(clean)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()


class InterviewForm(ModalScreen[dict[str, Any] | None]):
    """Add or edit an interview; each date shows, while typing, the day it is read as."""

    AUTO_FOCUS = "#company"

    BINDINGS = [
        Binding("ctrl+s,f2", "save", "Save", id="interview-form-save"),
        Binding("escape", "cancel", "Cancel", id="interview-form-cancel"),
    ]

    def __init__(self, today: date, company: str = "", when: str = "", role: str = "", screen_when: str = "") -> None:
        super().__init__()
        self.today = today
        self.initial = (company, when, role, screen_when)

    def compose(self) -> ComposeResult:
        company, when, role, screen_when = self.initial
        with Vertical(classes="dialog form"):
            yield Label("Interview", classes="title")
            yield Input(company, placeholder="Company", id="company")
            yield Input(when, placeholder="Date, e.g. next friday, in 3 weeks, Dec 12", id="when")
            yield Static(id="when-read", classes="hint")
            yield Input(screen_when, placeholder="Recruiter screen on another day? e.g. next monday", id="screen")
            yield Static(id="screen-read", classes="hint")
            yield Input(role, placeholder="Role (optional)", id="role")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (F2)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self._read("when")
        self._read("screen")

    def _read(self, input_id: str) -> date | None:
        """The date typed in the input, shown under it as understood; None when empty."""
        from planner.plan.interviews import interview_date

        text = self.query_one(f"#{input_id}", Input).value
        label = self.query_one(f"#{input_id}-read", Static)
        if not text.strip():
            label.update("")
            return None
        try:
            day = interview_date(text, self.today)
        except UserError as exc:
            label.update(f"✗ {exc}")
            raise
        label.update(f"→ {day:%A %d %B %Y}, in {(day - self.today).days} days")
        return day

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("when", "screen"):
            try:
                self._read(event.input.id)
            except UserError:
                pass

    def action_save(self) -> None:
        error = self.query_one("#form-error", Static)
        company = self.query_one("#company", Input).value.strip()
        try:
            when = self._read("when")
            screen = self._read("screen")
        except UserError as exc:
            error.update(str(exc))
            return
        if not company:
            error.update("give the company's name")
        elif when is None:
            error.update("give the date of the interview")
        else:
            role = self.query_one("#role", Input).value.strip() or None
            self.dismiss({"company": company, "date": when, "role": role, "screen": screen})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

"""Modal dialogs shared by the screens: confirm, the story form, the interview form.

A form saves what was typed itself and closes only once it is saved: when the database is busy,
read-only or gone, the form stays open with everything typed in it, and saving can be tried again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static, TextArea
from textual.worker import Worker, WorkerState

from planner.catalog.rounds import THEMES, Question, Round
from planner.errors import UserError
from planner.plan.interviews import checked_interview, interview_date, with_screen_on
from planner.plan.records import SCREEN, Interview
from planner.stories.story import STAR_FIELDS, Story, check_fields
from planner.tui.app import PlannerApp

if TYPE_CHECKING:
    from planner.db.store import Store

T = TypeVar("T")


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


class SavingForm(ModalScreen[object]):
    """A form that writes what was typed in a worker and closes when it is written, with what the
    write returned (a new story's id, say)."""

    app = getters.app(PlannerApp)
    BINDINGS = [
        Binding("ctrl+s,f2", "save", "Save", id="form-save"),
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saving = False
        self.as_opened: dict[str, Any] = {}  # the fields as the form opened, to tell a change by

    def on_mount(self) -> None:
        self.as_opened = self.fields()

    def save(self, work: Callable[[Store], T], done: Callable[[T], str]) -> None:
        """Write in the background; once written, say so and close. Saving twice at once is ignored."""
        if not self.saving:
            self.saving = True
            self.show_error("")
            self.app.in_background(work, done, owner=self)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.saving = False
            self.show_error("Not saved; what you typed is still here. Press F2 to try again.")
            self.app.report_failure(event.worker.error)

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def action_cancel(self) -> None:
        """Close; what was typed is only thrown away once the user says so."""
        if self.fields() == self.as_opened:
            self.dismiss()
            return
        self.app.push_screen(Confirm("Close the form and lose what you typed?"), self._close_if)

    def _close_if(self, sure: bool | None) -> None:
        if sure:
            self.dismiss()

    def fields(self) -> dict[str, Any]:
        """What the user has typed into the form (a card with nothing to type has nothing)."""
        return {}

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError


class StoryForm(SavingForm):
    """Add or edit a story. A mistake is shown in the form, and what was typed stays."""

    AUTO_FOCUS = "#title"

    def __init__(
        self, story: Story | None = None, *, draft: Story | None = None, then: Callable[[Store], object] | None = None
    ) -> None:
        """story: the story to edit; draft: a new story's first fields (themes, competencies, and
        its title as the form's heading); then: more to write with the new story, in one go."""
        super().__init__()
        self.story = story
        self.draft = draft
        self.then = then

    def compose(self) -> ComposeResult:
        heading = "Edit story" if self.story else self.draft.title if self.draft else "New story"
        story = self.story or (replace(self.draft, title="") if self.draft else None)
        # The heading, the error line and the buttons stay in view; the fields scroll between them.
        with Vertical(classes="dialog form tall"):
            yield Label(heading, classes="title")
            with VerticalScroll(classes="fields"):
                yield Input(story.title if story else "", placeholder="Title: a few words you know it by", id="title")
                yield SelectionList[str](*((t, t, bool(story and t in story.themes)) for t in THEMES), id="themes")
                yield Input(
                    ", ".join(story.competencies) if story else "",
                    placeholder="Competencies, e.g. ownership, ambiguity (left empty: read from the story)",
                    id="competencies",
                )
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
            name: self.query_one(f"#{name}", Input).value
            for name in ("title", "competencies", "tags", "company", "role", "year")
        }
        fields |= {name: self.query_one(f"#{name}", TextArea).text for name in STAR_FIELDS}
        fields["themes"] = list(self.query_one("#themes", SelectionList).selected)
        return fields

    def action_save(self) -> None:
        try:
            clean = check_fields(self.fields())
        except UserError as exc:
            self.show_error(str(exc))
            return
        story_id = self.story.id if self.story else None

        # A story written for a task checks it off once all four parts are there, not before.
        whole = not Story(0, **clean).missing
        then = self.then if whole else None

        def write(store: Store) -> int:
            with store.transaction():
                if story_id is None:
                    saved_id = store.add_story(clean)
                else:
                    saved_id = story_id
                    store.update_story(story_id, clean)
                if then:
                    then(store)
            return saved_id

        shows = f" (shows {', '.join(clean['competencies'])})" if clean["competencies"] else ""
        unfinished = "; the task stays until its four parts are written" if self.then and not whole else ""
        self.save(write, lambda _: f"Saved: {clean['title']}{shows}{unfinished}")


class InterviewForm(SavingForm):
    """Add or edit an interview; each date shows, while typing, the day it is read as. Saving lays
    the plan out again."""

    AUTO_FOCUS = "#company"

    def __init__(self, today: date, interview: Interview | None = None) -> None:
        super().__init__()
        self.today = today
        self.interview = interview

    def compose(self) -> ComposeResult:
        chosen = self.interview
        screen = chosen.round_date(SCREEN) if chosen else None
        with Vertical(classes="dialog form"):
            yield Label("Interview", classes="title")
            yield Input(chosen.company if chosen else "", placeholder="Company", id="company")
            yield Input(
                chosen.day.isoformat() if chosen else "",
                placeholder="Date, e.g. next friday, in 3 weeks, Dec 12",
                id="when",
            )
            yield Static(id="when-read", classes="hint")
            yield Input(
                screen.isoformat() if chosen and screen and screen != chosen.day else "",
                placeholder="Recruiter screen on another day? e.g. next monday",
                id="screen",
            )
            yield Static(id="screen-read", classes="hint")
            yield Input(chosen.role or "" if chosen else "", placeholder="Role (optional)", id="role")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (F2)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        super().on_mount()
        for input_id in ("when", "screen"):
            try:
                self._read(input_id)
            except UserError:
                pass  # the hint under the date says what is wrong

    def fields(self) -> dict[str, Any]:
        return {name: self.query_one(f"#{name}", Input).value for name in ("company", "when", "screen", "role")}

    def _read(self, input_id: str) -> date | None:
        """The date typed in the input, shown under it as understood; None when empty."""
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
        from planner.plan.replan import save_interview

        try:
            when = self._read("when")
            if when is None:
                raise UserError("give the date of the interview")
            # The form edits the screen's day; other rounds moved from the shell keep their days.
            moved = with_screen_on(self.interview.round_dates if self.interview else (), self._read("screen"))
            interview = checked_interview(
                self.interview.id if self.interview else 0,
                self.query_one("#company", Input).value,
                when,
                self.query_one("#role", Input).value,
                moved.items(),
            )
        except UserError as exc:
            self.show_error(str(exc))
            return
        today = self.today

        def done(saved: tuple[int, Any]) -> str:
            plan = saved[1]
            message = f"Saved {interview.company}: {len(plan.tasks)} tasks planned."
            if plan.short_minutes:
                message += f" {plan.short_minutes:,} minutes short: see the Plan screen."
            return message

        self.save(lambda store: save_interview(store, interview, today), done)


class QuestionForm(SavingForm):
    """Add a question of the user's own to a round's bank (what a recruiter said to expect); saving
    lays the plan out again with it."""

    AUTO_FOCUS = "#question-text"

    def __init__(self, round_: Round, today: date) -> None:
        super().__init__()
        self.round = round_
        self.today = today

    def compose(self) -> ComposeResult:
        from planner.plan.questions import usual_minutes

        with Vertical(classes="dialog form"):
            yield Label(f"A question of your own for {self.round.name}", classes="title")
            yield TextArea(id="question-text")
            with Horizontal(classes="row"):
                yield Input(placeholder=f"Minutes ({usual_minutes(self.round.slug)})", id="minutes", type="integer")
                yield Input(placeholder="Company (empty: every interview)", id="company")
            yield Static(id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (F2)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")

    def fields(self) -> dict[str, Any]:
        return {
            "text": self.query_one("#question-text", TextArea).text,
            "minutes": self.query_one("#minutes", Input).value,
            "company": self.query_one("#company", Input).value,
        }

    def action_save(self) -> None:
        from planner.plan.questions import add_question

        typed = self.fields()
        if not typed["text"].strip():
            self.show_error("Type the question first.")
            return
        minutes = int(typed["minutes"]) if typed["minutes"].strip() else None
        slug, today = self.round.slug, self.today

        def done(added: Question) -> str:
            return f"Added {added.id} to {self.round.name}{' for ' + added.company if added.company else ''}."

        self.save(lambda store: add_question(store, slug, typed["text"], minutes, typed["company"], today), done)

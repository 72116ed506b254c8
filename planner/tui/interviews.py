"""Interviews: add, edit and remove interviews and set the daily budget; the plan follows."""

from collections.abc import Iterable
from typing import Any

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, Static

from planner.plan.records import SCREEN, Interview
from planner.plan.replan import change_budget, remove_interview
from planner.tui.base import PlannerScreen, data_table
from planner.tui.forms import Confirm, InterviewForm


class InterviewsScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Interviews keys"
    AUTO_FOCUS = "#interview-table"
    BINDINGS = [
        Binding("escape", "focus_table", "Table", show=False, id="interviews-table"),
        Binding("a", "add", "Add", id="interviews-add"),
        Binding("e", "edit", "Edit", id="interviews-edit"),
        Binding("x", "remove", "Remove", id="interviews-remove"),
        Binding("b", "focus_budget", "Budget", id="interviews-budget"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.interviews: list[Interview] = []

    def compose_body(self) -> ComposeResult:
        yield data_table("interview-table", "Id", "Company", "Role", "Date", "Days left", "Screen")
        with Horizontal(classes="budget-row"):
            yield Label("Minutes a day:")
            yield Input(id="budget", type="integer", max_length=4)
            yield Label("Other days:")
            yield Input(id="weekdays", placeholder="sat=180,sun=30")
        with Horizontal(classes="budget-row"):
            yield Label("Days off:")
            yield Input(id="days-off", placeholder="sat,sun")
            yield Button("Save budget", id="save-budget")
        yield Static(id="interviews-note")

    @work(thread=True, exclusive=True, group="interviews", exit_on_error=False)
    def reload(self) -> None:
        found = self.app.with_store(lambda store: (store.interviews(), store.setting("budget", {})))
        self.app.call_from_thread(self._show, *found)

    def _show(self, interviews: list[Interview], budget: dict[str, Any]) -> None:
        self.interviews = interviews
        table = self.query_one(DataTable)
        table.clear()
        for i in interviews:
            screen = i.round_date(SCREEN)
            table.add_row(
                str(i.id),
                i.company,
                i.role or "",
                f"{i.day:%a %d %b %Y}",
                str((i.day - self.app.today).days),
                f"{screen:%a %d %b}" if screen != i.day else "same day",
            )
        if not self.query_one("#budget", Input).has_focus:
            self.query_one("#budget", Input).value = str(budget.get("daily", 60))
        if not self.query_one("#days-off", Input).has_focus:
            self.query_one("#days-off", Input).value = ",".join(budget.get("days_off", []))
        if not self.query_one("#weekdays", Input).has_focus:
            self.query_one("#weekdays", Input).value = ",".join(
                f"{d}={m}" for d, m in budget.get("weekdays", {}).items()
            )
        self.query_one("#interviews-note", Static).update(
            "" if interviews else "No interviews yet: press a to add the first; the plan is laid out up to it."
        )

    def _selected(self) -> Interview | None:
        if not self.interviews:
            return None
        return self.interviews[self.query_one(DataTable).cursor_row]

    def action_add(self) -> None:
        self.app.push_screen(InterviewForm(self.app.today))

    def action_edit(self) -> None:
        chosen = self._selected()
        if chosen:
            self.app.push_screen(InterviewForm(self.app.today, chosen))

    def action_remove(self) -> None:
        chosen = self._selected()
        if chosen:
            self.app.push_screen(
                Confirm(f"Remove the {chosen.company} interview and its planned tasks?"),
                lambda yes: self._remove(chosen) if yes else None,
            )

    def _remove(self, interview: Interview) -> None:
        day = self.app.today
        self.app.in_background(
            lambda store: remove_interview(store, interview.id, day), lambda _: f"Removed {interview.company}."
        )

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_budget(self) -> None:
        self.query_one("#budget", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save-budget":
            self._save_budget()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("budget", "weekdays", "days-off"):
            self._save_budget()

    def _save_budget(self) -> None:
        # An emptied box clears its setting.
        changes = {key: self.query_one(f"#{key}", Input).value or "none" for key in ("budget", "weekdays", "days-off")}
        day = self.app.today
        self.app.in_background(
            lambda store: change_budget(store, changes, day), lambda _: "Budget saved; the plan was laid out again."
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Add interview", "Add an interview; the plan follows", self.action_add)

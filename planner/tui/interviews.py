"""Interviews: add, edit and remove interviews and set the daily budget; the plan follows."""

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Static

from planner.errors import UserError
from planner.planning import remove_interview, save_budget, save_interview
from planner.model import Interview
from planner.tui.forms import Confirm, InterviewForm


class InterviewsScreen(Screen):
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

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="interview-table", cursor_type="row", zebra_stripes=True)
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
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Id", "Company", "Role", "Date", "Days left", "Screen")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="interviews")
    def reload(self) -> None:
        found = self.app.with_store(lambda store: (store.interviews(), store.setting("budget", {})))
        self.app.call_from_thread(self._show, *found)

    def _show(self, interviews: list[Interview], budget: dict) -> None:
        self.interviews = interviews
        table = self.query_one(DataTable)
        table.clear()
        for i in interviews:
            screen = i.round_date("recruiter-screen")
            table.add_row(str(i.id), i.company, i.role or "", f"{i.date:%a %d %b %Y}", str((i.date - self.app.today).days),
                          f"{screen:%a %d %b}" if screen != i.date else "same day")
        if not self.query_one("#budget", Input).has_focus:
            self.query_one("#budget", Input).value = str(budget.get("daily", 60))
        if not self.query_one("#days-off", Input).has_focus:
            self.query_one("#days-off", Input).value = ",".join(budget.get("days_off", []))
        if not self.query_one("#weekdays", Input).has_focus:
            self.query_one("#weekdays", Input).value = ",".join(f"{d}={m}" for d, m in budget.get("weekdays", {}).items())
        self.query_one("#interviews-note", Static).update(
            "" if interviews else "No interviews yet: press a to add the first; the plan is laid out up to it.")

    def _selected(self) -> Interview | None:
        if not self.interviews:
            return None
        return self.interviews[self.query_one(DataTable).cursor_row]

    def action_add(self) -> None:
        self.app.push_screen(InterviewForm(self.app.today), lambda values: values and self._save(0, values))

    def action_edit(self) -> None:
        chosen = self._selected()
        if chosen:
            screen = chosen.round_date("recruiter-screen")
            form = InterviewForm(self.app.today, chosen.company, chosen.date.isoformat(), chosen.role or "",
                                 screen.isoformat() if screen != chosen.date else "")
            self.app.push_screen(form, lambda values: values and self._save(chosen.id, values, chosen.round_dates))

    @work(thread=True, group="interviews-write")
    def _save(self, interview_id: int, values: dict, round_dates: tuple = ()) -> None:
        # The form edits the screen's day; other rounds moved from the shell keep their days.
        rounds = dict(round_dates)
        rounds.pop("recruiter-screen", None)
        if values["screen"]:
            rounds["recruiter-screen"] = values["screen"]
        interview = Interview(interview_id, values["company"], values["date"], values["role"], tuple(sorted(rounds.items())))

        _, plan = self.app.with_store(lambda store: save_interview(store, interview, self.app.today))
        message = f"Saved {interview.company}: {len(plan.tasks)} tasks planned."
        if plan.short_minutes:
            message += f" {plan.short_minutes:,} minutes short: see the Plan screen."
        self.app.call_from_thread(self.notify, message)
        self.app.call_from_thread(self.reload)

    def action_remove(self) -> None:
        chosen = self._selected()
        if chosen:
            self.app.push_screen(Confirm(f"Remove the {chosen.company} interview and its planned tasks?"),
                                 lambda yes: yes and self._remove(chosen))

    @work(thread=True, group="interviews-write")
    def _remove(self, interview: Interview) -> None:
        self.app.with_store(lambda store: remove_interview(store, interview.id, self.app.today))
        self.app.call_from_thread(self.notify, f"Removed {interview.company}.")
        self.app.call_from_thread(self.reload)

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
        values = {key: self.query_one(f"#{key}", Input).value for key in ("budget", "weekdays", "days-off")}
        self._write_budget(values)

    @work(thread=True, group="interviews-write")
    def _write_budget(self, values: dict) -> None:
        from planner.budget import updated_budget

        def save(store):
            settings = store.setting("budget", {})
            for key, value in values.items():
                settings = updated_budget(settings, key, value or "none", self.app.today)
            save_budget(store, settings, self.app.today)

        try:
            self.app.with_store(save)
        except UserError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.notify, "Budget saved; the plan was laid out again.")
        self.app.call_from_thread(self.reload)

    def commands(self):
        yield SystemCommand("Add interview", "Add an interview; the plan follows", self.action_add)

"""Plan: the days up to each interview, week by week, with progress per round."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Static

from planner.catalog.rounds import load_catalog
from planner.plan.records import Budget, Task
from planner.plan.replan import plan_report, replan
from planner.tui.base import PlannerScreen, data_table, share_bar

BAR_WIDTH = 24


def progress_bar(done: int, planned: int) -> str:
    return share_bar(done / planned if planned else 0.0, BAR_WIDTH)


class PlanScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Plan keys"
    BINDINGS = [Binding("r", "rebalance", "Rebalance", id="plan-rebalance")]

    def compose_body(self) -> ComposeResult:
        yield Static(id="plan-progress")
        yield data_table("plan-days", "Week", "Day", "Min", "Budget", "Tasks")
        yield Static(id="plan-short")

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def reload(self) -> None:
        found = self.app.with_store(lambda store: (store.tasks(), store.budget(), plan_report(store)))
        self.app.call_from_thread(self._show, *found)

    def _show(self, tasks: list[Task], budget: Budget, report: tuple[int, list[str]]) -> None:
        rounds = load_catalog().rounds
        done: dict[str, int] = defaultdict(int)
        planned: dict[str, int] = defaultdict(int)
        for task in tasks:
            if task.status != "skipped":
                planned[task.round] += task.minutes
            if task.status == "done":
                done[task.round] += task.minutes
        lines = [
            f"{r.name:<18} {progress_bar(done[r.slug], planned[r.slug])} {done[r.slug]:>5} / {planned[r.slug]:<5} min"
            for r in rounds
        ]
        self.query_one("#plan-progress", Static).update("\n".join(lines))

        today = self.app.today
        by_day: dict[date, list[Task]] = defaultdict(list)
        for task in tasks:
            if task.status == "planned" and task.due >= today:
                by_day[task.due].append(task)
        table = self.query_one(DataTable)
        table.clear()
        for day, on_day in sorted(by_day.items()):
            week = (day - today).days // 7 + 1
            minutes_by_round: dict[str, int] = defaultdict(int)
            for task in on_day:
                minutes_by_round[task.round] += task.minutes
            summary = " · ".join(f"{r.short} {minutes_by_round[r.slug]}" for r in rounds if minutes_by_round[r.slug])
            table.add_row(
                f"week {week}",
                f"{day:%a %d %b}",
                str(sum(t.minutes for t in on_day)),
                str(budget.minutes_on(day)),
                summary,
            )
        overdue = sum(1 for t in tasks if t.status == "planned" and t.due < today)
        short_minutes, left_out = report
        notes = []
        if overdue:
            notes.append(f"{overdue} overdue tasks: press r to spread them over the days left.")
        if short_minutes:
            notes.append(
                f"Not enough time for everything: {short_minutes:,} minutes short. Left out: " + "; ".join(left_out)
            )
        if not by_day:
            notes.append("No plan yet: add an interview on the Interviews screen (6).")
        self.query_one("#plan-short", Static).update("\n".join(notes))

    def action_rebalance(self) -> None:
        day = self.app.today
        self.app.in_background(
            lambda store: replan(store, day),
            lambda plan: f"Plan laid out again: {len(plan.tasks)} tasks ahead.",
        )

    def commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Rebalance plan", "Spread overdue work over the days left", self.action_rebalance)

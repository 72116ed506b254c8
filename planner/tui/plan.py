"""Plan: the days up to each interview, week by week, with progress per round."""

from collections import defaultdict
from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from planner.catalog import load_catalog
from planner.planning import replan

BAR_WIDTH = 24


def progress_bar(done: int, planned: int) -> str:
    filled = round(BAR_WIDTH * done / planned) if planned else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


class PlanScreen(Screen):
    BINDINGS = [Binding("r", "rebalance", "Rebalance", id="plan-rebalance")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-progress")
        yield DataTable(id="plan-days", cursor_type="row", zebra_stripes=True)
        yield Static(id="plan-short")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Week", "Day", "Min", "Budget", "Tasks")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="plan")
    def reload(self) -> None:
        def read(store):
            return store.entries(), store.budget(), store.setting("plan_report", {"short_minutes": 0, "left_out": []})

        self.app.call_from_thread(self._show, *self.app.with_store(read))

    def _show(self, entries, budget, report) -> None:
        rounds = load_catalog().rounds
        done, planned = defaultdict(int), defaultdict(int)
        for entry in entries:
            if entry.status != "skipped":
                planned[entry.round] += entry.minutes
            if entry.status == "done":
                done[entry.round] += entry.minutes
        lines = [
            f"{r.name:<18} {progress_bar(done[r.slug], planned[r.slug])} {done[r.slug]:>5} / {planned[r.slug]:<5} min"
            for r in rounds
        ]
        self.query_one("#plan-progress", Static).update("\n".join(lines))

        today = self.app.today
        by_day = defaultdict(list)
        for entry in entries:
            if entry.status == "planned" and entry.due >= today:
                by_day[entry.due].append(entry)
        table = self.query_one(DataTable)
        table.clear()
        for day, tasks in sorted(by_day.items()):
            week = (day - today).days // 7 + 1
            minutes_by_round = defaultdict(int)
            for task in tasks:
                minutes_by_round[task.round] += task.minutes
            summary = " · ".join(f"{r.short} {minutes_by_round[r.slug]}" for r in rounds if minutes_by_round[r.slug])
            table.add_row(f"week {week}", f"{day:%a %d %b}", str(sum(t.minutes for t in tasks)),
                          str(budget.minutes_on(day)), summary)
        overdue = sum(1 for e in entries if e.status == "planned" and e.due < today)
        notes = []
        if overdue:
            notes.append(f"{overdue} overdue tasks: press r to spread them over the days left.")
        if report["short_minutes"]:
            notes.append(f"Not enough time for everything: {report['short_minutes']:,} minutes short. Left out: "
                         + "; ".join(report["left_out"]))
        if not by_day:
            notes.append("No plan yet: add an interview on the Interviews screen (6).")
        self.query_one("#plan-short", Static).update("\n".join(notes))

    def action_rebalance(self) -> None:
        self._rebalance()

    @work(thread=True, group="plan-write")
    def _rebalance(self) -> None:
        plan = self.app.with_store(lambda store: replan(store, self.app.today, rebalance=True))
        self.app.call_from_thread(self.notify, f"Plan laid out again: {len(plan.tasks)} tasks ahead.")
        self.app.call_from_thread(self.reload)

    def commands(self):
        yield SystemCommand("Rebalance plan", "Spread overdue work over the days left", self.action_rebalance)

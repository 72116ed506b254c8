"""Readiness: for each interview, how ready each round is (bars), where work would count most, and
a calendar of the minutes studied (in colour) and planned (in grey), a column a week."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from planner.plan.readiness import InterviewReadiness, readiness
from planner.tui.base import PlannerScreen, share_bar

if TYPE_CHECKING:
    from planner.db.store import Store

BAR_WIDTH = 20
WEEKS_SHOWN = 12
SHADES = ("·", "░", "▒", "▓", "█")
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def bar(share: float | None) -> str:
    if share is None:
        return " " * BAR_WIDTH + "   -"
    return f"{share_bar(share, BAR_WIDTH)} {share:>4.0%}"


def readiness_text(found: list[InterviewReadiness]) -> str:
    if not found:
        return "No interviews ahead: press 6 to add one."
    lines = []
    for interview in found:
        lines += [f"{interview.interview.company} · {interview.interview.day:%a %d %b %Y}", ""]
        lines.append(f"  {'round':<18} {'studied':<26} {'recall on the day if you follow the plan':<26}")
        for r in interview.rounds:
            lines.append(f"  {r.name:<18} {bar(r.coverage)}  {bar(r.recall_if_followed)}")
        lines += [f"  {interview.advice()}", ""]
    return "\n".join(lines)


def heat_map(done: dict[date, int], planned: dict[date, int], today: date, budget: int) -> Text:
    """Minutes a day over the weeks around today, a column a week under its month and a row per
    weekday: studied in green, planned in grey, today marked."""
    start = today - timedelta(today.weekday() + 7 * (WEEKS_SHOWN // 2))
    mondays = [start + timedelta(7 * week) for week in range(WEEKS_SHOWN)]
    months = ""
    for week, monday in enumerate(mondays):
        if week == 0 or monday.month != mondays[week - 1].month:
            months = months.ljust(3 + 2 * week) if len(months) < 3 + 2 * week else months + " "
            months += f"{monday:%b}"
    text = Text(f"Minutes a day: past in colour, planned in grey\n{months}\n")
    for weekday in range(7):
        text.append(f"{WEEKDAYS[weekday]} ")
        for monday in mondays:
            day = monday + timedelta(weekday)
            minutes = done.get(day, 0) if day <= today else planned.get(day, 0)
            shade = SHADES[min(len(SHADES) - 1, round((len(SHADES) - 1) * minutes / max(1, budget)))]
            style = "green" if day <= today else "grey50"
            text.append(shade, style=f"{style} reverse" if day == today else style)
            text.append(" ")
        text.append("\n")
    text.append(f"{SHADES[0]} none  {SHADES[2]} half the budget  {SHADES[-1]} all {budget} min  (today reversed)")
    return text


class ReadinessScreen(PlannerScreen):
    BINDING_GROUP_TITLE = "Readiness keys"

    def compose_body(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="readiness-rounds")
            yield Static(id="readiness-calendar")

    @work(thread=True, exclusive=True, group="readiness", exit_on_error=False)
    def reload(self) -> None:
        today = self.app.today

        def read(store: Store) -> tuple[list[InterviewReadiness], tuple[dict[date, int], dict[date, int]], int]:
            return readiness(store, today), store.minutes_by_day(), store.budget().daily

        found, (done, planned), budget = self.app.with_store(read)
        self.app.call_from_thread(self._show, found, heat_map(done, planned, today, budget))

    def _show(self, found: list[InterviewReadiness], calendar: Text) -> None:
        self.query_one("#readiness-rounds", Static).update(readiness_text(found))
        self.query_one("#readiness-calendar", Static).update(calendar)

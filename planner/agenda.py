"""What to do on a given day: overdue work first, then the day's tasks. Pure."""

from datetime import date
from typing import NamedTuple

from planner.model import Budget, Entry, Interview


class Countdown(NamedTuple):
    company: str
    date: date  # the next of its rounds still ahead
    days_left: int

    @property
    def when(self) -> str:
        return days_until(self.days_left)


def days_until(days: int) -> str:
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


class Agenda(NamedTuple):
    day: date
    budget_minutes: int
    overdue: tuple[Entry, ...]
    due: tuple[Entry, ...]  # the day's own tasks, whatever their status
    interviews: tuple[Countdown, ...]

    @property
    def tasks(self) -> tuple[Entry, ...]:
        return self.overdue + self.due

    @property
    def planned_minutes(self) -> int:
        return sum(e.minutes for e in self.tasks if e.status == "planned")

    @property
    def done_minutes(self) -> int:
        return sum(e.minutes for e in self.due if e.status == "done")

    def to_json(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "budget_minutes": self.budget_minutes,
            "planned_minutes": self.planned_minutes,
            "done_minutes": self.done_minutes,
            "tasks": [
                {
                    "id": e.id,
                    "round": e.round,
                    "kind": e.kind,
                    "title": e.title,
                    "minutes": e.minutes,
                    "due": e.due.isoformat(),
                    "status": e.status,
                    "overdue": e in self.overdue,
                }
                for e in self.tasks
            ],
            "interviews": [
                {"company": c.company, "date": c.date.isoformat(), "days_left": c.days_left} for c in self.interviews
            ],
        }


def agenda_for(day: date, entries: list[Entry], interviews: list[Interview], budget: Budget) -> Agenda:
    overdue = tuple(sorted((e for e in entries if e.status == "planned" and e.due < day), key=lambda e: (e.due, e.id)))
    due = tuple(sorted((e for e in entries if e.due == day), key=lambda e: e.id))
    countdowns = []
    for interview in interviews:
        ahead = [d for d in interview.dates if d >= day]
        if ahead:
            countdowns.append(Countdown(interview.company, min(ahead), (min(ahead) - day).days))
    countdowns.sort(key=lambda c: (c.date, c.company))
    return Agenda(day, budget.minutes_on(day), overdue, due, tuple(countdowns))

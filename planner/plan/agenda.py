"""What to do on a given day, overdue work first, and how the agenda reads as text and JSON. Pure.

Free of click and of the full catalogue, so that the plain `planner agenda` answers before either is
imported (see planner/main.py).
"""

from datetime import date
from typing import Any, NamedTuple

from planner.catalog.data import short_names
from planner.plan.records import Budget, Interview, Task
from planner.text import clipped

NO_PLAN = 'No plan yet. Add an interview: planner interview add Acme --date "in 3 weeks"\n'


class Countdown(NamedTuple):
    company: str
    day: date  # the next of its rounds still ahead
    days_left: int

    @property
    def when(self) -> str:
        return days_until(self.days_left)


def days_until(days: int) -> str:
    if days < 0:
        return "yesterday" if days == -1 else f"{-days} days ago"
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


def day_label(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def is_overdue(task: Task, today: date) -> bool:
    return task.status == "planned" and task.due < today


def task_json(task: Task, today: date) -> dict[str, Any]:
    """A task as every --json prints it."""
    return {
        "id": task.id,
        "round": task.round,
        "kind": task.kind,
        "title": task.title,
        "minutes": task.minutes,
        "due": task.due.isoformat(),
        "status": task.status,
        "overdue": is_overdue(task, today),
        "question_id": task.question_id,
        "interview_id": task.interview_id,
        "story_id": task.story_id,
    }


def task_line(task: Task, today: date, width: int | None = None) -> str:
    """One task, as the agenda and the plan print it: in full, or cut to fit `width` columns."""
    mark = {"done": "[x]", "skipped": "[-]"}.get(task.status, "[ ]")
    late = f"  (overdue, due {task.due:%a %d %b})" if is_overdue(task, today) else ""
    short = short_names().get(task.round, task.round)
    start = f"  {mark} {task.id:>4}  {short:<10} {task.minutes:>3}m  "
    room = None if width is None else max(20, width - len(start) - len(late) - 1)
    return f"{start}{task.title if room is None else clipped(task.title, room)}{late}"


class Missed(NamedTuple):
    """Work missed on earlier days that the plan moved forward on a day."""

    minutes: int  # placed again
    to: tuple[date, ...]  # the days it went to
    dropped_minutes: int  # no longer fitting before its round

    def note(self) -> str:
        days = ", ".join(f"{day:%a %d %b}" for day in self.to)
        text = f"Missed work moved forward: {self.minutes} min, to {days}." if self.minutes else ""
        if self.dropped_minutes:
            text += f" {self.dropped_minutes} min of it was dropped: no longer needed, or no room before its round."
        return text.strip()


class Agenda(NamedTuple):
    day: date
    budget_minutes: int
    overdue: tuple[Task, ...]
    due: tuple[Task, ...]  # the day's own tasks, whatever their status
    interviews: tuple[Countdown, ...]
    logged_minutes: int = 0  # the minutes logged as done on the day
    missed: Missed | None = None  # missed work moved forward on the day

    @property
    def tasks(self) -> tuple[Task, ...]:
        return self.overdue + self.due

    @property
    def planned_minutes(self) -> int:
        return sum(t.minutes for t in self.tasks if t.status == "planned")

    @property
    def done_minutes(self) -> int:
        return self.logged_minutes

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "budget_minutes": self.budget_minutes,
            "planned_minutes": self.planned_minutes,
            "done_minutes": self.done_minutes,
            "tasks": [task_json(t, self.day) for t in self.tasks],
            "interviews": [
                {"company": c.company, "date": c.day.isoformat(), "days_left": c.days_left} for c in self.interviews
            ],
            "missed": self.missed
            and {
                "minutes": self.missed.minutes,
                "to": [day.isoformat() for day in self.missed.to],
                "dropped_minutes": self.missed.dropped_minutes,
            },
        }

    def to_text(self, width: int | None = None) -> str:
        lines = [
            f"{day_label(self.day)}  {self.planned_minutes} min to do, {self.done_minutes} done,"
            f" budget {self.budget_minutes}"
        ]
        if self.missed:
            lines.append(self.missed.note())
        for heading, tasks in (("Overdue", self.overdue), ("Today", self.due)):
            if tasks:
                lines += ["", heading, *(task_line(t, self.day, width) for t in tasks)]
        if not self.tasks:
            lines += ["", "Nothing planned for this day."]
        if self.interviews:
            lines += ["", "Interviews: " + ", ".join(f"{c.company} {c.when} ({c.day})" for c in self.interviews)]
        if any(t.status == "planned" for t in self.tasks):
            lines.append("Check one off: planner done ID   (or planner skip ID)")
        return "\n".join(lines) + "\n"


def agenda_for(
    day: date,
    tasks: list[Task],
    interviews: list[Interview],
    budget: Budget,
    logged_minutes: int = 0,
    missed: Missed | None = None,
) -> Agenda:
    overdue = tuple(sorted((t for t in tasks if is_overdue(t, day)), key=lambda t: (t.due, t.id)))
    due = tuple(sorted((t for t in tasks if t.due == day), key=lambda t: t.id))
    countdowns = []
    for interview in interviews:
        ahead = [d for d in interview.dates if d >= day]
        if ahead:
            countdowns.append(Countdown(interview.company, min(ahead), (min(ahead) - day).days))
    countdowns.sort(key=lambda c: (c.day, c.company))
    return Agenda(day, budget.minutes_on(day), overdue, due, tuple(countdowns), logged_minutes, missed)


def agenda_report(agenda: Agenda | None, day: date, as_json: bool, width: int | None = None) -> str:
    """Everything `planner agenda` prints: the agenda, or (None) what to do when there is no database;
    task titles cut to fit `width` columns, or in full.

    The JSON has the same form either way, so that scripts need no special case.
    """
    if as_json:
        import json

        found = agenda or agenda_for(day, [], [], Budget())
        return json.dumps(found.to_json(), indent=2, ensure_ascii=False) + "\n"
    return agenda.to_text(width) if agenda else NO_PLAN

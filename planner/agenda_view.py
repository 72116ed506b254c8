"""What `planner agenda` prints, as text or JSON. Free of click, so that the plain `planner agenda`
can answer before the command-line machinery is even imported (see planner/main.py)."""

import sqlite3
from datetime import date
from functools import cache
from pathlib import Path

from planner.agenda import Agenda
from planner.data import read_toml
from planner.model import Entry
from planner.records import read_agenda
from planner.schema import is_current

NO_PLAN = 'No plan yet. Add an interview: planner interview add Acme --date "in 3 weeks"\n'


@cache
def short_names() -> dict[str, str]:
    """Each round's short name by slug, from rounds.toml alone: the question banks are not needed."""
    return {raw["slug"]: raw["short"] for raw in read_toml("rounds.toml")["rounds"]}


def day_label(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def task_line(entry: Entry, overdue: bool) -> str:
    """One task of the plan, as the agenda and the plan print it."""
    mark = {"done": "[x]", "skipped": "[-]"}.get(entry.status, "[ ]")
    late = f"  (overdue, due {entry.due:%a %d %b})" if overdue else ""
    short = short_names().get(entry.round, entry.round)
    return f"  {mark} {entry.id:>4}  {short:<10} {entry.minutes:>3}m  {entry.title[:70]}{late}"


def load_agenda(path: Path, day: date) -> Agenda | None:
    """The agenda for day, read with plain sqlite3; None when there is no database yet."""
    if not path.exists():
        return None
    if not is_current(path):
        from planner.store import Store  # an older or foreign file: the full open migrates or refuses it

        Store.open(path).close()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return read_agenda(conn, day)
    finally:
        conn.close()


def agenda_text(agenda: Agenda) -> str:
    lines = [f"{day_label(agenda.day)}  {agenda.planned_minutes} min to do, {agenda.done_minutes} done,"
             f" budget {agenda.budget_minutes}"]
    for heading, entries in (("Overdue", agenda.overdue), ("Today", agenda.due)):
        if entries:
            lines += ["", heading, *(task_line(e, e in agenda.overdue) for e in entries)]
    if not agenda.tasks:
        lines += ["", "Nothing planned for this day."]
    if agenda.interviews:
        lines += ["", "Interviews: " + ", ".join(f"{c.company} {c.when} ({c.date})" for c in agenda.interviews)]
    if any(e.status == "planned" for e in agenda.tasks):
        lines.append("Check one off: planner done ID   (or planner skip ID)")
    return "\n".join(lines) + "\n"


def agenda_report(path: Path, day: date, as_json: bool) -> str:
    """Everything `planner agenda` prints for the database at path on day."""
    found = load_agenda(path, day)
    if as_json:
        import json

        value = found.to_json() if found else {"date": day.isoformat(), "budget_minutes": 0, "tasks": [], "interviews": []}
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    return agenda_text(found) if found else NO_PLAN

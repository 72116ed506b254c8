"""Reading the plan, interviews and budget with nothing but sqlite3.

Shared by the store and by the fast path of `planner agenda`, which must not pay for importing
sqlite-utils on every new shell.
"""

import json
import sqlite3
from datetime import date

from planner.agenda import Agenda, agenda_for
from planner.model import DEFAULT_BUDGET, WEEKDAYS, Budget, Entry, Interview


def read_interviews(conn: sqlite3.Connection) -> list[Interview]:
    overrides: dict[int, list[tuple[str, date]]] = {}
    for interview_id, slug, held in conn.execute("SELECT interview_id, round, date FROM interview_rounds ORDER BY round"):
        overrides.setdefault(interview_id, []).append((slug, date.fromisoformat(held)))
    return [
        Interview(row[0], row[1], date.fromisoformat(row[3]), row[2], tuple(overrides.get(row[0], ())))
        for row in conn.execute("SELECT id, company, role, date FROM interviews ORDER BY date, id")
    ]


def read_budget(conn: sqlite3.Connection) -> Budget:
    row = conn.execute("SELECT value FROM settings WHERE key = 'budget'").fetchone()
    if row is None:
        return Budget()
    raw = json.loads(row[0])
    return Budget(
        daily=raw.get("daily", DEFAULT_BUDGET),
        weekdays=tuple((WEEKDAYS.index(day), minutes) for day, minutes in sorted(raw.get("weekdays", {}).items())),
        days_off=frozenset(WEEKDAYS.index(day) for day in raw.get("days_off", [])),
        dates_off=frozenset(date.fromisoformat(day) for day in raw.get("dates_off", [])),
    )


def read_entries(conn: sqlite3.Connection, where: str = "1", params: tuple = ()) -> list[Entry]:
    rows = conn.execute(
        "SELECT id, key, round, kind, title, minutes, due, status, interview_id, question_id"
        f" FROM plan_tasks WHERE {where} ORDER BY due, id",
        params,
    )
    return [Entry(*row[:6], date.fromisoformat(row[6]), *row[7:]) for row in rows]


def read_agenda(conn: sqlite3.Connection, day: date) -> Agenda:
    entries = read_entries(conn, "due <= ? AND (due = ? OR status = 'planned')", (day.isoformat(), day.isoformat()))
    return agenda_for(day, entries, read_interviews(conn), read_budget(conn))

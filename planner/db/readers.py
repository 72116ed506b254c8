"""Reading the plan, interviews and budget with nothing but sqlite3.

Shared by the store and by the fast path of `planner agenda`, which must not pay for importing
sqlite-utils on every new shell.
"""

import json
import sqlite3
import stat
from datetime import date
from pathlib import Path

from planner.plan.agenda import Agenda, Missed, agenda_for
from planner.plan.records import DEFAULT_BUDGET, WEEKDAYS, Budget, Interview, Task

TASK_COLUMNS = "id, key, round, kind, title, minutes, due, status, interview_id, question_id, story_id"


def read_interviews(conn: sqlite3.Connection) -> list[Interview]:
    moved: dict[int, list[tuple[str, date]]] = {}
    for interview_id, slug, held in conn.execute(
        "SELECT interview_id, round, date FROM interview_rounds ORDER BY round"
    ):
        moved.setdefault(interview_id, []).append((slug, date.fromisoformat(held)))
    return [
        Interview(interview_id, company, date.fromisoformat(day), role, tuple(moved.get(interview_id, ())))
        for interview_id, company, role, day in conn.execute(
            "SELECT id, company, role, date FROM interviews ORDER BY date, id"
        )
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


def task_from_row(row: tuple) -> Task:
    """A task from a row of TASK_COLUMNS."""
    task_id, key, round_, kind, title, minutes, due, status, interview_id, question_id, story_id = row
    return Task(
        key, round_, kind, title, minutes, date.fromisoformat(due), interview_id, question_id, task_id, status, story_id
    )


def read_agenda(conn: sqlite3.Connection, day: date) -> Agenda:
    rows = conn.execute(
        f"SELECT {TASK_COLUMNS} FROM plan_tasks"
        " WHERE due <= ? AND ((due = ? AND status != 'retired') OR status = 'planned') ORDER BY due, id",
        (day.isoformat(), day.isoformat()),
    )
    tasks = [task_from_row(row) for row in rows]
    logged = conn.execute("SELECT COALESCE(SUM(minutes), 0) FROM practice_log WHERE done_on = ?", (day.isoformat(),))
    return agenda_for(day, tasks, read_interviews(conn), read_budget(conn), logged.fetchone()[0], _missed(conn, day))


def _missed(conn: sqlite3.Connection, day: date) -> Missed | None:
    """The missed work the plan moved forward on day, from the last re-plan's report."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'plan_report'").fetchone()
    missed = json.loads(row[0]).get("missed") if row else None
    if not missed or missed["day"] != day.isoformat():
        return None
    return Missed(missed["minutes"], tuple(date.fromisoformat(d) for d in missed["to"]), missed["dropped_minutes"])


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: reading never changes the file, nor creates it. A file its
    owner may not write is read as it stands, so that not even the write-ahead log's index is made
    beside it (made read-only too, that index would break the next write once the file is writable)."""
    locked_down = path.exists() and not path.stat().st_mode & stat.S_IWUSR
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if locked_down else ''}", uri=True)


def load_agenda(path: Path, day: date) -> Agenda | None:
    """The agenda for day from a current database; None when there is no database yet."""
    if not path.exists():
        return None
    conn = read_only(path)
    try:
        return read_agenda(conn, day)
    finally:
        conn.close()

"""The one SQLite store behind the CLI and the app, through sqlite-utils."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from planner.catalog.rounds import OWN_PREFIX, Question
from planner.db.readers import TASK_COLUMNS, read_budget, read_interviews, read_only, task_from_row
from planner.db.schema import MIGRATION_NAMES, OUTSIDE_TRANSACTION, SCHEMA_STEPS
from planner.errors import BUSY_TIMEOUT_SECONDS, UserError
from planner.paths import default_database_path
from planner.plan.records import Budget, Interview, Task
from planner.stories.story import STORY_FIELDS, Story, Told

if TYPE_CHECKING:
    from planner.stories.suggest import TermIndex

# The suggester version the kept story terms were worked out with (see stories/suggest.py).
TERMS_VERSION_KEY = "terms_version"

migrations = Migrations("planner")
for _name, _step in SCHEMA_STEPS:
    migrations(name=_name, transactional=_name not in OUTSIDE_TRANSACTION)(_step)


def _own_question(row: dict[str, Any]) -> Question:
    return Question(
        id=f"{OWN_PREFIX}{row['id']}",
        round=row["round"],
        text=row["text"],
        minutes=row["minutes"],
        kind="drill",
        themes=tuple(json.loads(row["themes"])),
        competencies=tuple(json.loads(row["competencies"])),
        company=row["company"],
        own=True,
    )


def _create_private_file(path: Path) -> None:
    """Make a file readable by its owner only: the database holds personal stories."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError as exc:
        raise UserError(f"cannot open the database at {path}: {exc.strerror or exc}") from exc


def _connect(path: Path, *, create: bool) -> tuple[sqlite3.Connection, bool]:
    """A connection to the database at path, and whether it is read-only (its owner may not write
    the file). A read-only file is opened so that nothing is written beside it either."""
    if path.is_dir():
        raise UserError(f"the database path {path} is a folder; give a file name")
    if not path.exists():
        if not create:
            raise UserError(f"the database {path} is gone: it was moved or deleted while planner was open")
        if not path.parent.is_dir():
            if path != default_database_path():
                raise UserError(f"the folder {path.parent} does not exist; make it first, or give another path")
            path.parent.mkdir(parents=True, mode=0o700)
        _create_private_file(path)
    elif not path.stat().st_mode & stat.S_IWUSR:
        return read_only(path), True
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS), False


def remove_database(path: Path) -> None:
    """Delete a database file with its write-ahead log, as if it had never been made."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        file.unlink(missing_ok=True)


def _backup(db: Database, path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_path = path.with_name(f"{path.name}.backup-{stamp}")
    _create_private_file(backup_path)
    target = sqlite3.connect(backup_path)
    try:
        db.conn.backup(target)
    finally:
        target.close()
    return backup_path


class Store:
    def __init__(self, db: Database, path: Path, *, read_only: bool = False):
        self.db = db
        self.path = path
        self.read_only = read_only
        self.backup_path: Path | None = None  # set when opening backed the file up before migrating

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Store:
        """Open the database at path (creating it, unless create is false) and bring its schema up
        to date.

        A file that is not planner's is refused before anything is written to it. A file its owner
        may not write is opened for reading only, and left exactly as it is.
        """
        conn, read_only = _connect(path, create=create)
        db = Database(conn, execute_plugins=False)
        try:
            tables = set(db.table_names())
        except sqlite3.DatabaseError as exc:
            db.close()
            raise UserError(f"{path} is not a planner database ({exc})") from exc
        store = cls(db, path, read_only=read_only)
        try:
            applied = store._check_is_ours(tables)
        except UserError:
            db.close()
            raise
        if read_only:
            if migrations.pending(db):
                db.close()
                raise UserError(f"{path} is read-only and needs an upgrade: make it writable (chmod u+w) first")
            return store
        os.chmod(path, stat.S_IMODE(path.stat().st_mode) & 0o700)  # nobody but its owner, as when made
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        store._migrate(applied)
        return store

    def _check_is_ours(self, tables: set[str]) -> set[str]:
        applied = {m.name for m in migrations.applied(self.db)}
        if tables and not applied:
            raise UserError(f"{self.path} is a SQLite database of another program, not planner's")
        if applied - set(MIGRATION_NAMES):
            raise UserError(f"{self.path} was written by a newer planner; upgrade planner to open it")
        return applied

    def _migrate(self, applied: set[str]) -> None:
        if migrations.pending(self.db):
            if applied:
                self.backup_path = _backup(self.db, self.path)
            migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of work. The outermost one takes the write lock at once (BEGIN
        IMMEDIATE), so reads inside it that decide a write cannot be overtaken by another writer."""
        if self.db.conn.in_transaction:
            with self.db.atomic():  # a savepoint inside the outer transaction
                yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        self.db.conn.commit()

    # Stories

    def _story(self, row: dict[str, Any], told: tuple[Told, ...] = ()) -> Story:
        return Story(
            **{name: row[name] for name in ("id", *STORY_FIELDS, "created_at", "updated_at")}
            | {name: tuple(json.loads(row[name])) for name in ("themes", "competencies", "tags")},
            told=told,
        )

    def _told(self, story_ids: list[int] | None = None) -> dict[int, tuple[Told, ...]]:
        told: dict[int, list[Told]] = {}
        for row in self.db.query("SELECT story_id, company, round, date FROM story_uses ORDER BY date, id"):
            if story_ids is None or row["story_id"] in story_ids:
                told.setdefault(row["story_id"], []).append(Told(row["company"], row["round"], row["date"]))
        return {story_id: tuple(uses) for story_id, uses in told.items()}

    def _stories_where(self, where: str, params: list[Any]) -> list[Story]:
        told = self._told()
        rows = self.db.query(f"SELECT * FROM stories WHERE {where} ORDER BY id", params)
        return [self._story(row, told.get(row["id"], ())) for row in rows]

    def stories(self) -> list[Story]:
        return self._stories_where("1", [])

    def term_index(self, stems: Iterable[str]) -> TermIndex:
        """What the suggester needs to rank every story for a prompt asking for these stems: each
        story's length, and the stories using each stem. The terms of stories written since the
        last suggestion (or of every story, when the suggester's vocabulary changed) are worked
        out and kept first; a read-only database has them worked out in memory each time."""
        from planner.stories.suggest import TERMS_VERSION, TermIndex, index_of

        if self.setting(TERMS_VERSION_KEY) != TERMS_VERSION:
            if self.read_only:
                return index_of(tuple(self.stories()))
            with self.transaction():
                self.db.execute("DELETE FROM story_terms")
                self.db.execute("UPDATE stories SET terms_length = NULL")
                self.save_setting(TERMS_VERSION_KEY, TERMS_VERSION)
        stale = self._stories_where("terms_length IS NULL", [])
        if stale:
            if self.read_only:
                return index_of(tuple(self.stories()))
            with self.transaction():
                for story in stale:
                    self._save_terms(story)
        lengths = dict(self.db.execute("SELECT id, terms_length FROM stories").fetchall())
        postings: dict[str, list[tuple[int, float]]] = {}
        rows = self.db.execute(
            "SELECT stem, story_id, weight FROM story_terms WHERE stem IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(stems)))],
        )
        for stem, story_id, weight in rows:
            postings.setdefault(stem, []).append((story_id, weight))
        return TermIndex(lengths, postings)

    def _save_terms(self, story: Story) -> None:
        from planner.stories.suggest import story_terms

        terms = story_terms(story)
        self.db.execute("DELETE FROM story_terms WHERE story_id = ?", [story.id])
        self.db.conn.executemany(
            "INSERT INTO story_terms (stem, story_id, weight) VALUES (?, ?, ?)",
            [(stem, story.id, weight) for stem, weight in terms.items()],
        )
        self.db.execute("UPDATE stories SET terms_length = ? WHERE id = ?", [sum(terms.values()), story.id])

    def story(self, story_id: int) -> Story:
        rows = list(self.db.query("SELECT * FROM stories WHERE id = ?", [story_id]))
        if not rows:
            raise UserError(f"there is no story {story_id}; `planner story list` shows their ids")
        return self._story(rows[0], self._told([story_id]).get(story_id, ()))

    def add_story(self, fields: dict[str, Any]) -> int:
        return self.add_stories([fields])[0]

    def add_stories(self, stories: list[dict[str, Any]]) -> list[int]:
        """Insert checked stories all together, or none of them."""
        ids = []
        with self.transaction():
            for fields in stories:
                cursor = self.db.execute(
                    f"INSERT INTO stories ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))}) RETURNING id",
                    [_column_value(value) for value in fields.values()],
                )
                ids.append(cursor.fetchone()[0])
        return ids

    def update_story(self, story_id: int, fields: dict[str, Any]) -> None:
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.transaction():
            self.story(story_id)  # inside the transaction: no other writer can delete it in between
            self.db.execute(
                f"UPDATE stories SET {assignments}, updated_at = datetime('now'), terms_length = NULL WHERE id = ?",
                [*(_column_value(value) for value in fields.values()), story_id],
            )

    def delete_story(self, story_id: int) -> None:
        with self.transaction():
            self.story(story_id)
            self.db.execute("DELETE FROM stories WHERE id = ?", [story_id])

    def picks(self) -> list[tuple[str, int]]:
        """(prompt, story id) for every story the user picked to tell for a prompt."""
        return [(prompt, story_id) for prompt, story_id in self.db.execute("SELECT prompt, story_id FROM picks")]

    def pick(self, prompt: str, story_id: int) -> Story:
        """Record that the story will be told for the prompt (replacing an earlier pick for it)."""
        with self.transaction():
            story = self.story(story_id)
            self.db.execute(
                "INSERT INTO picks (prompt, story_id) VALUES (?, ?)"
                " ON CONFLICT(prompt) DO UPDATE SET story_id = excluded.story_id, picked_on = date('now')",
                [prompt, story_id],
            )
        return story

    def search_stories(self, words: list[str]) -> list[tuple[Story, str]]:
        """Stories matching every word (stemmed), best first, each with a snippet of where."""
        query = " ".join(f'"{word}"' for word in words)
        rows = self.db.query(
            "SELECT stories.*, snippet(stories_fts, -1, '[', ']', '…', 12) AS snippet"
            " FROM stories_fts JOIN stories ON stories.id = stories_fts.rowid"
            " WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts)",
            [query],
        )
        told = self._told()
        return [(self._story(row, told.get(row["id"], ())), row["snippet"]) for row in rows]

    def record_told(self, story_id: int, company: str, round_slug: str | None, on: str) -> None:
        with self.transaction():
            self.story(story_id)
            self.db.execute(
                "INSERT INTO story_uses (story_id, company, round, date) VALUES (?, ?, ?, ?)",
                [story_id, company, round_slug, on],
            )

    # The user's own questions

    def own_questions(self) -> list[Question]:
        return [_own_question(row) for row in self.db.query("SELECT * FROM own_questions ORDER BY id")]

    def add_own_question(
        self,
        round_slug: str,
        text: str,
        minutes: int,
        company: str | None,
        themes: tuple[str, ...] = (),
        competencies: tuple[str, ...] = (),
    ) -> Question:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO own_questions (round, text, minutes, company, themes, competencies)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [round_slug, text, minutes, company, json.dumps(themes), json.dumps(competencies)],
            )
            return self.own_question(int(cursor.lastrowid or 0))

    def own_question(self, number: int) -> Question:
        rows = list(self.db.query("SELECT * FROM own_questions WHERE id = ?", [number]))
        if not rows:
            raise UserError(f"no question {OWN_PREFIX}{number}; see planner question list")
        return _own_question(rows[0])

    def delete_own_question(self, number: int) -> Question:
        with self.transaction():
            question = self.own_question(number)
            self.db.execute("DELETE FROM own_questions WHERE id = ?", [number])
        return question

    # Interviews, budget and the plan

    def interviews(self) -> list[Interview]:
        return read_interviews(self.db.conn)

    def interview(self, interview_id: int) -> Interview:
        for interview in self.interviews():
            if interview.id == interview_id:
                return interview
        raise UserError(f"there is no interview {interview_id}; `planner interview list` shows their ids")

    def save_interview(self, interview: Interview) -> int:
        """Insert (id 0) or replace an interview with its round dates; returns its id."""
        with self.transaction():
            if interview.id:
                self.interview(interview.id)
                self.db.execute(
                    "UPDATE interviews SET company = ?, role = ?, date = ? WHERE id = ?",
                    [interview.company, interview.role, interview.day.isoformat(), interview.id],
                )
                interview_id = interview.id
                self.db.execute("DELETE FROM interview_rounds WHERE interview_id = ?", [interview_id])
            else:
                interview_id = self.db.execute(
                    "INSERT INTO interviews (company, role, date) VALUES (?, ?, ?) RETURNING id",
                    [interview.company, interview.role, interview.day.isoformat()],
                ).fetchone()[0]
            for slug, held in interview.round_dates:
                self.db.execute(
                    "INSERT INTO interview_rounds (interview_id, round, date) VALUES (?, ?, ?)",
                    [interview_id, slug, held.isoformat()],
                )
        return interview_id

    def delete_interview(self, interview_id: int) -> None:
        with self.transaction():
            self.interview(interview_id)
            self.db.execute("DELETE FROM interviews WHERE id = ?", [interview_id])

    def budget(self) -> Budget:
        return read_budget(self.db.conn)

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def save_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value)],
            )

    def _tasks(self, where: str, params: Iterable[Any] = ()) -> list[Task]:
        rows = self.db.execute(f"SELECT {TASK_COLUMNS} FROM plan_tasks WHERE {where} ORDER BY due, id", list(params))
        return [task_from_row(row) for row in rows]

    def tasks(self) -> list[Task]:
        """Every task of the plan, done and skipped ones included (not those it retired)."""
        return self._tasks("status != 'retired'")

    def planned_tasks(self) -> list[Task]:
        """The work still to do, overdue included."""
        return self._tasks("status = 'planned'")

    def tasks_from(self, day: date) -> list[Task]:
        """The work still to do, and whatever is due from day on."""
        return self._tasks("status = 'planned' OR (due >= ? AND status != 'retired')", [day.isoformat()])

    def finished_tasks(self) -> list[Task]:
        """Done and skipped tasks: the history a new plan keeps."""
        return self._tasks("status IN ('done', 'skipped')")

    def overdue_tasks(self, today: date) -> list[Task]:
        return self._tasks("status = 'planned' AND due < ?", [today.isoformat()])

    def task(self, task_id: int) -> Task:
        found = self._tasks("id = ?", [task_id])
        if not found:
            raise UserError(f"there is no task {task_id}; `planner agenda` shows the ids of today's tasks")
        if found[0].status == "retired":
            raise UserError(f"task {task_id} was retired: the plan no longer needs it (its round passed, or it moved)")
        return found[0]

    def apply_plan(self, tasks: Iterable[Task]) -> None:
        """Make the planned tasks those given, matched by key: a task still wanted keeps its id and is
        moved or changed in place, new work gets an id never used before, and work no longer wanted
        is retired, keeping its id should it be wanted again. Done and skipped work is left as it is."""
        fields = ("round", "kind", "title", "minutes", "due", "interview_id", "question_id", "story_id", "status")
        with self.transaction():
            current: dict[str, Task] = {}
            for task in self._tasks("status IN ('planned', 'retired')"):
                if task.key in current:  # a duplicate left by an older planner
                    self.db.execute("DELETE FROM plan_tasks WHERE id = ?", [task.id])
                else:
                    current[task.key] = task
            wanted = {task.key: task._replace(status="planned") for task in tasks}
            for key, task in current.items():
                if key not in wanted and task.status == "planned":
                    self.db.execute("UPDATE plan_tasks SET status = 'retired' WHERE id = ?", [task.id])
            for key, task in wanted.items():
                values = [getattr(task, name) for name in fields]
                values[fields.index("due")] = task.due.isoformat()
                if key not in current:
                    self.db.execute(
                        f"INSERT INTO plan_tasks (key, {', '.join(fields)}) VALUES (?, {', '.join('?' * len(fields))})",
                        [key, *values],
                    )
                elif any(getattr(current[key], name) != getattr(task, name) for name in fields):
                    assignments = ", ".join(f"{name} = ?" for name in fields)
                    self.db.execute(f"UPDATE plan_tasks SET {assignments} WHERE id = ?", [*values, current[key].id])

    def set_status(
        self,
        task_id: int,
        status: str,
        *,
        minutes: int | None,
        on: date | None,
        score: int | None = None,
        note: str | None = None,
    ) -> Task:
        """Mark a task done (logging the minutes spent, its own unless given, on the day `on`, with
        a mock's score and a note), skipped, or planned again."""
        with self.transaction():
            task = self.task(task_id)
            self.db.execute("UPDATE plan_tasks SET status = ? WHERE id = ?", [status, task_id])
            self.db.execute("DELETE FROM practice_log WHERE task_id = ?", [task_id])
            if status == "done":
                self.db.execute(
                    "INSERT INTO practice_log (task_id, round, question_id, minutes, done_on, score, note)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [task_id, task.round, task.question_id, minutes or task.minutes, (on or task.due).isoformat(),
                     score, note],
                )  # fmt: skip
        return self.task(task_id)

    def practice_log(self) -> list[dict[str, Any]]:
        """Every piece of work logged, oldest first: what, when, how long, and how it went."""
        rows = self.db.query(
            "SELECT l.done_on AS date, l.round, t.kind, t.title, l.minutes, l.score, l.note, l.task_id,"
            " (SELECT rating FROM review_log r WHERE r.task_id = l.task_id ORDER BY r.id DESC LIMIT 1) AS rating"
            " FROM practice_log l LEFT JOIN plan_tasks t ON t.id = l.task_id ORDER BY l.done_on, l.id"
        )
        return list(rows)

    def memory(self) -> dict[str, tuple[str, int, str]]:
        """Each studied question's memory state (JSON), number of reviews and last rating."""
        rows = self.db.execute("SELECT question_id, card, reviews, last_rating FROM memory")
        return {question_id: (card, reviews, rating) for question_id, card, reviews, rating in rows}

    def remember(self, question_id: str, state: tuple[str, int, str] | None) -> None:
        """Set a question's memory state (None: forget it, as never studied)."""
        with self.transaction():
            self.db.execute("DELETE FROM memory WHERE question_id = ?", [question_id])
            if state is not None:
                self.db.execute(
                    "INSERT INTO memory (question_id, card, reviews, last_rating) VALUES (?, ?, ?, ?)",
                    [question_id, *state],
                )

    def log_review(self, question_id: str, task_id: int, rating: str, on: date) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO review_log (question_id, task_id, rating, reviewed_on) VALUES (?, ?, ?, ?)",
                [question_id, task_id, rating, on.isoformat()],
            )

    def unlog_review(self, task_id: int) -> None:
        """Take back the last review logged for a task."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM review_log WHERE id = (SELECT MAX(id) FROM review_log WHERE task_id = ?)", [task_id]
            )

    def progress(self, task_id: int) -> tuple[str, int | None, str | None, int | None, str | None]:
        """A task's status, and the minutes, ISO day, score and note logged for it (None when not done)."""
        task = self.task(task_id)
        row = self.db.execute(
            "SELECT minutes, done_on, score, note FROM practice_log WHERE task_id = ?", [task_id]
        ).fetchone()
        return (task.status, *(row or (None, None, None, None)))

    def minutes_by_day(self) -> tuple[dict[date, int], dict[date, int]]:
        """The minutes logged as done on each day, and those planned for each day."""
        done = self.db.execute("SELECT done_on, SUM(minutes) FROM practice_log GROUP BY done_on")
        planned = self.db.execute("SELECT due, SUM(minutes) FROM plan_tasks WHERE status = 'planned' GROUP BY due")
        return (
            {date.fromisoformat(day): minutes for day, minutes in done},
            {date.fromisoformat(day): minutes for day, minutes in planned},
        )

    def minutes_logged(self, on: date) -> int:
        row = self.db.execute("SELECT COALESCE(SUM(minutes), 0) FROM practice_log WHERE done_on = ?", [on.isoformat()])
        return row.fetchone()[0]


def _column_value(value: object) -> object:
    return json.dumps(list(value), ensure_ascii=False) if isinstance(value, tuple) else value

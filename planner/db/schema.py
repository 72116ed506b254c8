"""The database schema, as the numbered steps that build it.

The schema only ever changes through a new step appended to SCHEMA_STEPS: a step that has shipped is
never edited, so every database a user has can be brought up to date. The steps take a sqlite-utils
Database; this module itself imports nothing heavy, so the app and `planner agenda` can check that a
database is current without loading sqlite-utils.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from planner.db.readers import read_only
from planner.text import escaped

if TYPE_CHECKING:
    from sqlite_utils import Database


def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            role TEXT,
            date TEXT NOT NULL,              -- ISO date of the last round, the day it all leads to
            notes TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        -- Rounds that fall on another day than the interview's own date.
        CREATE TABLE interview_rounds (
            interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            date TEXT NOT NULL,
            PRIMARY KEY (interview_id, round)
        );
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '[]',   -- JSON list of themes
            tags TEXT NOT NULL DEFAULT '[]',     -- JSON list of free tags
            company TEXT,
            role TEXT,
            year INTEGER,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        -- Where a story has been told, so one company does not hear it twice.
        CREATE TABLE story_uses (
            id INTEGER PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            company TEXT NOT NULL,
            round TEXT,
            date TEXT NOT NULL
        );
        CREATE INDEX story_uses_story ON story_uses(story_id);
        CREATE TABLE plan_tasks (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,                   -- names the work, so work done is not planned again
            interview_id INTEGER REFERENCES interviews(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            question_id TEXT,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            due TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'skipped')),
            created_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX plan_tasks_due ON plan_tasks(due);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL                  -- JSON
        );
        -- Work done, kept when the plan it came from is replaced or its interview removed.
        CREATE TABLE practice_log (
            id INTEGER PRIMARY KEY,
            task_id INTEGER REFERENCES plan_tasks(id) ON DELETE SET NULL,
            round TEXT NOT NULL,
            question_id TEXT,
            minutes INTEGER NOT NULL,
            done_on TEXT NOT NULL,
            note TEXT
        );
        """
    )


def _story_search(db: Database) -> None:
    # Porter stemming so that "disagreed" finds "disagreement"; triggers keep the index in step.
    db.table("stories").enable_fts(
        ["title", "situation", "task", "action", "result", "themes", "tags"],
        tokenize="porter",
        create_triggers=True,
    )


# The text columns a user typed, by table.
_USER_TEXT = {
    "stories": ("title", "situation", "task", "action", "result", "company", "role"),
    "story_uses": ("company", "round"),
    "interviews": ("company", "role", "notes"),
    "plan_tasks": ("title",),
}


def _inert_text(db: Database) -> None:
    # Control characters typed or imported before they were refused are written out as escapes
    # ("\x1b"), so that no stored text can drive the terminal it is shown in.
    for table, columns in _USER_TEXT.items():
        rows = db.execute(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall()
        for rowid, *values in rows:
            cleaned = [escaped(v) if isinstance(v, str) else v for v in values]
            if cleaned != values:
                assignments = ", ".join(f"{column} = ?" for column in columns)
                db.execute(f"UPDATE {table} SET {assignments} WHERE rowid = ?", [*cleaned, rowid])
    for rowid, themes, tags in db.execute("SELECT rowid, themes, tags FROM stories").fetchall():
        # JSON keeps a control character as an escape of its own (\u001b): look inside the lists.
        stored = [json.loads(themes), json.loads(tags)]
        cleaned = [[escaped(word) for word in words] for words in stored]
        if cleaned != stored:
            db.execute(
                "UPDATE stories SET themes = ?, tags = ? WHERE rowid = ?",
                [*(json.dumps(words, ensure_ascii=False) for words in cleaned), rowid],
            )


def _story_terms(db: Database) -> None:
    # What the story suggester reads each story as (its stems, weighted by field), kept so that a
    # prompt is ranked without reading every story again. Filled in by the store as stories are
    # written, and for all of them when the suggester's vocabulary changes (settings: terms_version).
    db.executescript(
        """
        CREATE TABLE story_terms (
            stem TEXT NOT NULL,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            weight REAL NOT NULL,
            PRIMARY KEY (stem, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_terms_story ON story_terms(story_id);
        ALTER TABLE stories ADD COLUMN terms_length REAL;  -- NULL: its terms are not worked out yet
        """
    )


def _task_ids_never_reused(db: Database) -> None:
    # A task's id is what `planner done ID` acts on, so it must never be given to other work:
    # AUTOINCREMENT keeps a deleted id from coming back, and work the plan retires keeps its row (and
    # its id) with the status 'retired'. And removing an interview no longer takes
    # its done work with it (SET NULL, not CASCADE). SQLite changes a table by rebuilding it; with
    # foreign keys off, so that dropping the old table leaves the practice log's links alone, which
    # only works outside a transaction (hence this step runs outside one, and can run again).
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            conn.execute("DROP TABLE IF EXISTS plan_tasks_new")
            conn.execute(
                """
                CREATE TABLE plan_tasks_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    key TEXT NOT NULL,           -- names the work, so work done is not planned again
                    interview_id INTEGER REFERENCES interviews(id) ON DELETE SET NULL,
                    round TEXT NOT NULL,
                    question_id TEXT,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    minutes INTEGER NOT NULL,
                    due TEXT NOT NULL,
                    -- retired: work the plan no longer needs, kept so that its id is its own should it return
                    status TEXT NOT NULL DEFAULT 'planned'
                        CHECK (status IN ('planned', 'done', 'skipped', 'retired')),
                    created_at TEXT NOT NULL DEFAULT (datetime('now'))
                )
                """
            )
            columns = "id, key, interview_id, round, question_id, kind, title, minutes, due, status, created_at"
            conn.execute(f"INSERT INTO plan_tasks_new ({columns}) SELECT {columns} FROM plan_tasks")
            conn.execute("DROP TABLE plan_tasks")
            conn.execute("ALTER TABLE plan_tasks_new RENAME TO plan_tasks")
            conn.execute("CREATE INDEX plan_tasks_due ON plan_tasks(due)")
            conn.execute("CREATE INDEX plan_tasks_key ON plan_tasks(key)")
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"rebuilding plan_tasks would break {len(broken)} links")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _memory(db: Database) -> None:
    # What the candidate remembers of each question (an FSRS memory state, see plan/memory.py) and
    # every self-rated review that made it so.
    db.executescript(
        """
        CREATE TABLE memory (
            question_id TEXT PRIMARY KEY,
            card TEXT NOT NULL,                  -- the FSRS memory state, as JSON
            reviews INTEGER NOT NULL,
            last_rating TEXT NOT NULL
        );
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            task_id INTEGER REFERENCES plan_tasks(id) ON DELETE SET NULL,
            rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
            reviewed_on TEXT NOT NULL
        );
        CREATE INDEX review_log_task ON review_log(task_id);
        -- How a timed mock went, scored by the candidate from 1 to 5 (the note says the rest).
        ALTER TABLE practice_log ADD COLUMN score INTEGER CHECK (score BETWEEN 1 AND 5);
        """
    )


def _picks(db: Database) -> None:
    # The story the user chose to tell for a prompt; it comes first for that prompt and its like.
    db.executescript(
        """
        CREATE TABLE picks (
            prompt TEXT PRIMARY KEY,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            picked_on TEXT NOT NULL DEFAULT (date('now'))
        );
        """
    )


def _competencies(db: Database) -> None:
    # The competencies each story shows (see planner/data/competencies.toml), read from the text of
    # the stories already written, as a new story's are; and the story a behavioral task tells.
    from planner.stories.competencies import shown_in

    db.executescript(
        """
        ALTER TABLE stories ADD COLUMN competencies TEXT NOT NULL DEFAULT '[]';  -- JSON list of slugs
        ALTER TABLE plan_tasks ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
        """
    )
    rows = db.execute("SELECT id, title, situation, task, action, result, tags, themes FROM stories").fetchall()
    for story_id, title, *body, tags, themes in rows:
        shown = shown_in(title, " ".join(body), json.loads(tags), json.loads(themes))
        db.execute("UPDATE stories SET competencies = ? WHERE id = ?", [json.dumps(shown), story_id])


def _own_questions(db: Database) -> None:
    # Questions the user adds to a round's bank (what a recruiter said to expect), for every
    # interview or one company's. AUTOINCREMENT: work done on a removed question keeps its id.
    db.executescript(
        """
        CREATE TABLE own_questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round TEXT NOT NULL,
            text TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            company TEXT,                                -- NULL: for every interview
            themes TEXT NOT NULL DEFAULT '[]',           -- JSON list: a behavioral prompt's themes
            competencies TEXT NOT NULL DEFAULT '[]',     -- JSON list: what a behavioral prompt probes
            added_on TEXT NOT NULL DEFAULT (date('now'))
        );
        """
    )


SCHEMA_STEPS = [
    ("0001_initial", _initial),
    ("0002_story_search", _story_search),
    ("0003_inert_text", _inert_text),
    ("0004_story_terms", _story_terms),
    ("0005_task_ids_never_reused", _task_ids_never_reused),
    ("0006_memory", _memory),
    ("0007_picks", _picks),
    ("0008_competencies", _competencies),
    ("0009_own_questions", _own_questions),
]
# Steps that manage their own transaction (see each one for why).
OUTSIDE_TRANSACTION = {"0005_task_ids_never_reused"}
MIGRATION_NAMES = [name for name, _ in SCHEMA_STEPS]


def is_current(path: Path) -> bool:
    """Whether the file is a planner database with every step applied (read without writing)."""
    try:
        conn = read_only(path)
        try:
            rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'planner' ORDER BY id")
            return [name for (name,) in rows] == MIGRATION_NAMES
        finally:
            conn.close()
    except sqlite3.Error:
        return False

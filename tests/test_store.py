import sqlite3
import stat
from pathlib import Path

import pytest

from planner.db.store import MIGRATION_NAMES, Store
from planner.errors import UserError
from planner.paths import default_database_path

FIRST_SCHEMA = Path(__file__).parent / "data" / "schema_0001.sql"
TABLES = ["interviews", "interview_rounds", "stories", "story_uses", "plan_tasks", "practice_log", "settings"]


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in the columns the first schema had (later steps add columns)."""
    conn = sqlite3.connect(path)
    try:
        first = sqlite3.connect(":memory:")
        first.executescript(FIRST_SCHEMA.read_text(encoding="utf-8"))
        columns = {table: [row[1] for row in first.execute(f"PRAGMA table_info({table})")] for table in TABLES}
        first.close()
        return {
            table: conn.execute(f"SELECT {', '.join(columns[table])} FROM {table} ORDER BY rowid").fetchall()
            for table in TABLES
        }
    finally:
        conn.close()


def test_a_new_database_is_private_and_configured(db_path):
    with Store.open(db_path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert set(TABLES) <= set(store.db.table_names())
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_the_data_folder_is_made_on_first_use_but_a_folder_given_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    Store.open(default_database_path()).close()
    assert default_database_path() == tmp_path / "data" / "planner" / "planner.db"
    assert default_database_path().exists()
    typo = tmp_path / "no-such-folder" / "planner.db"
    with pytest.raises(UserError, match="does not exist"):
        Store.open(typo)
    assert not typo.parent.exists()


def test_opening_again_applies_nothing_and_makes_no_backup(db_path):
    Store.open(db_path).close()
    with Store.open(db_path) as store:
        assert store.backup_path is None
    assert list(db_path.parent.glob("*.backup-*")) == []


def test_a_database_of_the_first_schema_keeps_every_row_through_the_migrations(db_path):
    conn = sqlite3.connect(db_path)
    conn.executescript(FIRST_SCHEMA.read_text(encoding="utf-8"))
    conn.close()
    before = rows(db_path)
    assert all(before[table] for table in TABLES), "the fixture has a row in every table"

    with Store.open(db_path) as store:
        applied = [m["name"] for m in store.db["_sqlite_migrations"].rows_where(order_by="id")]
        assert applied == MIGRATION_NAMES
        # The search index added later covers the stories that were already there.
        found = store.db.execute("SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'pushing'").fetchall()
        assert found == [(2,)]
        backup = store.backup_path

    assert rows(db_path) == before
    assert backup is not None and rows(backup) == before
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(db_path):
    db_path.write_bytes(b"my notes, not a database\n" * 100)
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="not a planner database"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_alone(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="another program"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_planner_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('planner', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer planner"):
        Store.open(db_path)


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(UserError, match="is a folder"):
        Store.open(tmp_path)

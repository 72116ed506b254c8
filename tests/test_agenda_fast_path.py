import os
import subprocess
import sys

import pytest

from tests.conftest import TODAY


def planner(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANNER_TODAY": TODAY.isoformat(), **(env_extra or {})}
    env.pop("PLANNER_DB", None)
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, env=env)


@pytest.fixture
def planned(run, db_path, monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())
    assert run("interview", "add", "Acme", "--date", "2026-12-15").exit_code == 0
    return db_path


@pytest.mark.parametrize("flags", [[], ["--json"]])
def test_the_plain_agenda_prints_what_the_full_command_prints(run, planned, flags):
    fast = planner("--db", str(planned), "agenda", *flags)
    assert fast.returncode == 0, fast.stderr
    assert fast.stdout == run("agenda", *flags).stdout
    assert planner("agenda", *flags, f"--db={planned}").stdout == fast.stdout


def test_the_plain_agenda_loads_neither_click_nor_textual_nor_sqlite_utils(planned):
    probe = (
        "import sys\n"
        f"sys.argv = ['planner', 'agenda', '--db', {str(planned)!r}]\n"
        "from planner.main import main\n"
        "main()\n"
        "heavy = {'click', 'textual', 'sqlite_utils', 'dateparser'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PLANNER_TODAY": TODAY.isoformat()},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"


def test_story_add_does_not_load_textual(tmp_path):
    probe = (
        "import sys\n"
        f"sys.argv = ['planner', '--db', {str(tmp_path / 'p.db')!r},"
        " 'story', 'add', '--title', 'T', '--theme', 'success']\n"
        "from planner.main import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr


def test_the_plain_agenda_refuses_a_foreign_file_in_one_line(tmp_path):
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database")
    done = planner("--db", str(foreign), "agenda")
    assert done.returncode == 1
    assert done.stderr.startswith("planner: ") and len(done.stderr.strip().splitlines()) == 1
    assert foreign.read_text() == "not a database"


def test_the_plain_agenda_without_a_database_creates_nothing(tmp_path):
    done = planner("--db", str(tmp_path / "none.db"), "agenda")
    assert done.returncode == 0 and "No plan yet" in done.stdout
    assert not (tmp_path / "none.db").exists()

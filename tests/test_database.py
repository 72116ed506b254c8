"""What the database promises: one writer at a time, a wait of up to BUSY_TIMEOUT_SECONDS, one clear
line past that, no lost write, and nothing left behind by a command that fails."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from planner.db.store import Store
from tests.conftest import unchanged_by

BUSY_LINE = "another program has been writing to the database for over 5 seconds; nothing was changed, try again\n"


def planner(db_path, *args: str, today: str = "2026-11-24") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANNER_TODAY": today}
    env.pop("PLANNER_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(db_path), *args], capture_output=True, text=True, env=env
    )


def test_several_shells_writing_at_once_all_succeed_and_lose_nothing(db_path):
    # A plan made a week ago, so that its tasks are overdue now: re-planning keeps overdue tasks,
    # so checking them off cannot race with the re-plans of the other shells. (Not behavioral ones:
    # the stories added meanwhile answer some prompts, which retires the tasks to write them.)
    assert planner(db_path, "interview", "add", "Acme", "--date", "2026-12-20", today="2026-11-17").returncode == 0
    with Store.open(db_path) as store:
        overdue = [t.id for t in store.tasks() if t.due < store_day("2026-11-24") and t.round != "behavioral"][:8]
    assert len(overdue) == 8

    def stories(worker: int) -> list[subprocess.CompletedProcess[str]]:
        return [planner(db_path, "story", "add", "--title", f"S{worker}-{n}", "--theme", "success") for n in range(6)]

    def checking_off() -> list[subprocess.CompletedProcess[str]]:
        return [planner(db_path, "done", str(task_id)) for task_id in overdue]

    def budgets() -> list[subprocess.CompletedProcess[str]]:
        return [planner(db_path, "config", "set", "budget", str(minutes)) for minutes in (70, 80, 90, 100)]

    def interviews() -> list[subprocess.CompletedProcess[str]]:
        return [planner(db_path, "interview", "add", f"Co{n}", "--date", f"2027-01-{10 + n}") for n in range(4)]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=5) as pool:
        jobs = [pool.submit(stories, 1), pool.submit(stories, 2), pool.submit(checking_off)]
        jobs += [pool.submit(budgets), pool.submit(interviews)]
        results = [result for job in jobs for result in job.result()]
    elapsed = time.monotonic() - started

    failures = [(r.args[5:], r.stderr) for r in results if r.returncode != 0]
    assert failures == [], f"{len(failures)} of {len(results)} commands failed in {elapsed:.1f} s"
    with Store.open(db_path) as store:
        assert sorted(s.title for s in store.stories()) == sorted(f"S{w}-{n}" for w in (1, 2) for n in range(6))
        assert {store.task(task_id).status for task_id in overdue} == {"done"}
        assert store.budget().daily == 100
        assert sorted(i.company for i in store.interviews()) == ["Acme", "Co0", "Co1", "Co2", "Co3"]


def store_day(text: str):
    from datetime import date

    return date.fromisoformat(text)


def test_a_lock_held_past_the_timeout_is_one_line_and_changes_nothing(run, db_path):
    assert run("story", "add", "--title", "First", "--theme", "success").exit_code == 0
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before = db_path.read_bytes()
        result = run("story", "add", "--title", "Second", "--theme", "success")
        assert (result.exit_code, result.stderr) == (1, f"planner: {BUSY_LINE}")
        assert db_path.read_bytes() == before
    finally:
        holder.rollback()
        holder.close()
    assert run("story", "add", "--title", "Second", "--theme", "success").exit_code == 0


def test_a_read_only_database_is_read_but_not_written_and_nothing_appears_beside_it(run, db_path):
    assert run("story", "add", "--title", "First", "--theme", "success").exit_code == 0
    db_path.chmod(0o400)
    try:
        beside = sorted(p.name for p in db_path.parent.iterdir())
        assert [s["title"] for s in json.loads(run("story", "list", "--json").stdout)] == ["First"]
        assert run("agenda").exit_code == 0
        said = unchanged_by(db_path, run, "story", "add", "--title", "Second", "--theme", "success")
        assert "read-only" in said
        assert sorted(p.name for p in db_path.parent.iterdir()) == beside
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o400
    finally:
        db_path.chmod(0o600)
    assert run("story", "add", "--title", "Second", "--theme", "success").exit_code == 0


def test_a_failed_command_leaves_no_new_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = planner(tmp_path / "new.db", "done", "3")
    assert done.returncode == 1 and done.stderr.startswith("planner: there is no task 3")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["where"], ["story", "list"], ["agenda"]])
def test_a_database_in_a_folder_that_does_not_exist_is_refused_not_made(tmp_path, command):
    typo = tmp_path / "no-such-folder" / "planner.db"
    done = planner(typo, *command)
    if command == ["where"]:
        assert done.stdout.strip() == str(typo)
    elif command == ["agenda"]:
        assert "No plan yet" in done.stdout
    else:
        assert done.returncode == 1 and "does not exist" in done.stderr
    assert not typo.parent.exists()

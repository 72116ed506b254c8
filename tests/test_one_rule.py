"""The shell and the app apply the same rules, since both call the same function for each use case."""

import json
import os
import pty
import stat
import subprocess
import sys
from datetime import date

from textual.widgets import Input, OptionList, Static

from planner.db.store import Store
from planner.tui.app import build_app
from tests.conftest import TODAY, fill_interview_form, settle

SIZE = (120, 40)
STORY = {
    "title": "Réécrit le pipeline ✓",
    "themes": ("success",),
    "action": "I rewrote the feature pipeline so that training and serving shared one code path.",
}


def add_story(db_path, **fields):
    with Store.open(db_path) as store:
        store.add_story(STORY | fields)


async def test_the_app_refuses_an_interview_more_than_two_years_ahead_as_the_shell_does(db_path, run, monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())
    shell = run("interview", "add", "Acme", "--date", "2040-01-01")
    assert shell.exit_code == 1 and "two years ahead" in shell.stderr
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await fill_interview_form(pilot, "Acme", "2040-01-01")
        await pilot.press("f2")
        await settle(pilot)
        assert "two years ahead" in str(app.screen.query_one("#form-error", Static).render())
    with Store.open(db_path) as store:
        assert store.interviews() == []


async def test_the_app_exports_files_only_their_owner_can_read_in_utf8(db_path, tmp_path, monkeypatch):
    add_story(db_path)
    monkeypatch.chdir(tmp_path)
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.export_stories()
        app.export_plan()
        await settle(pilot)
    for name in ("stories.md", "planner.ics"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name
    assert "## Réécrit le pipeline ✓" in (tmp_path / "stories.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["planner.db", "planner.ics", "stories.md"]


def test_the_shell_exports_private_files(run, db_path, tmp_path):
    add_story(db_path)
    out = tmp_path / "stories.json"
    assert run("story", "export", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [s["title"] for s in json.loads(out.read_text(encoding="utf-8"))] == ["Réécrit le pipeline ✓"]


async def test_the_app_names_the_story_to_write_as_the_shell_does(db_path, run):
    add_story(db_path)
    prompt = "Tell me about a time you had a conflict with a hardware vendor"
    shell = run("suggest", prompt).stdout.splitlines()[0]
    assert shell.startswith("Nothing in your bank fits this prompt well. Write a story of conflict with a peer")
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        app.screen.query_one("#prompt", Input).value = prompt
        await pilot.pause()
        assert str(app.screen.query_one("#suggest-note", Static).render()).startswith(shell)


async def test_the_app_refuses_a_prompt_with_nothing_to_match_as_the_shell_does(db_path, run):
    add_story(db_path)
    shell = run("suggest", "tell me about a time")
    assert shell.exit_code == 1
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        app.screen.query_one("#prompt", Input).value = "tell me about a time"
        await pilot.pause()
        note = str(app.screen.query_one("#suggest-note", Static).render())
        assert note == shell.stderr.strip().removeprefix("planner: ")
        assert app.screen.query_one(OptionList).option_count == 0


async def test_the_app_maps_every_prompt_of_the_bank_as_suggest_all_does(db_path, run):
    add_story(db_path)
    add_story(db_path, title="Missed a launch date", themes=("failure",), action="I promised too much and we slipped.")
    grid = json.loads(run("suggest", "--all", "--json").stdout)
    covered = sum(1 for row in grid["prompts"] if row["story"])
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("escape", "a")
        await pilot.pause()
        note = str(app.screen.query_one("#suggest-note", Static).render())
        assert note.startswith(f"{covered} of {len(grid['prompts'])} prompts of the bank have a story.")
        assert app.screen.query_one(OptionList).option_count == len(grid["prompts"])


async def test_the_app_imports_stories_as_the_shell_does(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories.json").write_text(json.dumps([{"title": "A", "themes": ["success"]}] * 2), encoding="utf-8")
    Store.open(db_path).close()
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.import_stories()
        await settle(pilot)
        app.import_stories()
        await settle(pilot)
    with Store.open(db_path) as store:
        assert [s.title for s in store.stories()] == ["A"]


async def test_the_app_takes_today_from_planner_today_as_the_shell_does(db_path, monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", "2027-01-04")
    Store.open(db_path).close()
    app = build_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.today == date(2027, 1, 4)
        assert "Monday 04 January 2027" in str(app.screen.query_one("#today-summary", Static).render())


def test_an_unreadable_planner_today_is_one_line(tmp_path):
    env = {**os.environ, "PLANNER_TODAY": "garbage"}
    for args in (["agenda"], ["agenda", "--date", "tomorrow"], ["story", "told", "1", "--company", "A"]):
        done = subprocess.run(
            [sys.executable, "-m", "planner", "--db", str(tmp_path / "p.db"), *args],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 1, args
        assert done.stderr == "planner: PLANNER_TODAY must be a date such as 2026-12-01, not 'garbage'\n", args


def test_the_agenda_json_has_one_form_with_and_without_data(run, monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())
    empty = json.loads(run("agenda", "--json").stdout)
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    full = json.loads(run("agenda", "--json").stdout)
    assert empty.keys() == full.keys()
    assert empty["tasks"] == [] and full["tasks"]


def test_the_app_does_not_start_on_an_unreadable_planner_today(tmp_path):
    # In a terminal (the app only starts in one): a pseudo-terminal for its input and output.
    controller, terminal = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(tmp_path / "p.db")],
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PLANNER_TODAY": "garbage"},
        timeout=60,
    )
    os.close(terminal)
    os.close(controller)
    assert done.returncode == 1
    assert done.stderr == "planner: PLANNER_TODAY must be a date such as 2026-12-01, not 'garbage'\n"


def test_an_export_never_replaces_a_file_or_follows_a_link_unasked(run, db_path, tmp_path):
    add_story(db_path)
    target = tmp_path / "secret.txt"
    target.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    existing = tmp_path / "stories.json"
    existing.write_text("old")
    for args in (["story", "export", "-o", str(existing)], ["plan", "--ics", str(existing)]):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (
            1,
            f"planner: {existing} exists already; add --force to replace it\n",
        )
    assert existing.read_text() == "old"
    assert run("story", "export", "-o", str(existing), "--force").exit_code == 0
    assert json.loads(existing.read_text(encoding="utf-8"))[0]["title"] == STORY["title"]
    assert run("story", "export", "--format", "markdown", "-o", str(link), "--force").exit_code == 0
    assert target.read_text() == "keep me" and not link.is_symlink()
    assert stat.S_IMODE(link.stat().st_mode) == 0o600


def test_an_export_to_a_device_is_refused_and_dash_means_standard_output(run, db_path):
    add_story(db_path)
    result = run("story", "export", "-o", "/dev/null", "--force")
    assert result.exit_code == 1 and "is not a file" in result.stderr
    assert json.loads(run("story", "export", "-o", "-").stdout)[0]["title"] == STORY["title"]
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    assert run("plan", "--ics", "-").stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")


async def test_the_app_asks_before_replacing_an_export(db_path, tmp_path, monkeypatch):
    add_story(db_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stories.md").write_text("my own notes")
    app = build_app(db_path, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.export_stories()
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert (tmp_path / "stories.md").read_text() == "my own notes"
        app.export_stories()
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
    assert STORY["title"] in (tmp_path / "stories.md").read_text(encoding="utf-8")

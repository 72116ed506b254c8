"""Text from a user or a file never drives the terminal, and never makes an error message long."""

import json
import sqlite3

import pytest

from planner.db.store import Store
from tests.conftest import unchanged_by

ESCAPES = "\x1b]0;PWNED\x07 \x1b[2J"


@pytest.fixture
def bank(run, db_path):
    assert run("story", "add", "--title", "Existing", "--theme", "success").exit_code == 0
    return db_path


@pytest.mark.parametrize(
    "flags",
    [
        ["--title", f"Title {ESCAPES}"],
        ["--title", "T", "--action", "null\x00byte"],
        ["--title", "T", "--tag", f"tag{ESCAPES}"],
        ["--title", "T", "--company", "Acme\x9b31m"],
    ],
)
def test_a_control_character_typed_in_a_story_is_refused_in_one_line(run, bank, flags):
    said = unchanged_by(bank, run, "story", "add", "--theme", "success", *flags)
    assert "control character" in said
    assert "\x1b" not in said and "\x00" not in said and "\x9b" not in said


def test_a_control_character_in_an_imported_file_imports_nothing(run, bank, tmp_path):
    hostile = tmp_path / "stories.json"
    stories = [{"title": "Fine", "themes": ["success"]}, {"title": f"Bad {ESCAPES}", "themes": ["failure"]}]
    hostile.write_text(json.dumps(stories), encoding="utf-8")
    said = unchanged_by(bank, run, "story", "import", str(hostile))
    assert said.startswith("planner: record 2") and "\x1b" not in said


def test_an_interview_or_a_telling_with_a_control_character_is_refused(run, bank):
    unchanged_by(bank, run, "interview", "add", f"Acme{ESCAPES}", "--date", "in 3 weeks")
    unchanged_by(bank, run, "interview", "add", "Acme", "--role", "ML\x1b[31m", "--date", "in 3 weeks")
    unchanged_by(bank, run, "story", "told", "1", "--company", f"Acme{ESCAPES}")


def test_newlines_and_tabs_in_a_story_are_kept(run, bank):
    assert run("story", "add", "--title", "T", "--theme", "success", "--action", "one\r\ntwo\tthree").exit_code == 0
    story = json.loads(run("story", "show", "2", "--json").stdout)
    assert story["action"] == "one\ntwo\tthree"


def test_text_stored_before_the_rule_is_shown_escaped_after_the_upgrade(run, db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO stories (title, action, themes, tags) VALUES (?, ?, ?, ?)",
            (f"Old {ESCAPES}", "line\nnext", '["success"]', json.dumps([f"t{ESCAPES}"])),
        )
        conn.execute("INSERT INTO interviews (company, date) VALUES (?, '2026-12-15')", (f"Acme{ESCAPES}",))
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0003_inert_text'")
    conn.close()
    for args in (["story", "list"], ["story", "show", "1"], ["story", "export", "--format", "markdown"]):
        shown = run(*args).stdout
        assert "\x1b" not in shown and "\x07" not in shown, args
        assert "Old \\x1b]0;PWNED\\x07" in shown, args
    story = json.loads(run("story", "show", "1", "--json").stdout)
    assert story["action"] == "line\nnext"
    assert story["tags"] == ["t\\x1b]0;PWNED\\x07 \\x1b[2J"]
    assert "\x1b" not in run("interview", "list").stdout


@pytest.mark.parametrize(
    "args",
    [
        ["story", "add", "--title", "T", "--theme", "x" * 300_000],
        ["story", "add", "--title", "T", "--theme", "two\nlines"],
        ["config", "set", "budget", "9" * 1000 + "\nx"],
        ["interview", "add", "Acme", "--date", "someday\n" * 10_000],
        ["rounds", "astro\nlogy" * 1000],
    ],
)
def test_an_error_quoting_a_huge_or_multiline_value_is_one_short_line(run, bank, args):
    said = unchanged_by(bank, run, *args)
    assert len(said) < 300, said[:400]

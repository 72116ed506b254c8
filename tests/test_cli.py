import json
import os
import subprocess
import sys

from click.testing import CliRunner

from planner.cli.root import cli
from tests.conftest import LOOP, crashed


def test_rounds_json_lists_the_loop_with_its_question_banks(run):
    result = run("rounds", "--json")
    assert result.exit_code == 0, result.output
    rounds = json.loads(result.stdout)
    assert [(r["slug"], r["minutes"]) for r in rounds] == LOOP
    for round_ in rounds:
        assert round_["name"] and round_["tips"]
        for question in round_["questions"]:
            assert question["id"] and question["text"] and question["minutes"] > 0


def test_rounds_prints_a_table_a_person_can_read(run):
    result = run("rounds")
    assert result.exit_code == 0
    assert "ML system design" in result.stdout and "45 min" in result.stdout


def test_one_round_shows_its_tips_and_bank_and_accepts_a_short_name(run):
    result = run("rounds", "design")
    assert result.exit_code == 0
    assert "Tips:" in result.stdout and "design-" in result.stdout
    one = json.loads(run("rounds", "ml-coding", "--json").stdout)
    assert one["slug"] == "ml-coding" and len(one["questions"]) >= 20


def test_an_unknown_round_is_one_line_naming_the_choices(run):
    result = run("rounds", "astrology")
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "astrology" in lines[0] and "ml-coding" in lines[0]


def test_a_mistyped_command_or_option_is_one_line(run):
    for args in (["roundz"], ["rounds", "--jsn"]):
        result = run(*args)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert not crashed(result)


def test_where_follows_the_flag_then_the_environment_then_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("PLANNER_DB", raising=False)
    runner = CliRunner()
    assert runner.invoke(cli, ["where"]).stdout.strip() == str(tmp_path / "data-home" / "planner" / "planner.db")
    monkeypatch.setenv("PLANNER_DB", str(tmp_path / "env.db"))
    assert runner.invoke(cli, ["where"]).stdout.strip() == str(tmp_path / "env.db")
    assert runner.invoke(cli, ["where", "--db", str(tmp_path / "flag.db")]).stdout.strip() == str(tmp_path / "flag.db")
    assert runner.invoke(cli, ["--db", str(tmp_path / "flag.db"), "where"]).stdout.strip() == str(tmp_path / "flag.db")
    assert not (tmp_path / "data-home").exists(), "where creates nothing"


def test_shell_commands_do_not_import_textual():
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from planner.cli.root import cli\n"
        "result = CliRunner().invoke(cli, ['rounds'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=os.environ)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_version_is_the_installed_package_version(run):
    from importlib.metadata import version

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"planner, version {version('planner')}\n"


def test_a_round_shows_each_questions_outline(run):
    from planner.catalog.rounds import load_catalog

    first = load_catalog().round("ml-concepts").questions[0]
    shown = " ".join(run("rounds", "concepts").stdout.split())
    assert f"Outline: {' '.join(first.outline.split())}" in shown
    assert "Key points:" in shown and "Common mistake:" in shown


def test_the_bare_command_without_a_terminal_prints_the_help_and_makes_no_database(tmp_path):
    database = tmp_path / "plan"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--db", str(database)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )
    assert done.returncode == 0, done.stderr
    assert "Usage: planner" in done.stdout and "Run without a command, in a terminal" in done.stdout
    assert not database.exists()


def test_reading_the_rounds_makes_no_database(run, db_path):
    assert not db_path.exists()
    shown = run("rounds")
    assert shown.exit_code == 0 and "ML coding" in shown.stdout
    assert not db_path.exists()

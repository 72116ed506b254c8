import json

import pytest

from planner.cli import story_commands
from tests.conftest import crashed, unchanged_by

ACTION = (
    "I profiled the pipeline, found the join that dominated, rewrote it as a broadcast join"
    " and added a regression test."
)


@pytest.fixture
def add(run):
    def add_story(title="Cut training time in half", *flags):
        result = run("story", "add", "--title", title, *(flags or ("--theme", "success")))
        assert result.exit_code == 0, result.output
        return int(result.stdout.split()[2].rstrip(":"))

    return add_story


def listed(run, *flags) -> list[dict]:
    result = run("story", "list", "--json", *flags)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_prints_the_id_and_list_shows_every_field(run, add):
    story_id = add(
        "Pushed back on launching a leaky model",
        "--theme",
        "conflict",
        "--theme",
        "Challenge",
        "--tag",
        "leakage",
        "--tag",
        "launch",
        "--situation",
        "A churn model scored 0.97 AUC offline.",
        "--task",
        "Decide whether it could ship.",
        "--action",
        ACTION,
        "--result",
        "We found leakage, fixed it, and shipped a week later at 0.81 AUC.",
        "--company",
        "Globex",
        "--role",
        "ML Engineer",
        "--year",
        "2024",
    )
    [story] = listed(run)
    assert story["id"] == story_id
    assert story["themes"] == ["conflict", "challenge"]
    assert story["tags"] == ["leakage", "launch"]
    assert story["action"] == ACTION and story["year"] == 2024
    assert story["words"] == 45
    assert json.loads(run("story", "show", str(story_id), "--json").stdout) == story


def test_list_filters_by_theme_tag_and_incomplete(run, add):
    add("A", "--theme", "success", "--tag", "ranking")
    add("B", "--theme", "failure", "--situation", "s", "--task", "t", "--action", "a", "--result", "r")
    assert [s["title"] for s in listed(run, "--theme", "failure")] == ["B"]
    assert [s["title"] for s in listed(run, "--tag", "Ranking")] == ["A"]
    assert [s["title"] for s in listed(run, "--incomplete")] == ["A"]
    assert "A" in run("story", "list").stdout


def test_a_long_story_and_a_thin_action_are_flagged(run, add):
    long_text = " ".join(["word"] * 150)
    story_id = add(
        "Long",
        "--theme",
        "success",
        "--situation",
        long_text,
        "--task",
        long_text,
        "--action",
        "I did it.",
        "--result",
        "ok",
    )
    shown = json.loads(run("story", "show", str(story_id), "--json").stdout)
    assert shown["seconds"] > 120
    assert any("aim for under 2 minutes" in w for w in shown["warnings"])
    assert any("thin action" in w for w in shown["warnings"])


def test_text_with_quotes_sql_and_emoji_is_stored_exactly(run, add):
    title = 'Robert\'); DROP TABLE stories;-- "quoted" 🚀 NEAR(a b) *'
    story_id = add(title, "--theme", "challenge", "--tag", "ünïcode ✨")
    story = json.loads(run("story", "show", str(story_id), "--json").stdout)
    assert story["title"] == title and story["tags"] == ["ünïcode ✨"]
    assert len(listed(run)) == 1


def test_bad_adds_say_why_in_one_line_and_change_nothing(run, add, db_path):
    add()
    assert "success, failure, conflict, challenge" in unchanged_by(
        db_path, run, "story", "add", "--title", "x", "--theme", "winning"
    )
    assert "title" in unchanged_by(db_path, run, "story", "add", "--title", "   ", "--theme", "success")
    assert "--title" in unchanged_by(db_path, run, "story", "add", "--theme", "success")
    assert "limit" in unchanged_by(
        db_path, run, "story", "add", "--title", "x", "--theme", "success", "--action", "a" * 50_000
    )
    assert "year" in unchanged_by(
        db_path, run, "story", "add", "--title", "x", "--theme", "success", "--year", "last year"
    )


def test_add_asks_for_each_missing_field_in_a_terminal(run, monkeypatch):
    monkeypatch.setattr(story_commands, "stdin_is_terminal", lambda: True)
    # A mistyped theme is asked again, not an error after every field is typed.
    answers = "Rescued a failing launch\nfailur\nfailure, challenge\nthe s\nthe t\nthe a\nthe r\nlaunch\n"
    answers += "Globex\nML Engineer\nlast year\n2023\n"
    result = run("story", "add", input=answers)
    assert result.exit_code == 0, result.output
    assert "unknown theme 'failur'; did you mean failure?" in result.output
    assert "year must be a year such as 2024" in result.output
    [story] = listed(run)
    assert story["themes"] == ["failure", "challenge"]
    assert (story["situation"], story["result"], story["tags"]) == ("the s", "the r", ["launch"])
    assert (story["company"], story["role"], story["year"]) == ("Globex", "ML Engineer", 2023)


def test_add_and_edit_through_the_editor(run, add, monkeypatch):
    def fake_editor(text, **_):
        return (
            text.replace("Title: ", "Title: Mentored a new hire")
            .replace("Themes: ", "Themes: success")
            .replace("## Action\n", "## Action\nI paired with them daily.\nThen stepped back.")
        )

    monkeypatch.setattr("click.edit", fake_editor)
    assert run("story", "add", "--edit").exit_code == 0
    [story] = listed(run)
    assert story["title"] == "Mentored a new hire"
    assert story["action"] == "I paired with them daily.\nThen stepped back."

    monkeypatch.setattr("click.edit", lambda text, **_: text.replace("Tags: ", "Tags: mentoring, people"))
    assert run("story", "edit", str(story["id"]), "--edit").exit_code == 0
    assert listed(run)[0]["tags"] == ["mentoring", "people"]

    monkeypatch.setattr("click.edit", lambda text, **_: None)
    assert run("story", "edit", str(story["id"]), "--edit").exit_code == 1


def test_edit_changes_only_the_given_fields_and_tags_can_be_added_and_removed(run, add):
    story_id = add("Old title", "--theme", "success", "--tag", "a", "--tag", "b", "--situation", "kept")
    assert (
        run("story", "edit", str(story_id), "--title", "New title", "--add-tag", "c", "--remove-tag", "a").exit_code
        == 0
    )
    [story] = listed(run)
    assert (story["title"], story["situation"], story["tags"]) == ("New title", "kept", ["b", "c"])
    assert run("story", "edit", str(story_id), "--theme", "failure").exit_code == 0
    assert listed(run)[0]["themes"] == ["failure"]


def test_edit_and_show_of_a_missing_story_fail_cleanly(run, add, db_path):
    add()
    assert "no story 42" in unchanged_by(db_path, run, "story", "edit", "42", "--title", "x")
    assert "no story 42" in unchanged_by(db_path, run, "story", "show", "42")
    assert "too large to be an id" in unchanged_by(db_path, run, "story", "show", "99999999999999999999")
    assert "ids start at 1" in unchanged_by(db_path, run, "story", "show", "0")
    assert "nothing to change" in unchanged_by(db_path, run, "story", "edit", "1")
    assert "theme" in unchanged_by(db_path, run, "story", "edit", "1", "--theme", "nope")


def test_rm_asks_first_unless_yes(run, add, db_path):
    story_id = add()
    unchanged_by(db_path, run, "story", "rm", str(story_id), input="n\n")
    assert len(listed(run)) == 1
    assert run("story", "rm", str(story_id), input="y\n").exit_code == 0
    assert listed(run) == []
    other = add()
    assert run("story", "rm", str(other), "--yes").exit_code == 0
    assert listed(run) == []


def test_search_stems_and_survives_query_syntax(run, add):
    add(
        "Deadline crunch", "--theme", "challenge", "--action", "We were missing deadlines every sprint, so I replanned."
    )
    add("Other", "--theme", "success", "--action", "Unrelated work on embeddings.")
    found = json.loads(run("story", "search", "deadline", "--json").stdout)
    assert [s["title"] for s in found] == ["Deadline crunch"]
    for nasty in ('"', "NEAR(", "*", "-", "(deadline", 'deadline" OR "x'):
        result = run("story", "search", nasty)
        assert result.exit_code in (0, 1) and not crashed(result), nasty
    assert "Deadline crunch" in run("story", "search", "(deadline").stdout


def test_export_then_import_into_an_empty_bank_gives_the_same_stories(run, add, tmp_path, db_path):
    add("One 🚀", "--theme", "success", "--tag", "x", "--situation", "s\nsecond line", "--year", "2021")
    add("Two", "--theme", "conflict", "--theme", "failure", "--company", "Initech")
    out = tmp_path / "stories.json"
    assert run("story", "export", "-o", str(out)).exit_code == 0
    fields = ["title", "situation", "task", "action", "result", "themes", "tags", "company", "role", "year"]
    before = [{k: s[k] for k in fields} for s in listed(run)]

    db_path.unlink()
    result = run("story", "import", str(out))
    assert result.exit_code == 0 and "Imported 2" in result.stdout
    assert [{k: s[k] for k in fields} for s in listed(run)] == before
    assert "skipped 2" in run("story", "import", str(out)).stdout
    assert len(listed(run)) == 2


def test_a_file_keeping_its_stories_under_a_key_imports_them(run, db_path, tmp_path):
    bank = {"engineer": "who wrote them", "stories": [{"key": "s01", "title": "Kept", "themes": ["success"]}]}
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(bank), encoding="utf-8")
    result = run("story", "import", str(path))
    assert result.exit_code == 0 and "Imported 1" in result.stdout
    assert [s["title"] for s in listed(run)] == ["Kept"]


def test_markdown_export_is_a_study_sheet(run, add):
    add("Shipped it", "--theme", "success", "--action", "I wrote the plan.")
    sheet = run("story", "export", "--format", "markdown").stdout
    assert "## Shipped it" in sheet and "### Action" in sheet and "I wrote the plan." in sheet


@pytest.mark.parametrize(
    "content, message",
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"title": "x"}', "JSON list"),
        (b'[{"title": "ok", "themes": ["success"]}, 7]', "record 2"),
        (
            b'[{"title": "ok", "themes": ["success"]}, {"title": "Bad one", "themes": ["glory"]}]',
            "record 2 ('Bad one')",
        ),
        (b'[{"title": "ok", "themes": ["success"]}, {"themes": ["success"]}]', "title"),
        (b'[{"title": "ok", "themes": "success", "tags": [1, 2]}]', "tags"),
    ],
)
def test_a_bad_import_names_the_problem_and_imports_nothing(run, add, db_path, tmp_path, content, message):
    add()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert message in unchanged_by(db_path, run, "story", "import", str(bad))
    assert len(listed(run)) == 1


def test_import_of_a_missing_file_fails_cleanly(run, db_path, add):
    add()
    assert "cannot read" in unchanged_by(db_path, run, "story", "import", str(db_path.parent / "nope.json"))


def test_matrix_shows_themes_and_competencies_story_by_story_with_the_gaps(run, add):
    add("A", "--theme", "success", "--tag", "ranking", "--competency", "ownership")
    add("B", "--theme", "success", "--theme", "conflict", "--tag", "ranking", "--competency", "Learning fast")
    grid = json.loads(run("story", "matrix", "--json").stdout)
    assert grid["themes"] == {"success": 2, "failure": 0, "conflict": 1, "challenge": 0}
    assert grid["competencies"]["ownership"] == [1] and grid["competencies"]["learning-fast"] == [2]
    assert grid["top_tags"] == [{"tag": "ranking", "stories": 2}]
    assert "no failure story yet" in grid["gaps"]
    assert "no story shows mentoring and developing others (mentoring)" in grid["gaps"]
    text = run("story", "matrix").stdout
    assert "no challenge story yet" in text
    ownership = next(line for line in text.splitlines() if line.startswith("Ownership"))
    assert ownership.split()[1:] == ["●", "·", "1"]


def test_a_new_story_is_given_the_competencies_its_text_shows_and_a_typo_gets_a_hint(run, add, db_path):
    result = run(
        "story", "add", "--title", "Owned the flaky ranking pipeline nobody owned",
        "--theme", "success",
        "--action", "I took ownership of the on-call rotation and fixed the alerts end to end.",
    )  # fmt: skip
    assert "competencies (read from the story): ownership" in result.stdout
    assert listed(run)[0]["competencies"] == ["ownership"]
    assert "did you mean ownership?" in unchanged_by(db_path, run, "story", "edit", "1", "--competency", "ownershp")
    run("story", "edit", "1", "--competency", "dealing with ambiguity")
    assert listed(run)[0]["competencies"] == ["ambiguity"]
    listing = run("story", "competencies").stdout
    assert "ambiguity" in listing and "Dealing with ambiguity" in listing


def test_a_new_story_told_in_words_no_cue_knows_is_given_its_competencies_too(run):
    result = run(
        "story", "add", "--title", "The week everything was due",
        "--theme", "challenge",
        "--action", "Three launches landed on the same week and I had two engineers. I ranked them by revenue "
        "at risk, told the ads team theirs would slip a week, and we shipped the other two on time.",
    )  # fmt: skip
    assert "competencies (read from the story): under-pressure, prioritization" in result.stdout


def test_told_records_where_a_story_was_used(run, add, db_path):
    story_id = add()
    result = run("story", "told", str(story_id), "--company", "Acme", "--round", "behavioral", "--date", "2026-01-05")
    assert result.exit_code == 0, result.output
    assert listed(run)[0]["told"] == [{"company": "Acme", "round": "behavioral", "date": "2026-01-05"}]
    again = run("story", "told", str(story_id), "--company", "acme", "--date", "2026-01-06")
    assert "already heard it on 2026-01-05" in again.stdout
    assert "cannot read" in unchanged_by(
        db_path, run, "story", "told", str(story_id), "--company", "Acme", "--date", "someday soon"
    )
    assert "unknown round" in unchanged_by(
        db_path, run, "story", "told", str(story_id), "--company", "Acme", "--round", "lunch"
    )
    assert "in the future" in unchanged_by(
        db_path, run, "story", "told", str(story_id), "--company", "Acme", "--date", "2999-01-01"
    )


def test_every_json_shows_a_story_in_one_form(run, add):
    add("Deadline crunch", "--theme", "challenge", "--tag", "ml", "--action", "I replanned the sprint.")
    listed = json.loads(run("story", "list", "--json").stdout)
    assert json.loads(run("story", "show", "1", "--json").stdout) == listed[0]
    assert json.loads(run("story", "matrix", "--json").stdout)["stories"] == listed
    found = json.loads(run("story", "search", "sprint", "--json").stdout)
    assert [{k: v for k, v in s.items() if k != "snippet"} for s in found] == listed
    assert json.loads(run("story", "export").stdout) == listed


def test_every_story_has_a_delivery_check_with_what_to_fix(run, add):
    add(
        "Vague win",
        "--theme", "success",
        "--situation", "We had a slow pipeline and our team was unhappy with it for months.",
        "--task", "We wanted to make it faster for everyone on the team who depended on it.",
        "--action", "We met, we planned, and we rewrote the slow parts together over a sprint.",
        "--result", "It was much faster afterwards and everyone on the team was happier.",
    )  # fmt: skip
    add(
        "Cut training cost",
        "--theme", "success",
        "--situation", "Training the ranker cost too much.",
        "--task", "I owned bringing the cost down.",
        "--action", "I profiled the jobs, moved the data loading off the GPU and switched to spot instances.",
        "--result", "Cost fell 40% and runs finished 2 hours sooner.",
    )  # fmt: skip
    vague, crisp = (json.loads(run("story", "show", str(n), "--json").stdout) for n in (1, 2))
    assert set(vague["delivery"]) >= {"words", "seconds", "action_share", "i_we_ratio", "numbers_in_result"}
    assert vague["delivery"]["i_we_ratio"] == 0 and not vague["delivery"]["numbers_in_result"]
    assert crisp["delivery"]["i_we_ratio"] == 1 and crisp["delivery"]["numbers_in_result"]
    assert 0 < crisp["delivery"]["action_share"] < 1
    shown = run("story", "show", "1").stdout
    assert "delivery:" in shown and "more 'we' than 'I'" in shown and "the result has no figure" in shown
    assert "no figure" not in run("story", "show", "2").stdout


def test_a_mistyped_theme_gets_the_theme_it_was_probably_meant_as(run, add, db_path):
    add()
    message = unchanged_by(db_path, run, "story", "add", "--title", "A story", "--theme", "sucess")
    assert "did you mean success?" in message


def test_a_failure_or_conflict_story_shows_that_competency_whatever_its_words(run, add):
    add("Slipped the migration", "--theme", "failure")
    add("Argued about the metric", "--theme", "conflict", "--theme", "challenge")
    assert [story["competencies"] for story in listed(run)] == [["failure-and-learning"], ["conflict"]]
    assert not any("conflict with a peer" in gap for gap in json.loads(run("story", "matrix", "--json").stdout)["gaps"])


def test_help_names_an_id_without_the_database_limit(run):
    shown = run("suggest", "--help").stdout
    assert "--pick STORY_ID" in shown and "9223372036854775807" not in shown

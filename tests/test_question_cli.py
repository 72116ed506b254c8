import json
from statistics import median

import pytest

from planner.catalog.rounds import load_catalog
from tests.conftest import TODAY, unchanged_by


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())


def planned(run) -> list[dict]:
    days = json.loads(run("plan", "--json").stdout)["days"]
    return [task for day in days for task in day["tasks"]]


def interviews(run) -> dict[str, dict]:
    return {i["company"]: i for i in json.loads(run("interview", "list", "--json").stdout)}


def test_a_question_for_one_company_is_planned_before_that_round_only(run):
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    run("interview", "add", "Globex", "--date", "in 5 weeks")
    added = run("question", "add", "design", "Design the ranking of a job board", "--company", "globex")
    assert added.exit_code == 0, added.output
    assert "Added own-1 to ML system design for Globex" in added.stdout and "Planned for" in added.stdout

    globex = interviews(run)["Globex"]
    [task] = [t for t in planned(run) if t["question_id"] == "own-1"]
    assert task["title"] == "Globex: Design the ranking of a job board"
    assert task["interview_id"] == globex["id"] and task["due"] < globex["rounds"]["ml-system-design"]
    usual = int(median(q.minutes for q in load_catalog().round("ml-system-design").questions))
    assert task["minutes"] == usual, "a question added without minutes takes what the round's questions take"

    listed = run("question", "list").stdout
    assert f"own-1 ({usual} min, Globex only)" in listed and "Design the ranking of a job board" in listed
    assert "1 of them yours" in run("rounds").stdout
    assert f"own-1 ({usual} min, yours for Globex)" in run("rounds", "design").stdout
    [design] = [r for r in json.loads(run("rounds", "--json").stdout) if r["slug"] == "ml-system-design"]
    assert {"id": "own-1", "own": True, "company": "Globex"}.items() <= design["questions"][-1].items()


def test_a_question_for_every_interview_comes_before_the_banks_own(run):
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    run("question", "add", "concepts", "Explain how you would calibrate a ranker's scores", "--minutes", "20")
    # Today keeps the work it was given; the next concept studied is the user's own.
    concepts = [
        t for t in planned(run) if t["round"] == "ml-concepts" and t["kind"] == "drill" and t["due"] > str(TODAY)
    ]
    [own] = [t for t in concepts if t["question_id"] == "own-1"]
    assert own["due"] == min(t["due"] for t in concepts) and own["minutes"] == 20
    assert concepts[0]["interview_id"] is None


def test_without_interviews_a_question_waits_for_one(run):
    assert "planned once you add an interview." in run("question", "add", "concepts", "Explain dropout").stdout


def test_a_company_without_an_interview_yet_is_said_and_planned_once_added(run):
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    added = run("question", "add", "coding", "Implement a trie", "--company", "Initech")
    assert "planned once you add an interview with Initech" in added.stdout
    assert not [t for t in planned(run) if t["question_id"] == "own-1"]
    run("interview", "add", "Initech", "--date", "in 4 weeks")
    assert [t for t in planned(run) if t["question_id"] == "own-1"]


def test_removing_a_question_takes_its_planned_work_and_keeps_work_done(run):
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    run("question", "add", "concepts", "Explain how you would calibrate a ranker's scores")
    first = next(t for t in planned(run) if t["question_id"] == "own-1")
    assert run("done", str(first["id"])).exit_code == 0
    removed = run("question", "rm", "own-1")
    assert removed.exit_code == 0 and "Removed own-1" in removed.stdout
    assert not [t for t in planned(run) if t["question_id"] == "own-1" and t["status"] == "planned"]
    assert "own-1" not in run("question", "list").stdout
    logged = json.loads(run("log", "--json").stdout)
    assert [entry["title"] for entry in logged] == [first["title"]]


def test_a_behavioral_question_of_your_own_names_the_story_to_tell(run):
    run(
        "story", "add", "--title", "Won over the skeptical data science team", "--theme", "challenge",
        "--situation", "The data science team distrusted our feature pipeline after two bad launches.",
        "--action", "I earned their trust by sharing every validation result and fixing what they found.",
        "--result", "They adopted the pipeline and cut their own feature work by 40%.",
    )  # fmt: skip
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    run("question", "add", "behavioral", "Tell me about a time you earned the trust of a skeptical team")
    [task] = [t for t in planned(run) if t["question_id"] == "own-1"]
    assert task["story_id"] == 1 and "Won over the skeptical data science team" in task["title"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["question", "add", "lunch", "What is for lunch?"], "unknown round"),
        (["question", "add", "coding", "   "], "give the question's text"),
        (["question", "add", "coding", "Implement a trie", "--minutes", "0"], "--minutes"),
        (["question", "rm", "own-9"], "no question own-9"),
        (["question", "rm", "trie"], "not one of your questions' ids"),
        (["question", "list", "lunch"], "unknown round"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(run, db_path, args, message):
    run("interview", "add", "Acme", "--date", "in 3 weeks")
    run("question", "add", "coding", "Implement a trie")
    assert message in unchanged_by(db_path, run, *args)

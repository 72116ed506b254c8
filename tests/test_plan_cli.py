import json
from datetime import date

import pytest

from planner.plan.records import Task
from tests.conftest import TODAY, unchanged_by


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setenv("PLANNER_TODAY", TODAY.isoformat())


def agenda(run, *flags) -> dict:
    result = run("agenda", "--json", *flags)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_plain_language_dates_are_echoed_as_understood(run):
    result = run("interview", "add", "Acme", "--date", "in 3 weeks", "--role", "ML Engineer")
    assert result.exit_code == 0, result.output
    assert "Acme (ML Engineer) on Tue 15 Dec 2026, in 21 days" in result.stdout
    [interview] = json.loads(run("interview", "list", "--json").stdout)
    assert interview["date"] == "2026-12-15" and interview["days_left"] == 21
    assert set(interview["rounds"].values()) == {"2026-12-15"}


def test_rounds_can_fall_on_other_days(run):
    result = run("interview", "add", "Globex", "--date", "Dec 18", "--round", "screen=next monday")
    assert result.exit_code == 0, result.output
    [interview] = json.loads(run("interview", "list", "--json").stdout)
    assert interview["rounds"]["recruiter-screen"] == "2026-11-30"
    assert interview["rounds"]["ml-coding"] == "2026-12-18"


@pytest.mark.parametrize(
    "args, message",
    [
        (["interview", "add", "Acme", "--date", "whenever"], "cannot read 'whenever'"),
        (["interview", "add", "Acme", "--date", "2026-11-01"], "in the past"),
        (["interview", "add", "Acme", "--date", "yesterday"], "in the past"),
        (["interview", "add", "  ", "--date", "friday"], "company"),
        (["interview", "add", "Acme", "--date", "friday", "--round", "lunch=monday"], "unknown round"),
        (["interview", "add", "Acme", "--date", "friday", "--round", "screen"], "ROUND=WHEN"),
        (["interview", "edit", "99", "--date", "friday"], "no interview 99"),
        (["config", "set", "budget", "lots"], "whole minutes"),
        (["config", "set", "budget", "2000"], "between 0"),
        (["config", "set", "days-off", "sat,funday"], "unknown weekday"),
        (["config", "set", "colour", "blue"], "unknown setting"),
        (["config", "set", "weekdays", "sat:180"], "day=minutes"),
        (["done", "12345"], "no task 12345"),
        (["done", "99999999999999999999"], "too large to be an id"),
        (["interview", "add", "Acme", "--date", "in 1000 years"], "two years ahead"),
        (["agenda", "--date", "the day after never"], "cannot read"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(run, db_path, args, message):
    assert run("interview", "add", "Seed", "--date", "in 2 weeks").exit_code == 0
    before = db_path.read_bytes()
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert db_path.read_bytes() == before


def test_the_agenda_shows_todays_work_within_budget_and_the_days_left(run):
    run("config", "set", "budget", "90")
    run("interview", "add", "Acme", "--date", "2026-12-15")
    run("interview", "add", "Globex", "--date", "2027-01-20")
    today = agenda(run)
    assert today["date"] == "2026-11-24" and today["budget_minutes"] == 90
    assert 0 < sum(t["minutes"] for t in today["tasks"]) <= 90
    assert {t["round"] for t in today["tasks"]} <= {
        "recruiter-screen",
        "ml-coding",
        "ml-concepts",
        "ml-system-design",
        "behavioral",
    }
    assert [(i["company"], i["days_left"]) for i in today["interviews"]] == [("Acme", 21), ("Globex", 57)]
    text = run("agenda").stdout
    assert "Acme in 21 days" in text and "Today" in text


def test_checking_off_missing_a_day_and_rebalancing(run, monkeypatch):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    first, second = agenda(run)["tasks"][:2]
    assert run("done", str(first["id"]), "--minutes", "50").exit_code == 0
    assert run("skip", str(second["id"])).exit_code == 0
    statuses = {t["id"]: t["status"] for t in agenda(run)["tasks"]}
    assert statuses[first["id"]] == "done" and statuses[second["id"]] == "skipped"

    # Two days later, with yesterday's work not done: it has moved forward, under the same ids, and
    # today holds no more than its budget.
    missed = [t for t in agenda(run, "--date", "2026-11-25")["tasks"] if t["status"] == "planned"]
    monkeypatch.setenv("PLANNER_TODAY", "2026-11-26")
    later = agenda(run)
    assert not any(t["overdue"] for t in later["tasks"])
    assert sum(t["minutes"] for t in later["tasks"] if t["status"] == "planned") <= later["budget_minutes"]
    assert later["missed"]["minutes"] + later["missed"]["dropped_minutes"] == sum(t["minutes"] for t in missed)
    assert later["missed"]["minutes"] > 0
    plan = json.loads(run("plan", "--json").stdout)
    moved = {t["id"]: t for d in plan["days"] for t in d["tasks"]}
    still_planned = [task for task in missed if task["id"] in moved]
    assert sum(t["minutes"] for t in still_planned) == later["missed"]["minutes"]
    for task in still_planned:
        assert moved[task["id"]]["title"] == task["title"] and moved[task["id"]]["due"] >= "2026-11-26"
    assert "Missed work moved forward" in run("agenda").stdout

    assert run("plan", "--rebalance").exit_code == 0
    assert plan == json.loads(run("plan", "--json").stdout), "laying out again with nothing changed changes nothing"
    assert all(
        sum(t["minutes"] for t in d["tasks"] if t["status"] == "planned") <= d["budget_minutes"] for d in plan["days"]
    )
    # Work done is history: it is not planned again.
    keys_done = {first["title"]}
    assert keys_done.isdisjoint(t["title"] for d in plan["days"] for t in d["tasks"] if t["status"] == "planned")


def test_changing_the_date_or_budget_replans_and_keeps_done_work(run):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    task = agenda(run)["tasks"][0]
    run("done", str(task["id"]))
    assert run("interview", "edit", "1", "--date", "2027-01-10").exit_code == 0
    plan = json.loads(run("plan", "--json").stdout)
    last_day = max(d["date"] for d in plan["days"])
    assert "2026-12-15" < last_day < "2027-01-10"
    done = [t for d in plan["days"] for t in d["tasks"] if t["status"] == "done"]
    assert [t["id"] for t in done] == [task["id"]]
    assert run("config", "set", "days-off", "sat,sun").exit_code == 0
    plan = json.loads(run("plan", "--json").stdout)
    assert all(
        date.fromisoformat(d["date"]).weekday() < 5
        for d in plan["days"]
        if any(t["status"] == "planned" for t in d["tasks"])
    )


def test_too_little_time_is_reported(run):
    run("config", "set", "budget", "20")
    result = run("interview", "add", "Acme", "--date", "in 4 days")
    assert "minutes short" in result.stdout
    assert json.loads(run("plan", "--json").stdout)["short_minutes"] > 0


def test_the_plan_exports_to_a_calendar_with_stable_ids(run, tmp_path):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    ics = tmp_path / "plan.ics"
    assert run("plan", "--ics", str(ics)).exit_code == 0
    text = ics.read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "UID:study-2026-11-24@planner" in text and "SUMMARY:Acme interview" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    first_uids = sorted(line for line in text.split("\r\n") if line.startswith("UID:"))
    run("plan", "--ics", str(ics))
    assert sorted(line for line in ics.read_bytes().decode().split("\r\n") if line.startswith("UID:")) == first_uids


def test_removing_an_interview_removes_its_plan(run):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    assert run("interview", "rm", "1", "--yes").exit_code == 0
    assert agenda(run)["tasks"] == [] and agenda(run)["interviews"] == []


def test_weekdays_are_set_at_once_and_cleared(run):
    assert run("config", "set", "weekdays", "sat=180, sun=30").exit_code == 0
    week = json.loads(run("config", "show", "--json").stdout)["week"]
    assert (week["sat"], week["sun"], week["mon"]) == (180, 30, 60)
    assert run("config", "set", "weekdays", "none").exit_code == 0
    assert json.loads(run("config", "show", "--json").stdout)["week"]["sat"] == 60


def test_several_tasks_are_checked_off_at_once_and_undo_takes_them_back(run, db_path):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    first, second, third = agenda(run)["tasks"][:3]
    before = db_path.read_bytes()
    result = run("done", str(first["id"]), str(second["id"]), "999")
    assert result.exit_code == 1 and "there is no task 999" in result.stderr
    assert db_path.read_bytes() == before, "all or none"
    assert run("done", str(first["id"]), str(second["id"])).exit_code == 0
    assert run("skip", str(third["id"])).exit_code == 0
    assert run("undo").stdout == f"Back to planned: {third['title'][:70]}.\n"
    statuses = {t["id"]: t["status"] for t in agenda(run)["tasks"]}
    assert (statuses[first["id"]], statuses[second["id"]], statuses[third["id"]]) == ("done", "done", "planned")
    assert run("undo").exit_code == 1, "one undo, not a history"


def test_the_header_counts_the_minutes_logged(run):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    task = agenda(run)["tasks"][0]
    run("done", str(task["id"]), "--minutes", "50")
    assert agenda(run)["done_minutes"] == 50
    assert "50 done" in run("agenda").stdout


def test_every_task_names_its_question_and_its_interview(run):
    run("interview", "add", "Acme", "--date", "2026-12-15", "--round", "screen=2026-12-01")
    tasks = [t for d in json.loads(run("plan", "--json").stdout)["days"] for t in d["tasks"]]
    assert {"question_id", "interview_id"} <= set(tasks[0])
    drills = [t for t in tasks if t["round"] == "ml-coding" and t["kind"] == "drill"]
    assert drills and all(t["interview_id"] is None and t["question_id"] for t in drills)
    mocks = [t for t in tasks if t["kind"] == "mock"]
    assert mocks and all(t["interview_id"] == 1 and t["question_id"] is None for t in mocks)
    screen = [t for t in tasks if t["round"] == "recruiter-screen" and t["kind"] != "mock"]
    assert screen and all(t["interview_id"] == 1 for t in screen)


def test_a_held_interview_is_history(run, monkeypatch):
    run("interview", "add", "Acme", "--date", "2026-12-01")
    run("interview", "add", "Globex", "--date", "2026-12-20")
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-03")
    listed = run("interview", "list").stdout
    assert "Acme on Tue 01 Dec 2026, held" in listed and "in -2 days" not in listed
    assert [i["held"] for i in json.loads(run("interview", "list", "--json").stdout)] == [True, False]
    plan = json.loads(run("plan", "--json").stdout)
    assert not any("Acme" in line for line in plan["left_out"])
    assert all(t["interview_id"] != 1 for d in plan["days"] for t in d["tasks"] if t["status"] == "planned")


def test_readiness_per_round_moves_with_study(run, monkeypatch):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    before = json.loads(run("readiness", "--json").stdout)
    [acme] = before
    assert (acme["id"], acme["company"], acme["date"]) == (1, "Acme", "2026-12-15")
    rounds = {r["slug"]: r for r in acme["rounds"]}
    assert set(rounds) == {"recruiter-screen", "ml-coding", "ml-concepts", "ml-system-design", "behavioral"}
    for r in rounds.values():
        assert r["coverage"] == 0 and r["recall"] is None and r["minutes_done"] == 0
        assert r["mocks_planned"] >= 0 and r["minutes_planned"] > 0
    assert 0 < rounds["ml-concepts"]["recall_if_followed"] <= 1
    concepts = [t for t in agenda(run)["tasks"] if t["round"] == "ml-concepts"]
    run("done", *(str(t["id"]) for t in concepts), "--rating", "good")
    after = {r["slug"]: r for r in json.loads(run("readiness", "--json").stdout)[0]["rounds"]}
    assert after["ml-concepts"]["coverage"] > 0 and 0 < after["ml-concepts"]["recall"] <= 1
    assert after["ml-concepts"]["minutes_done"] == sum(t["minutes"] for t in concepts)
    assert "Most to gain" in run("readiness").stdout


def test_a_question_rated_again_comes_back_sooner_than_one_rated_easy(run):
    run("config", "set", "budget", "120")
    run("interview", "add", "Acme", "--date", "2026-12-15")
    first, second = [t for t in agenda(run)["tasks"] if t["round"] == "ml-concepts"][:2]
    run("done", str(first["id"]), "--rating", "again")
    run("done", str(second["id"]), "--rating", "easy")
    plan = [t for d in json.loads(run("plan", "--json").stdout)["days"] for t in d["tasks"]]

    def next_review(task):
        return min(t["due"] for t in plan if t["question_id"] == task["question_id"] and t["kind"] == "review")

    assert next_review(first) < next_review(second)
    assert next_review(first) <= "2026-11-26"
    assert run("done", str(first["id"]), "--rating", "meh").exit_code == 2


def test_a_mock_is_scored_with_a_note_and_everything_done_is_in_the_log(run):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    mock = next(t for d in json.loads(run("plan", "--json").stdout)["days"] for t in d["tasks"] if t["kind"] == "mock")
    drill = agenda(run)["tasks"][0]
    assert run("done", str(mock["id"]), "--score", "4", "--note", "ran out of time on the follow-up").exit_code == 0
    assert run("done", str(drill["id"]), "--rating", "hard").exit_code == 0
    assert run("done", str(drill["id"]), str(mock["id"]), "--score", "3").exit_code == 1, "a score is for one task"
    assert run("done", str(mock["id"]), "--score", "6").exit_code == 2
    entries = json.loads(run("log", "--json").stdout)
    by_task = {e["task_id"]: e for e in entries}
    assert by_task[mock["id"]]["score"] == 4 and by_task[mock["id"]]["note"] == "ran out of time on the follow-up"
    assert by_task[drill["id"]]["rating"] == "hard"
    text = run("log").stdout
    assert "scored 4/5" in text and "ran out of time" in text and "hard" in text


def test_the_recall_reviews_aim_at_can_be_set(run):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    assert json.loads(run("config", "show", "--json").stdout)["recall"] == 0.9
    assert run("config", "set", "recall", "85%").exit_code == 0
    assert json.loads(run("config", "show", "--json").stdout)["recall"] == 0.85
    for wrong in ("1.5", "50%", "most"):
        result = run("config", "set", "recall", wrong)
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1


def test_study_walks_todays_tasks_with_the_outline_and_a_rating(run, monkeypatch):
    from planner.cli import plan_commands

    run("interview", "add", "Acme", "--date", "2026-12-15")
    assert run("study").exit_code == 1, "it needs a terminal"
    monkeypatch.setattr(plan_commands, "stdin_is_terminal", lambda: True)
    first, second = agenda(run)["tasks"][:2]
    result = run("study", input="\na\n\ns\n\nq\n")
    assert result.exit_code == 0, result.output
    from planner.catalog.rounds import answer_outline

    outline = answer_outline(first["round"], first["question_id"]).splitlines()[0]
    assert " ".join(outline.split()[:6]) in " ".join(result.stdout.split())
    statuses = {t["id"]: t["status"] for t in agenda(run)["tasks"]}
    assert (statuses[first["id"]], statuses[second["id"]]) == ("done", "skipped")
    entries = {e["task_id"]: e for e in json.loads(run("log", "--json").stdout)}
    assert entries[first["id"]]["rating"] == "again"


def test_behavioral_tasks_come_from_the_story_bank(run):
    run("story", "add", "--title", "Shipped the ranking model", "--theme", "success", "--action", "I launched it.")
    run("story", "add", "--title", "The launch I argued against", "--theme", "conflict",
        "--action", "I disagreed with my manager about launching and showed the data.")  # fmt: skip
    run("story", "told", "2", "--company", "Acme", "--date", "2026-11-01")
    run("interview", "add", "Acme", "--date", "2026-12-20")
    tasks = [task for day in json.loads(run("plan", "--json").stdout)["days"] for task in day["tasks"]]
    behavioral = [task for task in tasks if task["round"] == "behavioral"]
    told = [task for task in behavioral if task["story_id"] and task["kind"] == "drill"]
    assert told and all(task["title"].startswith(f"Tell #{task['story_id']} ") for task in told)
    assert any(task["kind"] == "write" and task["title"].startswith("Write a story of failure") for task in behavioral)
    rehearsed = [task["story_id"] for task in behavioral if task["kind"] == "rehearse"]
    assert rehearsed == [1], "story 2 was already told at Acme"


def test_the_advice_for_a_short_plan_names_a_budget_above_the_one_set(run):
    run("config", "set", "budget", "90")
    said = run("interview", "add", "Acme", "--date", "2026-11-30").stdout
    assert "Not enough time for everything" in said
    assert "(it is 90: planner config set budget 120)" in said


def test_the_calendar_marks_interviews_busy_and_a_moved_interview_keeps_its_event(run):
    run("interview", "add", "Acme", "--date", "2026-12-15", "--round", "recruiter-screen=2026-12-01")

    before = run("plan", "--ics", "-").stdout.replace("\r\n ", "")
    uids = sorted(line[4:] for line in before.splitlines() if line.startswith("UID:interview-"))
    assert uids == ["interview-1-recruiter-screen@planner", "interview-1@planner"]
    for block in before.split("BEGIN:VEVENT")[1:]:
        assert ("TRANSP:OPAQUE" in block) == ("UID:interview-" in block)
    run("interview", "edit", "1", "--date", "2026-12-18")
    after = run("plan", "--ics", "-").stdout.replace("\r\n ", "")
    assert sorted(line[4:] for line in after.splitlines() if line.startswith("UID:interview-")) == uids
    assert "DTSTART;VALUE=DATE:20261218" in after


def test_the_agenda_prints_titles_in_full_to_a_pipe_and_cut_to_a_terminal(run):
    from planner.plan.agenda import task_line

    run("interview", "add", "Acme", "--date", "2026-12-15")
    tasks = agenda(run)["tasks"]
    longest = max(tasks, key=lambda task: len(task["title"]))
    assert len(longest["title"]) > 70
    assert longest["title"] in run("agenda").stdout
    assert longest["title"] in run("agenda", "--full").stdout
    task = Task("k", "ml-coding", "drill", longest["title"], 20, TODAY, None)
    for width in (60, 80, 160):
        line = task_line(task, TODAY, width)
        assert len(line) <= width and line.endswith("…")


def test_an_interview_whose_day_has_passed_but_not_every_round_says_when_it_was(run, monkeypatch):
    run("interview", "add", "Acme", "--date", "2026-12-01", "--round", "behavioral=2026-12-05")
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-03")
    listed = run("interview", "list").stdout
    assert "2 days ago" in listed and "in -" not in listed


def test_config_set_help_lists_every_key_it_takes(run):
    from planner.plan.budget import CONFIG_KEYS, RECALL_KEY

    shown = run("config", "set", "--help").stdout
    for key in [*CONFIG_KEYS, RECALL_KEY]:
        assert f"  {key} " in shown, key
    assert "recall" in run("config", "set", "colour", "blue").stderr


def test_checking_off_a_task_already_done_is_one_line_and_changes_nothing(run, db_path):
    run("interview", "add", "Acme", "--date", "2026-12-15")
    task_id = str(agenda(run)["tasks"][0]["id"])
    assert run("done", task_id).exit_code == 0
    assert "is done already" in unchanged_by(db_path, run, "done", task_id)

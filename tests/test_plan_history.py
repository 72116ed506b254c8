"""Weeks of a candidate's life, drawn at random: days with work done, skipped or missed, interviews
added, moved and removed, the budget changed. After every day the plan must still hold."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.catalog.rounds import load_catalog
from planner.db.store import Store
from planner.plan.memory import recall_of
from planner.plan.records import Interview
from planner.plan.replan import catch_up, change_budget, mark, remove_interview, replan, save_interview
from planner.plan.scheduler import FINAL_STRETCH_DAYS, MOCK_WINDOW_DAYS
from tests.conftest import TODAY

CATALOG = load_catalog()
CONCEPTS = {q.id for q in CATALOG.round("ml-concepts").questions}

day_of_work = st.fixed_dictionaries(
    {
        "done": st.integers(0, 4),  # how many of the day's tasks are checked off
        "skipped": st.integers(0, 1),
        "event": st.one_of(
            st.none(),
            st.tuples(st.just("add"), st.integers(8, 45), st.one_of(st.none(), st.integers(2, 8))),
            st.tuples(st.just("move"), st.integers(-5, 10)),
            st.tuples(st.just("remove"), st.just(0)),
            st.tuples(st.just("budget"), st.sampled_from(["45", "60", "90", "120"])),
            st.tuples(st.just("weekend"), st.sampled_from(["sat=180", "sun=0", "sat=30,sun=120", "none"])),
        ),
    }
)


def plan_state(store: Store) -> list[tuple]:
    return [(t.id, t.key, t.due, t.minutes, t.status) for t in store.tasks()]


def check_ids(store: Store, ids: dict[int, str], ids_of: dict[str, int]) -> None:
    """An id never changes meaning, and a piece of work keeps its id for as long as it exists (work
    retired for a while, say when the budget shrank, may come back under a new id)."""
    tasks = store.tasks()
    for task in tasks:
        assert ids.setdefault(task.id, task.key) == task.key, (task.id, ids[task.id], task.key)
        assert ids_of.get(task.key, task.id) == task.id, (task.key, ids_of[task.key], task.id)
    ids_of.clear()
    ids_of.update({t.key: t.id for t in tasks})


def check_the_plan(
    store: Store, today: date, ids: dict[int, str], done: dict[int, str], ids_of: dict[str, int]
) -> None:
    tasks = store.tasks()
    interviews = {i.id: i for i in store.interviews()}
    budget = store.budget()
    check_ids(store, ids, ids_of)
    assert {t.id: t.key for t in tasks if t.status == "done"} == done
    planned = [t for t in tasks if t.status == "planned"]
    by_day: dict[date, int] = {}
    for task in planned:
        assert task.due >= today, f"missed work not moved forward: {task}"
        by_day[task.due] = by_day.get(task.due, 0) + task.minutes
        if task.interview_id is not None:
            held = interviews[task.interview_id].round_date(task.round)
        else:
            held = max(i.round_date(task.round) for i in interviews.values())
        assert task.due < held, f"after its round: {task}"
        if task.kind == "mock":
            assert held - timedelta(MOCK_WINDOW_DAYS) <= task.due, f"mock outside its window: {task}"
    for day, minutes in by_day.items():
        spent = store.minutes_logged(day) if day == today else 0
        assert minutes + spent <= max(budget.minutes_on(day), spent), (day, minutes, spent)
    # Every studied concept that would not be fresh on its round's day is reviewed in the final
    # stretch before it, unless that stretch has no room left for a review (today's room is what
    # the work done today leaves).
    by_day[today] = by_day.get(today, 0) + store.minutes_logged(today)
    round_days = {i.round_date(s) for i in interviews.values() for s in CATALOG.slugs if s != "recruiter-screen"}
    for question_id, (card, reviews, rating) in store.memory().items():
        recall = recall_of(card, reviews, rating)
        ahead = sorted(i.round_date("ml-concepts") for i in interviews.values() if i.round_date("ml-concepts") > today)
        for held in ahead[:1]:  # the next round; a later one's review follows once this one is done
            if question_id not in CONCEPTS or recall.fresh_until >= held:
                continue
            stretch = [held - timedelta(n) for n in range(1, FINAL_STRETCH_DAYS + 1)]
            reviewed = [t.due for t in tasks if t.question_id == question_id and t.kind == "review"]
            if not any(held - timedelta(FINAL_STRETCH_DAYS) <= day < held for day in reviewed):
                for day in (d for d in stretch if d >= today and d not in round_days):
                    assert by_day.get(day, 0) + 5 > budget.minutes_on(day), (question_id, held, day)
    # Laid out again, then again with nothing changed: the second time changes nothing.
    replan(store, today)
    check_ids(store, ids, ids_of)
    before = plan_state(store)
    replan(store, today)
    assert plan_state(store) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.integers(10, 40),
    screen=st.one_of(st.none(), st.integers(2, 9)),
    days=st.lists(day_of_work, min_size=3, max_size=12),
)
def test_the_plan_holds_through_weeks_of_life(tmp_path_factory, first, screen, days):
    path = tmp_path_factory.mktemp("history") / "planner.db"
    ids: dict[int, str] = {}
    ids_of: dict[str, int] = {}
    done: dict[int, str] = {}
    today = TODAY
    with Store.open(path) as store:
        rounds = (("recruiter-screen", today + timedelta(screen)),) if screen and screen < first else ()
        save_interview(store, Interview(0, "Acme", today + timedelta(first), None, rounds), today)
        check_the_plan(store, today, ids, done, ids_of)
        for number, day in enumerate(days):
            today = TODAY + timedelta(number)
            catch_up(store, today)
            check_ids(store, ids, ids_of)
            todo = [t for t in store.tasks() if t.due == today and t.status == "planned"]
            if day["done"] and todo:
                for task in mark(store, [t.id for t in todo[: day["done"]]], "done", today):
                    done[task.id] = task.key
                check_ids(store, ids, ids_of)
            todo = [t for t in store.tasks() if t.due == today and t.status == "planned"]  # as shown again
            if day["skipped"] and todo:
                mark(store, [todo[0].id], "skipped", today)
            event = day["event"]
            ahead = [i for i in store.interviews() if i.day > today]
            if event and event[0] == "add":
                extra = (("recruiter-screen", today + timedelta(event[2])),) if event[2] and event[2] < event[1] else ()
                save_interview(store, Interview(0, "Globex", today + timedelta(event[1]), None, extra), today)
            elif event and event[0] == "move" and ahead:
                moved = ahead[0].day + timedelta(event[1])
                if moved > today + timedelta(1):
                    save_interview(store, ahead[0]._replace(day=moved, round_dates=()), today)
            elif event and event[0] == "remove" and len(ahead) > 1:
                remove_interview(store, ahead[-1].id, today)
            elif event and event[0] == "budget":
                change_budget(store, {"budget": event[1]}, today)
            elif event and event[0] == "weekend":
                change_budget(store, {"weekdays": event[1]}, today)
            if store.interviews():
                check_the_plan(store, today, ids, done, ids_of)

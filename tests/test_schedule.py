from collections import defaultdict
from datetime import timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planner.catalog.rounds import load_catalog
from planner.plan.records import Budget, Interview, Recall, StoryChoice, StoryPrep
from planner.plan.scheduler import FINAL_STRETCH_DAYS, FIRST_REVIEW_DAYS, MOCK_WINDOW_DAYS, SHARED_ROUNDS, build_plan
from tests.conftest import TODAY

CATALOG = load_catalog()
SLUGS = CATALOG.slugs


@st.composite
def interviews(draw):
    count = draw(st.integers(1, 3))
    found = []
    for number in range(1, count + 1):
        held = TODAY + timedelta(draw(st.integers(1, 120)))
        screen = draw(st.one_of(st.none(), st.integers(1, (held - TODAY).days)))
        rounds = (("recruiter-screen", TODAY + timedelta(screen)),) if screen else ()
        found.append(Interview(number, f"Company {number}", held, None, rounds))
    return found


budgets = st.builds(
    Budget,
    daily=st.integers(0, 240),
    weekdays=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 300)), max_size=3, unique_by=lambda p: p[0]).map(
        tuple
    ),
    days_off=st.frozensets(st.integers(0, 6), max_size=3),
)


def by_day(plan):
    days = defaultdict(list)
    for task in plan.tasks:
        days[task.due].append(task)
    return days


@settings(max_examples=60, deadline=None)
@given(interviews(), budgets)
def test_a_plan_keeps_to_the_budget_and_the_days_off(planned, budget):
    plan = build_plan(planned, CATALOG, budget, TODAY)
    for day, tasks in by_day(plan).items():
        assert day >= TODAY
        assert sum(t.minutes for t in tasks) <= budget.minutes_on(day)
        assert day.weekday() not in budget.days_off


def held(task, planned):
    """The day of the round a task prepares: its interview's, or for shared work, the last such round."""
    if task.interview_id is not None:
        return next(i for i in planned if i.id == task.interview_id).round_date(task.round)
    return max(i.round_date(task.round) for i in planned)


@settings(max_examples=60, deadline=None)
@given(interviews(), budgets)
def test_no_prep_falls_on_or_after_its_round(planned, budget):
    plan = build_plan(planned, CATALOG, budget, TODAY)
    every_round_day = {i.round_date(s) for i in planned for s in SLUGS if s != "recruiter-screen"}
    for task in plan.tasks:
        assert task.due < held(task, planned)
        assert task.due not in every_round_day
        shared = task.round in SHARED_ROUNDS and task.question_id is not None
        assert (task.interview_id is None) == shared, task


@settings(max_examples=60, deadline=None)
@given(interviews(), budgets)
def test_mocks_sit_in_the_final_stretch_and_the_eve_of_a_round_is_light(planned, budget):
    plan = build_plan(planned, CATALOG, budget, TODAY)
    eves = {i.round_date(s) - timedelta(1) for i in planned for s in SLUGS if s != "recruiter-screen"}
    for task in plan.tasks:
        if task.kind == "mock":
            assert held(task, planned) - timedelta(MOCK_WINDOW_DAYS) <= task.due < held(task, planned)
            assert task.minutes == CATALOG.round(task.round).minutes
        if task.due in eves:
            assert task.kind == "review", task


@settings(max_examples=40, deadline=None)
@given(interviews(), budgets, st.integers(1, 150))
def test_a_new_interview_does_not_move_the_mocks_of_those_before_it(planned, budget, days_ahead):
    another = Interview(9, "Later", TODAY + timedelta(days_ahead))

    def mocks(plan, interview_id):
        return {t.key: t.due for t in plan.tasks if t.kind == "mock" and t.interview_id == interview_id}

    # The new interview's day, and the light day before it, are taken from study whatever it does:
    # when they fall in an older interview's mock stretch, its mocks have fewer days to choose from.
    stretch = {i.round_date(s) - timedelta(n) for i in planned for s in SLUGS for n in range(0, MOCK_WINDOW_DAYS + 1)}
    assume(not {another.day, another.day - timedelta(1)} & stretch)
    before = build_plan(planned, CATALOG, budget, TODAY)
    after = build_plan([*planned, another], CATALOG, budget, TODAY)
    for interview in planned:
        assert mocks(after, interview.id) == mocks(before, interview.id)


@settings(max_examples=40, deadline=None)
@given(interviews(), budgets)
def test_the_same_inputs_give_the_same_plan(planned, budget):
    assert build_plan(planned, CATALOG, budget, TODAY) == build_plan(planned, CATALOG, budget, TODAY)


@settings(max_examples=40, deadline=None)
@given(interviews(), budgets)
def test_what_does_not_fit_is_reported_with_the_minutes_missing(planned, budget):
    plan = build_plan(planned, CATALOG, budget, TODAY)
    if plan.short_minutes:
        assert plan.left_out
    capacity = sum(budget.minutes_on(TODAY + timedelta(n)) for n in range(130))
    if capacity == 0:
        assert plan.tasks == () and plan.short_minutes > 0


def test_a_roomy_plan_covers_every_round_and_reviews_each_concept_after_study_and_before_the_round():
    planned = [Interview(1, "Acme", TODAY + timedelta(60))]
    plan = build_plan(planned, CATALOG, Budget(daily=240), TODAY)
    assert {t.round for t in plan.tasks} == set(SLUGS)
    assert {t.round for t in plan.tasks if t.kind == "mock"} == set(SLUGS)
    first_study = {
        t.question_id: t.due
        for t in plan.tasks
        if t.round == "ml-concepts" and t.kind == "drill" and not t.key.endswith(":again")
    }
    reviews = defaultdict(list)
    for review in (t for t in plan.tasks if t.kind == "review" and t.round == "ml-concepts"):
        assert review.due >= first_study[review.question_id] + timedelta(FIRST_REVIEW_DAYS)
        reviews[review.question_id].append(review.due)
    held = planned[0].day
    for question_id in first_study:
        assert any(held - timedelta(FINAL_STRETCH_DAYS) <= day < held for day in reviews[question_id]), question_id


def test_easier_items_come_before_harder_ones():
    plan = build_plan([Interview(1, "Acme", TODAY + timedelta(90))], CATALOG, Budget(daily=120), TODAY)
    level = {"easy": 0, "medium": 1, "hard": 2}
    questions = {q.id: q for r in CATALOG.rounds for q in r.questions}
    coding = [
        level[questions[t.question_id].difficulty]
        for t in plan.tasks
        if t.round == "ml-coding" and t.kind == "drill" and not t.key.endswith(":again")
    ]
    assert coding == sorted(coding) and coding


def test_a_week_mixes_topics():
    plan = build_plan([Interview(1, "Acme", TODAY + timedelta(30))], CATALOG, Budget(daily=90), TODAY)
    questions = {q.id: q for r in CATALOG.rounds for q in r.questions}
    first_week = [t for t in plan.tasks if (t.due - TODAY).days < 7 and t.kind == "drill"]
    assert len({t.round for t in first_week}) >= 4
    assert len({questions[t.question_id].topic for t in first_week if t.round == "ml-coding"}) >= 2


def test_a_screen_two_days_away_gets_its_research_first_and_its_mock_after_it():
    near = Interview(1, "Near", TODAY + timedelta(30), None, (("recruiter-screen", TODAY + timedelta(2)),))
    plan = build_plan([near], CATALOG, Budget(daily=60), TODAY)
    screen = [t for t in plan.tasks if t.round == "recruiter-screen" and t.interview_id == 1]
    prep = [t for t in screen if t.kind != "mock"]
    [mock] = [t for t in screen if t.kind == "mock"]
    assert sum(t.minutes for t in prep) >= 50
    assert all(t.due <= mock.due for t in prep) and mock.due == TODAY + timedelta(1)


def test_too_little_time_is_said_in_minutes():
    plan = build_plan([Interview(1, "Acme", TODAY + timedelta(5))], CATALOG, Budget(daily=30), TODAY)
    assert plan.short_minutes > 1000
    assert any("ML coding" in line for line in plan.left_out)


def test_done_work_is_not_planned_again():
    interview = [Interview(1, "Acme", TODAY + timedelta(30))]
    first = build_plan(interview, CATALOG, Budget(daily=60), TODAY)
    done = frozenset(t.key for t in first.tasks[:5])
    again = build_plan(interview, CATALOG, Budget(daily=60), TODAY, finished=done)
    assert not done & {t.key for t in again.tasks}


def test_a_studied_question_comes_back_when_the_memory_model_says_and_before_its_round():
    interview = [Interview(1, "Acme", TODAY + timedelta(30))]
    concept, coding = CATALOG.round("ml-concepts").questions[0], CATALOG.round("ml-coding").questions[0]
    memory = {
        concept.id: Recall(TODAY + timedelta(4), TODAY + timedelta(9), 2, False),
        coding.id: Recall(TODAY + timedelta(1), TODAY + timedelta(3), 1, True),
    }
    plan = build_plan(interview, CATALOG, Budget(daily=60), TODAY, finished={concept.id, coding.id}, memory=memory)
    reviews = {t.key: t for t in plan.tasks if t.question_id in memory and t.kind == "review"}
    held = interview[0].day
    assert reviews[f"{concept.id}:recall3"].due >= TODAY + timedelta(4)
    assert held - timedelta(FINAL_STRETCH_DAYS) <= reviews[f"{concept.id}:final:{held}"].due < held
    assert reviews[f"{coding.id}:recall2"].minutes == coding.minutes, "a weak coding question is worked again"
    strong = {coding.id: memory[coding.id]._replace(weak=False, fresh_until=held)}
    plan = build_plan(interview, CATALOG, Budget(daily=60), TODAY, finished={coding.id}, memory=strong)
    assert not [t for t in plan.tasks if t.question_id == coding.id and t.kind == "review"]


def test_a_bank_shorter_than_the_time_is_spread_to_the_end_with_second_passes():
    plan = build_plan([Interview(1, "Acme", TODAY + timedelta(120))], CATALOG, Budget(daily=120), TODAY)
    used = sum(t.minutes for t in plan.tasks) / (120 * 119)
    last_weeks = sum(t.minutes for t in plan.tasks if t.due >= TODAY + timedelta(99)) / (120 * 20)
    assert last_weeks >= 0.8 * used
    assert any(t.key.endswith(":again") for t in plan.tasks)
    assert plan.short_minutes == 0


def test_a_near_interview_is_prepared_at_full_speed_even_with_a_far_one():
    near, far = Interview(1, "Near", TODAY + timedelta(10)), Interview(2, "Far", TODAY + timedelta(150))
    plan = build_plan([near, far], CATALOG, Budget(daily=60), TODAY)
    before_near = [t for t in plan.tasks if t.due < near.day - timedelta(1)]
    assert sum(t.minutes for t in before_near) >= 0.9 * 60 * 8


def test_behavioral_prompts_name_the_story_to_tell_write_the_missing_ones_and_rehearse_before_the_round():
    acme = Interview(1, "Acme", TODAY + timedelta(30))
    prompts = CATALOG.round("behavioral").questions
    told, failed, conflict = prompts[0], next(q for q in prompts if "fail" in q.text.lower()), prompts[-1]
    stories = StoryPrep(
        tell=((told.id, StoryChoice(7, "Shipped the ranker", 95)),),
        write=((failed.id, "failure-and-learning", "a failure story"), (conflict.id, "failure-and-learning", "x")),
        rehearse=((1, (StoryChoice(7, "Shipped the ranker", 95), StoryChoice(9, "Owned the outage", 110))),),
    )
    plan = build_plan([acme], CATALOG, Budget(120), TODAY, stories=stories)
    tasks = {task.key: task for task in plan.tasks}
    assert tasks[told.id].story_id == 7
    assert tasks[told.id].title == f"Tell #7 'Shipped the ranker' (1m35s aloud) for {told.text!r}"
    write = tasks["write:failure-and-learning"]
    assert write.kind == "write" and write.title.startswith("Write a failure story (your bank has none for")
    assert failed.id not in tasks and conflict.id not in tasks, "one story to write for prompts that want the same"
    rehearsals = [task for task in plan.tasks if task.kind == "rehearse"]
    assert sorted(task.story_id for task in rehearsals) == [7, 9]
    for task in rehearsals:
        assert task.interview_id == 1 and task.minutes == 5
        assert acme.day - timedelta(FINAL_STRETCH_DAYS) <= task.due < acme.day - timedelta(1)
    # Once written, the prompts are practised again like the others.
    roomy = [acme._replace(day=TODAY + timedelta(90))]
    later = build_plan(roomy, CATALOG, Budget(120), TODAY, finished={"write:failure-and-learning"}, stories=stories)
    assert {failed.id, conflict.id} <= {task.key for task in later.tasks}


def test_a_task_title_never_says_its_verb_twice():
    plan = build_plan([Interview(1, "Acme", TODAY + timedelta(120))], CATALOG, Budget(240), TODAY)
    for task in plan.tasks:
        words = task.title.replace(":", " ").split()
        assert words[0].casefold() != words[1].casefold(), task.title

"""The memory model: what a rating does to when a question comes back, and the recall it predicts."""

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from planner.plan.memory import RATINGS, recall_of, recall_on, reviewed
from tests.conftest import TODAY

ORDER = list(RATINGS)  # again, hard, good, easy
histories = st.lists(st.tuples(st.sampled_from(ORDER), st.integers(1, 20)), max_size=6)


def after(history: list[tuple[str, int]]) -> tuple[str | None, int]:
    card, day = None, 0
    for rating, gap in history:
        day += gap
        card = reviewed(card, rating, TODAY + timedelta(day))
    return card, day


@given(histories, st.integers(0, 2), st.integers(1, 3))
def test_a_rating_never_brings_a_question_back_later_than_a_better_one(history, worse, better_by):
    card, day = after(history)
    better = min(worse + better_by, 3)
    on = TODAY + timedelta(day + 1)
    due = {rating: recall_of(reviewed(card, rating, on), 1, rating).next_review for rating in ORDER}
    assert due[ORDER[worse]] <= due[ORDER[better]]


@given(histories)
def test_recall_is_a_chance_that_fades_with_time(history):
    card, day = after([*history, ("good", 1)])
    assert card is not None
    values = [recall_on(card, TODAY + timedelta(day + n)) for n in range(0, 60, 5)]
    assert all(0 <= v <= 1 for v in values)
    assert values == sorted(values, reverse=True)


def test_again_comes_back_within_two_days_and_easy_later_than_again():
    first = {rating: recall_of(reviewed(None, rating, TODAY), 1, rating) for rating in ORDER}
    assert first["again"].next_review <= TODAY + timedelta(2)
    assert first["easy"].next_review > first["again"].next_review
    assert first["again"].weak and not first["good"].weak

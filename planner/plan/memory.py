"""What the candidate remembers of each question: a memory state per question from the FSRS model
(the `fsrs` package), updated by each self-rated review, and the recall it predicts for a day.

Days are the unit here: learning steps of minutes are left out, so a question rated again comes
back the next day, and no random fuzz is added, so the same ratings always give the same plan.
"""

from datetime import UTC, date, datetime, timedelta
from functools import cache

from fsrs import Card, Rating, Scheduler

from planner.plan.records import Recall

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
WEAK_RATINGS = ("again", "hard")
TARGET_RECALL = 0.9
LONGEST_LOOK_AHEAD = 400  # days: a question fresh for longer than this is fresh enough


@cache
def _scheduler() -> Scheduler:
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def reviewed(card: str | None, rating: str, day: date) -> str:
    """The memory state (as JSON) after a review on day rated again, hard, good or easy."""
    before = Card.from_json(card) if card else Card()
    after, _ = _scheduler().review_card(before, RATINGS[rating], _noon(day))
    return after.to_json()


def recall_on(card: str, day: date) -> float:
    """The predicted chance, from 0 to 1, of recalling the question on day."""
    return float(_scheduler().get_card_retrievability(Card.from_json(card), _noon(day)))


def recall_of(card: str, reviews: int, last_rating: str, target: float = TARGET_RECALL) -> Recall:
    state = Card.from_json(card)
    assert state.last_review is not None, "a stored card has been reviewed"
    reviewed_on = state.last_review.date()
    fresh_until = reviewed_on
    step = LONGEST_LOOK_AHEAD
    while step:  # the recall only falls with time: halve the step towards the last fresh day
        if recall_on(card, fresh_until + timedelta(step)) >= target:
            fresh_until += timedelta(step)
        step //= 2
    return Recall(state.due.date(), fresh_until, reviews, last_rating in WEAK_RATINGS)

"""The plain records of the plan, shared by the scheduler, the agenda and the store.

Kept apart from the scheduler so that `planner agenda` can read a plan without loading it; they are
named tuples rather than dataclasses because importing dataclasses (and with it inspect) costs that
command a noticeable share of its start-up.
"""

from datetime import date
from typing import NamedTuple

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SCREEN = "recruiter-screen"  # the round that is a short call, not a day of interviews
DEFAULT_BUDGET = 60


class Interview(NamedTuple):
    id: int
    company: str
    day: date  # the interview day: every round not listed in round_dates is held on it
    role: str | None = None
    round_dates: tuple[tuple[str, date], ...] = ()  # rounds held on another day than `day`

    def round_date(self, slug: str) -> date:
        return dict(self.round_dates).get(slug, self.day)

    @property
    def dates(self) -> set[date]:
        """Every day on which one of its rounds is held."""
        return {self.day, *(held for _, held in self.round_dates)}


class Budget(NamedTuple):
    daily: int = DEFAULT_BUDGET
    weekdays: tuple[tuple[int, int], ...] = ()  # (weekday 0=Monday, minutes) that differ from daily
    days_off: frozenset[int] = frozenset()  # weekdays with no study
    dates_off: frozenset[date] = frozenset()

    def minutes_on(self, day: date) -> int:
        return 0 if day in self.dates_off else self.minutes_on_weekday(day.weekday())

    def minutes_on_weekday(self, weekday: int) -> int:
        return 0 if weekday in self.days_off else dict(self.weekdays).get(weekday, self.daily)


class Task(NamedTuple):
    """One piece of study work on a day. The scheduler makes tasks with id 0; the store gives each
    an id and keeps its status (planned, done or skipped)."""

    key: str  # names the work, so work done is not planned again
    round: str
    kind: str  # drill, mock, review, prep; for behavioral work also write and rehearse
    title: str
    minutes: int
    due: date
    interview_id: int | None
    question_id: str | None = None
    id: int = 0
    status: str = "planned"
    story_id: int | None = None  # the story a behavioral task tells, rehearses or was written as


class Recall(NamedTuple):
    """What the memory model says of a studied question: when to review it next, and until when it
    stays fresh (its predicted recall at least the target)."""

    next_review: date
    fresh_until: date
    reviews: int  # how many times it has been reviewed
    weak: bool  # its last rating was again or hard


class StoryChoice(NamedTuple):
    """A story the plan asks you to tell or rehearse."""

    id: int
    title: str
    seconds: int  # told aloud


class StoryPrep(NamedTuple):
    """What the story bank says of the behavioral round, for the scheduler: which story answers
    each behavioral prompt of the question bank, which prompts no story answers (grouped by what
    to write for them), and the stories to rehearse before each interview's behavioral round."""

    tell: tuple[tuple[str, StoryChoice], ...] = ()  # (question id, story to tell)
    write: tuple[tuple[str, str, str], ...] = ()  # (question id, gap key, what to write)
    rehearse: tuple[tuple[int, tuple[StoryChoice, ...]], ...] = ()  # (interview id, stories)

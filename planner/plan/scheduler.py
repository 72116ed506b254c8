"""The study plan: interviews, catalogue, daily budget, work done and today in; dated tasks out. Pure.

How a plan is laid out:
- Each round's question bank is a stream of tasks, easiest first and topics interleaved. The
  recruiter-screen stream belongs to one interview (its research is about that company); the others
  are shared, since a solved coding drill serves every interview.
- Each day's minutes are shared among the streams whose round is still ahead, in proportion to the
  round's weight divided by the study days left before it: a round due sooner gets more now. A
  running balance carries what a stream was owed but could not use to later days.
- Full-length timed mocks open in the last third before their round; the day before the technical
  and behavioral rounds is kept light (a short review), while the recruiter screen, a short call, takes
  its own preparation up to the day before; concept questions come back after 1, 3 and 7 days.
- Whatever does not fit before its round is reported, with the minutes missing.
"""

import bisect
import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.catalog.rounds import Catalog, Question
from planner.plan.records import Budget, Interview, Task

REVIEW_DAYS = (1, 3, 7)
REVIEW_MINUTES = 5
LIGHT_REVIEW_MINUTES = 20
SHARED_ROUNDS = ("ml-coding", "ml-concepts", "ml-system-design", "behavioral")
SCREEN = "recruiter-screen"
_VERBS = {"ml-coding": "Solve", "ml-concepts": "Explain", "ml-system-design": "Design", "behavioral": "Answer"}
_LEVELS = {"easy": 0, "medium": 1, "hard": 2, None: 1}


@dataclass(frozen=True)
class Plan:
    tasks: tuple[Task, ...]
    short_minutes: int = 0
    left_out: tuple[str, ...] = ()


# A question waiting to be planned: its task key, the question, and the company it is for (the
# recruiter screen's research) or None (work that serves every interview).
_Item = tuple[str, Question, str | None]


@dataclass
class _Stream:
    """A queue of tasks for one round (and, for the recruiter screen, one interview)."""

    round: str
    weight: int
    interviews: list[Interview]
    items: deque[_Item]
    balance: float = 0.0

    def deadline(self, day: date) -> tuple[date, Interview] | None:
        """The next date this round is held after day, and for which interview."""
        ahead = sorted((i.round_date(self.round), i.id, i) for i in self.interviews if i.round_date(self.round) > day)
        return (ahead[0][0], ahead[0][2]) if ahead else None


def _interleave(questions: list[Question], group: Callable[[Question], str | None]) -> list[Question]:
    """Easiest first; within a difficulty, take one of each group (topic or theme) in turn."""
    ordered = []
    for level in sorted({_LEVELS[q.difficulty] for q in questions}):
        groups: dict[str | None, deque[Question]] = {}
        for question in questions:
            if _LEVELS[question.difficulty] == level:
                groups.setdefault(group(question), deque()).append(question)
        while groups:
            for name in list(groups):
                ordered.append(groups[name].popleft())
                if not groups[name]:
                    del groups[name]
    return ordered


def _title(question: Question, company: str | None = None) -> str:
    if company:
        return f"{company}: {question.text}"
    return f"{_VERBS[question.round]}: {question.text}"


def _streams(interviews: list[Interview], catalog: Catalog, done: frozenset[str]) -> list[_Stream]:
    streams = []
    for round_ in catalog.rounds:
        if round_.slug in SHARED_ROUNDS:
            group = (lambda q: q.topic) if round_.slug != "behavioral" else (lambda q: q.themes[0])
            shared: list[_Item] = [(q.id, q, None) for q in _interleave(list(round_.questions), group)]
            streams.append(
                _Stream(round_.slug, round_.weight, list(interviews), deque(i for i in shared if i[0] not in done))
            )
        else:
            for interview in interviews:
                own: list[_Item] = [(f"{interview.id}:{q.id}", q, interview.company) for q in round_.questions]
                streams.append(
                    _Stream(round_.slug, round_.weight, [interview], deque(i for i in own if i[0] not in done))
                )
    return streams


@dataclass
class _Day:
    day: date
    free: int
    tasks: list = field(default_factory=list)

    def place(self, task: Task) -> bool:
        if task.minutes > self.free:
            return False
        self.tasks.append(task)
        self.free -= task.minutes
        return True


def build_plan(
    interviews: list[Interview],
    catalog: Catalog,
    budget: Budget,
    today: date,
    done: frozenset[str] = frozenset(),
    spent_today: int = 0,
) -> Plan:
    """Lay out the work from today up to each interview's rounds. `done` holds task keys already
    done or skipped; `spent_today` the minutes already used today."""
    interviews = [i for i in interviews if any(i.round_date(s) > today for s in catalog.slugs)]
    if not interviews:
        return Plan(())
    last = max(i.round_date(s) for i in interviews for s in catalog.slugs)
    # The recruiter screen is a short call: its day and the day before stay study days. The days of
    # the other rounds are for the interview, and the day before them is kept light.
    round_days = {i.round_date(s) for i in interviews for s in catalog.slugs if s != SCREEN}
    days = [_Day(today + timedelta(n), budget.minutes_on(today + timedelta(n))) for n in range((last - today).days)]
    days[0].free = max(0, days[0].free - spent_today)
    for day in days:
        if day.day in round_days:
            day.free = 0  # an interview day is for the interview
    light = {d.day for d in days if d.day + timedelta(1) in round_days}
    study_days_before = _counter([d.day for d in days if d.free and d.day not in light])

    streams = _streams(interviews, catalog, done)
    concepts = next(s for s in streams if s.round == "ml-concepts")
    mocks = _mocks(interviews, catalog, today, done)
    left_out: list[str] = []
    reviews: list[tuple[date, Task]] = []
    short = 0

    for day in days:
        if day.day in light:
            _place_light_reviews(day, interviews, catalog, done)
        # Spaced reviews first: they are short and their timing is the point of them.
        for release, task in sorted(reviews, key=lambda r: (r[0], r[1].key)):
            if release <= day.day < task.due and day.place(task._replace(due=day.day)):
                reviews.remove((release, task))
                concepts.balance -= task.minutes
        if day.day in light or not day.free:
            continue
        for opens, task in list(mocks):
            if opens <= day.day < task.due and day.place(task._replace(due=day.day)):
                mocks.remove((opens, task))
                break  # one full mock a day is plenty
        active = [(s, ahead) for s in streams if s.items and (ahead := s.deadline(day.day))]
        if not active:
            continue
        pull = {id(s): s.weight / max(1, study_days_before(day.day, ahead[0])) for s, ahead in active}
        total_pull = sum(pull.values())
        for stream, _ in active:
            stream.balance += day.free * pull[id(stream)] / total_pull
        while True:
            fitting = [(s, ahead) for s, ahead in active if s.items and s.items[0][1].minutes <= day.free]
            if not fitting:
                break
            stream, (round_date, interview) = max(fitting, key=lambda pair: pair[0].balance)
            key, question, company = stream.items.popleft()
            task = Task(
                key,
                question.round,
                question.kind,
                _title(question, company),
                question.minutes,
                day.day,
                interview.id,
                question.id,
            )
            day.place(task)
            stream.balance -= question.minutes
            if question.round == "ml-concepts":
                for after in REVIEW_DAYS:
                    review = Task(
                        f"{key}:review{after}",
                        question.round,
                        "review",
                        f"Recall (day {after}): {question.text}",
                        REVIEW_MINUTES,
                        round_date,
                        interview.id,
                        question.id,
                    )
                    if review.key not in done:
                        reviews.append((day.day + timedelta(after), review))

    for stream in streams:
        if stream.items:
            short += sum(item[1].minutes for item in stream.items)
            hard = sum(item[1].difficulty == "hard" for item in stream.items)
            name = catalog.round(stream.round).name
            whose = f" for {stream.interviews[0].company}" if stream.round not in SHARED_ROUNDS else ""
            left_out.append(f"{len(stream.items)} {name} tasks{whose}" + (f" ({hard} hard)" if hard else ""))
    for _, task in mocks:
        short += task.minutes
        left_out.append(task.title)
    tasks = tuple(task for day in days for task in day.tasks)
    return Plan(tasks, short, tuple(left_out))


def _counter(study_days: list[date]) -> Callable[[date, date], int]:
    """How many study days lie in [start, end), answered quickly."""

    def between(start: date, end: date) -> int:
        return bisect.bisect_left(study_days, end) - bisect.bisect_left(study_days, start)

    return between


def _mocks(interviews: list[Interview], catalog: Catalog, today: date, done: frozenset[str]) -> list[tuple[date, Task]]:
    """One timed mock per interview and round, open in the last third of the time before the round."""
    mocks = []
    for interview in interviews:
        for round_ in catalog.rounds:
            held = interview.round_date(round_.slug)
            key = f"{interview.id}:mock:{round_.slug}"
            if held <= today or key in done:
                continue
            title = f"Mock {round_.name} for {interview.company}: {round_.minutes} minutes, timed, as on the day"
            # The last study day before the round is kept light, so a mock is due the day before that.
            task = Task(key, round_.slug, "mock", title, round_.minutes, held - timedelta(1), interview.id)
            window = (held - today).days
            mocks.append((held - timedelta(math.ceil(window / 3)), task))
    return mocks


def _place_light_reviews(day: _Day, interviews: list[Interview], catalog: Catalog, done: frozenset[str]) -> None:
    tomorrow = day.day + timedelta(1)
    for interview in interviews:
        held = [r for r in catalog.rounds if interview.round_date(r.slug) == tomorrow]
        key = f"{interview.id}:light:{tomorrow.isoformat()}"
        if not held or key in done or not day.free:
            continue
        names = [r.name for r in held]
        title = (
            f"Light review before {interview.company} ({', '.join(names)}):"
            " skim the tips, your notes, two stories aloud"
        )
        day.place(Task(key, held[0].slug, "review", title, min(LIGHT_REVIEW_MINUTES, day.free), day.day, interview.id))

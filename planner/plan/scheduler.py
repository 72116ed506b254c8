"""The study plan: interviews, catalogue, daily budget, work done and today in; dated tasks out. Pure.

How a plan is laid out:
- Anchored work first, counted back from each round's date, so that a later change elsewhere does
  not move it: the day before a technical or behavioral round is kept light (one short review),
  and each round's full-length timed mock sits on the latest study day in the final stretch before
  it (the recruiter screen, a short call, keeps its own day and the day before as study days).
- Studied questions come back when the memory model (FSRS, see plan/memory.py) says so, and once
  more in the final stretch before their round when their predicted recall on the round's day
  would be under the target: every concept, and the coding and design questions rated weak.
  A concept not studied yet is given a review two days after it is planned (what a "good" rating
  brings) and one in the final stretch.
- Each round's question bank is a stream of tasks, easiest first and topics interleaved. The
  recruiter-screen stream belongs to one interview (its research is about that company) and is
  done before that screen's mock; the others are shared, since a solved coding drill serves every
  interview. Each day's minutes are shared among the streams whose round is still ahead, in
  proportion to the round's weight divided by the study days left before it; a round only a few
  days away takes what it needs first. A running balance carries what a stream was owed but could
  not use to later days.
- Once a bank is worked through, its questions come round again (hardest first) as second passes.
- What does not fit before its round is reported, with the minutes missing.

Work already done or skipped is never planned again; the same inputs give the same plan, so
laying it out again with nothing changed changes nothing.
"""

import bisect
from collections import deque
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from planner.catalog.rounds import BEHAVIORAL, Catalog, Question
from planner.plan.records import SCREEN, Budget, Interview, Recall, StoryChoice, StoryPrep, Task

FIRST_REVIEW_DAYS = 2  # when a question first rated good comes back
FINAL_STRETCH_DAYS = 5  # the last review before a round falls within this many days of it
REVIEW_MINUTES = 5  # to recall a concept; a coding or design question is worked again in full
LIGHT_REVIEW_MINUTES = 20
MOCK_WINDOW_DAYS = 10  # a round's mock sits within this many days before it
WRITE_MINUTES = 25  # to write a missing story in STAR form
REHEARSE_MINUTES = 5  # to tell a story aloud in two minutes, twice
URGENT_DAYS = 3  # a round this close takes its preparation before any other
SHARED_ROUNDS = ("ml-coding", "ml-concepts", "ml-system-design", "behavioral")
MEMORY_ROUNDS = ("ml-coding", "ml-concepts", "ml-system-design")  # whose questions the memory model follows
CONCEPTS = "ml-concepts"
_VERBS = {"ml-coding": "Solve", "ml-concepts": "Explain", "ml-system-design": "Design", "behavioral": "Answer"}
NO_STORIES = StoryPrep()
_LEVELS = {"easy": 0, "medium": 1, "hard": 2, None: 1}


@dataclass(frozen=True)
class Plan:
    tasks: tuple[Task, ...]
    short_minutes: int = 0
    left_out: tuple[str, ...] = ()


class _Item(NamedTuple):
    """A question waiting to be planned."""

    key: str
    question: Question
    title: str
    again: bool  # a second pass, which left out is no loss worth reporting
    kind: str
    minutes: int
    story_id: int | None = None  # the story a behavioral prompt is answered with


def _item(key: str, question: Question, title: str, again: bool = False) -> _Item:
    return _Item(key, question, title, again, question.kind, question.minutes)


@dataclass
class _Stream:
    """A queue of tasks for one round (and, for the recruiter screen, one interview)."""

    round: str
    weight: int
    interviews: list[Interview]
    items: deque[_Item]
    again: deque[_Item]  # second passes, planned once the first pass is through
    owned: bool = False  # work for its one interview (shared work serves every interview)
    mine: bool = False  # holds questions the user added for the interview, which go before the rest
    balance: float = 0.0

    def deadline(self, day: date) -> tuple[date, Interview] | None:
        """The next date this round is held after day, and for which interview."""
        ahead = sorted((i.round_date(self.round), i.id, i) for i in self.interviews if i.round_date(self.round) > day)
        return (ahead[0][0], ahead[0][2]) if ahead else None

    def last_day(self, held: date, today: date) -> date:
        """The last day this stream's work may be done for a round held on `held`: the recruiter
        screen's preparation comes before its mock, the day before the screen (unless that is today)."""
        return max(held - timedelta(1), today + timedelta(1)) if self.round == SCREEN else held

    def next_item(self) -> _Item | None:
        if not self.items and self.again:
            self.items, self.again = self.again, deque()
        return self.items[0] if self.items else None


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
    verb = _VERBS[question.round]
    if question.text.split(maxsplit=1)[0].casefold() == verb.casefold():
        return question.text  # "Design an email spam filter", not "Design: Design an email spam filter"
    return f"{verb}: {question.text}"


def _with_stories(items: list[_Item], stories: StoryPrep, finished: Container[str], write: bool = True) -> list[_Item]:
    """Behavioral prompts as the story bank has them: told with the story that answers them, or,
    where none does (and write), a task to write one (once for prompts wanting the same missing
    story). Prompts for one interview do not write: the bank's gaps are written once, for all."""
    tell = dict(stories.tell)
    gaps = {question_id: (gap, what) for question_id, gap, what in stories.write}
    made, written = [], set()
    for item in items:
        choice = tell.get(item.question.id)
        gap = gaps.get(item.question.id)
        if choice:
            made.append(item._replace(title=_telling(item, choice), story_id=choice.id))
        elif write and gap and not item.again and f"write:{gap[0]}" not in finished:
            if gap[0] not in written:
                written.add(gap[0])
                title = f"Write {gap[1]} (your bank has none for {item.question.text!r})"
                made.append(item._replace(key=f"write:{gap[0]}", title=title, kind="write", minutes=WRITE_MINUTES))
        else:
            made.append(item)
    return made


def _telling(item: _Item, choice: StoryChoice) -> str:
    aloud = f"{choice.seconds // 60}m{choice.seconds % 60:02d}s aloud"
    return f"{'Again, t' if item.again else 'T'}ell #{choice.id} {choice.title!r} ({aloud}) for {item.question.text!r}"


def _streams(
    interviews: list[Interview], catalog: Catalog, finished: Container[str], stories: StoryPrep
) -> list[_Stream]:
    streams = []
    for round_ in catalog.rounds:
        general = [q for q in round_.questions if q.company is None]
        if round_.slug in SHARED_ROUNDS:
            group = (lambda q: q.topic) if round_.slug != BEHAVIORAL else (lambda q: q.themes[0] if q.themes else None)
            # The user's own questions first: they were added because an interviewer may ask them.
            ordered = [q for q in general if q.own] + _interleave([q for q in general if not q.own], group)
            first = [_item(q.id, q, _title(q)) for q in ordered]
            # Second passes, hardest first: the questions that most repay another go.
            hardest = sorted(ordered, key=lambda q: -_LEVELS[q.difficulty])
            again = [_item(f"{q.id}:again", q, f"Again, {_title(q)}", True) for q in hardest]
            if round_.slug == BEHAVIORAL:
                first, again = _with_stories(first, stories, finished), _with_stories(again, stories, finished)
            streams.append(
                _Stream(
                    round_.slug,
                    round_.weight,
                    list(interviews),
                    deque(i for i in first if i.key not in finished),
                    deque(i for i in again if i.key not in finished),
                )
            )
        for interview in interviews:
            # A round's work for one interview: the recruiter screen's whole bank, and in every
            # round the questions the user added for this company.
            theirs = [q for q in round_.questions if q.company and q.company.casefold() == interview.company.casefold()]
            mine = theirs if round_.slug in SHARED_ROUNDS else general + theirs
            own = [_item(f"{interview.id}:{q.id}", q, _title(q, interview.company)) for q in mine]
            if round_.slug == BEHAVIORAL:
                own = _with_stories(own, stories, finished, write=False)
            items = deque(i for i in own if i.key not in finished)
            if items or round_.slug not in SHARED_ROUNDS:
                streams.append(
                    _Stream(round_.slug, round_.weight, [interview], items, deque(), owned=True, mine=bool(theirs))
                )
    return streams


@dataclass
class _Day:
    day: date
    free: int
    tasks: list[Task] = field(default_factory=list)

    def place(self, task: Task) -> bool:
        if task.minutes > self.free:
            return False
        self.tasks.append(task._replace(due=self.day))
        self.free -= task.minutes
        return True


def build_plan(
    interviews: list[Interview],
    catalog: Catalog,
    budget: Budget,
    today: date,
    finished: Container[str] = frozenset(),
    spent_today: int = 0,
    memory: Mapping[str, Recall] | None = None,
    today_as_planned: Container[str] = frozenset(),
    stories: StoryPrep = NO_STORIES,
) -> Plan:
    """Lay out the work from today up to each interview's rounds.

    finished: the keys of tasks done or skipped, never planned again; memory: what the memory model
    says of each studied question; spent_today: the minutes already used today; today_as_planned:
    the keys of the drills planned for today, which stay today while they fit, so that checking
    one off never shuffles the rest of the day; stories: the story bank's answers to the behavioral
    prompts, its gaps, and what to rehearse before each behavioral round."""
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
    for day in days:
        if day.day in light:
            _place_light_reviews(day, interviews, catalog, finished)
    study_days_before = _counter([d.day for d in days if d.free and d.day not in light])
    unplaced_mocks = _place_mocks(days, light, interviews, catalog, finished)
    _place_rehearsals(days, light, interviews, stories, finished)
    left_out = [task.title for task in unplaced_mocks]
    short = sum(task.minutes for task in unplaced_mocks)

    streams = _streams(interviews, catalog, finished, stories)
    concepts = next(s for s in streams if s.round == CONCEPTS and not s.owned)
    questions = {q.id: q for r in catalog.rounds for q in r.questions}
    reviews = [
        review
        for question_id, recall in sorted((memory or {}).items())
        if question_id in questions
        for review in _reviews(questions[question_id], recall, interviews, today, finished)
    ]

    round_dates = sorted({i.round_date(s) for i in interviews for s in catalog.slugs})
    allowance = 0.0
    for number, day in enumerate(days):
        # Spaced reviews first: they are short and their timing is the point of them.
        for release, task in sorted(reviews, key=lambda r: (r[0], r[1].key)):
            if release <= day.day < task.due and day.place(task):
                reviews.remove((release, task))
                concepts.balance -= task.minutes
        if day.day in light or not day.free:
            continue
        active = [(s, ahead) for s in streams if s.next_item() and (ahead := s.deadline(day.day))]
        active = [(s, ahead) for s, ahead in active if day.day < s.last_day(ahead[0], today)]
        if not active:
            continue
        allowance += day.free * _pace(days[number:], light, round_dates, streams)
        pull = {id(s): s.weight / max(1, study_days_before(day.day, ahead[0])) for s, ahead in active}
        total_pull = sum(pull.values())
        for stream, _ in active:
            stream.balance += day.free * pull[id(stream)] / total_pull
        if number == 0 and today_as_planned:
            # Today keeps the drills it was given, as if picked again, and only a round days away
            # adds to them.
            for stream, _ in active:
                for pinned in [item for item in stream.items if item.key in today_as_planned]:
                    if day.place(_drill(stream, pinned, day.day)):
                        stream.items.remove(pinned)
                        stream.balance -= pinned.minutes
                        allowance -= pinned.minutes
                        reviews += _forecast_reviews(pinned, memory, interviews, day.day, today, finished)
            active = [(s, ahead) for s, ahead in active if (ahead[0] - day.day).days <= URGENT_DAYS]
        while True:
            # A round only days away takes what it needs whatever the pace.
            fitting = [
                (s, a)
                for s, a in active
                if (item := s.next_item())
                and item.minutes <= day.free
                and (item.minutes <= allowance or (a[0] - day.day).days <= URGENT_DAYS)
            ]
            if not fitting:
                break
            # A round only days away takes its preparation first, then the user's own questions for
            # an interview; otherwise the stream owed most.
            stream, (_, interview) = max(
                fitting,
                key=lambda pair: ((pair[1][0] - day.day).days <= URGENT_DAYS, pair[0].mine, pair[0].balance),
            )
            chosen = stream.items.popleft()
            allowance -= chosen.minutes
            day.place(_drill(stream, chosen, day.day))
            stream.balance -= chosen.minutes
            reviews += _forecast_reviews(chosen, memory, interviews, day.day, today, finished)

    for stream in streams:
        first_pass = [item for item in stream.items if not item.again]
        if first_pass:
            short += sum(item.minutes for item in first_pass)
            hard = sum(item.question.difficulty == "hard" for item in first_pass)
            name = catalog.round(stream.round).name
            whose = f" for {stream.interviews[0].company}" if stream.owned else ""
            left_out.append(f"{len(first_pass)} {name} tasks{whose}" + (f" ({hard} hard)" if hard else ""))
    tasks = tuple(task for day in days for task in day.tasks)
    return Plan(tasks, short, tuple(left_out))


def _forecast_reviews(
    item: _Item,
    memory: Mapping[str, Recall] | None,
    interviews: list[Interview],
    day: date,
    today: date,
    finished: Container[str],
) -> list[tuple[date, Task]]:
    """The reviews a concept planned for study on day will need, as if rated good then."""
    key, question = item.key, item.question
    if question.round != CONCEPTS or key.endswith(":again") or (memory and key in memory):
        return []
    first = Recall(day + timedelta(FIRST_REVIEW_DAYS), day, 1, False)
    return _reviews(question, first, interviews, today, finished)


def _drill(stream: _Stream, item: _Item, day: date) -> Task:
    """The task that works through a stream's item on day; shared work belongs to no interview."""
    owner = stream.interviews[0].id if stream.owned else None
    question = item.question
    return Task(
        item.key, question.round, item.kind, item.title, item.minutes, day, owner, question.id, story_id=item.story_id
    )


def _pace(ahead: list[_Day], light: set[date], round_dates: list[date], streams: list[_Stream]) -> float:
    """The share of a day's minutes to use so that the work left is spread evenly up to the next
    round, rather than done at once with empty weeks before the round, when they matter most."""
    nearest = next(held for held in round_dates if held > ahead[0].day)
    room = sum(d.free for d in ahead if d.day < nearest and d.day not in light)
    work = sum(item.minutes for s in streams for item in (*s.items, *s.again))
    return min(1.0, work / room) if room else 1.0


def _counter(study_days: list[date]) -> Callable[[date, date], int]:
    """How many study days lie in [start, end), answered quickly."""

    def between(start: date, end: date) -> int:
        return bisect.bisect_left(study_days, end) - bisect.bisect_left(study_days, start)

    return between


def _place_mocks(
    days: list[_Day], light: set[date], interviews: list[Interview], catalog: Catalog, finished: Container[str]
) -> list[Task]:
    """Put each round's timed mock on the latest study day with room in the final stretch before the
    round, one mock a day where possible; returns the mocks that found no day."""
    by_day = {d.day: d for d in days}
    wanted = []
    for interview in interviews:
        for round_ in catalog.rounds:
            held = interview.round_date(round_.slug)
            key = f"{interview.id}:mock:{round_.slug}"
            if held > days[0].day and key not in finished:
                title = f"Mock {round_.name} for {interview.company}: {round_.minutes} minutes, timed, as on the day"
                wanted.append((held, Task(key, round_.slug, "mock", title, round_.minutes, held, interview.id)))
    unplaced = []
    # The interview added first places its mocks first: a new interview never moves an older one's.
    for held, task in sorted(wanted, key=lambda pair: (pair[1].interview_id or 0, pair[0], pair[1].key)):
        window = [
            by_day[day]
            for n in range(1, MOCK_WINDOW_DAYS + 1)
            if (day := held - timedelta(n)) in by_day and day not in light
        ]  # latest first
        without_mock = [d for d in window if not any(t.kind == "mock" for t in d.tasks)]
        if not any(d.place(task) for d in without_mock) and not any(d.place(task) for d in window):
            unplaced.append(task)
    return unplaced


def _place_rehearsals(
    days: list[_Day], light: set[date], interviews: list[Interview], stories: StoryPrep, finished: Container[str]
) -> None:
    """Before each behavioral round, tell aloud the stories you will likely tell there, each on the
    latest study day with room in the final stretch before it."""
    by_day = {d.day: d for d in days}
    rehearse = dict(stories.rehearse)
    for interview in interviews:
        held = interview.round_date(BEHAVIORAL)
        window = [
            by_day[day]
            for n in range(1, FINAL_STRETCH_DAYS + 1)
            if (day := held - timedelta(n)) in by_day and day not in light
        ]
        for choice in rehearse.get(interview.id, ()):
            key = f"{interview.id}:rehearse:{choice.id}"
            if held <= days[0].day or key in finished:
                continue
            title = f"Rehearse aloud for {interview.company}, in two minutes: #{choice.id} {choice.title!r}"
            task = Task(key, BEHAVIORAL, "rehearse", title, REHEARSE_MINUTES, held, interview.id, story_id=choice.id)
            any(d.place(task) for d in window)


def _place_light_reviews(day: _Day, interviews: list[Interview], catalog: Catalog, finished: Container[str]) -> None:
    tomorrow = day.day + timedelta(1)
    for interview in interviews:
        held = [r for r in catalog.rounds if interview.round_date(r.slug) == tomorrow]
        key = f"{interview.id}:light:{tomorrow.isoformat()}"
        if not held or key in finished or not day.free:
            continue
        names = [r.name for r in held]
        title = (
            f"Light review before {interview.company} ({', '.join(names)}):"
            " skim the tips, your notes, two stories aloud"
        )
        day.place(Task(key, held[0].slug, "review", title, min(LIGHT_REVIEW_MINUTES, day.free), day.day, interview.id))


def _reviews(
    question: Question, recall: Recall, interviews: list[Interview], today: date, finished: Container[str]
) -> list[tuple[date, Task]]:
    """A studied question's reviews, each with the day it may first be done: when the memory model
    brings it back, and in the final stretch before the next round it would not reach fresh. A
    concept always has them; a coding or design question only when rated weak."""
    if question.round not in MEMORY_ROUNDS or (question.round != CONCEPTS and not recall.weak):
        return []
    if question.company:  # the user's question for one company is reviewed for its interviews only
        interviews = [i for i in interviews if i.company.casefold() == question.company.casefold()]
    ahead = sorted({i.round_date(question.round) for i in interviews if i.round_date(question.round) > today})
    if not ahead:
        return []
    if question.round == CONCEPTS:
        minutes, title = REVIEW_MINUTES, f"Recall: {question.text}"
    else:
        minutes, title = question.minutes, f"Again, it was hard: {_title(question)}"

    def review(key: str, due: date) -> Task:
        return Task(key, question.round, "review", title, minutes, due, None, question.id)

    # The final review before the nearest round it would not reach fresh; once done, the memory
    # model says whether a later round needs one of its own.
    stale = [held for held in ahead if recall.fresh_until < held]
    finals = [
        (held - timedelta(FINAL_STRETCH_DAYS), review(f"{question.id}:final:{held.isoformat()}", held))
        for held in stale[:1]
        if f"{question.id}:final:{held.isoformat()}" not in finished
    ]
    # When the model's own review day falls in a final stretch, that stretch's review is the one.
    covered = any(opens <= recall.next_review < task.due for opens, task in finals)
    key = f"{question.id}:recall{recall.reviews + 1}"
    if recall.next_review < ahead[-1] and not covered and key not in finished:
        return [(max(today, recall.next_review), review(key, ahead[-1])), *finals]
    return finals

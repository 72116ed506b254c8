"""How ready the candidate is for each round of each interview: how much of the round's bank is
studied, how much of it the memory model predicts they will recall on the day (as things stand, and
if the plan is followed), the mocks and the minutes. Pure, but for `readiness`, which reads a store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import mean
from typing import TYPE_CHECKING, Any

from planner.catalog.rounds import Catalog, Round
from planner.plan.interviews import is_held
from planner.plan.memory import recall_on, reviewed
from planner.plan.records import Interview, Task
from planner.plan.scheduler import MEMORY_ROUNDS

if TYPE_CHECKING:
    from planner.db.store import Store


@dataclass(frozen=True)
class RoundReadiness:
    slug: str
    name: str
    coverage: float  # share of the round's bank studied, 0 to 1
    recall: float | None  # mean predicted recall on the day of what was studied; None: nothing yet
    recall_if_followed: float | None  # the same if every task planned before the round is done
    mocks_done: int
    mocks_planned: int
    minutes_done: int
    minutes_planned: int

    def to_json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "name": self.name,
            "coverage": round(self.coverage, 3),
            "recall": None if self.recall is None else round(self.recall, 3),
            "recall_if_followed": None if self.recall_if_followed is None else round(self.recall_if_followed, 3),
            "mocks_done": self.mocks_done,
            "mocks_planned": self.mocks_planned,
            "minutes_done": self.minutes_done,
            "minutes_planned": self.minutes_planned,
        }


@dataclass(frozen=True)
class InterviewReadiness:
    interview: Interview
    rounds: tuple[RoundReadiness, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.interview.id,
            "company": self.interview.company,
            "date": self.interview.day.isoformat(),
            "rounds": [r.to_json() for r in self.rounds],
        }

    def advice(self) -> str:
        """What would raise readiness most: the round furthest from ready, and what it lacks."""
        weakest = min(self.rounds, key=lambda r: (r.recall_if_followed or 0) * 0.5 + r.coverage * 0.5)
        if weakest.coverage < 1:
            return f"Most to gain: {weakest.name}, {weakest.coverage:.0%} of its questions studied so far."
        if weakest.mocks_done < weakest.mocks_planned + weakest.mocks_done:
            return f"Most to gain: {weakest.name}, its timed mock."
        return f"Most to gain: {weakest.name}, keep its reviews."


def _belongs(task: Task, interview: Interview, slug: str) -> bool:
    return task.round == slug and task.interview_id in (None, interview.id)


def round_readiness(interview: Interview, round_: Round, tasks: list[Task], memory: dict[str, str]) -> RoundReadiness:
    held = interview.round_date(round_.slug)
    mine = [t for t in tasks if _belongs(t, interview, round_.slug) and t.due < held]
    bank = {q.id for q in round_.questions}
    done = {t.question_id for t in mine if t.status == "done" and t.kind != "mock"}
    studied = (bank & set(memory)) | (bank & done)
    recall = [recall_on(memory[q], held) for q in sorted(studied) if q in memory]
    # If the plan is followed: every planned task of a question is a review rated good on its day.
    cards = {q: memory.get(q) for q in bank}
    for task in sorted(mine, key=lambda t: (t.due, t.id)):
        if task.status == "planned" and task.question_id in bank and task.kind != "mock":
            cards[task.question_id] = reviewed(cards[task.question_id], "good", task.due)
    followed = [recall_on(card, held) for card in cards.values() if card]
    memory_round = round_.slug in MEMORY_ROUNDS
    return RoundReadiness(
        round_.slug,
        round_.name,
        len(studied) / len(bank) if bank else 1.0,
        mean(recall) if recall and memory_round else None,
        mean(followed) if followed and memory_round else None,
        sum(t.kind == "mock" and t.status == "done" for t in mine),
        sum(t.kind == "mock" and t.status == "planned" for t in mine),
        sum(t.minutes for t in mine if t.status == "done"),
        sum(t.minutes for t in mine if t.status == "planned"),
    )


def readiness_of(
    interviews: list[Interview], catalog: Catalog, tasks: list[Task], memory: dict[str, str], today: date
) -> list[InterviewReadiness]:
    """Each interview ahead, with each of its rounds still to come."""
    return [
        InterviewReadiness(
            i, tuple(round_readiness(i, r, tasks, memory) for r in catalog.rounds if i.round_date(r.slug) >= today)
        )
        for i in interviews
        if not is_held(i, today)
    ]


def readiness(store: Store, today: date) -> list[InterviewReadiness]:
    from planner.plan.questions import question_bank

    memory = {question_id: card for question_id, (card, _, _) in store.memory().items()}
    return readiness_of(store.interviews(), question_bank(store), store.tasks(), memory, today)

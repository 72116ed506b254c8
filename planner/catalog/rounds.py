"""The five rounds of the loop and their question banks, from the TOML files in planner/data/."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from planner.catalog.data import competency_names, read_toml
from planner.errors import UserError
from planner.text import shown

THEMES = ("success", "failure", "conflict", "challenge")
KINDS = ("drill", "mock", "review", "prep")
DIFFICULTIES = ("easy", "medium", "hard")
# Rounds whose items are graded and grouped, so a plan can mix topics and go from easy to hard.
GRADED_ROUNDS = ("ml-coding", "ml-concepts", "ml-system-design")
BEHAVIORAL = "behavioral"
OWN_PREFIX = "own-"  # the ids of the user's own questions: own-1, own-2, ...


class CatalogError(Exception):
    """The shipped data is malformed: a bug in the package, not a user mistake."""


@dataclass(frozen=True)
class Question:
    id: str
    round: str
    text: str
    minutes: int
    kind: str
    difficulty: str | None = None
    topic: str | None = None
    outline: str | None = None
    themes: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()  # for a behavioral prompt: what it probes (competencies.toml)
    company: str | None = None  # a question of the user's own for one company's interview only
    own: bool = False  # added by the user, not shipped

    @property
    def whose(self) -> str:
        """'yours', 'yours for Acme', or nothing for a shipped question."""
        return f"yours{' for ' + self.company if self.company else ''}" if self.own else ""


@dataclass(frozen=True)
class Round:
    slug: str
    name: str
    short: str  # for narrow columns
    minutes: int
    weight: int
    summary: str
    assesses: tuple[str, ...]
    tips: tuple[str, ...]
    questions: tuple[Question, ...]
    phases: tuple[str, ...] = ()  # the parts of a full-length mock, in order

    def question(self, question_id: str | None) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def own_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.own)


@dataclass(frozen=True)
class Catalog:
    rounds: tuple[Round, ...]

    def round(self, slug: str) -> Round:
        for round_ in self.rounds:
            if round_.slug == slug:
                return round_
        raise KeyError(slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(round_.slug for round_ in self.rounds)

    def with_own(self, questions: Iterable[Question]) -> Catalog:
        """The banks with the user's own questions joined to their rounds, after the shipped ones."""
        mine = list(questions)
        return Catalog(
            tuple(replace(r, questions=r.questions + tuple(q for q in mine if q.round == r.slug)) for r in self.rounds)
        )


def _read_toml(*parts: str) -> dict:
    try:
        return read_toml(*parts)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"cannot read {'/'.join(parts)}: {exc}") from exc


def _question(raw: dict, round_slug: str, where: str) -> Question:
    def need(ok: bool, what: str) -> None:
        if not ok:
            raise CatalogError(f"{where}: question {raw.get('id', '?')!r}: {what}")

    need(isinstance(raw.get("id"), str) and raw["id"].strip() != "", "needs an id")
    need(isinstance(raw.get("text"), str) and raw["text"].strip() != "", "needs text")
    need(isinstance(raw.get("minutes"), int) and raw["minutes"] > 0, "needs whole positive minutes")
    need(raw.get("kind") in KINDS, f"kind must be one of {', '.join(KINDS)}")
    if round_slug in GRADED_ROUNDS:
        need(raw.get("difficulty") in DIFFICULTIES, f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        need(isinstance(raw.get("topic"), str) and raw["topic"] != "", "needs a topic")
    if round_slug in GRADED_ROUNDS:
        need(isinstance(raw.get("outline"), str) and raw["outline"].strip() != "", "needs an answer outline")
    themes = tuple(raw.get("themes", ()))
    competencies = tuple(raw.get("competencies", ()))
    if round_slug == BEHAVIORAL:
        need(len(themes) > 0 and set(themes) <= set(THEMES), f"themes must be some of {', '.join(THEMES)}")
        unknown = set(competencies) - competency_names().keys()
        need(not unknown, f"unknown competencies {sorted(unknown)}")
    return Question(
        id=raw["id"],
        round=round_slug,
        text=raw["text"].strip(),
        minutes=raw["minutes"],
        kind=raw["kind"],
        difficulty=raw.get("difficulty"),
        topic=raw.get("topic"),
        outline=raw.get("outline"),
        themes=themes,
        competencies=competencies,
    )


@cache
def load_catalog() -> Catalog:
    rounds = []
    seen_ids: set[str] = set()
    for raw in _read_toml("rounds.toml")["rounds"]:
        slug = raw["slug"]
        bank_file = f"banks/{slug}.toml"
        questions = tuple(_question(item, slug, bank_file) for item in _read_toml("banks", f"{slug}.toml")["questions"])
        for question in questions:
            if question.id in seen_ids:
                raise CatalogError(f"{bank_file}: question id {question.id!r} is used twice")
            seen_ids.add(question.id)
        rounds.append(
            Round(
                slug=slug,
                name=raw["name"],
                short=raw["short"],
                minutes=raw["minutes"],
                weight=raw["weight"],
                summary=raw["summary"],
                assesses=tuple(raw["assesses"]),
                tips=tuple(raw["tips"]),
                questions=questions,
                phases=tuple(raw.get("phases", ())),
            )
        )
    return Catalog(rounds=tuple(rounds))


def find_round(text: str) -> Round:
    """The round named by its slug, or by a part of its slug or name that fits only one."""
    catalog = load_catalog()
    wanted = text.strip().lower()
    matches = [r for r in catalog.rounds if wanted == r.slug] or [
        r for r in catalog.rounds if wanted and (wanted in r.slug or wanted in r.name.lower())
    ]
    if len(matches) != 1:
        raise UserError(f"unknown round {shown(text)}; choose one of: {', '.join(catalog.slugs)}")
    return matches[0]


def answer_outline(round_slug: str, question_id: str | None) -> str:
    """What a strong answer covers: the question's outline, or else the round's tips."""
    round_ = load_catalog().round(round_slug)
    question = round_.question(question_id)
    if question and question.outline:
        return question.outline
    return "A strong answer:\n\n" + "\n".join(f"- {tip}" for tip in round_.tips)

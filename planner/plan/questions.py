"""The user's own questions (what a recruiter said to expect, what they were asked last time):
added to a round's bank, for every interview or one company's, and planned like the rest."""

from __future__ import annotations

from datetime import date
from statistics import median
from typing import TYPE_CHECKING

from planner.catalog.rounds import BEHAVIORAL, OWN_PREFIX, Catalog, Question, find_round, load_catalog
from planner.errors import UserError

if TYPE_CHECKING:
    from planner.db.store import Store

MAX_TEXT = 2_000
MAX_MINUTES = 240


def question_bank(store: Store) -> Catalog:
    """The shipped banks with the user's own questions joined to their rounds."""
    return load_catalog().with_own(store.own_questions())


def usual_minutes(round_slug: str) -> int:
    """What a question of the round usually takes, for one added without minutes."""
    return int(median(q.minutes for q in load_catalog().round(round_slug).questions))


def add_question(
    store: Store, round_name: str, text: str, minutes: int | None, company: str | None, today: date
) -> Question:
    """Add a question to a round's bank and lay the plan out again, in one transaction. A
    behavioral prompt is given the themes and competencies its words ask about, as the suggester
    reads them, so that the plan can name the story to tell for it."""
    from planner.plan.replan import replan
    from planner.stories.competencies import asked_in
    from planner.stories.suggest import prompt_themes

    round_ = find_round(round_name)
    text = " ".join(text.split())
    if not text:
        raise UserError("give the question's text, in quotes")
    if len(text) > MAX_TEXT:
        raise UserError(f"the question is {len(text):,} characters long; keep it under {MAX_TEXT:,}")
    minutes = usual_minutes(round_.slug) if minutes is None else minutes
    if not 1 <= minutes <= MAX_MINUTES:
        raise UserError(f"minutes must be from 1 to {MAX_MINUTES}")
    themes: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    if round_.slug == BEHAVIORAL:
        read = prompt_themes(text)
        themes = tuple(sorted(read, key=lambda theme: -read[theme]))
        competencies = asked_in(text)
    company = " ".join((company or "").split()) or None
    # Spelled as the interview is, when there is one: "acme" is Acme's.
    known = {i.company.casefold(): i.company for i in store.interviews()}
    company = known.get(company.casefold(), company) if company else None
    with store.transaction():
        question = store.add_own_question(round_.slug, text, minutes, company, themes, competencies)
        replan(store, today)
    return question


def own_number(question_id: str) -> int:
    """The number in an own question's id: 'own-3' or '3' gives 3."""
    number = question_id.strip().lower().removeprefix(OWN_PREFIX)
    if not number.isdigit() or int(number) < 1 or len(number) > 18:
        raise UserError(f"{question_id!r} is not one of your questions' ids, such as {OWN_PREFIX}1")
    return int(number)


def remove_question(store: Store, question_id: str, today: date) -> Question:
    """Take a question of the user's out of the bank; its planned work goes, work done stays."""
    from planner.plan.replan import replan

    number = own_number(question_id)
    with store.transaction():
        question = store.delete_own_question(number)
        replan(store, today)
    return question

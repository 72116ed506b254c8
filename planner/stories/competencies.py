"""The competencies behavioral prompts probe (ownership, dealing with ambiguity, ...): which ones a
prompt asks for, and which ones a story shows. The list and its cues are data, in
planner/data/competencies.toml; prompts worded past every cue are read by a learned model
(reader.py). Pure."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from planner.catalog.data import competency_names, read_toml
from planner.errors import UserError
from planner.stories.phrases import phrases_in
from planner.stories.reader import learned_in
from planner.text import did_you_mean, shown

# A story shows a competency when its text holds this many of the competency's cues (or its title
# or tags hold one): one passing word is not enough to say a story is about it.
CUES_TO_SHOW = 2
# A story of this theme shows this competency, whatever its words.
THEME_COMPETENCIES = {"failure": "failure-and-learning", "conflict": "conflict"}
MOTIVATION = "motivation"  # asked in most loops, answered with reasons: no story shows it


@dataclass(frozen=True)
class Competency:
    slug: str
    name: str
    asks: tuple[re.Pattern[str], ...]  # how a prompt asks for it
    unless: tuple[re.Pattern[str], ...]  # how a prompt asks about the other side ("someone mentored you")
    shows: tuple[re.Pattern[str], ...]  # how a story shows it


@cache
def competencies() -> tuple[Competency, ...]:
    return tuple(
        Competency(
            raw["slug"],
            raw["name"],
            tuple(re.compile(cue) for cue in raw["asks"]),
            tuple(re.compile(cue) for cue in raw.get("unless", ())),
            tuple(re.compile(cue) for cue in raw["shows"]),
        )
        for raw in read_toml("competencies.toml")["competencies"]
    )


def names() -> dict[str, str]:
    """Each competency's name, by slug (read without compiling the cues: the plan names the stories
    to write from the bank's labels alone)."""
    return competency_names()


def _lowered(text: str) -> str:
    return text.lower().replace("’", "'")


@lru_cache(maxsize=4096)  # the plan reads the question bank's prompts at every change
def asked_in(prompt: str) -> tuple[str, ...]:
    """The competencies a prompt asks for, in the list's order: those whose patterns or plain phrases
    it holds or that the learned reader finds in it, unless it asks about the other side of one ("a
    mentor who shaped you" is not about mentoring others)."""
    text = _lowered(prompt)
    read, turned = phrases_in(prompt, "asks") | learned_in(prompt), reversed_in(prompt)
    return tuple(
        c.slug
        for c in competencies()
        if (c.slug in read or any(cue.search(text) for cue in c.asks)) and c.slug not in turned
    )


@lru_cache(maxsize=4096)
def reversed_in(prompt: str) -> tuple[str, ...]:
    """The competencies a prompt asks about the other side of: "someone mentored you" is the
    reverse of mentoring."""
    text = _lowered(prompt)
    return tuple(c.slug for c in competencies() if any(cue.search(text) for cue in c.unless))


def shown_in(title: str, body: str, tags: Iterable[str] = (), themes: Iterable[str] = ()) -> tuple[str, ...]:
    """The competencies a story shows: those its text gives two cues of, or its title or tags one,
    those the learned reader finds in it, and those its themes make it ("failure" is failure and
    what you learned)."""
    heading = _lowered(" ".join([title, *tags]))
    text = _lowered(body)
    implied = {THEME_COMPETENCIES[theme] for theme in themes if theme in THEME_COMPETENCIES}
    # The reader learned from prompts, but a story tells the same ideas in the same words.
    implied |= learned_in(f"{title}. {body}") - {MOTIVATION}
    found = []
    for competency in competencies():
        in_text = sum(bool(cue.search(text)) for cue in competency.shows)
        if (
            competency.slug in implied
            or in_text >= CUES_TO_SHOW
            or any(cue.search(heading) for cue in competency.shows)
        ):
            found.append(competency.slug)
    return tuple(found)


def normalize_competencies(values: Iterable[object]) -> tuple[str, ...]:
    """Competency slugs as typed ("Ownership", "learning fast"), checked against the list."""
    known = names()
    by_name = {name.casefold(): slug for slug, name in known.items()}
    chosen: list[str] = []
    for value in values:
        typed = " ".join(str(value).split()).casefold()
        if not typed:
            continue
        slug = typed.replace(" ", "-") if typed.replace(" ", "-") in known else by_name.get(typed)
        if slug is None:
            hint = did_you_mean(typed.replace(" ", "-"), known)
            raise UserError(f"unknown competency {shown(value)}; {hint}`planner story competencies` lists them")
        if slug not in chosen:
            chosen.append(slug)
    return tuple(chosen)

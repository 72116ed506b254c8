"""Plain-phrase cues of what a behavioral prompt asks for: for each competency and each theme, the
many ways interviewers put it ("drop the ball", "the clock was against you"), kept as plain words in
planner/data/prompt_phrases.toml. A phrase is found when its words' stems stand together in the
prompt, so "fell short" needs no pattern for "fall short" but "deadline" meets "deadlines". Pure."""

from functools import cache

from planner.catalog.data import read_toml
from planner.db.stemming import word_stems


def _stems(text: str) -> tuple[str, ...]:
    return tuple(word_stems(text))


@cache
def _sections() -> dict[str, dict[str, list[str]]]:
    return read_toml("prompt_phrases.toml")


@cache
def _phrases(section: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each phrase of the section, as stems, with the keys (competencies or themes) it points to."""
    sections = _sections()
    _stems(" ".join(phrase for phrases in sections[section].values() for phrase in phrases))  # one go
    keys_by_phrase: dict[tuple[str, ...], list[str]] = {}
    for key, phrases in sections[section].items():
        for phrase in phrases:
            keys = keys_by_phrase.setdefault(_stems(phrase), [])
            if key not in keys:
                keys.append(key)
    return {phrase: tuple(keys) for phrase, keys in keys_by_phrase.items()}


def phrases_in(text: str, section: str) -> set[str]:
    """The keys of the section ("asks": competencies, "themes": themes) whose phrases text holds."""
    cues = _phrases(section)
    longest = max(map(len, cues), default=0)
    stems = _stems(text)
    found: set[str] = set()
    for start in range(len(stems)):
        for end in range(start + 1, min(start + longest, len(stems)) + 1):
            found.update(cues.get(stems[start:end], ()))
    return found

"""Learned readings of a behavioral prompt, for the wordings no cue list foresees: the competencies
it asks about ("Describe an 'oops' moment at work" asks about a mistake), and which of the common
behavioral questions it is a wording of ("When did you last tell your lead 'I don't think that's
right'?" is "Tell me about a time you disagreed with your manager"). Each is a logistic regression
per label over the prompt's word stems and pairs of neighbouring stems, trained on thousands of
labeled example prompts (benchmarks/train_readers.py writes the weights to planner/data/). Pure."""

import json
import math
from functools import cache, lru_cache
from typing import Any

from planner.catalog.data import FOLDER
from planner.db.stemming import word_stems

# A label is read when the model gives it at least this probability.
THRESHOLD = 0.5


def features(prompt: str) -> set[str]:
    """What the model sees of a prompt: its stems, and each pair of neighbouring stems."""
    stems = word_stems(prompt)
    return set(stems) | {f"{first} {second}" for first, second in zip(stems, stems[1:], strict=False)}


@cache
def _shipped(name: str) -> Any:
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


@cache
def common_stems() -> frozenset[str]:
    """The stems many of the example prompts use ("team", "time", "decision"): they name no topic
    of a prompt's own, unlike "vendor" or "layoff"."""
    return frozenset(_shipped("common_prompt_stems.json"))


def chances(seen: set[str], bias: dict[str, float], weights: dict[str, dict[str, float]]) -> dict[str, float]:
    """How likely a prompt with these features is to ask about each competency, by a model. The
    features' weights are summed over the square root of their number, so a long prompt's many
    words do not outvote a short one's few."""
    scale = 1 / math.sqrt(len(seen) or 1)
    scores = dict(bias)
    for feature in seen:
        for slug, weight in weights.get(feature, {}).items():
            scores[slug] += weight * scale
    return {slug: 1 / (1 + math.exp(-score)) for slug, score in scores.items()}


def probabilities(prompt: str, model: str = "competency_reader.json") -> dict[str, float]:
    """How likely the prompt is to carry each label of a shipped model: by default, to ask about
    each competency."""
    shipped = _shipped(model)
    return chances(features(prompt), shipped["bias"], shipped["weights"])


def learned_in(prompt: str) -> set[str]:
    """The competencies the learned model reads in the prompt."""
    return {slug for slug, chance in probabilities(prompt).items() if chance >= THRESHOLD}


@lru_cache(maxsize=4096)  # a prompt is set against every pick, and the grid against them all
def common_question(prompt: str) -> str | None:
    """The common behavioral question the prompt most likely words, if any is likely enough."""
    chance, slug = max((chance, slug) for slug, chance in probabilities(prompt, "question_reader.json").items())
    return slug if chance >= THRESHOLD else None

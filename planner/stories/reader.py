"""A learned reading of the competencies a behavioral prompt asks about, for the wordings no cue
list foresees ("Describe an 'oops' moment at work" asks about a mistake). For each competency, a
logistic regression over the prompt's word stems and pairs of neighbouring stems, trained on
several thousand labeled example prompts (benchmarks/train_competency_reader.py writes its weights
to planner/data/competency_reader.json). Pure."""

import json
import math
import re
from functools import cache
from typing import Any

from planner.catalog.data import FOLDER
from planner.db.stemming import stems_of

# A competency is read when the model gives it at least this probability.
THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9]+")


def features(prompt: str) -> set[str]:
    """What the model sees of a prompt: its stems, and each pair of neighbouring stems."""
    stems = stems_of(_WORD.findall(prompt.lower().replace("’", "'")))
    return set(stems) | {f"{first} {second}" for first, second in zip(stems, stems[1:], strict=False)}


@cache
def _shipped() -> dict[str, Any]:
    return json.loads((FOLDER / "competency_reader.json").read_text(encoding="utf-8"))


@cache
def common_stems() -> frozenset[str]:
    """The stems many of the example prompts use ("team", "time", "decision"): they name no topic
    of a prompt's own, unlike "vendor" or "layoff"."""
    return frozenset(json.loads((FOLDER / "common_prompt_stems.json").read_text(encoding="utf-8")))


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


def probabilities(prompt: str) -> dict[str, float]:
    """How likely the prompt is to ask about each competency, by the shipped model."""
    shipped = _shipped()
    return chances(features(prompt), shipped["bias"], shipped["weights"])


def learned_in(prompt: str) -> set[str]:
    """The competencies the learned model reads in the prompt."""
    return {slug for slug, chance in probabilities(prompt).items() if chance >= THRESHOLD}

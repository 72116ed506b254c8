"""Scoring the suggester on a labeled set: stories, prompts, and for each prompt the stories that
answer it best (none: no story answers it). Used by tests/test_suggest.py and benchmarks/suggest_eval.py."""

import json
from pathlib import Path
from typing import Any

from planner.stories.story import STORY_FIELDS, Story, check_fields
from planner.stories.suggest import suggest


def load(
    path: Path, *, labeled_competencies: bool = True
) -> tuple[tuple[Story, ...], list[dict[str, Any]], dict[str, int]]:
    """The set's stories as importing them would store them (competencies read from the text where
    the set gives none, or always when labeled_competencies is false), its prompts, and each
    story's id by its key in the set."""
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = {}
    stories = []
    for number, raw in enumerate(data["stories"], start=1):
        ids[raw["key"]] = number
        fields = {name: raw[name] for name in STORY_FIELDS if name in raw}
        if not labeled_competencies:
            fields.pop("competencies", None)
        stories.append(Story(id=number, **check_fields(fields)))
    return tuple(stories), data.get("prompts", []), ids


def evaluate_picks(path: Path) -> dict[str, float]:
    """A set of direct prompts, each with the story the user picked for it and paraphrases of it,
    and near misses (prompts like one of them that ask something else). With every pick recorded:
    how often a paraphrase gets its prompt's pick first, and how often a near miss is wrongly
    given the pick of the prompt it resembles."""
    stories, _, ids = load(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    picks = [(item["prompt"], ids[item["pick"]]) for item in data["direct"]]
    right = total = 0
    for item in data["direct"]:
        for paraphrase in item["paraphrases"]:
            total += 1
            right += suggest(paraphrase, stories, picks=picks, limit=1)[0].story.id == ids[item["pick"]]
    wrongly_picked = sum(
        suggest(miss["prompt"], stories, picks=picks, limit=1)[0].picked_for == miss["not_the_same_as"]
        for miss in data["near_misses"]
    )
    return {
        "paraphrases": total,
        "pick_first": right / total,
        "near_misses": len(data["near_misses"]),
        "near_miss_given_pick": wrongly_picked / len(data["near_misses"]),
    }


def evaluate(path: Path, *, labeled_competencies: bool = True) -> dict[str, float]:
    stories, prompts, ids = load(path, labeled_competencies=labeled_competencies)
    hits1 = hits3 = reciprocal = answerable = 0
    none_said = none_prompts = false_alarms = 0
    for item in prompts:
        ranked = suggest(item["prompt"], stories)
        if not item["best"]:
            none_prompts += 1
            none_said += ranked[0].weak
            continue
        answerable += 1
        best = {ids[key] for key in item["best"]}
        order = [s.story.id for s in ranked]
        rank = min(order.index(story_id) for story_id in best) + 1
        hits1 += rank == 1
        hits3 += rank <= 3
        reciprocal += 1 / rank
        false_alarms += ranked[0].weak
    return {
        "stories": len(stories),
        "prompts": len(prompts),
        "hit@1": hits1 / answerable,
        "hit@3": hits3 / answerable,
        "mrr": reciprocal / answerable,
        "nothing_fits_caught": none_said / none_prompts if none_prompts else float("nan"),
        "nothing_fits_false_alarms": false_alarms / answerable,
    }

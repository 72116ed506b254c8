"""Scoring the suggester on a labeled set: stories, prompts, and for each prompt the stories that
answer it best (none: no story answers it). Used by tests/test_suggest.py and benchmarks/suggest_eval.py."""

import json
from pathlib import Path
from typing import Any

from planner.stories.story import Story
from planner.stories.suggest import suggest


def load(path: Path) -> tuple[tuple[Story, ...], list[dict[str, Any]], dict[str, int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = {}
    stories = []
    for number, raw in enumerate(data["stories"], start=1):
        ids[raw["key"]] = number
        stories.append(
            Story(
                id=number,
                **{
                    k: raw.get(k) for k in ("title", "situation", "task", "action", "result", "company", "role", "year")
                },
                themes=tuple(raw["themes"]),
                tags=tuple(raw.get("tags", ())),
            )
        )
    return tuple(stories), data["prompts"], ids


def evaluate(path: Path) -> dict[str, float]:
    stories, prompts, ids = load(path)
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

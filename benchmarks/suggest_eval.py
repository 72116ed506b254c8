"""How well `planner suggest` picks the story to tell, and how fast it ranks a large bank.

    python benchmarks/suggest_eval.py [EVAL.json ...]

For each labeled evaluation set: hit@1 (the top suggestion is a best answer), hit@3, MRR over the
prompts that have an answer, and how often "nothing fits" is said for prompts that have none
(and wrongly, for prompts that have one). Then the time to rank 10,000 stories.
"""

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # an installed planner comes first

from planner.stories.story import Story  # noqa: E402
from planner.stories.suggest import _index, suggest  # noqa: E402

EVAL_SETS = [
    ROOT / "tests" / "data" / "suggest_eval.json",
    ROOT / "benchmarks" / "data" / "suggest_second_set.json",
    ROOT / "benchmarks" / "data" / "suggest_holdout.json",
]


def load(path: Path) -> tuple[tuple[Story, ...], list[dict], dict[str, int]]:
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


def large_bank(stories: tuple[Story, ...], size: int) -> tuple[Story, ...]:
    """A bank of `size` stories, each stitched from parts of the evaluation stories."""
    rng = random.Random(7)
    made = []
    for number in range(1, size + 1):
        parts = [rng.choice(stories) for _ in range(4)]
        made.append(
            Story(
                id=number,
                title=rng.choice(stories).title,
                situation=parts[0].situation,
                task=parts[1].task,
                action=parts[2].action,
                result=parts[3].result,
                themes=parts[0].themes,
                tags=parts[2].tags,
            )
        )
    return tuple(made)


def main(paths: list[Path]) -> None:
    for path in paths:
        figures = evaluate(path)
        print(f"{path.relative_to(ROOT)}: {figures['stories']} stories, {figures['prompts']} prompts")
        for name in ("hit@1", "hit@3", "mrr", "nothing_fits_caught", "nothing_fits_false_alarms"):
            print(f"  {name:<26} {figures[name]:.3f}")

    stories, prompts, _ = load(paths[0])
    bank = large_bank(stories, 10_000)
    start = time.perf_counter()
    _index(bank)
    indexing = time.perf_counter() - start
    timings = []
    for item in prompts:
        start = time.perf_counter()
        suggest(item["prompt"], bank, limit=3)
        timings.append(time.perf_counter() - start)
    print(
        f"10,000 stories: index built once in {indexing * 1000:.0f} ms; "
        f"ranking one prompt: median {statistics.median(timings) * 1000:.1f} ms, "
        f"worst {max(timings) * 1000:.1f} ms over {len(timings)} prompts"
    )


if __name__ == "__main__":
    main([Path(p).resolve() for p in sys.argv[1:]] or [p for p in EVAL_SETS if p.exists()])

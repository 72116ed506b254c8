"""How well `planner suggest` picks the story to tell, and how fast it ranks a large bank.

    python benchmarks/suggest_eval.py [EVAL.json ...]

For each labeled evaluation set: hit@1 (the top suggestion is a best answer), hit@3, MRR over the
prompts that have an answer, and how often "nothing fits" is said for prompts that have none
(and wrongly, for prompts that have one). For each set of picks: how often a paraphrase of a prompt
gets the story picked for that prompt first. Then the time to rank 10,000 stories.
"""

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # an installed planner comes first

from planner.stories.competencies import asked_in  # noqa: E402
from planner.stories.story import Story  # noqa: E402
from planner.stories.suggest import index_of, suggest  # noqa: E402
from tests.suggest_evaluation import evaluate, evaluate_picks, load  # noqa: E402

EVAL_SETS = [
    ROOT / "tests" / "data" / "suggest_eval.json",
    ROOT / "benchmarks" / "data" / "suggest_second_set.json",
    ROOT / "benchmarks" / "data" / "suggest_holdout.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_2.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_3.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_4.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_5.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_6.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_7.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_8.json",
    ROOT / "benchmarks" / "data" / "suggest_blind_9.json",
]
# The newest blind set is measured, never tuned on.
TUNING_SETS = EVAL_SETS[:-1]
PICK_SETS = [
    ROOT / "benchmarks" / "data" / "picks_paraphrases.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_2.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_3.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_4.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_5.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_6.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_7.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_8.json",
    ROOT / "benchmarks" / "data" / "picks_paraphrases_9.json",
]


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


def competency_reading(path: Path) -> tuple[float, float]:
    """How well the competencies read from each prompt match those the set labels it with."""
    right = read = labeled = 0
    for item in json.loads(path.read_text(encoding="utf-8"))["prompts"]:
        found, wanted = set(asked_in(item["prompt"])), set(item.get("competencies", []))
        right, read, labeled = right + len(found & wanted), read + len(found), labeled + len(wanted)
    return right / (read or 1), right / (labeled or 1)


def main(given: list[Path] | None) -> None:
    paths = given or [p for p in EVAL_SETS if p.exists()]
    for path in paths:
        figures = evaluate(path)
        print(f"{path.relative_to(ROOT)}: {figures['stories']} stories, {figures['prompts']} prompts")
        for name in ("hit@1", "hit@3", "mrr", "nothing_fits_caught", "nothing_fits_false_alarms"):
            print(f"  {name:<26} {figures[name]:.3f}")
        if '"competencies"' in path.read_text(encoding="utf-8"):
            read = evaluate(path, labeled_competencies=False)
            print(
                f"  with competencies read from the text, not the set's: hit@1 {read['hit@1']:.3f}, "
                f"hit@3 {read['hit@3']:.3f}"
            )
            precision, recall = competency_reading(path)
            print(f"  competencies read from the prompts: precision {precision:.2f}, recall {recall:.2f}")
    for path in PICK_SETS if given is None else ():
        figures = evaluate_picks(path)
        print(
            f"{path.relative_to(ROOT)}: a paraphrase gets its prompt's pick first {figures['pick_first']:.3f} "
            f"of {figures['paraphrases']}; a near miss is given the pick it resembles "
            f"{figures['near_miss_given_pick']:.3f} of {figures['near_misses']}"
        )

    stories, prompts, _ = load(paths[0])
    bank = large_bank(stories, 10_000)
    start = time.perf_counter()
    index_of(bank)
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
    main([Path(p).resolve() for p in sys.argv[1:]] or None)

"""The grid search behind the weights in planner/suggest.py.

    python benchmarks/suggest_tune.py [EVAL.json ...]

Prints hit@1 on each labeled set for each theme weight and weight of close and of related words,
then, at the chosen weights, how the "nothing fits" threshold trades prompts caught against false
alarms on each set. Weights are chosen for the mean over the sets, not for any one of them.
"""

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # an installed planner comes first

import planner.stories.suggest as suggest  # noqa: E402
from benchmarks.suggest_eval import TUNING_SETS, evaluate  # noqa: E402


def main(paths: list[Path]) -> None:
    chosen = (suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT, suggest.WEAK_FIT)
    print("theme  synonym  related  hit@1 per set          mean")
    for theme, synonym, related in itertools.product([0.5, 0.75, 1.0, 1.5], [0.7, 1.0], [0.2, 0.3, 0.5]):
        suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT = theme, synonym, related
        suggest._synonyms.cache_clear()
        hits = [evaluate(path)["hit@1"] for path in paths]
        print(
            f"{theme:5.2f}  {synonym:7.2f}  {related:7.2f}  {'  '.join(f'{h:.3f}' for h in hits)}"
            f"  {sum(hits) / len(hits):.3f}"
        )
    suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT = chosen[:3]
    suggest._synonyms.cache_clear()
    print("\nweak fit  caught / false alarms per set")
    for weak in (0.03, 0.05, 0.08, 0.1, 0.12, 0.15):
        suggest.WEAK_FIT = weak
        figures = [evaluate(path) for path in paths]
        cells = "  ".join(f"{f['nothing_fits_caught']:.2f}/{f['nothing_fits_false_alarms']:.3f}" for f in figures)
        print(f"{weak:8.2f}  {cells}")
    suggest.WEAK_FIT = chosen[3]


if __name__ == "__main__":
    main([Path(p).resolve() for p in sys.argv[1:]] or [p for p in TUNING_SETS if p.exists()])

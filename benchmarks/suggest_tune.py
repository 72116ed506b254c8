"""The grid search behind the weights in planner/suggest.py.

    python benchmarks/suggest_tune.py [EVAL.json]

Prints hit@1 and MRR for each theme weight and weight of close and of related words, then, at the chosen weights, how the
"nothing fits" threshold trades prompts caught against false alarms.
"""

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # an installed planner comes first

import planner.suggest as suggest  # noqa: E402
from benchmarks.suggest_eval import EVAL_SETS, evaluate  # noqa: E402


def main(path: Path) -> None:
    chosen = (suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT, suggest.WEAK_FIT)
    print("theme  synonym  related  hit@1  mrr")
    for theme, synonym, related in itertools.product([0.25, 0.5, 1.0], [0.5, 0.7, 1.0], [0.3, 0.6, 1.0]):
        suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT = theme, synonym, related
        suggest._synonyms.cache_clear()
        figures = evaluate(path)
        print(f"{theme:5.2f}  {synonym:7.2f}  {related:7.2f}  {figures['hit@1']:.3f}  {figures['mrr']:.3f}")
    suggest.THEME_WEIGHT, suggest.SYNONYM_WEIGHT, suggest.RELATED_WEIGHT = chosen[:3]
    suggest._synonyms.cache_clear()
    print("\nweak fit  caught  false alarms")
    for weak in (0.05, 0.08, 0.1, 0.12, 0.15, 0.2):
        suggest.WEAK_FIT = weak
        figures = evaluate(path)
        print(f"{weak:8.2f}  {figures['nothing_fits_caught']:.3f}  {figures['nothing_fits_false_alarms']:.3f}")
    suggest.WEAK_FIT = chosen[3]


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else EVAL_SETS[0])

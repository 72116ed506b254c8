"""What each part of the suggester is worth: hit@1 and hit@3 on every labeled set, and how often a
paraphrase gets its prompt's pick first, with the whole method and with one part taken out.

    python benchmarks/suggest_ablation.py

The parts: the phrase cues of planner/data/prompt_phrases.toml (competencies and themes read from
everyday wording), the learned competency reader (planner/stories/reader.py), the learned reader
of common questions (which carries picks to other wordings of a question), the competency
signal as a whole, the theme signal, the map of same-idea words, and the topic words that tell a
prompt no story touches; "words alone" takes out all but the last and leaves BM25 over stemmed
words and common phrases. Under each line: prompts with no answer caught as such, and prompts with
one wrongly called weak, per set.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # an installed planner comes first

import planner.stories.competencies as competencies  # noqa: E402
import planner.stories.phrases as phrases  # noqa: E402
import planner.stories.suggest as suggest  # noqa: E402
from benchmarks.suggest_eval import EVAL_SETS, PICK_SETS  # noqa: E402
from tests.suggest_evaluation import evaluate, evaluate_picks  # noqa: E402


def _clear_caches() -> None:
    for cached in (phrases._phrases, competencies.asked_in, suggest._themes_in, suggest._synonyms):
        cached.cache_clear()


class _EveryStem(frozenset[str]):
    """Every stem counts as common: no prompt has a topic word."""

    def __contains__(self, stem: object) -> bool:
        return True


@contextmanager
def without(*parts: str) -> Iterator[None]:
    """The suggester with the named parts taken out, put back afterwards."""
    saved = (phrases._sections, suggest.COMPETENCY_WEIGHT, suggest.THEME_WEIGHT, suggest.SYNONYM_GROUPS)
    saved_readers = (competencies.learned_in, suggest.common_stems, suggest.common_question)
    if "reader" in parts:
        competencies.learned_in = lambda prompt: set()
    if "questions" in parts:
        suggest.common_question = lambda prompt: None  # type: ignore[assignment]
    if "topics" in parts:
        suggest.common_stems = _EveryStem  # type: ignore[assignment]
    if "phrases" in parts:
        phrases._sections = lambda: {"asks": {}, "themes": {}}  # type: ignore[assignment]
    if "competencies" in parts:
        suggest.COMPETENCY_WEIGHT = 0.0
    if "themes" in parts:
        suggest.THEME_WEIGHT = 0.0
    if "synonyms" in parts:
        suggest.SYNONYM_GROUPS = []
    _clear_caches()
    try:
        yield
    finally:
        phrases._sections, suggest.COMPETENCY_WEIGHT, suggest.THEME_WEIGHT, suggest.SYNONYM_GROUPS = saved
        competencies.learned_in, suggest.common_stems, suggest.common_question = saved_readers
        _clear_caches()


VARIANTS = {
    "the whole method": (),
    "without the phrase cues": ("phrases",),
    "without the learned reader": ("reader",),
    "without the question reader": ("questions",),
    "without competencies": ("competencies",),
    "without themes": ("themes",),
    "without same-idea words": ("synonyms",),
    "without topic words": ("topics",),
    "words alone": ("phrases", "reader", "questions", "competencies", "themes", "synonyms"),
}


def main() -> None:
    names = [path.stem.removeprefix("suggest_") for path in EVAL_SETS]
    print(f"{'':26}" + "".join(f"{name:>15}" for name in names) + "   picks first, per set")
    for label, parts in VARIANTS.items():
        with without(*parts):
            figures = [evaluate(path) for path in EVAL_SETS]
            picks = [evaluate_picks(path)["pick_first"] for path in PICK_SETS]
        cells = "".join(f"{f['hit@1']:>9.2f}/{f['hit@3']:.2f}" for f in figures)
        print(f"{label:26}{cells}   {' '.join(f'{p:.2f}' for p in picks)}")
        weak = "".join(f"{f['nothing_fits_caught']:>9.2f}/{f['nothing_fits_false_alarms']:.2f}" for f in figures)
        print(f"{'  nothing fits':26}{weak}")


if __name__ == "__main__":
    main()

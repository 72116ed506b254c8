"""Trains the learned readers of planner/stories/reader.py on labeled example prompts and writes
their weights to planner/data/:

- competency_reader.json, from benchmarks/data/competency_prompts/: which competencies a prompt
  asks about (each example labeled with a list of them);
- question_reader.json, from benchmarks/data/question_prompts/: which of the common behavioral
  questions (questions.toml there) a prompt is a wording of (each example labeled with one, or
  none);
- common_prompt_stems.json: the stems common in the competency examples (the suggester takes the
  others to name a prompt's topic).

One logistic regression per label (is the prompt one of it or not), over the prompt's stems and
stem pairs, fitted by gradient descent with an L2 penalty; rare features are dropped and small
weights pruned so the files stay small. Deterministic: the same examples give the same files.

    python benchmarks/train_readers.py            # train and write the weights
    python benchmarks/train_readers.py --check    # held-out precision and recall only
"""

import hashlib
import json
import math
import random
import sys
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.catalog.data import FOLDER, competency_names  # noqa: E402
from planner.stories.reader import THRESHOLD, chances, features  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
COMMON_STEMS = FOLDER / "common_prompt_stems.json"
EPOCHS = 40
LEARNING_RATE = 2.0
L2 = 1e-3
MIN_COUNT = 2  # a feature seen in fewer examples than this is not learned
COMMON = 8  # a stem in more examples than this is common in prompts: it names no topic of its own
PRUNE = 1.0  # weights smaller than this are left out of the file: they change next to no reading

Example = tuple[set[str], set[str]]  # a prompt's features, and its labels
Model = tuple[dict[str, float], dict[str, dict[str, float]]]  # each label's bias; each feature's weights


def _competencies(item: dict) -> set[str]:
    return set(item["competencies"])


def _question(item: dict) -> set[str]:
    return {item["question"]} if item["question"] else set()


def _question_slugs() -> set[str]:
    return {
        raw["slug"] for raw in tomllib.loads((DATA / "question_prompts" / "questions.toml").read_text())["questions"]
    }


# Each reader: its examples' folder, how an example names its labels, the labels it may name, and
# the file its weights go to.
READERS: dict[str, tuple[Path, Callable[[dict], set[str]], Callable[[], set[str]], Path]] = {
    "competencies": (
        DATA / "competency_prompts",
        _competencies,
        lambda: set(competency_names()),
        FOLDER / "competency_reader.json",
    ),
    "questions": (DATA / "question_prompts", _question, _question_slugs, FOLDER / "question_reader.json"),
}


def trained_on(folder: Path) -> str:
    """Names the examples and the settings a model is trained with: the shipped file records it, so
    a test can tell when the examples changed and the weights were not trained again."""
    digest = hashlib.sha256(repr((EPOCHS, LEARNING_RATE, L2, MIN_COUNT, COMMON, PRUNE)).encode())
    for path in sorted(folder.glob("*.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def examples(reader: str) -> list[Example]:
    """Each example prompt of the reader's folder: its features and the labels it is given."""
    folder, labels_of, known, _ = READERS[reader]
    allowed = known()
    found = []
    for path in sorted(folder.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            labels = labels_of(item)
            if labels - allowed:
                raise SystemExit(f"{path.name}: unknown label in {item}")
            found.append((features(item["prompt"]), labels))
    return found


def train(data: list[Example], slugs: list[str]) -> Model:
    """One logistic regression per label, fitted by stochastic gradient descent with a falling
    step: each label's bias and, for the features that matter, their weights."""
    counts = Counter(feature for seen, _ in data for feature in seen)
    vocabulary = sorted(feature for feature, count in counts.items() if count >= MIN_COUNT)
    column = {feature: number for number, feature in enumerate(vocabulary)}
    rows = [([column[f] for f in seen if f in column], labels) for seen, labels in data]
    weights = {slug: [0.0] * len(vocabulary) for slug in slugs}
    bias = dict.fromkeys(slugs, 0.0)
    # Each label is given to few of the examples: its yes and no examples weigh the same in all,
    # or the model would learn that the answer is nearly always no.
    share = {slug: max(sum(slug in labels for _, labels in rows), 1) / len(rows) for slug in slugs}
    order = list(range(len(rows)))
    rng = random.Random(0)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = LEARNING_RATE / (1 + epoch / 10)
        for number in order:
            columns, labels = rows[number]
            scale = 1 / math.sqrt(len(columns) or 1)  # every prompt weighs the same, long or short
            for slug in slugs:
                w = weights[slug]
                score = bias[slug] + sum(w[c] for c in columns) * scale
                chance = 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))
                given = slug in labels
                error = (given - chance) / (2 * (share[slug] if given else 1 - share[slug]))
                bias[slug] += rate * error
                for c in columns:
                    w[c] += rate * (error * scale - L2 * w[c])
    sparse: dict[str, dict[str, float]] = {}
    for slug in slugs:
        for feature, weight in zip(vocabulary, weights[slug], strict=True):
            if abs(weight) >= PRUNE:
                sparse.setdefault(feature, {})[slug] = round(weight, 2)
    return {slug: round(value, 3) for slug, value in bias.items()}, dict(sorted(sparse.items()))


def held_out(data: list[Example], slugs: list[str], folds: int = 5) -> tuple[float, float]:
    """Precision and recall of a reader on each fifth of the examples, trained on the rest."""
    right = read = labeled = 0
    for fold in range(folds):
        bias, weights = train([item for number, item in enumerate(data) if number % folds != fold], slugs)
        for seen, labels in data[fold::folds]:
            found = {slug for slug, chance in chances(seen, bias, weights).items() if chance >= THRESHOLD}
            right, read, labeled = right + len(found & labels), read + len(found), labeled + len(labels)
    return right / (read or 1), right / (labeled or 1)


def main() -> None:
    for reader, (folder, _, known, weights_file) in READERS.items():
        data, slugs = examples(reader), sorted(known())
        if "--check" in sys.argv:
            precision, recall = held_out(data, slugs)
            print(f"{reader}: {len(data)} examples; held out: precision {precision:.2f}, recall {recall:.2f}")
            continue
        bias, weights = train(data, slugs)
        model = {"trained_on": trained_on(folder), "bias": bias, "weights": weights}
        weights_file.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{reader}: {len(data)} examples; written to {weights_file.relative_to(ROOT)}")
    if "--check" not in sys.argv:
        # Kept apart from the weights: re-planning needs these alone, and loads them in a millisecond.
        stems = Counter(feature for seen, _ in examples("competencies") for feature in seen if " " not in feature)
        common = sorted(stem for stem, count in stems.items() if count > COMMON)
        COMMON_STEMS.write_text(json.dumps(common) + "\n", encoding="utf-8")
        print(f"common stems written to {COMMON_STEMS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

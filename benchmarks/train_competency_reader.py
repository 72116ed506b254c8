"""Trains the learned competency reader (planner/stories/reader.py) on the labeled example prompts
in benchmarks/data/competency_prompts/ and writes its weights to planner/data/competency_reader.json,
and the stems common in interview prompts to planner/data/common_prompt_stems.json (the suggester
takes the others to name a prompt's topic).

One logistic regression per competency (does the prompt ask about it or not), over the prompt's
stems and stem pairs, fitted by gradient descent with an L2 penalty; rare features are dropped and
tiny weights pruned so the file stays small. Deterministic: the same examples give the same file.

    python benchmarks/train_competency_reader.py            # train and write the weights
    python benchmarks/train_competency_reader.py --check    # held-out precision and recall only
"""

import hashlib
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.catalog.data import competency_names  # noqa: E402
from planner.stories.reader import THRESHOLD, chances, features  # noqa: E402

EXAMPLES = ROOT / "benchmarks" / "data" / "competency_prompts"
WEIGHTS = ROOT / "planner" / "data" / "competency_reader.json"
COMMON_STEMS = ROOT / "planner" / "data" / "common_prompt_stems.json"
EPOCHS = 40
LEARNING_RATE = 2.0
L2 = 1e-3
MIN_COUNT = 2  # a feature seen in fewer examples than this is not learned
COMMON = 8  # a stem in more examples than this is common in prompts: it names no topic of its own
PRUNE = 1.0  # weights smaller than this are left out of the file: they change next to no reading


def trained_on() -> str:
    """Names the examples and the settings a model is trained with: the shipped file records it, so
    a test can tell when the examples changed and the weights were not trained again."""
    digest = hashlib.sha256(repr((EPOCHS, LEARNING_RATE, L2, MIN_COUNT, COMMON, PRUNE)).encode())
    for path in sorted(EXAMPLES.glob("*.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def examples() -> list[tuple[set[str], set[str]]]:
    """Each example prompt's features and the competencies it is labeled with."""
    known = set(competency_names())
    found = []
    for path in sorted(EXAMPLES.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            labels = set(item["competencies"])
            if labels - known:
                raise SystemExit(f"{path.name}: unknown competency in {item}")
            found.append((features(item["prompt"]), labels))
    return found


Model = tuple[dict[str, float], dict[str, dict[str, float]]]  # each competency's bias; each feature's weights


def train(data: list[tuple[set[str], set[str]]]) -> Model:
    """One logistic regression per competency, fitted by stochastic gradient descent with a falling
    step: each competency's bias and, for the features that matter, their weights."""
    slugs = sorted(competency_names())
    counts = Counter(feature for seen, _ in data for feature in seen)
    vocabulary = sorted(feature for feature, count in counts.items() if count >= MIN_COUNT)
    column = {feature: number for number, feature in enumerate(vocabulary)}
    rows = [([column[f] for f in seen if f in column], labels) for seen, labels in data]
    weights = {slug: [0.0] * len(vocabulary) for slug in slugs}
    bias = dict.fromkeys(slugs, 0.0)
    # Each competency is asked by few of the examples: its yes and no examples weigh the same in
    # all, or the model would learn that the answer is nearly always no.
    share = {slug: sum(slug in labels for _, labels in rows) / len(rows) for slug in slugs}
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
                asked = slug in labels
                error = (asked - chance) / (2 * (share[slug] if asked else 1 - share[slug]))
                bias[slug] += rate * error
                for c in columns:
                    w[c] += rate * (error * scale - L2 * w[c])
    sparse: dict[str, dict[str, float]] = {}
    for slug in slugs:
        for feature, weight in zip(vocabulary, weights[slug], strict=True):
            if abs(weight) >= PRUNE:
                sparse.setdefault(feature, {})[slug] = round(weight, 2)
    return {slug: round(value, 3) for slug, value in bias.items()}, dict(sorted(sparse.items()))


def held_out(data: list[tuple[set[str], set[str]]], folds: int = 5) -> tuple[float, float]:
    """Precision and recall of the reader on each fifth of the examples, trained on the rest."""
    right = read = labeled = 0
    for fold in range(folds):
        bias, weights = train([item for number, item in enumerate(data) if number % folds != fold])
        for seen, labels in data[fold::folds]:
            found = {slug for slug, chance in chances(seen, bias, weights).items() if chance >= THRESHOLD}
            right, read, labeled = right + len(found & labels), read + len(found), labeled + len(labels)
    return right / (read or 1), right / (labeled or 1)


def main() -> None:
    data = examples()
    if "--check" in sys.argv:
        precision, recall = held_out(data)
        print(f"{len(data)} examples; held out: precision {precision:.2f}, recall {recall:.2f}")
        return
    bias, weights = train(data)
    model = {"trained_on": trained_on(), "bias": bias, "weights": weights}
    WEIGHTS.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    # Kept apart from the weights: re-planning needs these alone, and loads them in a millisecond.
    stems = Counter(feature for seen, _ in data for feature in seen if " " not in feature)
    common = sorted(stem for stem, count in stems.items() if count > COMMON)
    COMMON_STEMS.write_text(json.dumps(common) + "\n", encoding="utf-8")
    print(f"{len(data)} examples; written to {WEIGHTS.relative_to(ROOT)} and {COMMON_STEMS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from planner.catalog.data import read_toml
from planner.catalog.rounds import DIFFICULTIES, THEMES, load_catalog
from tests.conftest import LOOP

REPO = Path(__file__).resolve().parent.parent

# The smallest bank each round must ship: enough to fill weeks of study.
MINIMUM_BANK = {
    "recruiter-screen": 12,
    "ml-coding": 35,
    "ml-concepts": 60,
    "ml-system-design": 20,
    "behavioral": 50,
}


def test_the_loop_has_five_rounds_in_order_with_their_lengths():
    rounds = load_catalog().rounds
    assert [(r.slug, r.minutes) for r in rounds] == LOOP
    for round_ in rounds:
        assert round_.name and round_.summary and round_.tips and round_.assesses


def test_each_bank_is_big_enough_to_study_from():
    for round_ in load_catalog().rounds:
        assert len(round_.questions) >= MINIMUM_BANK[round_.slug], round_.slug


def test_the_seed_examples_are_in_the_banks():
    texts = {r.slug: " ".join(q.text.lower() for q in r.questions) for r in load_catalog().rounds}
    for words in ("attention", "convolution", "k-means", "ancestor", "depth-first"):
        assert words in texts["ml-coding"], words
    for words in ("bias", "gradient descent", "scaling"):
        assert words in texts["ml-concepts"], words
    for words in ("recommend", "watch time", "eta", "bot"):
        assert words in texts["ml-system-design"], words


def test_question_ids_are_unique_and_name_their_round():
    prefixes = {
        "recruiter-screen": "screen-",
        "ml-coding": "code-",
        "ml-concepts": "concept-",
        "ml-system-design": "design-",
        "behavioral": "behav-",
    }
    ids = [q.id for r in load_catalog().rounds for q in r.questions]
    assert len(ids) == len(set(ids))
    for round_ in load_catalog().rounds:
        assert all(q.id.startswith(prefixes[round_.slug]) for q in round_.questions)


def test_graded_banks_span_difficulties_and_topics():
    for slug in ("ml-coding", "ml-concepts", "ml-system-design"):
        questions = load_catalog().round(slug).questions
        assert {q.difficulty for q in questions} == set(DIFFICULTIES), slug
        assert len({q.topic for q in questions}) >= 3, slug


def test_coding_concept_and_design_questions_carry_a_substantive_outline_of_their_own():
    for slug in ("ml-coding", "ml-concepts", "ml-system-design"):
        outlines = [q.outline or "" for q in load_catalog().round(slug).questions]
        assert all(len(outline.split()) >= 15 for outline in outlines), slug
        assert len(set(outlines)) == len(outlines), f"{slug}: each outline is the question's own"


def test_a_concept_outline_has_key_points_an_example_and_a_common_mistake():
    for question in load_catalog().round("ml-concepts").questions:
        parts = [line.split(":", 1)[0] for line in (question.outline or "").strip().splitlines()]
        assert parts[0] == "- Key points" and parts[-2:] == ["- Example", "- Common mistake"], question.id
        assert set(parts) <= {"- Key points", "- Equation", "- Example", "- Common mistake"}, question.id


def test_the_areas_an_ml_loop_asks_about_are_in_the_banks():
    texts = {r.slug: " ".join(f"{q.text} {q.outline}".lower() for q in r.questions) for r in load_catalog().rounds}
    for words in ("kernel", "gradient boosting", "sample size", "ndcg", "matrix factori", "convolution", "all-reduce",
                  "quantis", "dpo", "shap", "lora", "retrieval-augmented", "calibrat", "tokeni", "hallucinat",
                  "one in a thousand"):  # fmt: skip
        assert words in texts["ml-concepts"], words
    for words in ("reservoir", "auc", "beam search", "byte-pair", "k-means", "attention"):
        assert words in texts["ml-coding"], words
    assert "salary" in texts["recruiter-screen"]


def test_every_competency_is_probed_by_the_behavioral_bank():
    probed = Counter(c for q in load_catalog().round("behavioral").questions for c in q.competencies)
    slugs = {c["slug"] for c in read_toml("competencies.toml")["competencies"]} - {"motivation"}
    assert all(probed[slug] >= 2 for slug in slugs), probed


def test_a_design_outline_walks_through_a_whole_answer():
    for question in load_catalog().round("ml-system-design").questions:
        outline = question.outline or ""
        assert len(outline.split()) >= 120, question.id


def test_behavioral_prompts_cover_every_theme():
    counts = Counter(t for q in load_catalog().round("behavioral").questions for t in q.themes)
    assert all(counts[theme] >= 6 for theme in THEMES), counts


def test_a_plain_install_carries_every_module_and_the_data(tmp_path):
    """`pip install .` (not editable) must ship every module and data/ inside the package."""
    # A copy, so that no build/ folder left in the checkout can hide a missing package.
    source = tmp_path / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            "build", "*.egg-info", ".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis"
        ),
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    shipped = {p.relative_to(target).as_posix() for p in (target / "planner").rglob("*.py")}
    in_repo = {p.relative_to(REPO).as_posix() for p in (REPO / "planner").rglob("*.py")}
    assert in_repo <= shipped

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "planner", "rounds", "--json"],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    rounds = json.loads(done.stdout)
    assert sum(len(r["questions"]) for r in rounds) == sum(len(r.questions) for r in load_catalog().rounds)
    probe = "import planner.catalog.rounds, planner.tui.app; print(planner.catalog.rounds.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(target))

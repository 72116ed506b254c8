"""The shipped TOML files in planner/data/, read with nothing but the standard library.

Kept apart from the full catalogue so that `planner agenda` can name the rounds without loading it.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent.parent / "data"


def read_toml(*parts: str) -> dict[str, Any]:
    """One of the shipped TOML files, by its path inside planner/data/."""
    return tomllib.loads(FOLDER.joinpath(*parts).read_text(encoding="utf-8"))


@cache
def short_names() -> dict[str, str]:
    """Each round's short name by slug, from rounds.toml alone: the question banks are not needed."""
    return {raw["slug"]: raw["short"] for raw in read_toml("rounds.toml")["rounds"]}


@cache
def competency_names() -> dict[str, str]:
    """Each competency's name by slug, from competencies.toml, without compiling its cues."""
    return {raw["slug"]: raw["name"] for raw in read_toml("competencies.toml")["competencies"]}


@cache
def round_names() -> dict[str, str]:
    """Each round's name by slug, from rounds.toml alone."""
    return {raw["slug"]: raw["name"] for raw in read_toml("rounds.toml")["rounds"]}

"""The round catalogue and question banks, installed as the package ``planner.data``."""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).parent


def read_toml(*parts: str) -> dict:
    """One of the shipped TOML files, by its path inside this folder."""
    return tomllib.loads(FOLDER.joinpath(*parts).read_text(encoding="utf-8"))

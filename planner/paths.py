"""Where the database lives: --db, then PLANNER_DB, then the user data directory."""

import os
from pathlib import Path

ENV_VAR = "PLANNER_DB"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_database_path()


def default_database_path() -> Path:
    """planner.db in the user data folder, which planner makes on first use (a folder given with
    --db or PLANNER_DB must exist already: a typo in it should not make folders)."""
    # platformdirs is imported here, not at module level, so that paths stays cheap to import.
    from platformdirs import user_data_dir

    return Path(user_data_dir("planner", appauthor=False)) / "planner.db"

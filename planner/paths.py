"""Where the database lives: --db, then PLANNER_DB, then the user data directory."""

import os
from pathlib import Path

ENV_VAR = "PLANNER_DB"


def database_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    # platformdirs is imported here, not at module level, so that paths stays cheap to import.
    from platformdirs import user_data_dir

    return Path(user_data_dir("planner", appauthor=False)) / "planner.db"

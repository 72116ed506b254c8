"""The app's own settings: its theme, and keys of your choosing for its bindings (by binding id, as
the keys panel names them). They live in settings.toml in the user config folder, or in the file
PLANNER_SETTINGS names:

    theme = "nord"

    [keys]
    today-done = "x"
    show-suggest = "f4"
"""

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from planner.errors import UserError
from planner.files import write_private

ENV_VAR = "PLANNER_SETTINGS"


@dataclass
class Settings:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id: keys, commas between


def settings_path() -> Path:
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("planner", appauthor=False)) / "settings.toml"


def read_settings(path: Path) -> Settings:
    """The settings in the file (none there: the defaults). UserError says what is wrong with it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"cannot read the settings in {path} ({exc}); using the defaults") from None
    theme, keys = raw.get("theme"), raw.get("keys", {})
    if not (theme is None or isinstance(theme, str)) or not (
        isinstance(keys, dict) and all(isinstance(value, str) for value in keys.values())
    ):
        raise UserError(f"{path}: theme must be a name and [keys] binding ids with keys; using the defaults")
    return Settings(theme, keys)


def write_settings(path: Path, settings: Settings) -> None:
    # JSON's quoted strings are TOML basic strings.
    lines = [f"theme = {json.dumps(settings.theme)}"] if settings.theme else []
    if settings.keys:
        lines += ["", "[keys]", *(f"{json.dumps(name)} = {json.dumps(keys)}" for name, keys in settings.keys.items())]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, "\n".join(lines) + "\n", replace=True)

"""Importing stories from a JSON file: every record checked first, then all added or none, without
adding again a story the bank already holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.errors import UserError
from planner.stories.story import STAR_FIELDS, STORY_FIELDS, check_fields
from planner.text import shown

if TYPE_CHECKING:
    from planner.db.store import Store


def read_stories_file(path: Path) -> list[dict[str, Any]]:
    """The checked story fields of every record in the file; one bad record fails them all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        records = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserError(f"{path} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again") from exc
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if isinstance(records, dict) and isinstance(records.get("stories"), list):
        records = records["stories"]  # a list kept under "stories", beside other keys
    if not isinstance(records, list):
        raise UserError(
            f'{path} must hold a JSON list of stories (or an object with a "stories" list),'
            f" not a {type(records).__name__}"
        )
    stories = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise UserError(f"record {number} is not an object with story fields; nothing was imported")
        label = f"record {number}" + (f" ({shown(record['title'])})" if isinstance(record.get("title"), str) else "")
        try:
            stories.append(check_fields({name: record[name] for name in STORY_FIELDS if name in record}))
        except UserError as exc:
            raise UserError(f"{label}: {exc}; nothing was imported") from None
    return stories


def same_story_key(fields: dict[str, Any]) -> tuple[str, ...]:
    """What makes two stories the same story: the title and the STAR text, word for word."""
    return tuple(fields.get(name, "") for name in ("title", *STAR_FIELDS))


def import_stories(store: Store, stories: list[dict[str, Any]]) -> tuple[int, int]:
    """Add stories read by read_stories_file, all or none, but not those the bank already holds;
    returns (added, skipped)."""
    with store.transaction():
        known = {same_story_key(vars(s)) for s in store.stories()}
        fresh = []
        for fields in stories:
            key = same_story_key(fields)
            if key not in known:
                known.add(key)
                fresh.append(fields)
        store.add_stories(fresh)
    return len(fresh), len(stories) - len(fresh)

"""Exporting the plan and the stories to files: the same files from the shell and from the app."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.catalog.rounds import load_catalog
from planner.files import write_private
from planner.plan.calendar import plan_calendar
from planner.stories.story import Story, study_sheet

if TYPE_CHECKING:
    from planner.db.store import Store

STORY_FORMATS = ("json", "markdown")


def calendar_document(store: Store, today: date, *, days: int | None = None) -> tuple[str, int]:
    """The planned work from today on (the next `days` days only, if given) and the interview rounds
    as an iCalendar file, and how many study days it holds."""
    tasks = [t for t in store.planned_tasks() if days is None or t.due < today + timedelta(days)]
    names = {r.slug: r.name for r in load_catalog().rounds}
    return plan_calendar(tasks, store.interviews(), names, datetime.now(UTC)), len({t.due for t in tasks})


def export_calendar(store: Store, path: Path, today: date, *, days: int | None = None, replace: bool = False) -> int:
    """Write the calendar (see calendar_document) to path; returns how many study days it holds."""
    text, study_days = calendar_document(store, today, days=days)
    write_private(path, text, replace=replace)
    return study_days


def stories_document(stories: list[Story], format_: str) -> str:
    """The stories as JSON (to import again) or as a Markdown study sheet."""
    if format_ == "json":
        return json.dumps([s.to_json() for s in stories], indent=2, ensure_ascii=False) + "\n"
    return study_sheet(stories)


def export_stories(store: Store, path: Path, format_: str, *, replace: bool = False) -> int:
    """Write every story to path; returns how many."""
    stories = store.stories()
    write_private(path, stories_document(stories, format_), replace=replace)
    return len(stories)

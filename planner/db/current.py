"""Making sure a database file is ready to read, at no more cost than that needs."""

from pathlib import Path

from planner.db.schema import is_current


def ensure_current(path: Path) -> Path:
    """Make sure the file at path exists and has the current schema, and return path.

    Only a missing or older file costs a full open (sqlite-utils, migrations); readers that merely
    need a current file, like the agenda and the app's start, skip that cost.
    """
    if not (path.is_file() and is_current(path)):
        from planner.db.store import Store

        Store.open(path).close()
    return path

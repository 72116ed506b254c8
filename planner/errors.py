"""The errors a user is told about in one line, in the shell and in the app alike."""

import sqlite3

# How long a write waits for another program's write to finish before giving up.
BUSY_TIMEOUT_SECONDS = 5.0


class UserError(Exception):
    """A mistake in what the user asked for: shown as one line, never as a traceback."""


def database_trouble(exc: sqlite3.Error) -> str:
    """What went wrong with the database, in one line a user can act on. Every write is one
    transaction, so a failed one changed nothing."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            f"another program has been writing to the database for over {BUSY_TIMEOUT_SECONDS:.0f} seconds;"
            " nothing was changed, try again"
        )
    if "readonly" in text or "read-only" in text:
        return "the database is read-only (its file or its folder cannot be written); nothing was changed"
    if "unable to open" in text:
        return "the database file cannot be opened: was it moved or deleted?"
    return f"the database could not be used ({' '.join(str(exc).split())[:120]}); nothing was changed"

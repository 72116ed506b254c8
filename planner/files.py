"""Writing a file the way every export must: all or nothing, UTF-8, readable by its owner only."""

import os
import tempfile
from pathlib import Path

from planner.errors import UserError


def write_private(path: Path, text: str) -> Path:
    """Write text to path through a temporary file beside it, so that a failed write never leaves
    half a file behind; the file holds personal notes, so only its owner may read it."""
    path = Path(path)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mode 0600
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path.resolve()

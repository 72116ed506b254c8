"""Writing a file the way every export must: all or nothing, UTF-8, readable by its owner only, never
through a link and never over an existing file unless asked to."""

import os
import stat
import tempfile
from pathlib import Path

from planner.errors import UserError


def taken(path: Path) -> bool:
    """Whether something (a file, a link, a device) is at path already."""
    return path.is_symlink() or path.exists()


def write_private(path: Path, text: str, *, replace: bool = False) -> Path:
    """Write text to path through a temporary file beside it, so that a failed write never leaves
    half a file behind; the file holds personal notes, so only its owner may read it.

    A file already at path is replaced only with replace; a link there is replaced itself, never
    followed, and a device or folder is refused."""
    path = Path(path)
    if taken(path):
        if not (path.is_symlink() or stat.S_ISREG(path.stat().st_mode)):
            raise UserError(f"{path} is not a file; give a file name, or - to print to standard output")
        if not replace:
            raise UserError(f"{path} exists already; add --force to replace it")
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

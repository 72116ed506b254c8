"""Text from the user, kept inert: no control character reaches the terminal, and no value makes an
error message longer than one short line."""

import re
from collections.abc import Iterable

# C0 and C1 control characters and DEL, but not the newline and tab that stories are written with.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SHOWN_LENGTH = 60


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """A value as an error message quotes it: escaped (repr) and at most `limit` characters of it."""
    text = str(value)
    return repr(text[:limit] + "…" if len(text) > limit else text)


def escaped(text: str) -> str:
    """Text with each control character written as its escape (\\x1b), so it shows and does nothing."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def clipped(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, an ellipsis showing where."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def did_you_mean(typed: str, choices: Iterable[str]) -> str:
    """The hint for a mistyped name, "did you mean success? ", or nothing when none is close."""
    import difflib

    close = difflib.get_close_matches(typed, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]}? " if close else ""


def one_line(message: str, limit: int = 300) -> str:
    """A message as printed: every control character escaped, newlines too, and cut to `limit`
    characters, whatever value it quotes."""
    line = escaped(message).replace("\n", "\\n").replace("\t", "\\t")
    line = line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")  # line and paragraph separators
    return clipped(line, limit)


def plain(text: str, what: str) -> str:
    """Text as the user typed it, line ends made \\n; a control character in it is refused."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = CONTROL.search(text)
    if found:
        from planner.errors import UserError

        raise UserError(f"{what} holds the control character {escaped(found.group())}; remove it and try again")
    return text


def terminal_width() -> int | None:
    """The width lines printed should fit: the terminal's, or None (no limit) when the output goes
    to a file or another program."""
    import shutil
    import sys

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None

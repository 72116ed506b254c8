"""Word stems from SQLite's own FTS5 Porter tokenizer, so that the story suggester stems words
exactly as `planner story search` does."""

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable


def porter_stems(words: Iterable[str]) -> dict[str, str]:
    """Porter stems through SQLite's own FTS5 tokenizer: the same stemming as `story search`."""
    ordered = sorted(set(words))
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE words USING fts5(word, tokenize='porter unicode61')")
        conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
        conn.executemany("INSERT INTO words (rowid, word) VALUES (?, ?)", enumerate(ordered))
        stems: dict[str, list[str]] = defaultdict(list)
        for doc, term in conn.execute("SELECT doc, term FROM terms ORDER BY doc, offset"):
            stems[ordered[doc]].append(term)
    finally:
        conn.close()
    return {word: "".join(stems.get(word, [word])) for word in ordered}


_KNOWN: dict[str, str] = {}


def stems_of(words: list[str]) -> list[str]:
    """The stems of the words, in order, each distinct word stemmed once per process."""
    unknown = {word for word in words if word not in _KNOWN}
    if unknown:
        _KNOWN.update(porter_stems(unknown))
    return [_KNOWN[word] for word in words]


_WORD = re.compile(r"[a-z0-9]+")


def word_stems(text: str) -> list[str]:
    """The stems of the plain words (letters and digits) of text, in order."""
    return stems_of(_WORD.findall(text.lower()))

"""The user's own word lists: accept.txt (never flag) and reject.txt (always flag).

Plain text, one word or phrase a line, '#' for comments, so people can read and fix
them. A broken file loads as empty with a warning and is kept aside, never overwritten.
"""

from __future__ import annotations

import time
from pathlib import Path

from jargonfree.formats import ReadError, read_text, write_text_atomic

HEADER = (
    "# jargonfree {kind} list: one word or phrase a line. Lines starting with # are notes.\n"
)


def _normal(word: str) -> str:
    return " ".join(word.strip().lower().replace("’", "'").split())


def keep_aside(path: Path) -> Path:
    """Rename a broken file to <name>.broken-<timestamp> so it is not overwritten."""
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    path.replace(aside)
    return aside


def load_word_list(path: Path) -> tuple[frozenset[str], str | None]:
    """(words, warning): a missing file is an empty list; a broken one is kept aside."""
    if not path.exists():
        return frozenset(), None
    try:
        text = read_text(path).text
    except ReadError as exc:
        try:
            aside = keep_aside(path)
        except OSError:
            return frozenset(), f"{exc}; using an empty list"
        return frozenset(), f"{exc}; it was kept as {aside.name} and an empty list is used"
    words = {_normal(line) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")}
    return frozenset(w for w in words if w), None


def save_word_list(path: Path, words: frozenset[str] | set[str], kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{w}\n" for w in sorted({_normal(w) for w in words if _normal(w)}))
    write_text_atomic(path, HEADER.format(kind=kind) + body)


def _kind(path: Path) -> str:
    return "reject" if path.stem == "reject" else "accept"


def add_word(path: Path, word: str) -> frozenset[str]:
    words, _ = load_word_list(path)
    words = words | {_normal(word)}
    save_word_list(path, words, _kind(path))
    return words


def remove_word(path: Path, word: str) -> frozenset[str]:
    words, _ = load_word_list(path)
    words = words - {_normal(word)}
    save_word_list(path, words, _kind(path))
    return words

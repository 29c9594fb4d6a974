"""The user's own word lists: accept.txt (never flag) and reject.txt (always flag).

Plain text, one word or phrase a line, '#' for notes, so people can read and fix them.
A broken file loads as empty with a warning and is kept aside, never overwritten.
Adding or removing one word keeps the user's own notes and order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from jargonfree.formats import ReadError, WriteError, read_text, shown, write_text_atomic
from jargonfree.paths import ensure_private, kept_aside_note

HEADER = (
    "# jargonfree {kind} list: one word or phrase a line. Lines starting with # are notes.\n"
)


def normal_word(word: str) -> str:
    """How words are compared: NFC, lowercase, single spaces (Options wants lowercase).
    "" for nothing, and for a word starting with '#', which would read back as a note."""
    word = " ".join(unicodedata.normalize("NFC", word).lower().split())
    return "" if word.startswith("#") else word


def _entry(line: str) -> str:
    """The word on a line, or "" for a blank line or a note."""
    return "" if line.lstrip().startswith("#") else normal_word(line)


def _kind(path: Path) -> str:
    return "reject" if path.stem == "reject" else "accept"


def load_word_list(path: Path) -> tuple[frozenset[str], str | None]:
    """(words, warning): a missing file is an empty list; a broken one is kept aside."""
    if not path.exists() and not path.is_symlink():
        return frozenset(), None
    try:
        text = read_text(path).text
    except ReadError as exc:
        aside = kept_aside_note(path)
        return frozenset(), f"{exc}, so an empty list is used{aside}"
    words = {_entry(line) for line in text.splitlines()}
    words.discard("")
    return frozenset(words), None


def _save(path: Path, text: str) -> None:
    """Private to the user (600 in a 700 folder): an allowed word can be a patient's name."""
    try:
        ensure_private(path.parent)
    except OSError as exc:
        raise WriteError(f"{shown(path)}: could not save: {exc.strerror or exc}") from None
    write_text_atomic(path, text, private=True)


def save_word_list(path: Path, words: Iterable[str], kind: str | None = None) -> None:
    """Write the whole list, sorted, under a comment header (atomic; WriteError)."""
    entries = sorted({normal_word(w) for w in words} - {""})
    header = HEADER.format(kind=kind or _kind(path))
    _save(path, header + "".join(f"{w}\n" for w in entries))


def _lines(path: Path) -> list[str] | None:
    """The file's lines; None when it is missing, or broken (then it is kept aside)."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return read_text(path).text.splitlines()
    except ReadError:
        load_word_list(path)  # moves the broken file aside, as loading it would
        return None


def add_word(path: Path, word: str) -> frozenset[str]:
    """Add one word at the end of the list, keeping the rest of the file as it is."""
    key = normal_word(word)
    lines = _lines(path)
    if lines is None:
        save_word_list(path, [key])
        return frozenset({key} - {""})
    words = {_entry(line) for line in lines} - {""}
    if key and key not in words:
        lines.append(key)
        words.add(key)
        _save(path, "\n".join(lines) + "\n")
    return frozenset(words)


def remove_word(path: Path, word: str) -> frozenset[str]:
    """Remove every line holding `word`; notes and other words stay where they were."""
    key = normal_word(word)
    lines = _lines(path)
    if lines is None:
        return frozenset()
    kept = [line for line in lines if _entry(line) != key or not key]
    if len(kept) != len(lines):
        _save(path, "\n".join(kept) + ("\n" if kept else ""))
    return frozenset({_entry(line) for line in kept} - {""})

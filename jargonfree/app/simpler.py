"""The right-click menu's "Simpler words" for any word, flagged or not.

The menu asks (the editor's simpler_words_wanted signal, with a SimplerRequest); the
Checker sends the word and the text to the checker process, which runs the core's
simpler-words engine; the answer fills the submenu, which shows "Looking…" until then.
Choosing a word replaces the span (one undo step) only if it still holds the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

LOOKING = "Looking for plainer words…"
NONE_FOUND = "No plainer word found"
NOT_READY = "The checker is not ready yet"


@dataclass
class SimplerRequest:
    """One word's submenu and where the word is (a cursor selecting it)."""

    menu: QMenu
    cursor: QTextCursor
    word: str
    actions: list[QAction] = field(default_factory=list)


def add_simpler_words(menu: QMenu, editor, cursor: QTextCursor) -> SimplerRequest | None:
    """Add a "Simpler words" submenu for the word under `cursor` and ask for its words."""
    word_cursor = QTextCursor(cursor)
    word_cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    word = word_cursor.selectedText()
    if not word or not any(c.isalpha() for c in word) or " " in word:
        return None
    sub = QMenu("Simpler words", menu)
    sub.setObjectName("simpler-words")
    sub.addAction(LOOKING).setEnabled(False)
    first = menu.actions()[0] if menu.actions() else None
    action = sub.menuAction()
    if first is not None:
        menu.insertMenu(first, sub)
        menu.insertSeparator(first)
    else:
        menu.addAction(action)
    request = SimplerRequest(sub, word_cursor, word)
    editor.simpler_words_wanted.emit(request)
    return request


def fill(request: SimplerRequest, editor, start: int, end: int, words: list[str] | None) -> None:
    """Put the answer into the submenu: a "Change to" action per word (start/end are Qt
    positions of the span they replace: it may take in an "a" or "an" before the word)."""
    try:
        sub = request.menu
        sub.clear()
    except RuntimeError:
        return  # the menu was closed and deleted before the answer came
    if words is None:
        sub.addAction(NOT_READY).setEnabled(False)
        return
    if not words:
        sub.addAction(NONE_FOUND).setEnabled(False)
        return
    doc_cursor = QTextCursor(request.cursor.document())
    doc_cursor.setPosition(start)
    doc_cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    expected = doc_cursor.selectedText()
    for word in words:
        act = sub.addAction(f"Change to “{word}”")
        act.triggered.connect(_replacer(editor, QTextCursor(doc_cursor), expected, word))
        request.actions.append(act)


def _replacer(editor, cursor: QTextCursor, expected: str, word: str):
    return lambda _=False: editor.replace_span(cursor, expected, word)

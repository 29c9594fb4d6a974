"""Code-point offsets to Qt's UTF-16 positions and back (jargonfree/app/positions.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from jargonfree.app.positions import PositionMap, document_text, utf16_len


@pytest.mark.parametrize("text", [
    "😀 utilise",
    "plain ascii utilise",
    "é café utilise",
    "👩‍⚕️ nurse 😀😀 x 𝔘 utilise",
    "",
])
def test_round_trip_for_every_offset(text):
    m = PositionMap(text)
    for offset in range(len(text) + 1):
        q = m.to_qt(offset)
        assert q == utf16_len(text[:offset])
        assert m.from_qt(q) == offset


def test_emoji_shifts_the_word_by_its_extra_unit():
    text = "😀 utilise"
    start = text.index("utilise")
    m = PositionMap(text)
    assert (start, m.to_qt(start)) == (2, 3)
    doc = QTextDocument(text)
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_qt(start))
    cursor.setPosition(m.to_qt(start + len("utilise")), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "utilise"


def test_a_position_inside_a_surrogate_pair_rounds_up():
    m = PositionMap("a😀b")
    assert m.from_qt(2) == 2  # between the halves of 😀: just after it


def test_document_text_keeps_every_character():
    original = "a\u00a0b\u2028c\nd 😀"
    doc = QTextDocument()
    doc.setPlainText(original)
    assert document_text(doc) == original
    assert doc.toPlainText() != original  # why document_text exists

"""The one place where the core's code-point offsets meet Qt's UTF-16 positions.

Python indexes strings by code point; Qt counts UTF-16 units, so every character beyond
the Basic Multilingual Plane (emoji, some CJK) takes two Qt positions. Everything in
the app that turns a Finding's start/end into an editor position goes through here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtGui import QTextDocument

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units (what Qt counts)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


def document_text(document: QTextDocument) -> str:
    """The editor's text exactly as Qt holds it, with "\\n" between blocks.

    toPlainText() would turn no-break spaces into spaces and U+2028 into "\\n", which
    changes the text (a cp1252 file would not save back identical); toRawText() keeps
    every character, one Qt position each, with U+2029 between blocks.
    """
    return document.toRawText().replace("\u2029", "\n")


class PositionMap:
    """Convert code-point offsets in one text to Qt (UTF-16) positions and back.

    Built once per analysed text. A text with no astral characters (the usual case)
    maps every offset to itself at no cost.
    """

    def __init__(self, text: str) -> None:
        astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral = astral  # code-point index of each astral character
        # Qt position just after each astral character: index + its own 2 units + the
        # extra unit of every astral character before it.
        self._after = [index + k + 2 for k, index in enumerate(astral)]

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, offset: int) -> int:
        """Code-point offset -> UTF-16 position."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """UTF-16 position -> code-point offset (a position inside a surrogate pair
        rounds to just after its character)."""
        if not self._astral:
            return position
        whole = bisect_right(self._after, position)  # astral characters wholly before
        if whole < len(self._astral) and position == self._astral[whole] + whole + 1:
            return self._astral[whole] + 1  # between the two halves of a pair
        return position - whole

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

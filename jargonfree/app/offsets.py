"""The one place where code-point offsets (the core's) meet Qt's UTF-16 positions."""

from __future__ import annotations


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units (what Qt counts)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Convert code-point offsets in one text to UTF-16 positions and back.

    Built once per analysed text; a text without characters beyond the Basic
    Multilingual Plane (no emoji) maps every offset to itself at no cost.
    """

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        from bisect import bisect_left

        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        # Each astral character before the offset adds one extra UTF-16 unit.
        offset = position
        for i, astral in enumerate(self._astral):
            if astral + i < position:
                offset -= 1
            else:
                break
        return offset

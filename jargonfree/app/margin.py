"""Marks in the editor's left margin beside hard, very hard and long sentences.

A bar beside the lines a sentence covers lets the eye find hard sentences without
covering the page in colour; only the hardest sentences are also shaded (chosen by the
core, jargonfree.core.emphasis). Drawn like the line-number area of Qt's code editor
example: a child widget over the editor's left viewport margin.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from jargonfree.app.highlighter import live_spans
from jargonfree.app.styles import mark_colour

# Drawn in this order, so the worst mark is on top where marks meet.
ORDER = {"sentence.long": 0, "sentence.hard": 1, "sentence.very_hard": 2}


class SentenceMargin(QWidget):
    """Paints a bar per hard, very hard or long sentence on screen."""

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.setAccessibleName("Hard sentence marks")

    def marks(self) -> list[tuple[str, float, float]]:
        """(rule id, top, bottom) of every sentence mark on screen, in this widget's
        coordinates, worst last."""
        e = self.editor
        if "sentence" in e.hidden:
            return []
        out = []
        offset = e.contentOffset()
        top_shift = e.viewport().y() - self.y()
        bottom = e.viewport().height()
        block = e.firstVisibleBlock()
        while block.isValid():
            geometry = e.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            layout = block.layout()
            for s in live_spans(block):
                if not s.is_sentence or layout is None or layout.lineCount() == 0:
                    continue
                first = layout.lineForTextPosition(min(s.start, max(0, block.length() - 1)))
                last = layout.lineForTextPosition(
                    min(max(s.start, s.end - 1), max(0, block.length() - 1)))
                if not first.isValid() or not last.isValid():
                    continue
                y1 = geometry.top() + first.y() + top_shift
                y2 = geometry.top() + last.y() + last.height() + top_shift
                out.append((s.finding.rule_id, y1, y2))
            block = block.next()
        out.sort(key=lambda m: ORDER.get(m[0], 0))
        return out

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        marks = self.marks()
        if not marks:
            return
        p = QPainter(self)
        em = self.fontMetrics().height()
        width = max(3.0, em / 4)
        x = self.width() - em * 0.6 - width
        dark = self.editor.highlighter.dark
        for rule_id, y1, y2 in marks:
            p.fillRect(QRectF(x, y1 + 1, width, max(2.0, y2 - y1 - 2)),
                       mark_colour(rule_id, dark))
        p.end()

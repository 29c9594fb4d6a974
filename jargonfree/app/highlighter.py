"""Paint findings onto the editor's blocks.

Findings are attached to QTextBlocks as user data, in UTF-16 positions relative to the
block, so they move with their block when text is typed elsewhere; an edited block drops
its own until the next analysis. Blocks are repainted in batches from a timer, visible
ones first, so a 100,000-word document never blocks the GUI.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextBlockUserData, QTextDocument

from jargonfree.app.offsets import OffsetMap
from jargonfree.app.styles import char_format
from jargonfree.core.model import Finding

BATCH = 200  # blocks repainted per timer tick (about 2-5 ms)


class BlockFindings(QTextBlockUserData):
    def __init__(self, spans: list[tuple[int, int, Finding]]) -> None:
        super().__init__()
        self.spans = spans  # (start, length) in UTF-16 units within the block


class FindingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self.dark = dark
        self.hidden: set[str] = set()
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._paint_batch)
        self._formats: dict[tuple[str, str], object] = {}

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._formats.clear()
        self.rehighlight()

    def set_hidden(self, hidden: set[str]) -> None:
        self.hidden = set(hidden)
        self.schedule_all()

    def apply(self, text: str, findings: tuple[Finding, ...], first_visible: int = 0) -> None:
        """Attach findings (for exactly this document text) to blocks and repaint."""
        doc = self.document()
        offsets = OffsetMap(text)
        per_block: dict[int, list[tuple[int, int, Finding]]] = {}
        for f in findings:
            start, end = offsets.to_qt(f.start), offsets.to_qt(f.end)
            block = doc.findBlock(start)
            while block.isValid() and block.position() < end:
                b_start = block.position()
                s = max(start, b_start) - b_start
                e = min(end, b_start + block.length() - 1) - b_start
                if e > s:
                    per_block.setdefault(block.blockNumber(), []).append((s, e - s, f))
                block = block.next()
        block = doc.begin()
        while block.isValid():
            spans = per_block.get(block.blockNumber())
            old = block.userData()
            if spans or (isinstance(old, BlockFindings) and old.spans):
                block.setUserData(BlockFindings(spans or []))
            block = block.next()
        order = list(range(doc.blockCount()))
        order = order[first_visible:] + order[:first_visible]
        self._queue = order
        self._timer.start()

    def schedule_all(self, first_visible: int = 0) -> None:
        order = list(range(self.document().blockCount()))
        self._queue = order[first_visible:] + order[:first_visible]
        self._timer.start()

    def _paint_batch(self) -> None:
        doc = self.document()
        batch, self._queue = self._queue[:BATCH], self._queue[BATCH:]
        for number in batch:
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        if not self._queue:
            self._timer.stop()

    def pending(self) -> bool:
        return bool(self._queue)

    def forget_block(self, block) -> None:
        """The block was edited: its findings no longer fit it."""
        data = block.userData()
        if isinstance(data, BlockFindings) and data.spans:
            block.setUserData(BlockFindings([]))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        data = self.currentBlockUserData()
        if not isinstance(data, BlockFindings):
            return
        # Sentence shading first, word underlines on top.
        for start, length, f in sorted(data.spans, key=lambda s: s[2].category != "sentence"):
            if f.category in self.hidden:
                continue
            key = (f.category, f.rule_id if f.category == "sentence" else "")
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = self._formats[key] = char_format(f.category, f.rule_id, self.dark)
            if f.category == "sentence":
                self.setFormat(start, length, fmt)
            else:
                merged = self.format(start)
                merged.merge(fmt)
                self.setFormat(start, length, merged)

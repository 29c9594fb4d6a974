"""Paint findings onto the editor's blocks, from a per-block cache.

Each QTextBlock carries its findings as user data: spans in UTF-16 units relative to
the block, so they travel with their block when text is typed elsewhere; an edit inside
a block shifts or drops that block's spans. highlightBlock() paints a word span only
while the block still holds exactly the text it was found on, so a highlight never
lands on the wrong words.

A new analysis is laid onto the blocks by a job that runs from a zero-interval timer in
slices of BUDGET_S, visible blocks first, so a 100,000-word document never blocks the GUI
for a frame. A block is painted when it is on screen and its spans, the colours or the
hidden categories changed since it was last painted (the editor asks as it scrolls).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextBlockUserData, QTextDocument

from jargonfree.app.positions import PositionMap, utf16_len
from jargonfree.app.styles import SHADE_KEY, char_format
from jargonfree.app.wordview import structure_format
from jargonfree.core.model import Finding

# One slice of work per timer tick. With the repaint that follows each slice (1-7 ms,
# measured) 8 ms slices made 15-17 ms gaps; 4 ms leaves room in a frame on a busy machine.
BUDGET_S = 0.002
UNPAINTED = -1


@dataclass(frozen=True, slots=True)
class Span:
    """Where (part of) a finding sits in one block, in UTF-16 units."""

    start: int
    length: int
    text: str  # the block's text under the span when it was laid (code points)
    finding: Finding
    first: bool = True  # False for the later pieces of a finding that crosses blocks
    shaded: bool = False  # a very hard sentence that is shaded, not only marked

    @property
    def end(self) -> int:
        return self.start + self.length

    @property
    def is_sentence(self) -> bool:
        return self.finding.category == "sentence"

    def key(self) -> tuple:
        return (self.start, self.length, self.finding.rule_id, self.finding.category,
                self.shaded)

    def moved(self, start: int, length: int | None = None) -> Span:
        return Span(start, self.length if length is None else length, self.text,
                    self.finding, self.first, self.shaded)


class BlockFindings(QTextBlockUserData):
    """A block's spans, and the block's length when they were laid or last adjusted."""

    def __init__(self, spans: tuple[Span, ...], length: int, painted: int = UNPAINTED) -> None:
        super().__init__()
        self.spans = spans
        self.length = length
        # The highlighter's paint generation when highlightBlock last ran with these
        # spans (UNPAINTED: not yet). Blocks off screen are painted when they come into
        # view: painting makes Qt lay the block out again and keep that layout, about
        # 8 KB a block (33 MB for 100,000 words, measured).
        self.painted = painted


def block_spans(block: QTextBlock) -> tuple[Span, ...]:
    data = block.userData()
    return data.spans if isinstance(data, BlockFindings) else ()


def text_at(block_text: str, start: int, length: int) -> str:
    """The block's text over a UTF-16 range."""
    if block_text.isascii():
        return block_text[start:start + length]
    m = PositionMap(block_text)
    return block_text[m.from_qt(start):m.from_qt(start + length)]


def live_spans(block: QTextBlock) -> list[Span]:
    """The block's spans that still sit on their own text (sentences always count)."""
    spans = block_spans(block)
    if not spans:
        return []
    text = block.text()
    return [s for s in spans if s.is_sentence or text_at(text, s.start, s.length) == s.text]


class FindingHighlighter(QSyntaxHighlighter):
    """Paints the spans cached on each block; lays new analyses on in slices."""

    applied = Signal()  # a new analysis has been laid on the blocks

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(None)
        # Our edit-following slot must run before QSyntaxHighlighter's own re-format of
        # the edited block, so it is connected before the document is attached.
        document.contentsChange.connect(self._follow_edit)
        self.setDocument(document)
        self.dark = dark
        self.hidden: frozenset[str] = frozenset()
        self._formats: dict[tuple[str, str], object] = {}
        self.generation = 0  # bumped when colours or hidden categories change
        self._job: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    # --- public ------------------------------------------------------------------------
    def pending(self) -> bool:
        return self._job is not None

    def set_dark(self, dark: bool) -> None:
        """New colours: every block is painted again when it is next on screen (the
        editor paints what is on screen now); a job laying an analysis goes on."""
        if dark != self.dark:
            self.dark = dark
            self._formats.clear()
            self.generation += 1

    def set_hidden(self, hidden: set[str] | frozenset[str]) -> None:
        """Categories shown or hidden: painted again as for set_dark."""
        hidden = frozenset(hidden)
        if hidden != self.hidden:
            self.hidden = hidden
            self.generation += 1

    def apply(self, text: str, findings: tuple[Finding, ...] | list[Finding],
              first_visible: int = 0, visible_blocks: int = 60,
              shaded: tuple[tuple[int, int], ...] | list = ()) -> None:
        """Lay findings (for exactly this text, the document's) onto the blocks;
        `shaded`: (start, end) of the sentences to shade (the others get a margin mark)."""
        self._start(self._apply_job(text, findings, first_visible, visible_blocks,
                                    frozenset(shaded)))

    def finish(self) -> None:
        """Run the current job to its end now, and paint every block (for tests)."""
        job, self._job = self._job, None
        self._timer.stop()
        if job is not None:
            for _ in job:
                pass
            self.applied.emit()
        block = self.document().begin()
        while block.isValid():
            self.paint_block(block)
            block = block.next()

    def paint_block(self, block: QTextBlock) -> bool:
        """Paint a block whose spans, colours or hidden categories changed since it was
        last painted (the editor calls this for blocks on screen); True if it did."""
        data = block.userData()
        if isinstance(data, BlockFindings) and data.painted != self.generation:
            self.rehighlightBlock(block)
            return True
        return False

    def cancel(self) -> None:
        self._job = None
        self._timer.stop()

    def drop(self, unwanted: Callable[[Finding], bool]) -> int:
        """Remove spans whose finding is unwanted (an ignored or newly accepted word)
        and re-paint their blocks; returns how many spans went."""
        dropped = 0
        block = self.document().begin()
        while block.isValid():
            spans = block_spans(block)
            kept = tuple(s for s in spans if not unwanted(s.finding))
            if len(kept) != len(spans):
                dropped += len(spans) - len(kept)
                was_painted = block.userData().painted == self.generation
                block.setUserData(BlockFindings(kept, block.length()))
                if was_painted:  # take the marks off now; unpainted blocks wait their turn
                    self.rehighlightBlock(block)
            block = block.next()
        return dropped

    # --- jobs --------------------------------------------------------------------------
    def _start(self, job: Iterator[None]) -> None:
        self._job = job
        self._timer.start()

    def _tick(self) -> None:
        if self._job is None or self.document() is None:  # nothing to do, or closed
            self.cancel()
            return
        deadline = time.perf_counter() + BUDGET_S
        try:
            while time.perf_counter() < deadline:
                next(self._job)
        except StopIteration:
            self._job = None
            self._timer.stop()
            self.applied.emit()

    def _apply_job(self, text: str, findings, first_visible: int,
                   visible_blocks: int, shaded: frozenset = frozenset()) -> Iterator[None]:
        doc = self.document()
        starts = [0]
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        if len(starts) != doc.blockCount():
            return  # not the document's text: a newer analysis is on its way
        yield
        positions = PositionMap(text)
        per_block: dict[int, list[Span]] = {}
        yield
        # Findings near the visible blocks are placed first.
        first_visible = min(max(first_visible, 0), len(starts) - 1)
        visible_from = starts[first_visible]
        ordered = [f for f in findings if f.end > visible_from]
        yield
        ordered += [f for f in findings if f.end <= visible_from]
        yield
        for f in ordered:
            b = bisect_right(starts, f.start) - 1
            first = True
            shade = f.category == "sentence" and (f.start, f.end) in shaded
            while b < len(starts) and starts[b] < max(f.end, f.start + 1):
                b_start = starts[b]
                b_end = starts[b + 1] - 1 if b + 1 < len(starts) else len(text)
                s, e = max(f.start, b_start), min(f.end, b_end)
                if e > s:
                    if positions.identity:
                        qs, qe = s - b_start, e - b_start
                    else:
                        base = positions.to_qt(b_start)
                        qs, qe = positions.to_qt(s) - base, positions.to_qt(e) - base
                    per_block.setdefault(b, []).append(
                        Span(qs, qe - qs, text[s:e], f, first, shade))
                    first = False
                b += 1
            yield
        yield from self._lay(per_block, first_visible, visible_blocks)

    def _lay(self, per_block: dict[int, list[Span]], first_visible: int,
             visible_blocks: int) -> Iterator[None]:
        """Attach spans to blocks (visible ones first), painting those on screen when the
        job started; the others are painted when they are seen (the editor asks)."""
        doc = self.document()
        count = doc.blockCount()
        near = range(first_visible, first_visible + visible_blocks)
        for lo, hi in ((first_visible, min(count, first_visible + visible_blocks)),
                       (min(count, first_visible + visible_blocks), count),
                       (0, first_visible)):
            block = doc.findBlockByNumber(lo)
            number = lo
            while block.isValid() and number < hi:
                new = tuple(per_block.get(number, ()))
                data = block.userData()
                old = data.spans if isinstance(data, BlockFindings) else ()
                if new or old:
                    same = [s.key() for s in old] == [s.key() for s in new]
                    painted = data.painted if same else UNPAINTED
                    block.setUserData(BlockFindings(new, block.length(), painted))
                    if number in near:
                        self.paint_block(block)
                    yield
                block = block.next()
                number += 1

    # --- following edits ---------------------------------------------------------------
    def _follow_edit(self, position: int, removed: int, added: int) -> None:
        """Keep the edited block's spans on their words: shift those after the edit,
        drop word spans it touched, stretch a sentence shade it fell inside."""
        if not removed and not added:
            return
        self.cancel()  # the job's block numbers and text are out of date now
        block = self.document().findBlock(position)
        data = block.userData()
        if not isinstance(data, BlockFindings) or not data.spans:
            return
        at = position - block.position()
        delta = added - removed
        one_block = (block.length() - data.length == delta
                     and position + added < block.position() + block.length())
        kept: list[Span] = []
        for s in data.spans:
            if s.end <= at:
                kept.append(s)  # wholly before the edit
            elif not one_block:
                continue  # lines were joined or split: wait for the next analysis
            elif s.start >= at + removed:
                kept.append(s.moved(s.start + delta))  # wholly after it
            elif s.is_sentence and s.start <= at and at + removed <= s.end:
                kept.append(s.moved(s.start, max(1, s.length + delta)))
        # Qt re-paints the edited block next, with these spans.
        block.setUserData(BlockFindings(tuple(kept), block.length(), self.generation))

    # --- painting ----------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        # A Word heading's look (app/wordview.py) first; findings are merged onto it.
        structure = structure_format(self.currentBlock().blockFormat(),
                                     self.document().defaultFont())
        if structure is not None:
            self.setFormat(0, utf16_len(text), structure)
        data = self.currentBlockUserData()
        if not isinstance(data, BlockFindings):
            return
        data.painted = self.generation
        if not data.spans:
            return
        limit = utf16_len(text)
        sentences = [s for s in data.spans if s.is_sentence]
        words = [s for s in data.spans if not s.is_sentence]
        for s in sentences + words:
            f = s.finding
            if f.category in self.hidden or s.start >= limit:
                continue
            if not s.is_sentence and text_at(text, s.start, s.length) != s.text:
                continue  # the words under it changed: never paint on other words
            if s.is_sentence and (not s.shaded or SHADE_KEY in self.hidden):
                continue  # marked in the margin (SentenceMargin), not shaded
            key = (f.category, f.rule_id if s.is_sentence else "")
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = self._formats[key] = char_format(f.category, f.rule_id, self.dark)
            length = min(s.length, limit - s.start)
            if s.is_sentence and structure is None:
                self.setFormat(s.start, length, fmt)
            else:
                merged = self.format(s.start)
                merged.merge(fmt)
                self.setFormat(s.start, length, merged)

"""The writing area: renders findings, offers their suggestions, forwards edits.

Where a finding is now comes from the highlighter's per-block spans (which follow the
text as it changes), never from the analysis's offsets alone; an edit is made only
where the document still holds the finding's exact text, as one undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QContextMenuEvent,
    QFont,
    QPainter,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from jargonfree.app.cards import Hit, SuggestionCard, category_title, context_menu
from jargonfree.app.highlighter import FindingHighlighter, Span, live_spans
from jargonfree.app.margin import SentenceMargin
from jargonfree.app.positions import document_text, utf16_len
from jargonfree.app.styles import active_format, is_dark
from jargonfree.app.wordview import IndentedLayout, WordView
from jargonfree.core.model import Finding
from jargonfree.core.text import is_heading_or_label

CARD_DELAY_MS = 350  # hover or rest the cursor this long on a highlight to see its card
CARD_HIDE_MS = 400  # time to move the mouse from the word onto its card
COLUMN_CHARS = 90  # the text column's width in average characters, like a page


def hit_order(hit: Hit) -> tuple:
    """Text order for findings, total on what they say (never on the Hit objects):
    by start, longer first, then category, rule, message, text and suggestions, so two
    findings over the same text (a long sentence that is also very hard) always sort
    the same way."""
    f = hit.finding
    return (hit.start, hit.start - hit.end, f.category, f.rule_id, f.message, f.text,
            f.suggestions)


def spoken(f: Finding) -> str:
    """What a screen reader says on reaching a finding: category, words, message and
    the first suggestion."""
    words = f"{category_title(f)}: “{f.text}”" if f.category != "sentence" else category_title(f)
    said = f"{words}. {f.message}"
    if f.suggestions:
        said += f" Suggestion: {f.suggestions[0]}."
    return said


class Editor(QPlainTextEdit):
    """The text and its highlights."""

    ignore_requested = Signal(object, str)  # Hit, "here" | "document"
    word_listed = Signal(str, str)  # word, "accept" | "reject"
    suggestion_applied = Signal(object, str)  # Hit, replacement
    files_dropped = Signal(list)  # [Path]
    finding_reached = Signal(object, int, int, bool)  # Hit, its number, how many, wrapped
    simpler_words_wanted = Signal(object)  # app.simpler.SimplerRequest (the menu's submenu)
    status_posted = Signal(str)  # a line for the status bar (a refused edit in a Word table)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # A layout that indents Word list items and table cells (app/wordview.py). The
        # document has no Qt parent and lives as long as this object: owned by the
        # editor, it was sometimes deleted before the window's closing code read it
        # (a crash in 3 of 6 test runs).
        self._document = QTextDocument()
        self._document.setDocumentLayout(IndentedLayout(self._document))
        self._document.setDefaultFont(self.font())
        self.setDocument(self._document)
        self.word: WordView | None = None  # the structure of an open Word document
        self.setAccessibleName("Your text")
        self.setAccessibleDescription(
            "Highlights mark jargon, medical terms, wordy phrases and hard sentences. "
            "F8 goes to the next one, Ctrl+Enter uses its first suggestion."
        )
        self.setPlaceholderText(
            "Type or paste your text here.\n\nJargon, medical terms, wordy phrases, passive "
            "voice and hard sentences are marked as you write. Rest the mouse or the cursor "
            "on a mark to see plainer words."
        )
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMouseTracking(True)
        self.hidden: frozenset[str] = frozenset()
        self.highlighter = FindingHighlighter(self.document(), is_dark(self.palette()))
        self.margin = SentenceMargin(self)
        self.card = SuggestionCard(self)
        self.card.suggestion_chosen.connect(self.apply_suggestion)
        self.card.installEventFilter(self)
        self._typing = False
        self._hover_hits: list[Hit] = []
        self._show_timer = QTimer(self, singleShot=True, interval=CARD_DELAY_MS)
        self._show_timer.timeout.connect(self._show_pending_card)
        self._hide_timer = QTimer(self, singleShot=True, interval=CARD_HIDE_MS)
        self._hide_timer.timeout.connect(self.hide_card)
        self._pending_card: tuple[list[Hit], QRect] | None = None
        self._current: Hit | None = None  # where F8 or Shift+F8 last stopped
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.verticalScrollBar().valueChanged.connect(lambda _: self.hide_card())
        self._paint_queued = False
        self.updateRequest.connect(self._paint_soon)
        self.highlighter.applied.connect(self._paint_soon)

    # --- text and findings --------------------------------------------------------------
    def text(self) -> str:
        """The document's text, "\\n" between lines, every character kept."""
        return document_text(self.document())

    def show_word(self, doc) -> None:
        """Show a Word document's structure (None: plain text again)."""
        if self.word is not None:
            self.word.detach()
            self.word = None
        if doc is not None:
            self.word = WordView(self)
            self.word.show(doc, self.text())

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt override)
        """Paste as plain text; in a Word document, as Word's paragraphs (wordview)."""
        text = source.text() if source.hasText() else ""
        for ending in ("\r\n", "\r", "\u2029", "\u2028"):
            text = text.replace(ending, "\n")
        if self.word is not None and text:
            if not self.word.insert_text(text):
                self.textCursor().insertText(text)
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    def cut(self) -> None:
        """Cut; in a Word document whole blank lines go with it, and a cut that would
        join two table cells is refused (wordview)."""
        if self.word is not None:
            whole = self.word.cut_range(self.textCursor())
            if whole is None:
                return
            self.setTextCursor(whole)
        super().cut()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self.word is not None:
            painter = QPainter(self.viewport())
            self.word.paint(painter)
            painter.end()

    def visible_blocks(self) -> tuple[int, int]:
        """(first visible block number, how many blocks fit on screen, roughly)."""
        first = self.firstVisibleBlock()
        line = max(1, self.fontMetrics().height())
        return first.blockNumber(), self.viewport().height() // line + 2

    def _paint_soon(self, *_args) -> None:
        """Paint the highlights of what is on screen on the next turn of the event loop
        (once, however many updates ask: painting a block itself asks for an update)."""
        if not self._paint_queued:
            self._paint_queued = True
            QTimer.singleShot(0, self, self._paint_on_screen)  # cancelled if the editor goes

    def _paint_on_screen(self) -> None:
        self._paint_queued = False
        self.margin.update()
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            self.highlighter.paint_block(block)
            block = block.next()

    def show_findings(self, text: str, findings, shaded=()) -> None:
        """Lay an analysis of exactly `text` (the current text) onto the highlights;
        `shaded`: the sentences to shade (the others get a mark in the margin)."""
        self.hide_card()
        first, count = self.visible_blocks()
        self.highlighter.apply(text, findings, first, count, shaded)

    def set_hidden(self, hidden: set[str] | frozenset[str]) -> None:
        self.hidden = frozenset(hidden)
        self.hide_card()
        self.highlighter.set_hidden(self.hidden)
        self._paint_soon()

    def set_dark(self, dark: bool) -> None:
        self.highlighter.set_dark(dark)
        self._paint_soon()

    def _hit(self, block, span: Span) -> Hit:
        """A span as a whole finding in document positions (a finding that crosses
        lines is found from any of its pieces)."""
        f = span.finding
        start = block.position() + span.start
        prev, steps = block, 0
        while not span.first and steps < 200:
            prev, steps = prev.previous(), steps + 1
            if not prev.isValid():
                break
            first = [s for s in live_spans(prev) if s.finding is f and s.first]
            if first:
                start = prev.position() + first[0].start
                break
        end = min(start + utf16_len(f.text), self.document().characterCount() - 1)
        return Hit(f, start, max(end, start + 1))

    def hits_at(self, position: int, *, inclusive_end: bool = False) -> list[Hit]:
        """Findings over a position, words before sentences, shortest first."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return []
        at = position - block.position()
        spans = [s for s in live_spans(block) if s.finding.category not in self.hidden
                 and s.start <= at and (at < s.end or (inclusive_end and at == s.end))]
        spans.sort(key=lambda s: (s.is_sentence, s.finding.level != "warning", s.length))
        return [self._hit(block, s) for s in spans]

    def all_hits(self, rule_id: str | None = None) -> list[Hit]:
        """Every finding now in the text (first pieces), in order; optionally one rule's."""
        hits = []
        block = self.document().begin()
        while block.isValid():
            for s in live_spans(block):
                if s.first and (rule_id is None or s.finding.rule_id == rule_id):
                    hits.append(self._hit(block, s))
            block = block.next()
        return hits

    def in_heading(self, hit: Hit) -> bool:
        """Whether a finding sits on a heading or label line ("Stakeholder Plan")."""
        doc = self.document()
        return doc.blockCount() > 1 and is_heading_or_label(doc.findBlock(hit.start).text())

    def count_like(self, rule_id: str) -> int:
        """How many findings of a rule with a suggestion are in the text, headings and
        labels left out ("Apply to all" leaves them alone unless asked)."""
        return sum(1 for h in self.all_hits(rule_id)
                   if h.finding.suggestions and not self.in_heading(h))

    def headings_like(self, rule_id: str) -> list[int]:
        """The lines (1-based) of headings and labels holding findings of a rule."""
        return [self.document().findBlock(h.start).blockNumber() + 1
                for h in self.all_hits(rule_id) if h.finding.suggestions and self.in_heading(h)]

    def hit_for(self, finding: Finding) -> Hit | None:
        """Where a finding from the current analysis is now (None if edited away)."""
        doc = self.document()
        expected = max(0, min(finding.line - 1, doc.blockCount() - 1))
        for distance in range(doc.blockCount()):
            for number in {expected - distance, expected + distance}:
                block = doc.findBlockByNumber(number)
                if block.isValid():
                    for s in live_spans(block):
                        if s.finding is finding:
                            return self._hit(block, s)
            if expected - distance < 0 and expected + distance >= doc.blockCount():
                break
        return None

    def select_hit(self, hit: Hit) -> None:
        cursor = self.textCursor()
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def select_finding(self, finding: Finding) -> bool:
        hit = self.hit_for(finding)
        if hit is None:
            return False
        self.select_hit(hit)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- changing the text ------------------------------------------------------------
    def _cursor_over(self, hit: Hit) -> QTextCursor | None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().replace("\u2029", "\n") != hit.finding.text:
            return None
        return cursor

    def apply_suggestion(self, hit: Hit, replacement: str) -> bool:
        """Replace one finding's text: one undo step. False if the text moved on."""
        self.hide_card()
        cursor = self._cursor_over(hit)
        if cursor is None:
            return False
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.suggestion_applied.emit(hit, replacement)
        return True

    def replace_span(self, cursor: QTextCursor, expected: str, replacement: str) -> bool:
        """Replace the words a cursor selects (one undo step), if they are still `expected`."""
        if cursor.selectedText() != expected or cursor.document() is not self.document():
            return False
        cursor = QTextCursor(cursor)
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def apply_all(self, rule_id: str, headings: bool = False) -> int:
        """Every finding of a rule takes its own first suggestion: one undo step.
        Findings in headings and labels only when asked (the menu names their lines)."""
        self.hide_card()
        hits = [h for h in self.all_hits(rule_id) if h.finding.suggestions
                and (headings or not self.in_heading(h))]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        done = 0
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            over = self._cursor_over(hit)
            if over is not None:
                cursor.setPosition(hit.start)
                cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(hit.finding.suggestions[0])
                done += 1
        cursor.endEditBlock()
        return done

    def apply_first_at_cursor(self) -> bool:
        cursor = self.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        hits = [h for h in self.hits_at(position, inclusive_end=not cursor.hasSelection())
                if h.finding.suggestions]
        return bool(hits) and self.apply_suggestion(hits[0], hits[0].finding.suggestions[0])

    def next_finding(self, backwards: bool = False) -> Hit | None:
        """Select the next (or previous) shown finding in text order, wrapping round at
        the end; findings on the same text are visited one by one. Emits finding_reached
        and announces the finding to screen readers."""
        hits = sorted((h for h in self.all_hits() if h.finding.category not in self.hidden),
                      key=hit_order)
        if not hits:
            return None
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        current = self._current
        if current is not None and (current.start, current.end) == (start, end):
            here = hit_order(current)  # where F8 last stopped: go on from that finding
        elif cursor.hasSelection():
            # A selection of the same span as findings counts as being on all of them.
            here = (start, start - end, "\uffff" if not backwards else "")
        else:
            here = (start, float("-inf"))
        keys = [hit_order(h) for h in hits]
        if backwards:
            index = max((i for i, k in enumerate(keys) if k < here), default=None)
            wrapped = index is None
            index = len(hits) - 1 if wrapped else index
        else:
            index = next((i for i, k in enumerate(keys) if k > here), None)
            wrapped = index is None
            index = 0 if wrapped else index
        target = hits[index]
        self.select_hit(target)
        self._current = target
        self.finding_reached.emit(target, index + 1, len(hits), wrapped)
        self.announce(spoken(target.finding))
        return target

    def current_finding(self) -> Finding | None:
        """The finding F8 or Shift+F8 last moved to, while it is still selected."""
        cursor = self.textCursor()
        c = self._current
        if c is None or (c.start, c.end) != (cursor.selectionStart(), cursor.selectionEnd()):
            return None
        return c.finding

    def announce(self, text: str) -> None:
        """Have screen readers say `text` (an accessibility announcement event)."""
        event = QAccessibleAnnouncementEvent(self, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def open_menu_at_cursor(self) -> None:
        """The suggestions and choices for the finding at the cursor, as a menu (the
        Menu key, Shift+F10)."""
        point = self.cursorRect().center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point,
                                  self.viewport().mapToGlobal(point))
        self.contextMenuEvent(event)

    # --- the card -----------------------------------------------------------------------
    def _anchor_rect(self, hit: Hit) -> QRect:
        c = QTextCursor(self.document())
        c.setPosition(hit.start)
        top = self.cursorRect(c)
        c.setPosition(hit.end)
        bottom = self.cursorRect(c)
        rect = QRect(top.topLeft(), bottom.bottomRight()).normalized()
        if bottom.top() > top.top():  # crosses a line: anchor on the first line
            rect = QRect(top.left(), top.top(), self.fontMetrics().height(), top.height())
        return QRect(self.viewport().mapTo(self, rect.topLeft()), rect.size())

    def show_card(self, hits: list[Hit], anchor: QRect | None = None) -> None:
        if not hits:
            self.hide_card()
            return
        self._hide_timer.stop()
        self.card.set_hits(hits)
        self.card.show_at(anchor or self._anchor_rect(hits[0]))
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(hits[0].start)
        sel.cursor.setPosition(hits[0].end, QTextCursor.MoveMode.KeepAnchor)
        sel.format = active_format(self.palette())
        self.setExtraSelections([sel])

    def hide_card(self) -> None:
        self._show_timer.stop()
        self._pending_card = None
        if self.card.isVisible():
            self.card.hide()
        if self.extraSelections():
            self.setExtraSelections([])

    def _show_pending_card(self) -> None:
        if self._pending_card is not None:
            hits, anchor = self._pending_card
            self._pending_card = None
            self.show_card(hits, anchor)

    def _cursor_moved(self) -> None:
        if self._typing:
            self._typing = False
            return
        cursor = self.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        hits = self.hits_at(position, inclusive_end=not cursor.hasSelection())
        words = [h for h in hits if h.finding.category != "sentence"] or hits
        if words and self.hasFocus():
            self._pending_card = (words, self._anchor_rect(words[0]))
            self._show_timer.start()
        elif self.card.isVisible():
            self.hide_card()

    # --- Qt events ----------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.card.isVisible():
            self.hide_card()
            event.accept()
            return
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (event.key() == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier) or (
                event.key() == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier):
            # Qt opens a context menu for the Menu key only on some platforms, and never
            # for Shift+F10: both open it here, from the cursor, on every platform.
            event.accept()
            self.open_menu_at_cursor()
            return
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._typing = True
            self.hide_card()
        if self.word is not None and self.word.key_pressed(event):
            event.accept()
        else:
            super().keyPressEvent(event)
        self._typing = False

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mouseMoveEvent(event)
        if event.buttons():
            return
        point = event.position().toPoint()
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        over_text = abs(rect.center().y() - point.y()) <= rect.height()
        hits = self.hits_at(cursor.position()) if over_text else []
        words = [h for h in hits if h.finding.category != "sentence"] or hits
        if words:
            self._hide_timer.stop()
            same = self.card.isVisible() and self.card.hits and (
                self.card.hits[0].start, self.card.hits[0].finding) == (
                words[0].start, words[0].finding)
            if not same:
                self._pending_card = (words, self._anchor_rect(words[0]))
                self._show_timer.start()
        elif self.card.isVisible():
            self._show_timer.stop()
            self._hide_timer.start()
        else:
            self._show_timer.stop()

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._show_timer.stop()
        if self.card.isVisible():
            self._hide_timer.start()
        super().leaveEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.card:
            if event.type() == QEvent.Type.Enter:
                self._hide_timer.stop()
            elif event.type() == QEvent.Type.Leave:
                self._hide_timer.start()
        return super().eventFilter(watched, event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.hide_card()
        super().focusOutEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.hide_card()
        menu = context_menu(self, event)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            super().dropEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_column()
        self._place_margin()

    def _place_margin(self) -> None:
        """The sentence marks fill the space left of the text column."""
        if hasattr(self, "margin"):
            view = self.viewport().geometry()
            self.margin.setGeometry(0, view.top(), max(0, view.left()), view.height())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "card"):
            self._fit_column()
        elif event.type() == QEvent.Type.PaletteChange and hasattr(self, "highlighter"):
            self.set_dark(is_dark(self.palette()))

    def _fit_column(self) -> None:
        """Centre a page-wide column of text, with an em of margin at least."""
        metrics = self.fontMetrics()
        em = metrics.height()
        column = metrics.averageCharWidth() * COLUMN_CHARS
        spare = self.width() - self.verticalScrollBar().sizeHint().width() - column
        side = max(em, spare // 2)
        margins = self.viewportMargins()
        if (margins.left(), margins.top(), margins.right()) == (side, em // 2, side):
            return
        self.setViewportMargins(side, em // 2, side, 0)
        # QPlainTextEdit re-wraps only when the widget itself is resized, not its
        # viewport: switching the wrap mode makes it lay the text out again.
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._place_margin()

    def set_text_size(self, points: float | None, base: QFont) -> None:
        """The text's size: `points`, or the system font's size times 1.15."""
        font = QFont(base)
        font.setPointSizeF(points if points else base.pointSizeF() * 1.15)
        self.setFont(font)
        self.card.setFont(base)

"""The text editor: renders findings, offers suggestions, forwards edits.

It holds the last analysis that matches its text (by revision) and maps findings to Qt
positions through OffsetMap; suggestions are applied as one undo step each.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from jargonfree.app.highlighter import FindingHighlighter
from jargonfree.app.offsets import OffsetMap
from jargonfree.app.styles import STYLES, is_dark
from jargonfree.core.model import Analysis, Finding

WORD_LEVEL = {"jargon", "medical", "wordy", "misleading", "uncommon", "acronym", "passive",
              "consistency"}


class SuggestionCard(QFrame):
    """A small popup: what is wrong, the suggestions as buttons, the note and source."""

    chosen = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Suggestion")
        self._layout = QVBoxLayout(self)

    def show_for(self, finding: Finding, at: QPoint) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        title = QLabel(f"<b>{STYLES[finding.category].label}</b>")
        self._layout.addWidget(title)
        message = QLabel(finding.message)
        message.setWordWrap(True)
        message.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._layout.addWidget(message)
        for suggestion in finding.suggestions:
            button = QPushButton(suggestion)
            button.setAccessibleName(f"Replace with {suggestion}")
            button.clicked.connect(lambda _=False, s=suggestion: self.chosen.emit(finding, s))
            self._layout.addWidget(button)
        for extra in (finding.note, f"Source: {finding.source}" if finding.source else None):
            if extra:
                label = QLabel(extra)
                label.setWordWrap(True)
                label.setEnabled(False)
                self._layout.addWidget(label)
        self.adjustSize()
        self.move(at)
        self.show()


class Editor(QPlainTextEdit):
    """The writing area."""

    suggestion_applied = Signal()
    ignore_requested = Signal(object, str)  # finding, "here" | "document"
    word_listed = Signal(str, str)  # word, "accept" | "reject"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your text")
        self.setTabChangesFocus(False)
        self.analysis: Analysis | None = None
        self._offsets = OffsetMap("")
        self.highlighter = FindingHighlighter(self.document(), is_dark(self.palette()))
        self.card = SuggestionCard(self)
        self.card.chosen.connect(self.apply_suggestion)
        self._card_timer = QTimer(self, singleShot=True, interval=600)
        self._card_timer.timeout.connect(self._show_card_at_cursor)
        self.cursorPositionChanged.connect(lambda: (self.card.hide(), self._card_timer.start()))
        self.document().contentsChange.connect(self._on_contents_change)
        self.setMouseTracking(True)

    # --- analysis ------------------------------------------------------------------
    def show_analysis(self, analysis: Analysis, text: str) -> None:
        """Paint an analysis made for exactly `text` (the caller checked the revision)."""
        self.analysis = analysis
        self._offsets = OffsetMap(text)
        first = self.firstVisibleBlock().blockNumber()
        self.highlighter.apply(text, analysis.findings, first)

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if not removed and not added:
            return  # a repaint of highlights, not an edit
        block = self.document().findBlock(position)
        last = self.document().findBlock(position + added)
        while block.isValid():
            self.highlighter.forget_block(block)
            if block == last:
                break
            block = block.next()
        self.analysis = None  # its offsets no longer fit; wait for the next one

    def qt_span(self, f: Finding) -> tuple[int, int]:
        return self._offsets.to_qt(f.start), self._offsets.to_qt(f.end)

    def findings_at(self, position: int) -> list[Finding]:
        if self.analysis is None:
            return []
        hits = [f for f in self.analysis.findings
                if f.category not in self.highlighter.hidden
                and self.qt_span(f)[0] <= position < self.qt_span(f)[1]]
        return sorted(hits, key=lambda f: (f.category == "sentence", f.end - f.start))

    def select_finding(self, f: Finding) -> None:
        start, end = self.qt_span(f)
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    # --- applying suggestions ---------------------------------------------------------
    def apply_suggestion(self, f: Finding, replacement: str) -> bool:
        """Replace one finding's text (one undo step). False if the text moved on."""
        self.card.hide()
        if self.analysis is None:
            return False
        start, end = self.qt_span(f)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText().replace("\u2029", "\n") != f.text:
            return False
        cursor.beginEditBlock()
        cursor.insertText(replacement)
        cursor.endEditBlock()
        self.suggestion_applied.emit()
        return True

    def apply_all(self, rule_id: str) -> int:
        """Apply the first suggestion to every finding of a rule: one undo step."""
        if self.analysis is None:
            return 0
        targets = [f for f in self.analysis.findings if f.rule_id == rule_id and f.suggestions]
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        done = 0
        for f in sorted(targets, key=lambda f: f.start, reverse=True):
            start, end = self.qt_span(f)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText().replace("\u2029", "\n") == f.text:
                cursor.insertText(f.suggestions[0])
                done += 1
        cursor.endEditBlock()
        if done:
            self.suggestion_applied.emit()
        return done

    def apply_first_at_cursor(self) -> bool:
        hits = [f for f in self.findings_at(self.textCursor().position()) if f.suggestions]
        return bool(hits) and self.apply_suggestion(hits[0], hits[0].suggestions[0])

    def next_finding(self, backwards: bool = False) -> Finding | None:
        if self.analysis is None:
            return None
        pos = self.textCursor().selectionStart() if backwards else self.textCursor().selectionEnd()
        word = [f for f in self.analysis.findings if f.category in WORD_LEVEL
                and f.category not in self.highlighter.hidden]
        if backwards:
            before = [f for f in word if self.qt_span(f)[0] < pos]
            target = before[-1] if before else (word[-1] if word else None)
        else:
            after = [f for f in word if self.qt_span(f)[0] >= pos]
            target = after[0] if after else (word[0] if word else None)
        if target is not None:
            self.select_finding(target)
        return target

    # --- cards and menus -----------------------------------------------------------------
    def _show_card_at_cursor(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection() and self.analysis is None:
            return
        hits = self.findings_at(cursor.position())
        if hits and self.hasFocus():
            rect = self.cursorRect()
            self.card.show_for(hits[0], self.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        position = self.cursorForPosition(event.position().toPoint()).position()
        hits = [f for f in self.findings_at(position) if f.category != "sentence"]
        if hits and not self.card.isVisible():
            self.card.show_for(hits[0], event.globalPosition().toPoint() + QPoint(8, 16))

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = self.createStandardContextMenu()
        position = self.cursorForPosition(event.pos()).position()
        hits = self.findings_at(position)
        if hits:
            f = hits[0]
            first = menu.actions()[0] if menu.actions() else None
            extra = QMenu(self)
            for s in f.suggestions:
                act = QAction(f"Replace with “{s}”", extra)
                act.triggered.connect(lambda _=False, s=s: self.apply_suggestion(f, s))
                extra.addAction(act)
            extra.addSeparator()
            for label, scope in (("Ignore here", "here"), ("Ignore in this document", "document")):
                act = QAction(label, extra)
                act.triggered.connect(lambda _=False, sc=scope: self.ignore_requested.emit(f, sc))
                extra.addAction(act)
            if f.category != "sentence":
                word = f.text.lower()
                for label, kind in (("Always allow this word", "accept"),
                                    ("Always flag this word", "reject")):
                    act = QAction(label, extra)
                    act.triggered.connect(lambda _=False, k=kind: self.word_listed.emit(word, k))
                    extra.addAction(act)
            like = [g for g in (self.analysis.findings if self.analysis else ())
                    if g.rule_id == f.rule_id and g.suggestions]
            if len(like) > 1:
                act = QAction(f"Apply to all {len(like)} like this", extra)
                act.triggered.connect(lambda _=False: self.apply_all(f.rule_id))
                extra.addAction(act)
            for act in extra.actions():
                menu.insertAction(first, act) if first else menu.addAction(act)
            menu.insertSeparator(first) if first else None
        menu.exec(event.globalPos())

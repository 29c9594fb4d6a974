"""What a highlight offers: a card on hover or under the cursor, and the right-click menu.

The card is a small frameless panel over the editor (not a QToolTip): what is wrong in
plain words, each suggestion as a button, the rule's note and source. Its buttons take
no keyboard focus, so typing carries on in the editor; Ctrl+Return applies the first
suggestion and the context menu (menu key or Shift+F10) offers all of them by keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.styles import SHADE_LABELS, STYLES, is_dark, paint_sample
from jargonfree.core.model import Finding

MAX_HITS = 3  # findings shown in one card (a word can be jargon and an acronym at once)


@dataclass(frozen=True)
class Hit:
    """A finding where it sits now in the editor (Qt positions)."""

    finding: Finding
    start: int
    end: int


def category_title(f: Finding) -> str:
    if f.category == "sentence":
        return SHADE_LABELS.get(f.rule_id, STYLES["sentence"].label)
    return STYLES[f.category].label


class Swatch(QWidget):
    """The legend's mark for one category, drawn as the editor draws it."""

    def __init__(self, category: str, rule_id: str = "sentence.hard", parent=None,
                 word: str = "word") -> None:
        super().__init__(parent)
        self.category = category
        self.rule_id = rule_id
        self.word = word
        self.setAccessibleName(f"{STYLES[category].label}: {STYLES[category].pattern}")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        m = self.fontMetrics()
        return QSize(m.horizontalAdvance(self.word or "wor") + m.height(),
                     m.height() + m.descent() + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        pal = self.palette()
        paint_sample(p, QRectF(self.rect()).adjusted(1, 1, -1, -1), self.category,
                     is_dark(pal), pal.color(QPalette.ColorRole.Text), self.rule_id, self.word)
        p.end()


class SuggestionCard(QFrame):
    """The card for the findings at one place in the text."""

    suggestion_chosen = Signal(object, str)  # Hit, replacement

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionCard")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAccessibleName("Suggestions for this highlight")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.hits: list[Hit] = []
        self._layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        self._layout.setContentsMargins(em * 2 // 3, em // 2, em * 2 // 3, em // 2)
        self._layout.setSpacing(em // 4)
        self.hide()

    def max_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * 52

    def set_hits(self, hits: list[Hit]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        self.hits = hits[:MAX_HITS]
        for i, hit in enumerate(self.hits):
            if i:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                self._layout.addWidget(line)
            self._add_hit(hit, first=(i == 0))
        hint = QLabel("Ctrl+Enter uses the first suggestion · right-click for more")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = QFont(hint.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        hint.setFont(small)
        self._layout.addWidget(hint)
        self.setAccessibleDescription(" ".join(h.finding.message for h in self.hits))

    def _add_hit(self, hit: Hit, first: bool) -> None:
        f = hit.finding
        head = QHBoxLayout()
        head.setSpacing(self.fontMetrics().averageCharWidth())
        head.addWidget(Swatch(f.category, f.rule_id, word=""))
        title = QLabel(f"{category_title(f)}: “{_short(f.text)}”" if f.category != "sentence"
                       else category_title(f))
        title.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        head.addWidget(title)
        head.addStretch(1)
        self._layout.addLayout(head)
        message = QLabel(f.message)
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setMaximumWidth(self.max_width())
        self._layout.addWidget(message)
        if f.suggestions:
            self._layout.addLayout(self._buttons(hit, first))
        for extra, italic in ((f.note, True), (f"Source: {f.source}" if f.source else None, False)):
            if extra:
                label = QLabel(extra)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setMaximumWidth(self.max_width())
                font = QFont(label.font())
                font.setItalic(italic)
                if not italic:
                    font.setPointSizeF(font.pointSizeF() * 0.9)
                    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                label.setFont(font)
                self._layout.addWidget(label)

    def _buttons(self, hit: Hit, first: bool) -> QVBoxLayout:
        """Suggestion buttons in rows that fit the card's width."""
        rows = QVBoxLayout()
        rows.setSpacing(self.fontMetrics().height() // 4)
        row, used = None, 0
        limit = self.max_width()
        for n, suggestion in enumerate(hit.finding.suggestions):
            button = QPushButton(suggestion)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Replace “{hit.finding.text}” with “{suggestion}”")
            button.setToolTip(f"Replace “{hit.finding.text}” with “{suggestion}”")
            if first and n == 0:
                button.setDefault(True)
            button.clicked.connect(
                lambda _=False, s=suggestion: self.suggestion_chosen.emit(hit, s))
            width = button.sizeHint().width()
            if row is None or used + width > limit:
                if row is not None:
                    row.addStretch(1)
                row = QHBoxLayout()
                row.setSpacing(self.fontMetrics().averageCharWidth())
                rows.addLayout(row)
                used = 0
            row.addWidget(button)
            used += width + self.fontMetrics().averageCharWidth()
        if row is not None:
            row.addStretch(1)
        return rows

    def show_at(self, anchor: QRect) -> None:
        """Show below `anchor` (a rectangle in the parent's coordinates), or above it
        when there is no room below; kept inside the parent."""
        self.adjustSize()
        parent = self.parentWidget().rect()
        size = self.sizeHint().boundedTo(parent.size())
        self.resize(size)
        gap = self.fontMetrics().height() // 4
        x = min(max(parent.left(), anchor.left()), parent.right() - size.width())
        y = anchor.bottom() + gap
        if y + size.height() > parent.bottom() and anchor.top() - gap - size.height() >= 0:
            y = anchor.top() - gap - size.height()
        self.move(QPoint(x, max(parent.top(), y)))
        self.show()
        self.raise_()


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def add_finding_actions(menu: QMenu, hits: list[Hit], editor, count_like) -> None:
    """Put the suggestions and choices for `hits` at the top of a context menu.

    `editor` provides apply_suggestion, apply_all and the ignore/list signals;
    `count_like(rule_id)` says how many findings of a rule are in the text now.
    """
    first = menu.actions()[0] if menu.actions() else None
    added: list[QAction] = []

    def add(text: str, slot=None, enabled: bool = True, bold: bool = False) -> QAction:
        act = QAction(text, menu)
        act.setEnabled(enabled)
        if bold:
            font = act.font()
            font.setBold(True)
            act.setFont(font)
        if slot is not None:
            act.triggered.connect(slot)
        added.append(act)
        return act

    for hit in hits[:MAX_HITS]:
        f = hit.finding
        add(f"{category_title(f)}: “{_short(f.text)}”", enabled=False, bold=True)
        for s in f.suggestions:
            add(f"Change to “{s}”", lambda _=False, h=hit, s=s: editor.apply_suggestion(h, s))
        n = count_like(f.rule_id)
        heads = editor.headings_like(f.rule_id) if f.suggestions else []
        if f.suggestions and n > 1:
            add(f"Apply to all {n} like this" + (" (not in headings)" if heads else ""),
                lambda _=False, r=f.rule_id: editor.apply_all(r))
        if heads and n + len(heads) > 1:
            where = ", ".join(str(line) for line in heads)
            add(f"Apply to all {n + len(heads)}, headings too (line{'s' if len(heads) > 1 else ''} "
                f"{where})", lambda _=False, r=f.rule_id: editor.apply_all(r, headings=True))
        add("Ignore here", lambda _=False, h=hit: editor.ignore_requested.emit(h, "here"))
        add("Ignore in this document",
            lambda _=False, h=hit: editor.ignore_requested.emit(h, "document"))
        if f.category != "sentence":
            word = f.text
            add(f"Always allow “{_short(word)}”",
                lambda _=False, w=word: editor.word_listed.emit(w, "accept"))
        added.append(_separator(menu))
    for act in added:
        if first is not None:
            menu.insertAction(first, act)
        else:
            menu.addAction(act)


def add_flag_action(menu: QMenu, word: str, editor) -> None:
    """"Always flag" for a word or selection that is not flagged yet."""
    first = menu.actions()[0] if menu.actions() else None
    act = QAction(f"Always flag “{_short(word)}”", menu)
    act.triggered.connect(lambda _=False: editor.word_listed.emit(word, "reject"))
    sep = _separator(menu)
    for a in (act, sep):
        if first is not None:
            menu.insertAction(first, a)
        else:
            menu.addAction(a)


def _separator(menu: QMenu) -> QAction:
    sep = QAction(menu)
    sep.setSeparator(True)
    return sep


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def context_menu(editor, event) -> QMenu:
    """The editor's right-click menu: the standard one, with the choices for the
    highlight under the mouse (or, from the keyboard, under the cursor) on top."""
    menu = editor.createStandardContextMenu()
    keyboard = event.reason() == event.Reason.Keyboard
    point = editor.cursorRect().center() if keyboard else event.pos()
    cursor = editor.cursorForPosition(point)
    selection = editor.textCursor()
    inside = selection.selectionStart() <= cursor.position() <= selection.selectionEnd()
    if keyboard or (selection.hasSelection() and inside):
        cursor = QTextCursor(selection)
        if cursor.hasSelection():
            cursor.setPosition(selection.selectionStart())
    # First, so that a highlight's own choices and "Always flag" go above it.
    from jargonfree.app.simpler import add_simpler_words

    add_simpler_words(menu, editor, cursor)
    hits = editor.hits_at(cursor.position(), inclusive_end=True)
    if hits:
        add_finding_actions(menu, hits, editor, editor.count_like)
    word = _word_for_menu(cursor, selection)
    if word and not any(h.finding.text.lower() == word.lower() for h in hits):
        add_flag_action(menu, word, editor)
    return menu


def _word_for_menu(cursor: QTextCursor, selection: QTextCursor) -> str:
    """The selection (up to four words), or the word under the cursor."""
    if selection.hasSelection():
        text = selection.selectedText().replace("\u2029", " ").strip()
        return text if 0 < len(text) <= 60 and len(text.split()) <= 4 else ""
    word = QTextCursor(cursor)
    word.select(QTextCursor.SelectionType.WordUnderCursor)
    text = word.selectedText().strip()
    return text if any(ch.isalpha() for ch in text) else ""

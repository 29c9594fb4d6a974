"""Find in the text: a bar under the editor (Ctrl+F), Enter for next, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent=None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName("Find")
        layout = QHBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em // 2, em // 4, em // 2, em // 4)
        label = QLabel("&Find:")
        self.field = QLineEdit()
        self.field.setAccessibleName("Text to find")
        self.field.setPlaceholderText("Words to find")
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.case = QCheckBox("Match &case")
        self.previous = QToolButton(text="Previous")
        self.previous.setAccessibleName("Find previous")
        self.next = QToolButton(text="Next")
        self.next.setAccessibleName("Find next")
        self.status = QLabel()
        self.status.setAccessibleName("Matches")
        close = QToolButton(text="✕")
        close.setAccessibleName("Close the find bar")
        close.setToolTip("Close (Esc)")
        close.setAutoRaise(True)
        for w in (label, self.field, self.previous, self.next, self.case, self.status):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.textChanged.connect(self._live)
        self.field.returnPressed.connect(self.find_next)
        self.next.clicked.connect(self.find_next)
        self.previous.clicked.connect(self.find_previous)
        self.case.toggled.connect(lambda _: self._count())
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.find_previous,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.hide()

    def open_bar(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._count()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def _flags(self, backwards: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, backwards: bool, from_anchor: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        if from_anchor:
            cursor = self.editor.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.editor.setTextCursor(cursor)
        if self.editor.find(needle, self._flags(backwards)):
            return True
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End if backwards
                            else QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        found = self.editor.find(needle, self._flags(backwards))
        if found:
            self.status.setText(self.status.text().split(" (")[0] + " (wrapped)")
        return found

    def find_next(self) -> bool:
        return self._find(False)

    def find_previous(self) -> bool:
        return self._find(True)

    def _live(self) -> None:
        self._count()
        self._find(False, from_anchor=True)

    def _count(self) -> int:
        needle = self.field.text()
        if not needle:
            self.status.setText("")
            return 0
        text = self.editor.toPlainText()
        n = (text.count(needle) if self.case.isChecked()
             else text.casefold().count(needle.casefold()))
        self.status.setText("No matches" if n == 0 else f"{n:,} match{'es' if n != 1 else ''}")
        return n

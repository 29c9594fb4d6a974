"""The questions and messages the window puts to the user, in one replaceable object.

The window takes a Prompts in its constructor; tests give it one that answers at once,
so no dialog ever waits for a click in a test run.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

Button = QMessageBox.StandardButton


class Prompts:
    """Message boxes parented to the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask(self, title: str, text: str, buttons: Button, *, default: Button | None = None,
            labels: dict[Button, str] | None = None, details: str = "",
            preview: str | None = None) -> Button:
        """A question; returns the button pressed (Cancel or Escape: the escape button).
        With `preview`, that text is shown in full (read-only) beside the question."""
        if preview is not None:
            return PreviewQuestion(title, text, buttons, default=default, labels=labels,
                                   details=details, preview=preview,
                                   parent=self.parent).ask()
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self.parent)
        box.setAccessibleName(title)
        if details:
            box.setInformativeText(details)
        for button, label in (labels or {}).items():
            if box.button(button) is not None:
                box.button(button).setText(label)
        if default is not None:
            box.setDefaultButton(default)
        return Button(box.exec())

    def tell(self, title: str, text: str, *, warning: bool = True) -> None:
        """A one-line message (an error, or something the user must know)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, Button.Ok, self.parent)
        box.setAccessibleName(title)
        box.exec()

    def save_path(self, title: str, suggested: str, filters: str) -> tuple[str, str]:
        """A file name to save to, and the filter chosen ("" when cancelled)."""
        return QFileDialog.getSaveFileName(self.parent, title, suggested, filters)


class PreviewQuestion(QDialog):
    """A question with a text to read before answering (recovered work), in a read-only,
    scrollable box that screen readers reach with Tab."""

    def __init__(self, title: str, text: str, buttons: Button, *, default: Button | None,
                 labels: dict[Button, str] | None, details: str, preview: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.answer = Button.Cancel
        layout = QVBoxLayout(self)
        question = QLabel(text)
        question.setWordWrap(True)
        layout.addWidget(question)
        if details:
            more = QLabel(details)
            more.setWordWrap(True)
            layout.addWidget(more)
        self.preview = QPlainTextEdit(preview)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The recovered text")
        self.preview.setTabChangesFocus(True)
        layout.addWidget(self.preview, 1)
        box_button = QDialogButtonBox.StandardButton  # same values as QMessageBox's
        self.buttons = QDialogButtonBox(box_button(buttons.value))
        for button, label in (labels or {}).items():
            if self.buttons.button(box_button(button.value)) is not None:
                self.buttons.button(box_button(button.value)).setText(label)
        first = self.buttons.button(box_button(default.value)) if default is not None else None
        if first is not None:
            first.setDefault(True)
            first.setFocus()
        self.buttons.clicked.connect(self._clicked)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        self.resize(em * 36, em * 24)

    def _clicked(self, button) -> None:
        self.answer = Button(self.buttons.standardButton(button).value)
        self.accept()

    def ask(self) -> Button:
        """Show it and wait; Escape or closing the window answers Cancel."""
        self.exec()
        return self.answer

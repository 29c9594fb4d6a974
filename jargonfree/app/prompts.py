"""The questions and messages the window puts to the user, in one replaceable object.

The window takes a Prompts in its constructor; tests give it one that answers at once,
so no dialog ever waits for a click in a test run.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Button = QMessageBox.StandardButton


class Prompts:
    """Message boxes parented to the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask(self, title: str, text: str, buttons: Button, *, default: Button | None = None,
            labels: dict[Button, str] | None = None, details: str = "") -> Button:
        """A question; returns the button pressed (Cancel or Escape: the escape button)."""
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

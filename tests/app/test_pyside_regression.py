"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void-returning call and
aborts CPython after a few thousand (docs/ARCHITECTURE.md); the dependency pin keeps us off it."""

from PySide6.QtWidgets import QWidget


def test_twenty_thousand_void_calls(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    for i in range(20_000):
        w.setEnabled(bool(i % 2))
    assert w.isEnabled() is True  # the last call (i = 19,999) enabled it

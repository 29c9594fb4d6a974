"""Help > About: version, the no-network promise and the credits."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

import jargonfree

from .test_privacy import _when_modal


def test_about_shows_version_promise_and_credits(qtbot, make_window):
    w = make_window()
    shown = []

    def read_and_close(box):
        shown.append((box.text(), box.detailedText()))
        box.accept()

    _when_modal(qtbot, read_and_close)
    w.actions_.all["about"].trigger()
    [(text, details)] = shown
    details = " ".join(details.split())
    assert f"jargonfree {jargonfree.__version__}" in text
    assert "never connects to the internet" in text
    for words in ("CMU", "Open English WordNet", "wordfreq", "Open Government Licence", "LGPL"):
        assert words in text, words
    assert "Carnegie Mellon University" in details and "download.qt.io" in details
    assert QMessageBox

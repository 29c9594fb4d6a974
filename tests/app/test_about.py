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


def test_help_explains_each_score_on_the_panel(qtbot, make_window):
    w = make_window()
    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.accept()

    _when_modal(qtbot, read_and_close)
    help_menu = next(m for m in w.menuBar().findChildren(type(w.actions_.recent))
                     if m.title() == "&Help")
    [scores] = [a for a in help_menu.actions() if a.text() == "How to Read the &Scores"]
    scores.trigger()
    [page] = shown
    for words in ("UK reading age", "Who is it for?", "SMOG", "Flesch reading ease",
                  "Jargon", "Other formulas", "Reading age by paragraph"):
        assert words in page, words


def test_the_first_window_is_empty_with_a_hint_and_the_audience_chooser(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    assert w.editor.toPlainText() == ""
    assert "Type or paste your text here" in w.editor.placeholderText()
    assert w.panel.profile.isVisible() and w.panel.profile.count() >= 2

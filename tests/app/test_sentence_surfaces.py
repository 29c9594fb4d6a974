"""One splitter for every surface: the editor's sentence shading, the per-paragraph chart,
the score panel and the status bar all read core.text's sentences, through the real engine."""

from __future__ import annotations

from jargonfree import analyze
from jargonfree.app.highlighter import block_spans
from jargonfree.settings import Settings

from .conftest import wait_checked
from .sync_client import SyncEngineClient

HARD = ("Notwithstanding considerable organisational heterogeneity, multidisciplinary "
        "stakeholders operationalised interdisciplinary governance arrangements.")


def real(text, profile, options, revision):
    return analyze(text, profile, options=options, revision=revision)


def test_sentence_shading_chart_and_scores_agree_with_the_splitter(qtbot, make_window):
    text = "Go to A&E. " + HARD  # two sentences: the full stop after A&E ends the first
    w = make_window(Settings(), client=SyncEngineClient(real))
    w.editor.setPlainText(text)
    w.checker.check_now()
    wait_checked(qtbot, w)
    shaded = [s for s in block_spans(w.editor.document().firstBlock()) if s.is_sentence]
    assert [(s.start, s.text) for s in shaded] == [(text.index(HARD), HARD)]
    a = w.checker.analysis
    assert a.readability.sentences == 2
    assert a.paragraph_grades == analyze(text).paragraph_grades
    assert a.readability.reading_age == 21.0  # capped
    assert w.panel.age.text() == "over 21 (university level)"
    assert w.reading.text() == "Reading age over 21 (university level)"

"""Highlights land on the right words, follow edits, drop stale answers, paint in slices."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor

from jargonfree.app.highlighter import block_spans
from jargonfree.app.positions import utf16_len

from .conftest import painted, type_text
from .fake_engine import fake_analyze


class ManualClient(QObject):
    """A client that answers only when the test says so."""

    analysis_ready = Signal(object)
    state_changed = Signal(str)
    error = Signal(str)
    state = "ready"

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[tuple] = []

    def start(self) -> None:
        pass

    def submit(self, revision, text, profile, options) -> None:
        self.jobs.append((revision, text, profile, options))

    def answer(self, job) -> None:
        revision, text, profile, options = job
        self.analysis_ready.emit(fake_analyze(text, profile, options, revision))

    def shutdown(self) -> None:
        pass


def spans(window, block=0):
    return [(s.start, s.length, s.text) for s in block_spans(
        window.editor.document().findBlockByNumber(block))]


def test_highlight_after_emoji_covers_exactly_the_word(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "😀 utilise")
    start = utf16_len("😀 ")
    assert spans(w) == [(start, 7, "utilise")]
    assert (start, 7) in painted(w)
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 7, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "utilise"


def test_highlights_follow_typing_before_them(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.")
    cursor = QTextCursor(w.editor.document())
    cursor.insertText("Today 😀 ")  # at the start; no new answer yet
    shift = utf16_len("Today 😀 ")
    assert spans(w) == [(3 + shift, 7, "utilise")]
    assert (3 + shift, 7) in painted(w)


def test_typing_inside_a_word_takes_its_highlight_off_at_once(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.")
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(6)
    cursor.insertText("x")  # "utixlise"
    assert spans(w) == []
    assert painted(w) == []


def test_answers_for_an_older_text_are_dropped(qtbot, make_window):
    client = ManualClient()
    w = make_window(client=client)
    w.editor.setPlainText("We utilise it.")
    w.checker.check_now()
    old_job = client.jobs[-1]
    w.editor.appendPlainText("We leverage it.")  # the text moves on before the answer
    client.answer(old_job)
    assert w.checker.analysis is None
    assert spans(w) == [] and spans(w, 1) == []
    w.checker.check_now()
    client.answer(client.jobs[-1])
    w.editor.highlighter.finish()
    assert spans(w) == [(3, 7, "utilise")]
    assert spans(w, 1) == [(3, 8, "leverage")]


def test_an_analysis_with_an_old_revision_changes_no_highlight(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.")
    before = spans(w)
    stale = dataclasses.replace(fake_analyze("utilise utilise"), revision=w.checker.revision - 1)
    w.client.analysis_ready.emit(stale)
    w.editor.highlighter.finish()
    assert spans(w) == before


def test_sentence_shade_and_word_underline_together(qtbot, make_window):
    w = make_window()
    sentence = "We will utilise the new model of care across all of the services in the area."
    type_text(qtbot, w, sentence)
    kinds = {(s.finding.category, s.start, s.length) for s in
             block_spans(w.editor.document().firstBlock())}
    assert ("sentence", 0, len(sentence)) in kinds
    assert ("wordy", sentence.index("utilise"), 7) in kinds


def test_a_finding_across_lines_is_painted_on_both(qtbot, make_window):
    w = make_window()
    text = "We will utilise the new model of care\nacross all of the services in the area."
    type_text(qtbot, w, text)
    first = [s for s in block_spans(w.editor.document().findBlockByNumber(0)) if s.is_sentence]
    second = [s for s in block_spans(w.editor.document().findBlockByNumber(1)) if s.is_sentence]
    assert first and second and first[0].first and not second[0].first
    hit = w.editor.hits_at(w.editor.document().findBlockByNumber(1).position() + 2)[0]
    assert hit.start == 0  # found from its second piece, whole


def test_a_big_document_is_painted_in_slices_visible_blocks_first(qtbot, make_window):
    w = make_window()
    w.show()
    text = "\n".join(f"Line {n}: we utilise it." for n in range(3000))
    w.editor.setPlainText(text)
    w.editor.highlighter.apply(w.editor.text(), fake_analyze(text).findings, 0, 40)
    doc = w.editor.document()
    qtbot.waitUntil(lambda: painted(w, 0) != [], timeout=3000)
    assert w.editor.highlighter.pending()  # the rest is still to come, a slice at a time
    w.editor.highlighter.finish()
    last = doc.blockCount() - 1
    assert painted(w, last) == [(len(f"Line {last}: we "), 7)]


def test_hiding_a_category_hides_its_marks_and_list(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it and leverage it.")
    w.legend.boxes["wordy"].setChecked(False)
    w.editor.highlighter.finish()
    assert painted(w) == [(18, 8)]
    assert [c for c, _ in w.findings.model_.groups] == ["jargon"]
    assert w.settings.hidden_categories == ["wordy"]


# --- painting on screen, colours and hidden categories against analyses being laid -----


def _window_with_lines(make_window, lines: int = 3000, height: int = 600):
    """A shown window holding `lines` lines with one wordy word each, and that text."""
    w = make_window()
    w.resize(900, height)
    w.show()
    text = "\n".join(f"Line {k}: we utilise it." for k in range(lines))
    w.editor.setPlainText(text)
    return w, text


def _lay(qtbot, w, text: str, first_visible: int = 0) -> None:
    """Lay the fake engine's findings for `text` and wait until the job is done."""
    w.editor.highlighter.apply(text, fake_analyze(text).findings, first_visible, 40)
    qtbot.waitUntil(lambda: not w.editor.highlighter.pending(), timeout=10_000)


def _underline_colours(w, block: int) -> list[str]:
    layout = w.editor.document().findBlockByNumber(block).layout()
    return [r.format.underlineColor().name() for r in layout.formats()]


def test_blocks_far_off_screen_are_painted_when_they_come_into_view(qtbot, make_window):
    w, text = _window_with_lines(make_window)
    _lay(qtbot, w, text)
    last = w.editor.document().blockCount() - 1
    assert painted(w, 0) == [(len("Line 0: we "), 7)]
    assert painted(w, last) == []  # laid, not painted: Qt keeps a layout per painted block
    # The findings are there all the same: F8 and "apply to all" see every one.
    assert len(w.editor.all_hits()) == 3000
    w.editor.moveCursor(QTextCursor.MoveOperation.End)
    w.editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: painted(w, last) != [], timeout=3000)
    assert painted(w, last) == [(len(f"Line {last}: we "), 7)]


def test_blocks_scrolled_into_view_while_an_analysis_is_laid_get_painted(qtbot, make_window):
    w, text = _window_with_lines(make_window)
    w.editor.clearFocus()
    w.editor.highlighter.apply(w.editor.text(), fake_analyze(text).findings, 0, 40)
    w.editor.verticalScrollBar().setValue(1500)  # before the job gets there
    qtbot.waitUntil(lambda: not w.editor.highlighter.pending(), timeout=10_000)
    first = w.editor.firstVisibleBlock().blockNumber()
    assert first >= 1400
    qtbot.waitUntil(lambda: painted(w, first + 1) != [], timeout=3000)
    assert painted(w, first + 1) == [(len(f"Line {first + 1}: we "), 7)]


def test_a_legend_change_while_an_analysis_is_laid_keeps_the_analysis(qtbot, make_window):
    w, text = _window_with_lines(make_window, 500)
    w.editor.highlighter.apply(w.editor.text(), fake_analyze(text).findings, 0, 40)
    w.editor.set_hidden({"sentence"})
    qtbot.waitUntil(lambda: not w.editor.highlighter.pending(), timeout=10_000)
    assert len(w.editor.all_hits()) == 500


def test_theme_and_hidden_changes_reach_blocks_on_and_off_screen(qtbot, make_window):
    w, text = _window_with_lines(make_window)
    w.editor.highlighter.apply(text, fake_analyze(text).findings, 0, 40)
    w.editor.highlighter.finish()  # every block painted in light colours
    light_top, light_end = _underline_colours(w, 1), _underline_colours(w, 2999)
    w.editor.set_dark(True)
    # An answer for the same text arrives at once (same spans): the theme still wins.
    _lay(qtbot, w, text)
    qtbot.waitUntil(lambda: _underline_colours(w, 1) != light_top, timeout=3000)
    # A keystroke, then the far end of the document comes into view: dark there too.
    QTextCursor(w.editor.document()).insertText("x")
    w.editor.moveCursor(QTextCursor.MoveOperation.End)
    w.editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: _underline_colours(w, 2999) not in ([], light_end), timeout=3000)
    # A hidden category disappears from the screen, and stays hidden for new answers.
    w.editor.set_hidden({"wordy"})
    _lay(qtbot, w, w.editor.text(), first_visible=2990)
    qtbot.waitUntil(lambda: painted(w, 2999) == [], timeout=3000)


def test_painting_on_screen_does_not_call_itself(qtbot, make_window):
    w, text = _window_with_lines(make_window, height=1000)
    _lay(qtbot, w, text)
    # A paint queued before the wrapper goes in would call the real method and swallow the
    # scroll's paint (on a loaded machine it often is): wait until none is queued.
    qtbot.waitUntil(lambda: not w.editor._paint_queued, timeout=10_000)
    depth, deepest = [0], [0]
    real = w.editor._paint_on_screen

    def counted():
        depth[0] += 1
        deepest[0] = max(deepest[0], depth[0])
        try:
            real()
        finally:
            depth[0] -= 1

    w.editor._paint_on_screen = counted
    w.editor.verticalScrollBar().setValue(2000)
    first = w.editor.firstVisibleBlock().blockNumber()
    qtbot.waitUntil(lambda: painted(w, first) != [], timeout=3000)
    assert deepest[0] == 1

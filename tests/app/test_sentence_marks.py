"""Hard sentences are marked in the margin; only the sentences the core picks are
shaded; the legend turns shading (or all sentence marks) off."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QColor

from jargonfree.app.styles import mark_colour, shade
from jargonfree.core.model import Finding

from .conftest import CountingClient, type_text
from .fake_engine import fake_analyze

SENTENCE = "We will meet every person who uses the service and ask them what they need."


def very_hard_analyze(text, profile="general", options=None, revision=0):
    """The fake engine, with its hard sentences made very hard and the first shaded."""
    a = fake_analyze(text, profile, options, revision)
    findings = tuple(dataclasses.replace(f, rule_id="sentence.very_hard", level="warning")
                     if f.rule_id == "sentence.hard" else f for f in a.findings)
    very = [f for f in findings if f.rule_id == "sentence.very_hard"]
    return dataclasses.replace(a, findings=findings,
                               shaded=((very[0].start, very[0].end),) if very else ())


class VeryHardClient(CountingClient):
    def __init__(self) -> None:
        super().__init__()
        self._analyze = very_hard_analyze


def backgrounds(w, block: int = 0) -> list[tuple[int, int, QColor]]:
    layout = w.editor.document().findBlockByNumber(block).layout()
    return [(r.start, r.length, r.format.background().color()) for r in layout.formats()
            if r.format.background().style() != 0]


@pytest.fixture
def shown(qtbot, make_window):
    def make(client=None):
        w = make_window(client=client)
        w.show()
        qtbot.waitExposed(w)
        return w
    return make


def test_a_hard_sentence_gets_a_margin_mark_and_no_shading(qtbot, shown):
    w = shown()
    type_text(qtbot, w, SENTENCE)
    assert backgrounds(w) == []  # was shaded yellow over the whole sentence
    marks = w.editor.margin.marks()
    assert [m[0] for m in marks] == ["sentence.hard"]
    image = w.editor.margin.grab().toImage()
    colour = mark_colour("sentence.hard", w.editor.highlighter.dark)
    top, bottom = int(marks[0][1]) + 2, int(marks[0][2]) - 2
    row = [image.pixelColor(x, (top + bottom) // 2) for x in range(image.width())]
    assert colour in row  # the bar is really painted beside the sentence


def test_only_the_sentences_the_core_picks_are_shaded(qtbot, shown):
    w = shown(VeryHardClient())
    type_text(qtbot, w, f"{SENTENCE}\n\n{SENTENCE}")
    very = shade("sentence.very_hard", w.editor.highlighter.dark)
    assert [(s, n) for s, n, c in backgrounds(w, 0) if c == very] == [(0, len(SENTENCE))]
    assert backgrounds(w, 2) == []  # very hard too, but not picked: margin mark only
    assert [m[0] for m in w.editor.margin.marks()] == ["sentence.very_hard"] * 2


def test_the_legend_turns_shading_and_sentence_marks_off(qtbot, shown):
    w = shown(VeryHardClient())
    type_text(qtbot, w, SENTENCE)
    assert backgrounds(w)
    w.legend.shade_box.setChecked(False)
    w.editor.highlighter.finish()
    assert backgrounds(w) == []
    assert len(w.editor.margin.marks()) == 1  # the mark stays
    assert "sentence-shade" in w.settings.hidden_categories
    w.legend.boxes["sentence"].setChecked(False)
    assert w.editor.margin.marks() == []
    assert not w.legend.shade_box.isEnabled()


def test_a_shaded_finding_still_reaches_the_card_and_f8(qtbot, shown):
    w = shown(VeryHardClient())
    type_text(qtbot, w, SENTENCE)
    hit = w.editor.next_finding()
    assert isinstance(hit.finding, Finding) and hit.finding.rule_id == "sentence.very_hard"

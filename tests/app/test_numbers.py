"""Figures on the score panel that a clinician can trust: what a bar covers, paragraph
and line references that agree, targets compared at the precision shown, plurals, and
an audience change reported as a new target, not as a worse text."""

from __future__ import annotations

import dataclasses

from jargonfree import analyze
from jargonfree.app.scores import ScorePanel
from jargonfree.core.profiles import get_profile

from .conftest import type_text
from .fake_engine import fake_analyze


def panel_for(qtbot, analysis, baseline=None) -> ScorePanel:
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.set_analysis(analysis, baseline)
    return panel


def test_a_one_word_heading_is_not_the_hardest_paragraph(qtbot):
    text = ("Introduction\n\nWe will meet the people who use the service and ask them "
            "what they need.\n\nConclusions\n\nThe team will write to you after the visit.")
    panel = panel_for(qtbot, analyze(text))
    note = panel.chart_note.text()
    assert note.startswith("2 paragraphs scored (2 headings or labels left out)")
    assert "the hardest is paragraph 2 (line 3)" in note or "paragraph 4 (line 7)" in note
    assert "Introduction" not in note


def test_grouped_bars_name_the_paragraphs_and_lines_they_cover(qtbot):
    paragraphs = [f"Sentence number {i} is here for you to read today." for i in range(300)]
    paragraphs[150] = ("This is the paragraph with the considerably more complicated "
                       "institutional vocabulary, notwithstanding organisational "
                       "considerations of unprecedented administrative complexity.")
    text = "\n\n".join(paragraphs)
    a = analyze(text)
    panel = panel_for(qtbot, a)
    chart = panel.chart
    assert chart.step == 3 and len(chart.bars) == 100
    # paragraph 151 is on line 301, in the bar of paragraphs 151-153 (lines 301-305)
    assert "the hardest is in paragraphs 151-153 (lines 301-305)" in chart.summary()
    assert chart.tip(50).startswith("Paragraphs 151-153 (lines 301-305): hardest reading age")
    # the findings list names the same line for a finding in that paragraph
    hard = [f for f in a.findings if f.category == "sentence" and f.line == 301]
    assert hard


def test_the_chart_compares_with_the_target_at_the_precision_shown(qtbot):
    a = fake_analyze("One.\n\nTwo.\n\nThree.")
    a = dataclasses.replace(a, paragraph_grades=((0, 4, 14.1), (6, 10, 14.6), (12, 18, 9.0)),
                            paragraph_lines=(1, 3, 5))
    panel = panel_for(qtbot, a)
    assert panel.chart.tip(0) == "Paragraph 1 (line 1): reading age 14. Click to go there."
    assert "(above the target)" in panel.chart.tip(1)
    assert "1 above the target" in panel.chart.summary()


def test_a_reading_age_shown_as_14_meets_a_target_of_14(qtbot):
    a = fake_analyze("We will see you soon.")
    r = dataclasses.replace(a.readability, reading_age=14.1,
                            meets_target=get_profile("general").meets(14.1))
    panel = panel_for(qtbot, dataclasses.replace(a, readability=r))
    assert panel.age.text() == "14"
    assert "Meets the target" in panel.verdict.text()


def test_one_paragraph_is_singular(qtbot):
    panel = panel_for(qtbot, analyze("We will see you at the clinic next week."))
    assert panel.chart_note.text().startswith("1 paragraph scored;")


def test_changing_the_audience_reports_the_new_target_not_a_worse_text(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.")
    w.panel.profile.setCurrentIndex(w.panel.profile.findData("patient"))
    qtbot.waitUntil(lambda: w.shown is not None
                    and w.shown.readability.profile == "patient", timeout=3000)
    labels = [w.panel.compare.itemAt(i).widget().text() for i in range(w.panel.compare.count())]
    assert not any("worse" in t or "better" in t for t in labels[labels.index("Highlights"):])
    assert "Patient information" in labels and "reading age 9 to 11" in labels
    assert "target is now reading age 9 to 11" in w.statusBar().currentMessage()


def test_a_real_change_of_the_text_is_still_judged(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it and leverage it.")
    type_text(qtbot, w, "We use it.")
    labels = [w.panel.compare.itemAt(i).widget().text() for i in range(w.panel.compare.count())]
    assert any(t.endswith("(better)") for t in labels)
    assert "Audience" not in labels


def test_a_paragraph_at_the_cap_reads_over_21_in_the_chart(qtbot):
    # The core caps paragraph ages at 21, as it caps the document's: the chart says so in
    # the same words as the score panel, never a bare "21" for a text far above it.
    a = fake_analyze("One.\n\nTwo.")
    a = dataclasses.replace(a, paragraph_grades=((0, 4, 21.0), (6, 10, 12.0)),
                            paragraph_lines=(1, 3))
    panel = panel_for(qtbot, a)
    assert panel.chart.tip(0).startswith(
        "Paragraph 1 (line 1): reading age over 21 (university level) (above the target)")
    assert panel.chart.tip(1).startswith("Paragraph 2 (line 3): reading age 12")
    assert "reading age over 21 (university level)." in panel.chart.summary()

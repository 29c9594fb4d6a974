"""The score panel, the chart, the legend and the findings list."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from jargonfree.app.findings import FindingsView
from jargonfree.app.scores import ScorePanel
from jargonfree.core.describe import goal_words

from .conftest import type_text
from .fake_engine import fake_analyze


def analysis_with(**changes):
    a = fake_analyze("We utilise it. We leverage it and leverage that.\n\nA stakeholder.")
    return dataclasses.replace(a, readability=dataclasses.replace(a.readability, **changes))


def test_scores_in_plain_words(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    a = analysis_with(smog_reading_age=16.0, smog_grade=11.0, nhs_band=76,
                      flesch_reading_ease=65.0, reading_age=12.0, meets_target=True)
    panel.set_analysis(a, None)
    assert panel.age.text() == "12"
    assert "about 76% of UK adults can read this" in panel.smog.text()
    assert "plain English" in panel.flesch.text()
    assert "✔ Meets the target: reading age 14 or under" in panel.verdict.text()
    assert not panel.compare_box.isVisibleTo(panel)


def test_missing_the_target_says_so_in_words(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.set_analysis(analysis_with(reading_age=16.0, meets_target=False,
                                     flesch_reading_ease=40.0), None)
    assert "▲ Harder than the target" in panel.verdict.text()
    assert "difficult" in panel.flesch.text()


def test_other_formulas_fold_out(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_analysis(analysis_with(), None)
    assert not panel.more.isVisible()
    panel.more_button.click()
    assert panel.more.isVisible() and "Gunning fog: 10.0" in panel.more.text()


def test_before_and_after(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.show()
    before = analysis_with(reading_age=17.0)
    after = analysis_with(reading_age=12.0)
    panel.set_analysis(after, before)
    assert panel.compare_box.isVisible()
    labels = [panel.compare.itemAt(i).widget().text() for i in range(panel.compare.count())]
    assert "17" in labels and "12 (better)" in labels


def test_counts_by_category_in_the_legend(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it. We leverage it and leverage that.\n\nA stakeholder.")
    assert w.legend.boxes["jargon"].text() == "Jargon (3)"
    assert w.legend.boxes["wordy"].text() == "Wordy (1)"
    assert "3" in w.legend.boxes["jargon"].accessibleName()


def test_chart_draws_paragraphs_and_the_target(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.show()
    a = analysis_with()
    a = dataclasses.replace(a, paragraph_grades=((0, 10, 9.0), (12, 30, 18.0), (32, 40, None)))
    panel.set_analysis(a, None)
    chart = panel.chart
    assert [b[2] for b in chart.bars] == [9.0, 18.0, None]
    assert "1 above the target" in chart.accessibleDescription()
    image = chart.grab().toImage()
    assert image.width() > 0
    with qtbot.waitSignal(chart.paragraph_clicked) as clicked:
        plot = chart._plot()
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton,
                         pos=plot.center().toPoint())
    assert clicked.args == [12]


def test_chart_groups_many_paragraphs(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    grades = tuple((i * 10, i * 10 + 9, float(i % 20)) for i in range(1000))
    panel.chart.set_data(grades, (None, 14))
    assert len(panel.chart.bars) <= 120


def test_findings_grouped_with_counts_and_jump(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.\nWe leverage it and leverage that.")
    model = w.findings.model_
    tops = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert tops == ["Jargon (2)", "Wordy (1)"]
    second = model.index(1, 0, model.index(0, 0))
    assert model.data(second) == "2: leverage → use"
    w.findings.activated.emit(second)
    cursor = w.editor.textCursor()
    assert cursor.selectedText() == "leverage"
    assert cursor.selectionStart() == len("We utilise it.\nWe leverage it and ")


def test_findings_list_is_lazy_for_many_findings(qtbot):
    view = FindingsView()
    qtbot.addWidget(view)
    text = "utilise " * 20_000  # plus one hard "sentence"
    view.set_findings(fake_analyze(text).findings, frozenset({"sentence"}))
    assert view.model_.total() == 20_000
    assert view.model_.rowCount() == 1


def test_goal_words():
    assert goal_words((9, 11)) == "reading age 9 to 11"
    assert goal_words((None, 14)) == "reading age 14 or under"


def test_every_output_words_the_target_alike(qtbot):
    """The score panel, the report and `jargonfree score` say each profile's target in the
    same words (three copies of that wording once drifted apart)."""
    from jargonfree.app.report import build_html
    from jargonfree.core.describe import describe_readability
    from jargonfree.core.profiles import PROFILES

    panel = ScorePanel()
    qtbot.addWidget(panel)
    for name, profile in PROFILES.items():
        a = fake_analyze("We utilise it. We leverage it.", name)
        goal = goal_words(profile.target)
        panel.set_analysis(a, None)
        assert goal in panel.verdict.accessibleName(), name
        assert goal in build_html("x.txt", "We utilise it.", a), name
        assert any(goal in line for line in describe_readability(a.readability)), name
    assert goal_words((9, 11)) == "reading age 9 to 11"
    assert goal_words((None, 18)) == "reading age 18 or under"


def test_a_capped_reading_age_says_over_21(qtbot):
    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.set_analysis(analysis_with(
        reading_age=21.0, smog_reading_age=21.0, smog_grade=17.5, nhs_band=22,
        notes={"reading_age": "above 21", "smog_reading_age": "above 21"}), None)
    assert panel.age.text() == "over 21 (university level)"
    assert panel.smog.text().startswith("reading age over 21 (university level)")

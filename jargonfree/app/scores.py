"""The score panel: who the text is for, the reading age against its target, the other
scores in plain words, a chart per paragraph, and before/after."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.chart import ReadingAgeChart
from jargonfree.app.styles import is_dark, ok_colour
from jargonfree.core.describe import (
    flesch_label,
    goal_words,
    nhs_band_words,
    reading_age_words,
    reading_time_words,
)
from jargonfree.core.model import Analysis, Readability
from jargonfree.core.profiles import PROFILES, get_profile


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _label(text: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


class ScorePanel(QWidget):
    profile_chosen = Signal(str)
    paragraph_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Scores")
        em = self.fontMetrics().height()
        layout = QVBoxLayout(self)
        layout.setSpacing(em // 2)

        self.profile = QComboBox()
        for p in PROFILES.values():
            self.profile.addItem(p.label, p.name)
        self.profile.setAccessibleName("Who the text is for")
        self.profile.currentIndexChanged.connect(self._profile_picked)
        who = QLabel("&Who is it for?")
        who.setBuddy(self.profile)
        layout.addWidget(who)
        layout.addWidget(self.profile)
        self.profile_note = _label(name="About this audience")
        self.profile_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.profile_note.setFont(_scaled(self, 0.9))
        layout.addWidget(self.profile_note)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setAutoFillBackground(True)
        card.setBackgroundRole(QPalette.ColorRole.Base)
        card_layout = QGridLayout(card)
        card_layout.setHorizontalSpacing(em)
        self.age_caption = _label("UK reading age")
        self.age = _label("…", wrap=False, name="UK reading age")
        self.age.setFont(_scaled(self, 2.6, bold=True))
        self.age.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.age.setMinimumWidth(self.age.fontMetrics().horizontalAdvance("888"))
        self.verdict = _label(name="Target")
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setFont(_scaled(self, 1.0, bold=True))
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        card_layout.addWidget(self.age, 0, 0, 2, 1)
        card_layout.addWidget(self.age_caption, 0, 1)
        card_layout.addWidget(self.verdict, 1, 1)
        card_layout.setColumnStretch(1, 1)
        layout.addWidget(card)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.grade = _label(name="School grade")
        self.smog = _label(name="SMOG")
        self.flesch = _label(name="Flesch reading ease")
        self.jargon = _label(name="Jargon score")
        self.size = _label(name="Length")
        for caption, widget in (("Grade", self.grade), ("SMOG", self.smog),
                                ("Flesch", self.flesch), ("Jargon", self.jargon),
                                ("Length", self.size)):
            form.addRow(caption, widget)
        layout.addLayout(form)

        self.more_button = QToolButton()
        self.more_button.setText("Other formulas")
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAutoRaise(True)
        self.more_button.setAccessibleName("Show the other readability formulas")
        self.more_button.toggled.connect(self._toggle_more)
        self.more = _label(name="Other formulas")
        self.more.hide()
        layout.addWidget(self.more_button)
        layout.addWidget(self.more)

        chart_box = QGroupBox("Reading age by paragraph")
        chart_layout = QVBoxLayout(chart_box)
        self.chart = ReadingAgeChart()
        self.chart.paragraph_clicked.connect(self.paragraph_clicked)
        self.chart_note = _label()
        self.chart_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        chart_layout.addWidget(self.chart)
        chart_layout.addWidget(self.chart_note)
        layout.addWidget(chart_box)

        self.compare_box = QGroupBox("Since you opened it")
        self.compare = QGridLayout(self.compare_box)
        layout.addWidget(self.compare_box)
        self.compare_box.hide()
        layout.addStretch(1)
        self.readability: Readability | None = None
        self.set_profile("general")

    # --- inputs ------------------------------------------------------------------------
    def set_profile(self, name: str) -> None:
        index = self.profile.findData(name)
        if index >= 0 and index != self.profile.currentIndex():
            self.profile.blockSignals(True)
            self.profile.setCurrentIndex(index)
            self.profile.blockSignals(False)
        self.profile_note.setText(get_profile(name).description)

    def _profile_picked(self) -> None:
        name = self.profile.currentData()
        self.profile_note.setText(get_profile(name).description)
        self.profile_chosen.emit(name)

    def _toggle_more(self, on: bool) -> None:
        self.more.setVisible(on)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def show_waiting(self, words: str) -> None:
        if self.readability is None:
            self.age.setText("…")
            self.verdict.setText(words)

    def set_analysis(self, analysis: Analysis, baseline: Analysis | None,
                     word_limit: int | None = None) -> None:
        r = analysis.readability
        self.readability = r
        self.set_profile(r.profile)
        self.age.setText(reading_age_words(r))
        self.age.setAccessibleName(f"UK reading age {reading_age_words(r)}")
        self._set_verdict(r)
        if r.flesch_kincaid_grade is None:
            self.grade.setText("not enough text")
        else:
            self.grade.setText(f"US school grade {r.flesch_kincaid_grade:.1f} (Flesch-Kincaid)")
        if r.smog_grade is None:
            self.smog.setText(r.notes.get("smog_grade", "needs at least 3 sentences"))
        else:
            self.smog.setText(f"reading age {reading_age_words(r, 'smog_reading_age')}: "
                              f"{nhs_band_words(r.nhs_band)}")
        self.flesch.setText(f"{_num(r.flesch_reading_ease)} out of 100: "
                            f"{flesch_label(r.flesch_reading_ease)}")
        self.jargon.setText("–" if r.jargon_percent is None else
                            f"{r.jargon_percent:.1f}% uncommon words (lower is plainer)")
        words = f"{r.words:,} words"
        if word_limit:
            over = r.words - word_limit
            words = f"{r.words:,} / {word_limit:,} words"
            words += f" ({over:,} over)" if over > 0 else ""
        self.size.setText(f"{words}, {r.sentences:,} sentences; "
                          f"{reading_time_words(r.reading_time_seconds)}")
        self.more.setText(self._more_text(r))
        self.chart.set_data(analysis.paragraph_grades, r.target, analysis.paragraph_lines)
        self.chart_note.setText(self.chart.summary())
        self._set_compare(baseline, analysis)

    def _set_verdict(self, r: Readability) -> None:
        """A tick or a warning sign and words, in green or amber: never colour alone."""
        dark = is_dark(self.palette())
        goal = html.escape(goal_words(r.target))
        if r.meets_target is True:
            text = f"✔ Meets the target: {goal}"
            colour = ok_colour(True, dark).name()
        elif r.meets_target is False:
            text = f"▲ Harder than the target: aim for {goal}"
            colour = ok_colour(False, dark).name()
        else:
            text, colour = f"Not enough text to tell yet (target: {goal})", None
        self.verdict.setText(f'<span style="color:{colour}">{text}</span>' if colour else text)
        self.verdict.setAccessibleName(text)

    def _more_text(self, r: Readability) -> str:
        rows = [("Gunning fog", r.gunning_fog), ("Coleman-Liau", r.coleman_liau),
                ("Automated readability index", r.automated_readability_index),
                ("Dale-Chall", r.dale_chall), ("SMOG grade", r.smog_grade),
                ("Flesch-Kincaid grade", r.flesch_kincaid_grade)]
        lines = [f"{name}: {_num(value, 1)}" for name, value in rows]
        lines += [f"{name}: {why}" for name, why in sorted(r.notes.items())]
        lines.append("Grades are US school years; UK reading age is the grade plus 5.")
        return "\n".join(lines)

    def _set_compare(self, baseline: Analysis | None, now: Analysis) -> None:
        while self.compare.count():
            item = self.compare.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if baseline is None or baseline is now:
            self.compare_box.hide()
            return
        b, r = baseline.readability, now.readability
        # The highlights and the jargon share depend on the audience's checks: after a
        # change of audience they are not a change in the text, so they get no verdict.
        same_audience = b.profile == r.profile
        rows = [
            ("Reading age", b.reading_age, r.reading_age, True, True),
            ("SMOG reading age", b.smog_reading_age, r.smog_reading_age, True, True),
            ("Flesch ease", b.flesch_reading_ease, r.flesch_reading_ease, False, True),
            ("Jargon %", b.jargon_percent, r.jargon_percent, True, same_audience),
            ("Highlights", len(baseline.findings), len(now.findings), True, same_audience),
        ]
        for col, head in enumerate(("", "Then", "Now")):
            label = _label(head, wrap=False)
            label.setFont(_scaled(self, 1.0, bold=True))
            self.compare.addWidget(label, 0, col)
        row = 1
        if not same_audience:
            then_p, now_p = get_profile(b.profile), get_profile(r.profile)
            self.compare.addWidget(_label("Audience", wrap=False), row, 0)
            self.compare.addWidget(_label(then_p.label), row, 1)
            self.compare.addWidget(_label(now_p.label), row, 2)
            row += 1
            self.compare.addWidget(_label("Target", wrap=False), row, 0)
            self.compare.addWidget(_label(goal_words(b.target)), row, 1)
            self.compare.addWidget(_label(goal_words(r.target)), row, 2)
            row += 1
        for name, then, now_value, lower_better, judged in rows:
            change = ""
            if (judged and then is not None and now_value is not None
                    and round(then) != round(now_value)):
                better = (now_value < then) == lower_better
                change = " (better)" if better else " (worse)"
            self.compare.addWidget(_label(name, wrap=False), row, 0)
            self.compare.addWidget(_label(_num(then), wrap=False), row, 1)
            self.compare.addWidget(_label(_num(now_value) + change, wrap=False), row, 2)
            row += 1
        if not same_audience:
            note = _label("Highlights and jargon are counted for the new audience, so they "
                          "are not compared.")
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.compare.addWidget(note, row, 0, 1, 3)
        self.compare_box.show()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self.readability is not None:
            self._set_verdict(self.readability)

"""The side panel: scores in plain words, a legend that filters, a reading-age chart,
and the list of findings grouped by category."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.styles import STYLES, colour, is_dark
from jargonfree.core.describe import flesch_label, nhs_band_words, target_words
from jargonfree.core.model import Analysis, Finding, Readability
from jargonfree.core.profiles import PROFILES


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


class ReadingAgeChart(QWidget):
    """Bars of reading age per paragraph, with the profile's target band behind them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grades: list[float | None] = []
        self.target: tuple[int | None, int | None] = (None, 14)
        self.setMinimumHeight(self.fontMetrics().height() * 6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Reading age of each paragraph")

    def set_data(self, grades: list[float | None], target) -> None:
        self.grades = grades
        self.target = target
        ages = [g for g in grades if g is not None]
        self.setToolTip(
            f"{len(ages)} paragraphs; hardest reading age {max(ages):.0f}" if ages else "No paragraphs yet"
        )
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -self.fontMetrics().height() - 2)
        top_age = 22.0
        lo, hi = self.target
        band = QColor("#4caf50")
        band.setAlpha(45)
        y_hi = rect.bottom() - rect.height() * min(hi or top_age, top_age) / top_age
        y_lo = rect.bottom() - rect.height() * (lo or 0) / top_age
        p.fillRect(QRectF(rect.left(), y_hi, rect.width(), y_lo - y_hi), band)
        p.setPen(QPen(pal.color(QPalette.ColorRole.Mid)))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        ages = self.grades[:200]
        if ages:
            width = rect.width() / len(ages)
            for i, age in enumerate(ages):
                if age is None:
                    continue
                h = rect.height() * max(0.0, min(age, top_age)) / top_age
                over = hi is not None and age > hi
                c = QColor("#e57373" if over else "#64b5f6")
                p.fillRect(QRectF(rect.left() + i * width + 1, rect.bottom() - h,
                                  max(1.0, width - 2), h), c)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        label = "Reading age by paragraph (green band: your target)"
        p.drawText(QRectF(0, rect.bottom() + 2, self.width(), self.fontMetrics().height()),
                   Qt.AlignmentFlag.AlignLeft, label)
        p.end()


class ScorePanel(QWidget):
    """Reading age first, then the NHS band, Flesch, target, jargon, the other formulas."""

    profile_changed = Signal(str)
    categories_changed = Signal(set)  # the hidden categories

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.profile = QComboBox()
        for p in PROFILES.values():
            self.profile.addItem(p.label, p.name)
        self.profile.setAccessibleName("Who the text is for")
        self.profile.currentIndexChanged.connect(
            lambda _: self.profile_changed.emit(self.profile.currentData())
        )
        layout.addWidget(QLabel("Who is it for?"))
        layout.addWidget(self.profile)

        self.age = QLabel("Getting ready…")
        font = self.age.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.age.setFont(font)
        self.age.setAccessibleName("UK reading age")
        layout.addWidget(self.age)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        self.more_button = QToolButton(text="Other formulas")
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more = QLabel()
        self.more.setVisible(False)
        self.more.setWordWrap(True)
        self.more_button.toggled.connect(self._toggle_more)
        layout.addWidget(self.more_button)
        layout.addWidget(self.more)

        self.chart = ReadingAgeChart()
        layout.addWidget(self.chart)

        legend = QGroupBox("Show")
        form = QFormLayout(legend)
        self.boxes: dict[str, QCheckBox] = {}
        for cat, style in STYLES.items():
            box = QCheckBox(style.label)
            box.setChecked(True)
            box.setAccessibleName(f"Show {style.label.lower()}")
            box.setToolTip(f"Underline: {style.pattern}")
            box.toggled.connect(self._emit_hidden)
            self.boxes[cat] = box
            swatch = QLabel("▆▆")
            swatch.setAccessibleName(f"{style.label} colour")
            self._swatches = getattr(self, "_swatches", {})
            self._swatches[cat] = swatch
            form.addRow(swatch, box)
        layout.addWidget(legend)
        self.before_after = QLabel()
        self.before_after.setWordWrap(True)
        layout.addWidget(self.before_after)
        layout.addStretch(1)
        self.refresh_colours()

    def refresh_colours(self) -> None:
        dark = is_dark(self.palette())
        for cat, swatch in self._swatches.items():
            swatch.setStyleSheet(f"color: {colour(cat, dark).name()};")

    def _toggle_more(self, on: bool) -> None:
        self.more.setVisible(on)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _emit_hidden(self) -> None:
        self.categories_changed.emit({c for c, b in self.boxes.items() if not b.isChecked()})

    def set_profile(self, name: str) -> None:
        index = self.profile.findData(name)
        if index >= 0:
            self.profile.setCurrentIndex(index)

    def set_analysis(self, analysis: Analysis, baseline: Readability | None) -> None:
        r = analysis.readability
        if r.reading_age is None:
            self.age.setText("Reading age: –")
        else:
            self.age.setText(f"Reading age {r.reading_age:.0f}")
        tick = {True: "✔ Meets the target", False: "✘ Above the target", None: "Not enough text"}
        self.verdict.setText(f"{tick[r.meets_target]} ({target_words(r)})")
        grade = _fmt(r.flesch_kincaid_grade)
        smog = (f"SMOG grade {_fmt(r.smog_grade)}: {nhs_band_words(r.nhs_band)}."
                if r.smog_grade is not None else r.notes.get("smog_grade", "SMOG: not enough text."))
        self.summary.setText(
            f"US grade {grade}.<br>{smog}<br>"
            f"Flesch reading ease {_fmt(r.flesch_reading_ease, 0)}: "
            f"{flesch_label(r.flesch_reading_ease)}.<br>"
            f"Jargon score {_fmt(r.jargon_percent)}% (lower is plainer).<br>"
            f"{r.words} words, {r.sentences} sentences."
        )
        self.more.setText(
            f"Gunning fog {_fmt(r.gunning_fog)}\nColeman-Liau {_fmt(r.coleman_liau)}\n"
            f"ARI {_fmt(r.automated_readability_index)}\nDale-Chall {_fmt(r.dale_chall)}\n"
            f"SMOG reading age {_fmt(r.smog_reading_age, 0)}"
        )
        counts: dict[str, int] = {}
        for f in analysis.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        for cat, box in self.boxes.items():
            box.setText(f"{STYLES[cat].label} ({counts.get(cat, 0)})")
        self.chart.set_data([g for _, _, g in analysis.paragraph_grades], r.target)
        if baseline is not None and baseline.reading_age is not None and r.reading_age is not None:
            self.before_after.setText(
                f"When opened: reading age {baseline.reading_age:.0f}, "
                f"Flesch {_fmt(baseline.flesch_reading_ease, 0)}. "
                f"Now: reading age {r.reading_age:.0f}, Flesch {_fmt(r.flesch_reading_ease, 0)}."
            )


class FindingsList(QTreeWidget):
    """All findings grouped by category; activating one jumps to it."""

    finding_activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName("Findings")
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_findings(self, findings: tuple[Finding, ...], hidden: set[str]) -> None:
        self.setUpdatesEnabled(False)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = [f for f in findings if f.category not in hidden][:5000]
        for f in shown:
            group = groups.get(f.category)
            if group is None:
                group = QTreeWidgetItem([STYLES[f.category].label])
                groups[f.category] = group
            label = f.text if len(f.text) < 60 else f.text[:57] + "…"
            hint = f" → {f.suggestions[0]}" if f.suggestions else ""
            item = QTreeWidgetItem([f"{f.line}: {label}{hint}"])
            item.setData(0, Qt.ItemDataRole.UserRole, f)
            item.setToolTip(0, f.message)
            group.addChild(item)
        for cat in STYLES:
            if cat in groups:
                g = groups[cat]
                g.setText(0, f"{STYLES[cat].label} ({g.childCount()})")
                self.addTopLevelItem(g)
        self.setUpdatesEnabled(True)

    def _activated(self, item: QTreeWidgetItem) -> None:
        f = item.data(0, Qt.ItemDataRole.UserRole)
        if f is not None:
            self.finding_activated.emit(f)

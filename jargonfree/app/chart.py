"""A small bar chart of reading age per paragraph, with the target band behind it.

Drawn with QPainter (PySide6-Essentials has no QtCharts). Bars above the target are
amber and hatched, so they stand out without colour; click a bar to go to its paragraph.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from jargonfree.app.styles import is_dark, ok_colour
from jargonfree.core.profiles import shown_age
from jargonfree.core.readability import READING_AGE_CAP, age_words

MAX_BARS = 120  # more paragraphs than this are grouped: each bar shows a group's hardest


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def span_words(first: int, last: int, word: str = "paragraph") -> str:
    """ "paragraph 12" or "paragraphs 12-18"."""
    return f"{word} {first}" if first == last else f"{word}s {first}-{last}"


class ReadingAgeChart(QWidget):
    paragraph_clicked = Signal(int)  # code-point offset of the paragraph's start

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[int, int, float | None, int]] = []  # start, end, age, count
        # For each bar: (first, last) paragraph number and (first, last) line, 1-based.
        self.covers: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        self.scored = self.paragraphs = 0
        self.target: tuple[int | None, int | None] = (None, 14)
        self.step = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName("Reading age of each paragraph")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        em = self.fontMetrics().height()
        return QSize(em * 14, em * 9)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def set_data(self, grades, target: tuple[int | None, int | None], lines=()) -> None:
        """Paragraphs as (start, end, reading age or None: a heading, a label or too
        short), and the first line of each (when known)."""
        grades = list(grades)
        lines = list(lines) if len(lines) == len(grades) else []
        step = max(1, -(-len(grades) // MAX_BARS))
        bars, covers = [], []
        for i in range(0, len(grades), step):
            group = grades[i:i + step]
            ages = [g for _, _, g in group if g is not None]
            bars.append((group[0][0], group[-1][1], max(ages) if ages else None, len(group)))
            last = i + len(group) - 1
            covers.append(((i + 1, last + 1), (lines[i], lines[last]) if lines else None))
        self.bars = bars
        self.covers = covers
        self.scored = sum(1 for _, _, g in grades if g is not None)
        self.paragraphs = len(grades)
        self.step = step
        self.target = target
        self.setAccessibleDescription(self.summary())
        self.update()

    def above(self, age: float | None) -> bool:
        """Above the target as the figure is shown (14.1 is "14": not above 14)."""
        hi = self.target[1]
        return age is not None and hi is not None and shown_age(age) > hi

    def where(self, i: int) -> str:
        """What bar `i` covers: "paragraph 3 (line 7)", "paragraphs 12-18 (lines 40-61)"."""
        (first, last), lines = self.covers[i]
        said = span_words(first, last)
        if lines is not None:
            said += f" ({span_words(lines[0], lines[1], 'line')})"
        return said

    def summary(self) -> str:
        ages = [(i, a) for i, (_, _, a, _) in enumerate(self.bars) if a is not None]
        if not ages:
            return "No paragraphs long enough to score yet."
        left_out = self.paragraphs - self.scored
        head = f"{plural(self.scored, 'paragraph')} scored"
        if left_out:
            head += f" ({plural(left_out, 'heading or label', 'headings or labels')} left out)"
        over = sum(1 for _, a in ages if self.above(a))
        worst, age = max(ages, key=lambda x: x[1])
        if self.step == 1:
            return (f"{head}; {over:,} above the target; the hardest is {self.where(worst)}, "
                    f"reading age {_age(age)}.")
        return (f"{head}, up to {self.step} a bar; {plural(over, 'bar')} above the target; "
                f"the hardest is in {self.where(worst)}, reading age {_age(age)}.")

    def _top(self) -> float:
        ages = [a for _, _, a, _ in self.bars if a is not None]
        return max(20.0, min(30.0, max(ages, default=0) + 2))

    def _plot(self) -> QRectF:
        m = self.fontMetrics()
        left = m.horizontalAdvance("20") + m.averageCharWidth()
        return QRectF(left, m.height() / 2, self.width() - left - 2,
                      self.height() - m.height() * 1.5)

    def _bar_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self.bars or not plot.left() <= x <= plot.right():
            return None
        return min(len(self.bars) - 1, int((x - plot.left()) / plot.width() * len(self.bars)))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        dark = is_dark(pal)
        m = self.fontMetrics()
        plot = self._plot()
        top = self._top()

        def y(age: float) -> float:
            return plot.bottom() - plot.height() * max(0.0, min(age, top)) / top

        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        lo, hi = self.target
        band = ok_colour(True, dark)
        band.setAlpha(50 if dark else 38)
        p.fillRect(QRectF(plot.left(), y(hi or top), plot.width(), y(lo or 0) - y(hi or top)), band)
        p.setPen(QPen(grid, 1))
        for age in range(5, int(top) + 1, 5):
            p.drawLine(QPointF(plot.left(), y(age)), QPointF(plot.right(), y(age)))
            p.setPen(text)
            label = QRectF(0, y(age) - m.height() / 2, plot.left() - m.averageCharWidth() / 2,
                           m.height())
            p.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(age))
            p.setPen(QPen(grid, 1))
        if hi is not None:
            p.setPen(QPen(ok_colour(True, dark), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y(hi)), QPointF(plot.right(), y(hi)))
        if self.bars:
            width = plot.width() / len(self.bars)
            gap = min(width * 0.25, m.averageCharWidth())
            ok_fill = QColor(pal.color(QPalette.ColorRole.Highlight))
            warn_fill = ok_colour(False, dark)
            hatched = QRegion()
            for i, (_, _, age, _) in enumerate(self.bars):
                x = plot.left() + i * width + gap / 2
                if age is None:
                    p.setPen(QPen(grid, 2))
                    base = plot.bottom() - 1
                    p.drawLine(QPointF(x, base), QPointF(x + width - gap, base))
                    continue
                rect = QRectF(x, y(age), max(1.0, width - gap), plot.bottom() - y(age))
                over = self.above(age)
                p.fillRect(rect, warn_fill if over else ok_fill)
                if over:
                    hatched += rect.toAlignedRect()
            if not hatched.isEmpty():
                # One fill through a clip: a pattern fill per bar took 15-19 ms (measured).
                hatch = QColor(pal.color(QPalette.ColorRole.Base))
                hatch.setAlpha(150)
                p.save()
                p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                p.setClipRegion(hatched)
                p.fillRect(hatched.boundingRect(), QBrush(hatch, Qt.BrushStyle.BDiagPattern))
                p.restore()
        else:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       "Reading age per paragraph shows here")
        p.setPen(QPen(text, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        label = "paragraphs →" if len(self.bars) > 1 else ""
        p.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width(), m.height()),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
        p.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        i = self._bar_at(event.position().x())
        if i is None:
            QToolTip.hideText()
            return
        tip = self.tip(i)
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)

    def tip(self, i: int) -> str:
        """What bar `i` shows, in words."""
        _start, _end, age, count = self.bars[i]
        which = self.where(i)
        which = which[0].upper() + which[1:]
        if age is None:
            return f"{which}: a heading, a label or too short to score"
        verdict = " (above the target)" if self.above(age) else ""
        hardest = "hardest " if count > 1 else ""
        return f"{which}: {hardest}reading age {_age(age)}{verdict}. Click to go there."

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        i = self._bar_at(event.position().x())
        if i is not None:
            self.paragraph_clicked.emit(self.bars[i][0])


def _age(age: float) -> str:
    """A paragraph's reading age as the rest of the app says it: the core caps paragraph
    ages at READING_AGE_CAP, so one at the cap reads "over 21 (university level)"."""
    return age_words(age, capped=age >= READING_AGE_CAP)

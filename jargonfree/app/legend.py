"""The legend: what each mark means, how many there are, and a box to show or hide them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox

from jargonfree.app.cards import Swatch
from jargonfree.app.styles import SHADE_KEY, STYLES


class Legend(QGroupBox):
    """One row a category: its mark, a show/hide box with the count."""

    filters_changed = Signal(frozenset)  # the hidden categories

    def __init__(self, parent=None, columns: int = 1) -> None:
        super().__init__("Highlights (untick to hide)", parent)
        self.setAccessibleName("Highlights: tick to show, untick to hide")
        grid = QGridLayout(self)
        em = self.fontMetrics().height()
        grid.setHorizontalSpacing(em // 2)
        grid.setVerticalSpacing(0)
        self.boxes: dict[str, QCheckBox] = {}
        self.swatches: dict[str, Swatch] = {}
        self.counts: dict[str, int] = {}
        rows = (len(STYLES) + columns - 1) // columns
        for n, (category, style) in enumerate(STYLES.items()):
            row, col = n % rows, 2 * (n // rows)
            swatch = Swatch(category, word="")
            box = QCheckBox(style.label)
            box.setChecked(True)
            box.setToolTip(f"{style.problem}\nMarked with a {style.pattern}. Untick to hide.")
            box.toggled.connect(self._emit)
            grid.addWidget(swatch, row, col)
            grid.addWidget(box, row, col + 1)
            grid.setColumnStretch(col + 1, 1)
            self.boxes[category] = box
            self.swatches[category] = swatch
            if category == "sentence":
                sentence_row = (row, col)
        # Under "Hard sentences": whether the hardest are shaded as well as marked.
        self.shade_box = QCheckBox("Shade the hardest")
        self.shade_box.setChecked(True)
        self.shade_box.setToolTip("The very hardest sentences are shaded as well as marked "
                                  "in the margin. Untick to keep only the margin marks.")
        self.shade_box.setAccessibleName("Shade the hardest sentences")
        self.shade_box.toggled.connect(self._emit)
        self.shade_swatch = Swatch("sentence", "sentence.very_hard", word="")
        grid.addWidget(self.shade_swatch, rows, sentence_row[1])
        grid.addWidget(self.shade_box, rows, sentence_row[1] + 1)
        self._update_names()

    def set_hidden(self, hidden) -> None:
        for category, box in [*self.boxes.items(), (SHADE_KEY, self.shade_box)]:
            box.blockSignals(True)
            box.setChecked(category not in hidden)
            box.blockSignals(False)
        self._update_names()

    def hidden(self) -> frozenset[str]:
        hidden = {c for c, b in self.boxes.items() if not b.isChecked()}
        if not self.shade_box.isChecked():
            hidden.add(SHADE_KEY)
        return frozenset(hidden)

    def set_counts(self, counts: dict[str, int], disabled=frozenset()) -> None:
        """Counts per category; checks turned off in Preferences say so."""
        self.counts = dict(counts)
        for category, box in self.boxes.items():
            label = STYLES[category].label
            if category in disabled:
                box.setText(f"{label} (check off)")
            else:
                box.setText(f"{label} ({counts.get(category, 0)})")
        self._update_names()

    def _update_names(self) -> None:
        self.shade_box.setEnabled(self.boxes["sentence"].isChecked())
        for category, box in self.boxes.items():
            style = STYLES[category]
            state = "shown" if box.isChecked() else "hidden"
            n = self.counts.get(category, 0)
            box.setAccessibleName(f"{style.label}, {n}, {style.pattern}, {state}")

    def _emit(self) -> None:
        self._update_names()
        self.filters_changed.emit(self.hidden())

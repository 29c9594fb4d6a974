"""The list of findings, grouped by category; click or Enter jumps to one.

A lazy two-level model: Qt asks only for the rows it shows, so 10,000 findings cost a
reset and a grouping pass, not 10,000 widget items.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from jargonfree.app.cards import category_title
from jargonfree.app.legend import Legend
from jargonfree.app.styles import STYLES, is_dark, paint_sample
from jargonfree.core.model import Finding

TOP = 0  # internalId of a category row; a finding row holds its category's row + 1
AUTO_EXPAND = 300  # a bigger group starts folded: unfolding asks the model for every row


def _one_line(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FindingsModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[Finding]]] = []
        self.icons: dict[str, QIcon] = {}

    def set_findings(self, findings, hidden: frozenset[str] | set[str]) -> None:
        by_category: dict[str, list[Finding]] = {}
        for f in findings:
            if f.category not in hidden:
                by_category.setdefault(f.category, []).append(f)
        self.beginResetModel()
        self.groups = [(c, by_category[c]) for c in STYLES if c in by_category]
        self.endResetModel()

    def total(self) -> int:
        return sum(len(fs) for _, fs in self.groups)

    # --- QAbstractItemModel ----------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, TOP) if row < len(self.groups) else QModelIndex()
        if parent.internalId() == TOP and row < len(self.groups[parent.row()][1]):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == TOP:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def finding(self, index: QModelIndex) -> Finding | None:
        if not index.isValid() or index.internalId() == TOP:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            category, items = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{STYLES[category].label} ({len(items)})"
            if role == Qt.ItemDataRole.DecorationRole:
                return self.icons.get(category)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{STYLES[category].label}: {len(items)}"
            return None
        f = self.finding(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if f.category == "sentence":
                return f"{f.line}: {category_title(f).split()[0]}: {_one_line(f.text, 40)}"
            arrow = f" → {f.suggestions[0]}" if f.suggestions else ""
            return f"{f.line}: {_one_line(f.text, 32)}{arrow}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message
        if role == Qt.ItemDataRole.AccessibleTextRole:
            suggest = f", try {f.suggestions[0]}" if f.suggestions else ""
            return f"{category_title(f)}: {f.text}, line {f.line}{suggest}"
        return None


class FindingsView(QTreeView):
    """The findings tree; remembers which groups the user folded."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model_ = FindingsModel(self)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Findings, grouped by kind")
        self.setAccessibleDescription("Press Enter on a finding to go to it in the text.")
        self.folded: set[str] = set()
        self.collapsed.connect(lambda i: self._fold(i, True))
        self.expanded.connect(lambda i: self._fold(i, False))
        self.activated.connect(self._activate)
        self.clicked.connect(self._activate)
        self._resetting = False
        self.refresh_icons()

    def set_findings(self, findings, hidden) -> None:
        current = self.model_.finding(self.currentIndex())
        self._resetting = True
        self.model_.set_findings(findings, hidden)
        for row, (category, items) in enumerate(self.model_.groups):
            if category not in self.folded and len(items) <= AUTO_EXPAND:
                self.expand(self.model_.index(row, 0))
        self._resetting = False
        if current is not None:
            self._reselect(current)

    def _reselect(self, old: Finding) -> None:
        for row, (category, items) in enumerate(self.model_.groups):
            if category == old.category:
                for n, f in enumerate(items):
                    if (f.rule_id, f.text, f.line) == (old.rule_id, old.text, old.line):
                        parent = self.model_.index(row, 0)
                        self.setCurrentIndex(self.model_.index(n, 0, parent))
                        return

    def _fold(self, index, folded: bool) -> None:
        if self._resetting or index.internalId() != TOP:
            return
        category = self.model_.groups[index.row()][0]
        (self.folded.add if folded else self.folded.discard)(category)

    def _activate(self, index) -> None:
        f = self.model_.finding(index)
        if f is not None:
            self.finding_activated.emit(f)

    def refresh_icons(self) -> None:
        m = self.fontMetrics()
        dark = is_dark(self.palette())
        text = self.palette().color(self.palette().ColorRole.Text)
        for category in STYLES:
            size = QSize(m.horizontalAdvance("wor") + m.height() // 2, m.height() + 4)
            ratio = self.devicePixelRatioF()
            pix = QPixmap(size * ratio)
            pix.setDevicePixelRatio(ratio)
            pix.fill(Qt.GlobalColor.transparent)
            p = QPainter(pix)
            p.setFont(self.font())
            paint_sample(p, QRectF(0, 0, size.width(), size.height()), category, dark, text,
                         word="")
            p.end()
            self.model_.icons[category] = QIcon(pix)
        self.setIconSize(size)
        self.viewport().update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.FontChange):
            self.refresh_icons()


class FindingsPanel(QWidget):
    """The legend (which doubles as the filter) above the list of findings."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        em = self.fontMetrics().height()
        layout.setContentsMargins(em // 3, 0, em // 3, em // 3)
        self.legend = Legend()
        self.view = FindingsView()
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        em = self.fontMetrics().height()
        return QSize(em * 22, em * 30)

"""Preferences: audience, which checks run, limits, look, and the user's word lists."""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.styles import STYLES
from jargonfree.core.model import Options
from jargonfree.core.profiles import PROFILES
from jargonfree.formats import WriteError
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings
from jargonfree.userlists import add_word, load_word_list, normal_word, remove_word

THRESHOLDS = ("hard_grade", "very_hard_grade", "long_sentence_words")


class WordListEditor(QGroupBox):
    """An editable list of words or phrases, with Add and Remove."""

    def __init__(self, title: str, words: frozenset[str], hint: str, parent=None) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        note = QLabel(hint)
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.addItems(sorted(words))
        self.field = QLineEdit()
        self.field.setPlaceholderText("A word or phrase")
        self.field.setAccessibleName(f"New word for: {title}")
        add = QPushButton("Add")
        add.setAccessibleName(f"Add to {title}")
        remove = QPushButton("Remove Selected")
        remove.setAccessibleName(f"Remove the selected words from {title}")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(add)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(remove)
        layout.addLayout(row)
        add.clicked.connect(self.add_current)
        self.field.returnPressed.connect(self.add_current)
        remove.clicked.connect(self.remove_selected)

    def words(self) -> set[str]:
        return {self.list.item(i).text() for i in range(self.list.count())}

    def add_current(self) -> None:
        word = normal_word(self.field.text())
        if word and word not in self.words():
            self.list.addItem(word)
            self.list.sortItems()
        self.field.clear()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, paths: AppPaths, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self.settings = settings
        self.paths = paths
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), "&General")
        tabs.addTab(self._checks_tab(), "&Checks")
        tabs.addTab(self._lists_tab(), "&Word lists")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 28)

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        s = self.settings
        self.profile = QComboBox()
        for p in PROFILES.values():
            self.profile.addItem(p.label, p.name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(s.profile)))
        self.profile.setAccessibleName("Who the text is for")
        form.addRow("&Who the text is for:", self.profile)
        self.limit = QSpinBox(minimum=0, maximum=1_000_000, singleStep=50)
        self.limit.setSpecialValueText("The audience's (none, or 350 for a bid summary)")
        self.limit.setValue(s.word_limit or 0)
        self.limit.setAccessibleName("Word limit")
        form.addRow("Word &limit:", self.limit)
        self.theme = QComboBox()
        for label, value in (("Follow the system", "system"), ("Light", "light"),
                             ("Dark", "dark")):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.theme.setAccessibleName("Colours")
        form.addRow("&Colours:", self.theme)
        self.font_size = QSpinBox(minimum=0, maximum=48, suffix=" pt")
        self.font_size.setSpecialValueText("The system's size")
        self.font_size.setValue(s.font_size or 0)
        self.font_size.setAccessibleName("Text size")
        form.addRow("Text &size:", self.font_size)
        self.remember_recent = QCheckBox("&Remember recent files")
        self.remember_recent.setChecked(s.remember_recent)
        self.remember_recent.setToolTip(
            "Keep a list of the files you open (their names only, never their text) for "
            "File > Open Recent. Off: no list is kept, and the current one is cleared.")
        form.addRow("Privacy:", self.remember_recent)
        self.word_tracked = QCheckBox("Save my edits as &tracked changes")
        self.word_tracked.setChecked(s.word_tracked_changes)
        self.word_tracked.setToolTip(
            "In a Word document, each change you make (words, new or joined paragraphs) "
            "is saved as a Word tracked change by \"jargonfree\", for a reviewer to accept "
            "or reject in Word. Off: the changes are made directly.")
        form.addRow("Word documents:", self.word_tracked)
        return page

    def _checks_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox("Run these checks")
        grid = QGridLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for i, (category, style) in enumerate(STYLES.items()):
            check = QCheckBox(style.label)
            check.setToolTip(style.problem)
            check.setChecked(category not in self.settings.disabled_categories)
            self.checks[category] = check
            grid.addWidget(check, i // 2, i % 2)
        layout.addWidget(box)
        self.thresholds: dict[str, QDoubleSpinBox | QSpinBox] = {}
        limits = QGroupBox("Sentences (0: the audience's own setting)")
        form = QFormLayout(limits)
        for name, label, spin in (
            ("hard_grade", "Hard above grade:", QDoubleSpinBox(maximum=30, decimals=1)),
            ("very_hard_grade", "Very hard above grade:",
             QDoubleSpinBox(maximum=30, decimals=1)),
            ("long_sentence_words", "Long above (words):", QSpinBox(maximum=1000)),
        ):
            spin.setSpecialValueText("The audience's")
            spin.setValue(getattr(self.settings, name) or 0)
            spin.setAccessibleName(label.rstrip(":"))
            self.thresholds[name] = spin
            form.addRow(label, spin)
        layout.addWidget(limits)
        layout.addStretch(1)
        return page

    def _lists_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        accept, _ = load_word_list(self.paths.accept_file)
        reject, _ = load_word_list(self.paths.reject_file)
        self.accept_list = WordListEditor(
            "Always allow", accept, "Never flag these words and phrases.")
        self.reject_list = WordListEditor(
            "Always flag", reject, "Always flag these, even where the checks would not.")
        lists = QHBoxLayout()
        lists.addWidget(self.accept_list)
        lists.addWidget(self.reject_list)
        layout.addLayout(lists)
        own = QGroupBox("Your own rules")
        own_layout = QHBoxLayout(own)
        note = QLabel(
            "Rule files (*.toml, the same format as jargonfree's own) in "
            f"<b>{html.escape(str(self.paths.rules_dir))}</b> are used beside the built-in "
            "rules, and win where both match. <code>jargonfree rules --check</code> tests "
            "them; a broken file is reported and left out.")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        own_layout.addWidget(note, 1)
        self.open_rules = QPushButton("Open &folder")
        self.open_rules.setAccessibleName("Open the folder of your own rules")
        self.open_rules.clicked.connect(self._open_rules_folder)
        own_layout.addWidget(self.open_rules)
        layout.addWidget(own)
        return page

    def _open_rules_folder(self) -> None:
        """Show the user's rules folder in the file manager (made first if need be)."""
        try:
            self.paths.rules_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(self, "Your own rules", f"Could not make the folder: {exc}")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.rules_dir)))

    def accept(self) -> None:  # noqa: D102 (QDialog override)
        try:
            self._save_lists()
        except WriteError as exc:
            QMessageBox.warning(self, "Could not save the word lists", str(exc))
            return
        super().accept()

    def _save_lists(self) -> None:
        """Write only what changed, so the user's own notes in the files stay."""
        for editor, path in ((self.accept_list, self.paths.accept_file),
                             (self.reject_list, self.paths.reject_file)):
            before, _ = load_word_list(path)
            after = editor.words()
            for word in sorted(before - after):
                remove_word(path, word)
            for word in sorted(after - before):
                add_word(path, word)

    def result_settings(self) -> Settings:
        values = {name: (spin.value() or None) for name, spin in self.thresholds.items()}
        if "long_sentence_words" in values and values["long_sentence_words"] is not None:
            values["long_sentence_words"] = int(values["long_sentence_words"])
        return dataclasses.replace(
            self.settings,
            profile=self.profile.currentData(),
            word_limit=self.limit.value() or None,
            font_size=self.font_size.value() or None,
            theme=self.theme.currentData(),
            remember_recent=self.remember_recent.isChecked(),
            word_tracked_changes=self.word_tracked.isChecked(),
            disabled_categories=sorted(c for c, b in self.checks.items() if not b.isChecked()),
            **values,
        )


def options_for(settings: Settings, accept: frozenset[str], reject: frozenset[str]) -> Options:
    """The checker's options from the settings and word lists."""
    thresholds = {name: getattr(settings, name) for name in THRESHOLDS}
    return Options(accept, reject, frozenset(settings.disabled_categories), **thresholds)


"""Preferences: audience, which checks run, limits, look, and the user's word lists."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from jargonfree.app.styles import STYLES
from jargonfree.core.profiles import PROFILES
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings
from jargonfree.userlists import load_word_list, save_word_list


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, paths: AppPaths, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.paths = paths
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.profile = QComboBox()
        for p in PROFILES.values():
            self.profile.addItem(p.label, p.name)
        self.profile.setCurrentIndex(max(0, self.profile.findData(settings.profile)))
        form.addRow("Who the text is for:", self.profile)
        self.limit = QSpinBox(minimum=0, maximum=100_000, specialValueText="No limit")
        self.limit.setValue(settings.word_limit or 0)
        form.addRow("Word limit:", self.limit)
        self.font_size = QSpinBox(minimum=0, maximum=48, specialValueText="System size")
        self.font_size.setValue(settings.font_size or 0)
        form.addRow("Text size:", self.font_size)
        self.theme = QComboBox()
        for label, value in (("Follow the system", "system"), ("Light", "light"), ("Dark", "dark")):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow("Colours:", self.theme)
        self.long_words = QSpinBox(minimum=0, maximum=80, specialValueText="Profile's")
        self.long_words.setValue(settings.long_sentence_words or 0)
        form.addRow("Long sentence (words):", self.long_words)
        layout.addLayout(form)

        checks = QGroupBox("Checks")
        grid = QVBoxLayout(checks)
        self.checks: dict[str, QCheckBox] = {}
        for cat, style in STYLES.items():
            box = QCheckBox(style.label)
            box.setChecked(cat not in settings.disabled_categories)
            self.checks[cat] = box
            grid.addWidget(box)
        lists = QHBoxLayout()
        self.accept = self._word_box(paths.accept_file, "Words always allowed")
        self.reject = self._word_box(paths.reject_file, "Words always flagged")
        lists.addWidget(self.accept[0])
        lists.addWidget(self.reject[0])
        row = QHBoxLayout()
        row.addWidget(checks)
        row.addLayout(lists, 2)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept_dialog)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _word_box(self, path, title):
        box = QGroupBox(title)
        edit = QPlainTextEdit()
        edit.setAccessibleName(title)
        edit.setPlaceholderText("One word or phrase a line")
        words, _ = load_word_list(path)
        edit.setPlainText("\n".join(sorted(words)))
        QVBoxLayout(box).addWidget(edit)
        return box, edit, path

    def accept_dialog(self) -> None:
        for _, edit, path in (self.accept, self.reject):
            words = {line for line in edit.toPlainText().splitlines() if line.strip()}
            save_word_list(path, words, "accept" if path == self.paths.accept_file else "reject")
        self.accept_result = True
        super().accept()

    def result_settings(self) -> Settings:
        return dataclasses.replace(
            self.settings,
            profile=self.profile.currentData(),
            word_limit=self.limit.value() or None,
            font_size=self.font_size.value() or None,
            theme=self.theme.currentData(),
            long_sentence_words=self.long_words.value() or None,
            disabled_categories=sorted(c for c, b in self.checks.items() if not b.isChecked()),
        )

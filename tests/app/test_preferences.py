"""Preferences: the settings they return and the word lists they write."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jargonfree.app.preferences import PreferencesDialog, options_for
from jargonfree.settings import Settings
from jargonfree.userlists import add_word, load_word_list

from .conftest import type_text, wait_checked


def test_preferences_return_the_chosen_settings(qtbot, paths):
    dialog = PreferencesDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    dialog.profile.setCurrentIndex(dialog.profile.findData("patient"))
    dialog.limit.setValue(300)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(14)
    dialog.checks["uncommon"].setChecked(False)
    s = dialog.result_settings()
    assert (s.profile, s.word_limit, s.theme, s.font_size) == ("patient", 300, "dark", 14)
    assert s.disabled_categories == ["uncommon"]


def test_word_lists_are_edited_in_place(qtbot, paths):
    add_word(paths.accept_file, "leverage")
    paths.accept_file.write_text(paths.accept_file.read_text() + "# my own note\n")
    dialog = PreferencesDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    assert dialog.accept_list.words() == {"leverage"}
    dialog.accept_list.field.setText("Stakeholder")
    dialog.accept_list.add_current()
    dialog.accept_list.list.findItems("leverage", Qt.MatchFlag.MatchExactly)[0].setSelected(True)
    dialog.accept_list.remove_selected()
    dialog.reject_list.field.setText("synergy")
    dialog.reject_list.add_current()
    dialog.accept()
    assert load_word_list(paths.accept_file)[0] == {"stakeholder"}
    assert load_word_list(paths.reject_file)[0] == {"synergy"}
    assert "# my own note" in paths.accept_file.read_text()


def test_applying_preferences_rechecks_and_hides_turned_off_checks(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it and leverage it.")
    new = Settings(disabled_categories=["wordy"], profile="patient", font_size=15)
    w.apply_settings(new)
    wait_checked(qtbot, w)
    assert [f.text for f in w.checker.analysis.findings] == ["leverage"]
    assert w.client.jobs[-1][2] == "patient"
    assert round(w.editor.font().pointSizeF()) == 15
    assert w.legend.boxes["wordy"].text() == "Wordy (check off)"


def test_options_from_settings():
    o = options_for(Settings(disabled_categories=["passive"]), frozenset({"a"}), frozenset({"b"}))
    assert (o.accept, o.reject, o.disabled) == ({"a"}, {"b"}, {"passive"})


def test_sentence_thresholds_reach_the_checker(qtbot, paths):
    dialog = PreferencesDialog(Settings(long_sentence_words=30), paths)
    qtbot.addWidget(dialog)
    assert dialog.thresholds["long_sentence_words"].value() == 30
    assert dialog.thresholds["hard_grade"].text() == "The audience's"
    dialog.thresholds["hard_grade"].setValue(9.5)
    dialog.thresholds["long_sentence_words"].setValue(0)  # back to the audience's
    s = dialog.result_settings()
    assert (s.hard_grade, s.very_hard_grade, s.long_sentence_words) == (9.5, None, None)
    o = options_for(s, frozenset(), frozenset())
    assert o.thresholds() == {"hard_grade": 9.5}


def test_the_own_rules_folder_is_shown_and_opened(qtbot, paths, monkeypatch):
    from jargonfree.app import preferences

    opened = []
    monkeypatch.setattr(preferences.QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    dialog = PreferencesDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    assert not paths.rules_dir.exists()
    dialog.open_rules.click()
    assert paths.rules_dir.is_dir()
    assert [u.toLocalFile() for u in opened] == [str(paths.rules_dir)]

"""Stepping through findings from the keyboard, the keys Word and LibreOffice users
press, what a screen reader hears, and the keyboard map in Help and the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from jargonfree.app.actions import SHORTCUTS_HELP
from jargonfree.core.model import Finding

from .conftest import CountingClient, type_text
from .fake_engine import fake_analyze

ROOT = Path(__file__).resolve().parents[2]
LONG = "We utilise it and leverage it with every stakeholder we have in the area today."


def overlapping_analyze(text, profile="general", options=None, revision=0):
    """The fake engine, plus a "long sentence" finding over exactly the span of each
    hard sentence: two highlights on the same text, as a long, very hard sentence has."""
    a = fake_analyze(text, profile, options, revision)
    extra = [Finding(f.start, f.end, f.line, f.column, f.text, "sentence.long", "sentence",
                     "suggestion", "This sentence is long.")
             for f in a.findings if f.rule_id == "sentence.hard"]
    findings = tuple(sorted(a.findings + tuple(extra), key=Finding.sort_key))
    return type(a)(findings, a.readability, a.revision, a.paragraph_grades)


class OverlapClient(CountingClient):
    def __init__(self) -> None:
        super().__init__()
        self._analyze = overlapping_analyze


@pytest.fixture
def window(qtbot, make_window):
    w = make_window(client=OverlapClient())
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, LONG)
    w.editor.setFocus()
    w.editor.moveCursor(QTextCursor.MoveOperation.Start)
    return w


def selected(w) -> str:
    return w.editor.textCursor().selectedText()


def test_the_fake_engine_really_gives_two_findings_on_one_span(window):
    spans = [(f.start, f.end) for f in window.shown.findings if f.category == "sentence"]
    assert len(spans) == 2 and spans[0] == spans[1]


def test_f8_steps_through_overlapping_findings_in_text_order_and_wraps(qtbot, window):
    w = window
    seen = []
    for _ in range(6):
        qtbot.keyClick(w.editor, Qt.Key.Key_F8)
        seen.append((selected(w), w.editor.current_finding().rule_id))
    assert seen == [(LONG, "sentence.hard"), (LONG, "sentence.long"),
                    ("utilise", "wordy.utilise"), ("leverage", "network.leverage"),
                    ("stakeholder", "network.stakeholder"), (LONG, "sentence.hard")]
    assert "first" in w.statusBar().currentMessage()  # it says it went round


def test_shift_f8_and_ctrl_period_step_the_other_way_and_on(qtbot, window):
    w = window
    qtbot.keyClick(w.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected(w) == "stakeholder"  # from the start, round to the last
    assert "last" in w.statusBar().currentMessage()
    qtbot.keyClick(w.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected(w) == "leverage"
    qtbot.keyClick(w.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert selected(w) == "stakeholder"


def test_toolbar_next_and_previous_step_through_overlapping_findings(qtbot, window):
    w = window
    bar = w.actions_.toolbar
    nxt = bar.widgetForAction(w.actions_.all["next"])
    prev = bar.widgetForAction(w.actions_.all["previous"])
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert w.editor.current_finding().rule_id == "sentence.long"
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    assert w.editor.current_finding().rule_id == "sentence.hard"
    assert selected(w) == LONG


def test_the_finding_moved_to_is_announced_to_screen_readers(qtbot, window, monkeypatch):
    events = []
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        staticmethod(lambda event: events.append(
                            (event.type(), getattr(event, "message", lambda: "")()))))
    w = window
    for _ in range(3):
        qtbot.keyClick(w.editor, Qt.Key.Key_F8)
    announced = [m for t, m in events if t == QAccessible.Event.Announcement]
    assert len(announced) == 3
    assert announced[0].startswith("Hard sentence")
    assert "This sentence is hard to read." in announced[0]
    assert announced[2].startswith("Wordy: “utilise”")
    assert "Plainer than “utilise”." in announced[2]
    assert "use" in announced[2]  # the first suggestion is read out too


@pytest.fixture
def linux_desktop_keys(monkeypatch):
    """The key bindings of a KDE or GNOME session, where the platform's redo is
    Ctrl+Shift+Z only (the offscreen platform has Ctrl+Y as well)."""
    real = QKeySequence.keyBindings

    def bindings(key):
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return real(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(bindings))


def test_ctrl_y_and_ctrl_shift_z_both_redo_one_step(qtbot, make_window, linux_desktop_keys):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    w.editor.setFocus()
    qtbot.keyClicks(w.editor, "ab")
    w.editor.undo()
    assert w.editor.toPlainText() == ""
    qtbot.keyClick(w.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.toPlainText() == "ab"
    w.editor.undo()
    qtbot.keyClick(w.editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.editor.toPlainText() == "ab"
    keys = {k.toString() for k in w.actions_.all["redo"].shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= keys


@pytest.mark.parametrize("key, modifier", [
    (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
])
def test_shift_f10_and_the_menu_key_open_the_suggestions_at_the_cursor(
        qtbot, make_window, key, modifier):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We leverage it.")
    w.editor.setFocus()
    cursor = w.editor.textCursor()
    cursor.setPosition(5)
    w.editor.setTextCursor(cursor)
    seen: list[list[str]] = []

    def look_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
            menu.close()
        else:
            QTimer.singleShot(20, look_and_close)

    QTimer.singleShot(20, look_and_close)
    qtbot.keyClick(w.editor, key, modifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    start = seen[0].index("Jargon: “leverage”")  # after "Simpler words", if offered
    assert seen[0][start:start + 3] == ["Jargon: “leverage”", "Change to “use”",
                                        "Change to “build on”"]
    assert w.editor.toPlainText() == "We leverage it."  # the key typed nothing


def help_rows() -> list[tuple[str, str]]:
    return [tuple(line.split("\t")) for line in SHORTCUTS_HELP.splitlines()]


def test_every_key_in_help_is_bound(make_window):
    w = make_window()
    bound = {k.toString() for a in w.actions_.all.values() for k in a.shortcuts()}
    handled_by_editor = {"Menu key", "Shift+F10", "Esc", "Shift+Enter"}
    for keys, _ in help_rows():
        for part in keys.replace(" or ", ", ").replace(" / ", ", ").split(", "):
            key = QKeySequence(part.strip()).toString()
            assert key in bound or part.strip() in handled_by_editor, part


def test_readme_keyboard_map_matches_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for keys, meaning in help_rows():
        assert f"| {keys} | {meaning} |" in readme


def test_overlapping_hits_sort_without_comparing_wrappers(window):
    from jargonfree.app.editor import hit_order

    hits = window.editor.all_hits()
    ordered = sorted(hits, key=hit_order)
    assert [h.finding.rule_id for h in ordered][:2] == ["sentence.hard", "sentence.long"]

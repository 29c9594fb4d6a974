"""Suggestions applied as one undo step, navigation, the keyboard, the card and the menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from jargonfree.app.cards import add_finding_actions

from .conftest import type_text, wait_checked


def hit_of(window, word: str):
    return next(h for h in window.editor.all_hits() if h.finding.text == word)


def test_apply_a_suggestion_then_undo_it_in_one_step(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it. We leverage it.")
    assert w.editor.apply_suggestion(hit_of(w, "leverage"), "build on")
    assert w.editor.toPlainText() == "We utilise it. We build on it."
    w.editor.undo()
    assert w.editor.toPlainText() == "We utilise it. We leverage it."


def test_a_suggestion_is_not_applied_where_the_text_has_changed(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We leverage it.")
    hit = hit_of(w, "leverage")
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(hit.start + 2)
    cursor.insertText("X")
    assert not w.editor.apply_suggestion(hit, "use")
    assert w.editor.toPlainText() == "We leXverage it."


def test_clicking_a_card_button_applies_it(qtbot, make_window):
    w = make_window()
    w.show()
    type_text(qtbot, w, "We leverage it.")
    w.editor.show_card([hit_of(w, "leverage")])
    assert w.editor.card.isVisible()
    from PySide6.QtWidgets import QPushButton

    buttons = {b.text(): b for b in w.editor.card.findChildren(QPushButton)}
    assert list(buttons) == ["use", "build on"]
    qtbot.mouseClick(buttons["build on"], Qt.MouseButton.LeftButton)
    assert w.editor.toPlainText() == "We build on it."
    assert not w.editor.card.isVisible()


def test_apply_to_all_like_this_is_one_undo_step(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "utilise this, utilised that, utilise 😀 more")
    assert w.editor.count_like("wordy.utilise") == 3
    assert w.editor.apply_all("wordy.utilise") == 3
    assert w.editor.toPlainText() == "use this, used that, use 😀 more"
    w.editor.undo()
    assert w.editor.toPlainText() == "utilise this, utilised that, utilise 😀 more"


def test_next_and_previous_finding_wrap_around(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "Plain. We utilise it and leverage it.\nA stakeholder.")
    w.editor.moveCursor(QTextCursor.MoveOperation.Start)
    order = [w.editor.next_finding().finding.text for _ in range(4)]
    assert order == ["utilise", "leverage", "stakeholder", "utilise"]
    assert w.editor.next_finding(backwards=True).finding.text == "stakeholder"
    assert w.editor.textCursor().selectedText() == "stakeholder"


def test_f8_ctrl_return_and_shift_f8_from_the_keyboard(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We utilise it and leverage it.")
    w.editor.setFocus()
    w.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(w.editor, Qt.Key.Key_F8)
    assert w.editor.textCursor().selectedText() == "utilise"
    qtbot.keyClick(w.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.editor.toPlainText() == "We use it and leverage it."
    wait_checked(qtbot, w)
    qtbot.keyClick(w.editor, Qt.Key.Key_F8)
    assert w.editor.textCursor().selectedText() == "leverage"
    qtbot.keyClick(w.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.editor.textCursor().selectedText() == "leverage"  # the only one left


def test_resting_the_cursor_on_a_highlight_shows_its_card(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We leverage it.")
    w.editor.setFocus()
    cursor = w.editor.textCursor()
    cursor.setPosition(5)
    w.editor.setTextCursor(cursor)
    qtbot.waitUntil(w.editor.card.isVisible, timeout=2000)
    assert w.editor.card.hits[0].finding.text == "leverage"
    qtbot.keyClick(w.editor, Qt.Key.Key_Escape)
    assert not w.editor.card.isVisible()


def test_typing_does_not_pop_up_cards(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We leverage it.")
    w.editor.setFocus()
    cursor = w.editor.textCursor()
    cursor.setPosition(3)
    w.editor.setTextCursor(cursor)
    w.editor.hide_card()
    qtbot.keyClicks(w.editor, "x")
    qtbot.wait(500)
    assert not w.editor.card.isVisible()


def test_the_context_menu_offers_suggestions_and_choices(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We leverage it and leverage that.")
    menu = QMenu()
    add_finding_actions(menu, [hit_of(w, "leverage")], w.editor, w.editor.count_like)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Jargon: “leverage”", "Change to “use”", "Change to “build on”",
                     "Apply to all 2 like this", "Ignore here", "Ignore in this document",
                     "Always allow “leverage”"]
    next(a for a in menu.actions() if a.text() == "Apply to all 2 like this").trigger()
    assert w.editor.toPlainText() == "We use it and use that."


def test_find_bar_finds_and_wraps(qtbot, make_window):
    w = make_window()
    w.show()
    type_text(qtbot, w, "one leverage two leverage three")
    w.editor.moveCursor(QTextCursor.MoveOperation.Start)
    w.find_bar.open_bar()
    assert w.find_bar.isVisible()
    w.find_bar.field.setText("leverage")
    assert w.find_bar.status.text() == "2 matches"
    assert w.editor.textCursor().selectionStart() == 4
    assert w.find_bar.find_next() and w.editor.textCursor().selectionStart() == 17
    assert w.find_bar.find_next() and w.editor.textCursor().selectionStart() == 4  # wrapped
    qtbot.keyClick(w.find_bar.field, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible()


def test_right_click_on_a_plain_word_offers_always_flag(qtbot, make_window):
    from PySide6.QtGui import QContextMenuEvent

    from jargonfree.app.cards import context_menu

    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We want synergy now.")
    cursor = w.editor.textCursor()
    cursor.setPosition(10)
    w.editor.setTextCursor(cursor)
    point = w.editor.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point,
                              w.editor.mapToGlobal(point))
    menu = context_menu(w.editor, event)
    flag = next(a for a in menu.actions() if a.text().startswith("Always flag"))
    assert flag.text() == "Always flag “synergy”"
    with qtbot.waitSignal(w.editor.word_listed) as listed:
        flag.trigger()
    assert listed.args == ["synergy", "reject"]


def test_hovering_a_highlight_shows_its_card(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    type_text(qtbot, w, "We leverage it.")
    hit = hit_of(w, "leverage")
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(hit.start + 3)
    point = w.editor.cursorRect(cursor).center()
    qtbot.mouseMove(w.editor.viewport(), point)
    qtbot.waitUntil(w.editor.card.isVisible, timeout=2000)
    assert w.editor.card.hits[0].finding.text == "leverage"
    assert w.editor.extraSelections()  # the word it is about is outlined


def test_apply_to_all_leaves_headings_alone_unless_asked_and_names_their_lines(
        qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "Leverage Plan\n\nWe leverage it and leverage that.\n\nLeverage")
    menu = QMenu()
    add_finding_actions(menu, [hit_of(w, "leverage")], w.editor, w.editor.count_like)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Apply to all 2 like this (not in headings)" in texts
    assert "Apply to all 4, headings too (lines 1, 5)" in texts
    next(a for a in menu.actions() if a.text().startswith("Apply to all 2")).trigger()
    assert w.editor.toPlainText() == "Leverage Plan\n\nWe use it and use that.\n\nLeverage"
    w.editor.undo()
    wait_checked(qtbot, w)
    next(a for a in menu.actions() if a.text().startswith("Apply to all 4")).trigger()
    # (the fake engine's suggestions do not take the matched word's capital)
    assert w.editor.toPlainText() == "use Plan\n\nWe use it and use that.\n\nuse"

"""The right-click menu's "Simpler words" on any word, answered by the checker."""

from __future__ import annotations

import multiprocessing
import os

from PySide6.QtGui import QContextMenuEvent, QTextCursor

from jargonfree.app.cards import context_menu
from jargonfree.app.simpler import NONE_FOUND
from jargonfree.app.worker import serve

from .conftest import type_text
from .fake_engine import fake_analyze
from .sync_client import SyncEngineClient


def menu_at(qtbot, w, position: int):
    """The context menu as the menu key opens it with the cursor at `position`."""
    w.show()
    qtbot.waitExposed(w)
    cursor = w.editor.textCursor()
    cursor.setPosition(position)
    w.editor.setTextCursor(cursor)
    point = w.editor.cursorRect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point,
                              w.editor.mapToGlobal(point))
    return context_menu(w.editor, event)


def simpler_submenu(menu):
    action = next(a for a in menu.actions() if a.text() == "Simpler words")
    return action.menu()


def test_simpler_words_on_a_word_nothing_flagged(qtbot, make_window):
    from jargonfree.core.analyze import Analyzer

    engine = Analyzer()  # the real engine, in this process
    asked = []

    def simpler(text, start, end, profile):
        asked.append((text[start:end], profile))
        return engine.simplifier.suggest_span(text, start, end, profile)

    w = make_window(client=SyncEngineClient(fake_analyze, simpler_fn=simpler))
    type_text(qtbot, w, "The council will purchase three houses.")
    assert not w.editor.hits_at(18)  # the fake engine flags nothing here
    sub = simpler_submenu(menu_at(qtbot, w, 18))
    words = [a.text() for a in sub.actions()]
    assert asked == [("purchase", "general")]
    assert words[0] == "Change to “buy”"
    sub.actions()[0].trigger()
    assert w.editor.toPlainText() == "The council will buy three houses."
    w.editor.undo()  # one undo step puts the word back
    assert w.editor.toPlainText() == "The council will purchase three houses."


def test_simpler_words_says_when_there_is_none(qtbot, make_window):
    w = make_window(client=SyncEngineClient(fake_analyze,
                                            simpler_fn=lambda t, s, e, p: (s, e, [])))
    type_text(qtbot, w, "The cat sat.")
    sub = simpler_submenu(menu_at(qtbot, w, 5))
    assert [a.text() for a in sub.actions()] == [NONE_FOUND]
    assert not sub.actions()[0].isEnabled()


def test_a_stale_choice_changes_nothing(qtbot, make_window):
    w = make_window(client=SyncEngineClient(
        fake_analyze, simpler_fn=lambda t, s, e, p: (s, e, ["begin"])))
    type_text(qtbot, w, "We commence today.")
    sub = simpler_submenu(menu_at(qtbot, w, 5))
    cursor = QTextCursor(w.editor.document())
    cursor.setPosition(3)
    cursor.setPosition(11, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("started")  # the word changed after the menu was filled
    sub.actions()[0].trigger()
    assert w.editor.toPlainText() == "We started today."


def _simpler_target(conn, parent_pid):
    serve(conn, parent_pid, fake_analyze,
          lambda text, start, end, profile: (start, end, [text[start:end].upper(), profile]))


def test_the_worker_loop_answers_simpler_words_between_analyses():
    parent, child = multiprocessing.Pipe()
    ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    if ctx is None:
        return
    process = ctx.Process(target=_simpler_target, args=(child, os.getpid()), daemon=True)
    process.start()
    try:
        assert parent.recv() == ("ready",)
        parent.send(("simpler", 7, "We commence today.", 3, 11, "patient"))
        assert parent.recv() == ("simpler", 7, (3, 11, ["COMMENCE", "patient"]))
    finally:
        parent.send(("stop",))
        process.join(5)

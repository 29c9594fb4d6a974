"""The real window with the real worker process: type jargon, see it highlighted, fix it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jargonfree.app.highlighter import block_spans
from jargonfree.app.window import MainWindow
from jargonfree.app.worker import WorkerClient
from jargonfree.settings import Settings

from .conftest import FakePrompts


def test_typing_jargon_gets_highlighted_by_the_real_worker(qtbot, paths):
    client = WorkerClient(cache_dir=str(paths.cache_dir))
    window = MainWindow(client, Settings(), paths, prompts=FakePrompts())
    qtbot.addWidget(window)
    window.show()
    assert window.worker_state.text() == "Getting ready…"  # on screen before the worker
    client.start()
    try:
        window.editor.setFocus()
        qtbot.keyClicks(window.editor, "We will leverage our stakeholder network.")

        def marked() -> set[str]:
            return {s.text for s in block_spans(window.editor.document().firstBlock())}

        qtbot.waitUntil(lambda: {"leverage", "stakeholder"} <= marked(), timeout=60_000)
        assert window.checker.up_to_date()
        assert window.worker_state.text() == "Up to date"
        hit = next(h for h in window.editor.all_hits() if h.finding.text == "leverage")
        assert hit.finding.category == "jargon" and hit.finding.suggestions
        cursor = window.editor.textCursor()
        cursor.setPosition(hit.start)
        window.editor.setTextCursor(cursor)
        qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert "leverage" not in window.editor.toPlainText()
        qtbot.waitUntil(lambda: window.checker.up_to_date() and "leverage" not in marked(),
                        timeout=30_000)
        window.editor.document().setModified(False)
    finally:
        client.shutdown()

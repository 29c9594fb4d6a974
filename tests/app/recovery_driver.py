"""Drives the real editor in this process for test_recovery_process.py; not a test.

    python tests/app/recovery_driver.py type FILE TEXT   # open FILE, type TEXT at its end,
                                                        # wait for the autosave, then idle
    python tests/app/recovery_driver.py recover FILE     # answer the recovery question with
                                                        # Recover, save, quit

The app starts exactly as `python -m jargonfree FILE` does (jargonfree.cli.main, the real
worker process, the real dialogs); this script only creates the QApplication first so its
timers can press keys and buttons from outside. It prints "JFDRIVER <json>" lines: what
happened, or {"error": ...}. The caller sets HOME, XDG_* and TMPDIR to its own folders.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

TIMEOUT_S = 120


def say(**what) -> None:
    print("JFDRIVER " + json.dumps(what), flush=True)


def main_window():
    from jargonfree.app.window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def when(condition, then, what: str, poll_ms: int = 20) -> None:
    """Call then() once condition() holds; report `what` if it never does."""
    deadline = time.monotonic() + TIMEOUT_S
    timer = QTimer()
    timer.setInterval(poll_ms)

    def check():
        try:
            ok = condition()
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails
            ok, what_now = False, f"{what}: {type(exc).__name__}: {exc}"
        else:
            what_now = what
        if ok:
            timer.stop()
            then()
        elif time.monotonic() > deadline or what_now != what:
            timer.stop()
            fail(f"gave up waiting: {what_now}")

    timer.timeout.connect(check)
    timer.start()
    when.keep.append(timer)


when.keep = []


def fail(message: str) -> None:
    say(error=message)
    QApplication.instance().exit(3)


def type_then_idle(text: str) -> None:
    from jargonfree.app.autosave import AutosaveStore
    from jargonfree.paths import AppPaths

    autosave_dir = AppPaths.default().autosave_dir

    def opened():
        w = main_window()
        return w is not None and w.files.path is not None and not w.files.loading()

    def type_it():
        w = main_window()
        w.activateWindow()
        w.editor.setFocus()
        w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
        QTest.keyClicks(w.editor, text)
        say(typed=True, editor=w.editor.toPlainText(), path=str(w.files.path))
        when(autosaved, lambda: say(autosaved=True, files=sorted(
            p.name for p in autosave_dir.iterdir())), "the autosave")

    def autosaved():
        # Our own store's view: the document's autosave, with the typed text in it.
        if not autosave_dir.is_dir():
            return False
        for file in autosave_dir.glob("*.json"):
            record = json.loads(file.read_text(encoding="utf-8"))
            if text in record.get("text", ""):
                return True
        return False

    assert AutosaveStore  # the store is what the app uses; imported to fail early if moved
    when(opened, type_it, "the window with the file open")


def recover_and_save() -> None:
    from jargonfree.app.prompts import PreviewQuestion

    seen = {}

    opened_at = []

    def asked():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PreviewQuestion):
            return True
        w = main_window()
        if dialog is None and w is not None and w.files.path is not None:
            opened_at.append(time.monotonic())  # opened with no question: give it a moment
            if opened_at[-1] - opened_at[0] > 10:
                raise AssertionError(
                    f"{w.files.path} opened as it is on disk; the unsaved work was not offered")
        return False

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        seen["preview"] = dialog.preview.toPlainText()
        seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton)]
        [recover] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Recover"]
        QTest.mouseClick(recover, Qt.MouseButton.LeftButton)
        when(recovered, save, "the recovered text in the editor")

    def recovered():
        w = main_window()
        return (w is not None and QApplication.activeModalWidget() is None
                and w.editor.document().isModified() and w.files.path is not None
                and not w.files.loading())

    def save():
        w = main_window()
        seen["editor"] = w.editor.toPlainText()
        seen["path"] = str(w.files.path)
        seen["title_before_save"] = w.windowTitle()
        w.actions_.all["save"].trigger()
        w.files.flush()
        seen["modified_after_save"] = w.editor.document().isModified()
        seen["status"] = w.statusBar().currentMessage()
        say(**seen)
        w.close()
        QApplication.instance().quit()

    when(asked, answer, "the recovery question")


def main() -> int:
    scenario, path = sys.argv[1], sys.argv[2]
    app = QApplication(["jargonfree"])
    if scenario == "type":
        QTimer.singleShot(0, lambda: type_then_idle(sys.argv[3]))
    elif scenario == "recover":
        QTimer.singleShot(0, recover_and_save)
    else:
        raise SystemExit(f"unknown scenario {scenario}")
    assert app is QApplication.instance()
    from jargonfree.cli import main as jargonfree_main

    return jargonfree_main([path])


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[2]
    if str(here) not in sys.path:
        sys.path.insert(0, str(here))
    sys.exit(main())

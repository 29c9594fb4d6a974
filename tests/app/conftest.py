"""GUI test fixtures: a window on the fake engine, answered prompts, tmp app folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # tests/conftest.py sets it too

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from jargonfree.app.window import MainWindow  # noqa: E402
from jargonfree.paths import AppPaths  # noqa: E402
from jargonfree.settings import Settings  # noqa: E402

from .fake_engine import fake_analyze  # noqa: E402
from .sync_client import SyncEngineClient  # noqa: E402

Button = QMessageBox.StandardButton


class FakePrompts:
    """Answers the window's questions at once and records everything it was asked or told."""

    def __init__(self) -> None:
        self.answer = Button.Discard
        self.asked: list[str] = []
        self.told: list[tuple[str, str]] = []
        self.save_to = None  # the file name the Save As dialog gives (None: cancelled)
        self.save_dialogs: list[str] = []  # the names it suggested
        self.previews: list[str | None] = []  # the text shown with each question
        self.buttons: list = []  # the buttons each question offered

    def ask(self, title, text, buttons, *, default=None, labels=None, details="",
            preview=None):
        self.asked.append(title)
        self.previews.append(preview)
        self.buttons.append(buttons)
        return self.answer

    def tell(self, title, text, *, warning=True):
        self.told.append((title, text))

    def save_path(self, title, suggested, filters):
        self.save_dialogs.append(suggested)
        return (str(self.save_to), "") if self.save_to else ("", "")


class CountingClient(SyncEngineClient):
    """The fake engine, counting the jobs it was given."""

    def __init__(self) -> None:
        super().__init__(fake_analyze)
        self.jobs: list[tuple[int, str, str]] = []

    def submit(self, revision, text, profile, options) -> None:
        self.jobs.append((revision, text, profile))
        super().submit(revision, text, profile, options)

    def force_state(self, state: str) -> None:
        """Act out a worker state (restarting, error: ...) the fake never reaches."""
        self._set_state(state)


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths.under(tmp_path / "app")


@pytest.fixture
def make_window(qtbot, paths):
    made = []

    def make(settings: Settings | None = None, client=None) -> MainWindow:
        prompts = FakePrompts()
        client = client or CountingClient()
        window = MainWindow(client, settings or Settings(), paths, prompts=prompts)
        qtbot.addWidget(window)
        window.resize(900, 700)
        client.start()
        made.append(window)
        return window

    yield make
    for window in made:
        window.editor.document().setModified(False)  # closing asks no questions
        window.close()


def type_text(qtbot, window: MainWindow, text: str) -> None:
    """Replace the text as a user would (an undoable edit), then wait for the check
    (150 ms debounce; the fake engine answers at once) and for the highlights."""
    window.editor.selectAll()
    window.editor.insertPlainText(text)
    wait_checked(qtbot, window)


def wait_checked(qtbot, window: MainWindow) -> None:
    """Until the answer for the current text is in the editor and the panels."""
    qtbot.waitUntil(lambda: window.checker.up_to_date()
                    and window.shown is window.checker.analysis, timeout=3000)
    window.editor.highlighter.finish()


def painted(window: MainWindow, block: int = 0) -> list[tuple[int, int]]:
    """(start, length) of every format range the highlighter laid on a block."""
    layout = window.editor.document().findBlockByNumber(block).layout()
    return [(r.start, r.length) for r in layout.formats()]

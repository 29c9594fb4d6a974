"""Start the editor: the window first, then the checker warms up behind it."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from jargonfree.paths import APP_ID, APP_NAME, AppPaths


def run(argv: list[str], *, paths: AppPaths | None = None,
        client_factory: Callable[[], object] | None = None) -> int:
    """Open the editor: `argv` is [FILE] or ["--paste"] (or nothing); returns the exit code.

    The window is shown before the checker process starts, so it appears at once with
    "Getting ready…" while the rules and word tables load in the worker.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jargonfree.app.icons import app_icon
    from jargonfree.app.theme import ThemeManager
    from jargonfree.app.window import MainWindow
    from jargonfree.settings import load_settings

    paths = paths or AppPaths.default()
    app = QApplication.instance() or QApplication([APP_NAME])  # WM_CLASS "jargonfree"
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("jargonfree")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if sys.platform != "darwin":
        app.setStyle("Fusion")  # follows the palette (dark theme) on every platform
    settings, warning = load_settings(paths.settings_file)
    theme = ThemeManager(app)
    theme.apply(settings.theme)
    if client_factory is None:
        from jargonfree.app.worker import WorkerClient

        def client_factory() -> WorkerClient:
            return WorkerClient(cache_dir=str(paths.cache_dir),
                                own_rules_dir=str(paths.rules_dir))

    client = client_factory()
    window = MainWindow(client, settings, paths, theme=theme)
    window.show()
    app.processEvents()  # paint the window before the worker process is spawned
    client.start()
    app.aboutToQuit.connect(client.shutdown)

    files = [a for a in argv if not a.startswith("-")]
    warnings = [w for w in (warning, *window.warnings) if w]

    def after_show() -> None:
        for line in warnings:
            window.prompts.tell("Settings", line)
        if files:
            window.files.open_path(Path(files[0]))
            if window.files.has_recovery():
                window.statusBar().showMessage(
                    "Unsaved work from an earlier session is waiting: "
                    "File > Recover Unsaved Work", 20000)
        elif "--paste" in argv:
            window.paste_and_score()
        else:
            window.files.offer_recovery()
        if not window.files.path and not window.editor.document().isModified():
            window.checker.check_now()

    QTimer.singleShot(0, after_show)
    # The start-up objects never die, and a laid analysis (findings and their spans: about
    # 100,000 objects for 100,000 words) lives until the next one replaces it. A full pass
    # of the garbage collector over them took 70-90 ms (measured), so they are frozen out
    # of its passes: now, and each time highlights have been laid. Frozen objects are
    # still freed when nothing refers to them; findings and spans hold no cycles.
    gc.freeze()
    window.editor.highlighter.applied.connect(freeze_garbage_collection)
    return app.exec()


def freeze_garbage_collection() -> None:
    gc.freeze()

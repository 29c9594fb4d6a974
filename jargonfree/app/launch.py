"""Start the editor: the window first, then the warm-up of the checker behind it."""

from __future__ import annotations

import sys
from pathlib import Path

from jargonfree.paths import APP_ID, AppPaths


def run(argv: list[str], *, paths: AppPaths | None = None, client_factory=None) -> int:
    from PySide6.QtGui import QPalette, QColor
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jargonfree.settings import load_settings

    paths = paths or AppPaths.default()
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("jargonfree")
    app.setOrganizationName("jargonfree")
    app.setDesktopFileName(APP_ID)
    settings, warning = load_settings(paths.settings_file)
    if settings.theme == "dark":
        _dark_palette(app, QPalette, QColor)
    if client_factory is None:
        from jargonfree.app.engine_client import WorkerClient

        def client_factory():
            return WorkerClient(cache_dir=str(paths.cache_dir))

    from jargonfree.app.window import MainWindow

    client = client_factory()
    window = MainWindow(client, settings, paths)
    window.show()
    app.processEvents()
    client.start()  # the window is on screen before the checker is warm
    app.aboutToQuit.connect(client.shutdown)
    if warning:
        QMessageBox.warning(window, "Settings reset", warning)
    paste = "--paste" in argv
    files = [a for a in argv if not a.startswith("--")]
    if files:
        window.open_path(Path(files[0]))
    elif paste:
        window.paste_and_score()
    else:
        window.offer_recovery()
    return app.exec()


def _dark_palette(app, QPalette, QColor) -> None:
    pal = QPalette()
    R = QPalette.ColorRole
    for role, c in ((R.Window, "#202124"), (R.WindowText, "#e8eaed"), (R.Base, "#17181a"),
                    (R.AlternateBase, "#26282b"), (R.Text, "#e8eaed"), (R.Button, "#2b2d30"),
                    (R.ButtonText, "#e8eaed"), (R.Highlight, "#3d6bb3"),
                    (R.HighlightedText, "#ffffff"), (R.ToolTipBase, "#2b2d30"),
                    (R.ToolTipText, "#e8eaed"), (R.Mid, "#555")):
        pal.setColor(role, QColor(c))
    app.setPalette(pal)

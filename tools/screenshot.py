"""Take the README's screenshot: the editor on resources/samples/sample.txt.

    QT_QPA_PLATFORM=offscreen python tools/screenshot.py [--dark] [--profile NAME] OUT.png

Runs the real window and the real checker process with settings in a temporary folder
(the user's own are never touched), waits until the highlights are laid, and saves what
the window paints (widget.grab(); no window-manager frame).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--profile", default="patient")
    ap.add_argument("--size", default="1296x810")
    args = ap.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jargonfree.app.theme import ThemeManager
    from jargonfree.app.window import MainWindow
    from jargonfree.app.worker import WorkerClient
    from jargonfree.paths import AppPaths
    from jargonfree.settings import Settings

    app = QApplication.instance() or QApplication(["jargonfree"])
    app.setStyle("Fusion")
    paths = AppPaths.under(tempfile.mkdtemp(prefix="jf-shot-"))
    settings = Settings(profile=args.profile, theme="dark" if args.dark else "light")
    theme = ThemeManager(app)
    theme.apply(settings.theme)
    client = WorkerClient(cache_dir=str(paths.cache_dir), own_rules_dir=str(paths.rules_dir))
    window = MainWindow(client, settings, paths, theme=theme)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.show()
    client.start()
    window.files.open_path(ROOT / "resources" / "samples" / "sample.txt")

    def done() -> bool:
        return (window.checker.up_to_date() and window.shown is window.checker.analysis
                and not window.editor.highlighter.pending())

    def shoot() -> None:
        if not done():
            QTimer.singleShot(100, shoot)
            return
        window.editor.highlighter.finish()
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
        app.processEvents()
        window.grab().save(str(args.out))
        window.editor.document().setModified(False)
        window.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    QTimer.singleShot(60_000, app.quit)  # never hang
    app.exec()
    client.shutdown()
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

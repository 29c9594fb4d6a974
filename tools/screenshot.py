"""Take the README's screenshot: the editor on resources/samples/sample.txt.

    QT_QPA_PLATFORM=offscreen python tools/screenshot.py [--dark] [--profile NAME] OUT.png
    python tools/screenshot.py --docx docs/screenshots/editor-docx.png   # a Word leaflet

--docx writes a small Word leaflet with python-docx (headings, a numbered and a bulleted
list, a table) into the temporary folder and opens that instead.

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
    ap.add_argument("--docx", action="store_true", help="open a Word leaflet")
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
    if args.docx:
        window.files.open_path(_leaflet(paths.state_dir / "Blood pressure leaflet.docx"))
    else:
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


def _leaflet(path: Path) -> Path:
    """A short patient leaflet in Word: headings, lists and a table."""
    import docx

    path.parent.mkdir(parents=True, exist_ok=True)
    d = docx.Document()
    d.add_heading("Your blood pressure check", level=1)
    p = d.add_paragraph("This leaflet explains how we will ")
    p.add_run("monitor").bold = True
    p.add_run(" your hypertension and what to bring. Please read it prior to your visit.")
    d.add_heading("Before your appointment", level=2)
    d.add_paragraph("Utilise the cuff we gave you twice a day.", style="List Number")
    d.add_paragraph("Write down each reading in the diary.", style="List Number")
    d.add_paragraph("Bring the diary and your medication.", style="List Number")
    d.add_heading("What to tell us", level=2)
    d.add_paragraph("Any headaches or dizziness", style="List Bullet")
    d.add_paragraph("Changes to your medication", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Reading"
    table.cell(0, 1).text = "What to do"
    table.cell(1, 0).text = "Above 180/120"
    table.cell(1, 1).text = "Call 111 or your GP practice in order to get advice today."
    d.add_paragraph("Our team will facilitate a review with your stakeholders.")
    d.save(path)
    return path


if __name__ == "__main__":
    sys.exit(main())

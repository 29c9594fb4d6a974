"""Editor benchmark (not a test): GUI-thread stalls while a 100,000-word text is opened,
checked by the real worker, painted and edited. Prints the longest gap between 1 ms timer
ticks in each phase and the 99th percentile. Run under a display or QT_QPA_PLATFORM=offscreen:

    python tests/benchmarks/bench_editor.py [WORDS]

Not yet measured here (see RESULTS.md): launch to window shown, launch to first highlights,
keystroke-to-highlight latency in a 10,000-word document, GUI and worker memory.
"""
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))


def main():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from corpus import make_text
    app = QApplication(["jargonfree"])
    from jargonfree.app.window import MainWindow
    from jargonfree.app.worker import WorkerClient
    from jargonfree.paths import AppPaths
    from jargonfree.settings import Settings

    words = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    text = make_text(words)
    paths = AppPaths.under(tempfile.mkdtemp())
    client = WorkerClient(cache_dir=str(paths.cache_dir))
    w = MainWindow(client, Settings(), paths)
    w.resize(1400, 900)
    w.show()
    client.start()
    while client.state != "ready":
        QTest.qWait(50)
    gaps = []
    last = [time.perf_counter()]
    def tick():
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now
    timer = QTimer(interval=1)
    timer.timeout.connect(tick)

    def phase(name, action, until):
        gaps.clear()
        t0 = time.perf_counter()
        action()
        last[0] = time.perf_counter()
        timer.start()
        while not until():
            QTest.qWait(5)
        QTest.qWait(50)
        timer.stop()
        g = sorted(gaps)
        print(f"{name:28s} total {1000*(time.perf_counter()-t0):7.0f} ms   "
              f"worst gap {g[-1]:6.1f} ms  p99 {g[int(len(g)*0.99)]:5.1f} ms  ticks {len(g)}")

    def load():
        t = time.perf_counter()
        w.files.set_document(text, None)
        print(f"  set_document (one-off setPlainText of {len(text):,} chars): {1000*(time.perf_counter()-t):.0f} ms")
    done = lambda: w.checker.up_to_date() and not w.editor.highlighter.pending()
    phase("open + check + paint", load, done)
    print("  findings:", len(w.checker.analysis.findings))
    def type_some():
        c = w.editor.textCursor(); c.setPosition(50)
        w.editor.setTextCursor(c)
        for ch in "We will leverage it. ":
            QTest.keyClick(w.editor, ch)
    phase("type 21 characters + recheck", type_some, done)
    phase("hide a category", lambda: w.legend.boxes["jargon"].setChecked(False), lambda: not w.editor.highlighter.pending())
    phase("show it again", lambda: w.legend.boxes["jargon"].setChecked(True), lambda: not w.editor.highlighter.pending())
    w.editor.document().setModified(False)
    w.close()
    client.shutdown()


if __name__ == "__main__":
    main()

"""Drives the real editor in this (fresh) process for bench_editor.py; not a test.

    python tests/benchmarks/editor_driver.py launch FILE     # launch to window, to first highlights
    python tests/benchmarks/editor_driver.py stall FILE      # open FILE once ready: gaps, memory
    python tests/benchmarks/editor_driver.py keys FILE [N]   # keystroke-to-highlight, N episodes

The app starts exactly as `python -m jargonfree [FILE]` does (jargonfree.cli.main); this
script only creates the QApplication first, so that it can install an event filter and
timers from outside, then watches. It prints one line, "RESULT {json}". The parent sets
JF_BENCH_T0 (time.monotonic() just before starting this process) and XDG_* folders, so
the user's own settings, word lists and autosaves are never touched. --explain also
logs every event dispatch and garbage collection over 3 ms (slower; for finding stalls).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

T0 = float(os.environ.get("JF_BENCH_T0", time.monotonic()))
EXPLAIN = "--explain" in sys.argv
ARGS = [a for a in sys.argv[1:] if a != "--explain"]

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtGui import QWindow  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SLOW_S = 0.003
log: list[tuple[float, float, str]] = []  # (at ms since T0, took ms, what)


def ms_since_t0() -> float:
    return (time.monotonic() - T0) * 1000


class ExplainingApp(QApplication):
    """Times every event dispatch (only with --explain)."""

    def notify(self, receiver, event):  # noqa: N802 (Qt override)
        t = time.perf_counter()
        kind = event.type()
        try:
            return super().notify(receiver, event)
        finally:
            took = time.perf_counter() - t
            if took > SLOW_S:
                parent = receiver.parent() if isinstance(receiver, QObject) else None
                log.append((ms_since_t0(), took * 1000,
                            f"{kind.name} -> {type(receiver).__name__}"
                            f"({receiver.objectName()}) in {type(parent).__name__}"))


_gc_start = [0.0]
gc_times: dict[int, list[float]] = {0: [], 1: [], 2: []}


def timed(owner, name: str) -> None:
    """Log calls of owner.name over SLOW_S (with --explain)."""
    fn = getattr(owner, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            took = time.perf_counter() - t
            if took > 0.001:
                log.append((ms_since_t0(), took * 1000, f"  call {owner.__name__}.{name}"))
    setattr(owner, name, wrapper)


def explain_calls() -> None:
    from jargonfree.app import checking, editor, files, highlighter, window, worker
    timed(files, "read_text")
    timed(files, "normalize_newlines")
    timed(editor.Editor, "setPlainText")
    timed(editor.Editor, "text")
    timed(checking.Checker, "check_now")
    timed(checking.Checker, "on_analysis")
    timed(checking, "count_words")
    timed(worker.WorkerClient, "submit")
    timed(worker.WorkerClient, "_handle")
    timed(files.FileActions, "set_document")
    timed(window.MainWindow, "_show_analysis")
    timed(window.MainWindow, "_update_counts")
    timed(highlighter.FindingHighlighter, "highlightBlock")


def _gc_callback(phase, info):
    if phase == "start":
        _gc_start[0] = time.perf_counter()
    else:
        took = time.perf_counter() - _gc_start[0]
        gc_times[info["generation"]].append(took * 1000)
        if took > SLOW_S:
            log.append((ms_since_t0(), took * 1000,
                        f"gc gen {info['generation']} collected {info['collected']}"))


class Watcher(QObject):
    """Notes when the main window is first exposed (the platform shows it)."""

    def __init__(self) -> None:
        super().__init__()
        self.exposed_ms: float | None = None
        self.painted_ms: float | None = None

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
        if (self.exposed_ms is None and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow) and watched.isExposed()):
            self.exposed_ms = ms_since_t0()
            QTimer.singleShot(0, self._painted)  # after the expose has been handled
        return False

    def _painted(self) -> None:
        self.painted_ms = ms_since_t0()


def main_window():
    from jargonfree.app.window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def finish(result: dict) -> None:
    if EXPLAIN:
        result["gc"] = {g: (len(v), round(sum(v), 1), round(max(v, default=0), 1))
                        for g, v in gc_times.items()}
    result["log"] = [f"{at:9.1f} ms  {took:6.1f} ms  {what}" for at, took, what in log]
    print("RESULT " + json.dumps(result), flush=True)
    w = main_window()
    if w is not None:
        w.editor.document().setModified(False)
        w.close()
    QApplication.instance().quit()


def rss_mb(pid: int) -> dict:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


def wait_until(condition, then, poll_ms: int = 1) -> None:
    timer = QTimer()
    timer.setInterval(poll_ms)

    def check():
        if condition():
            timer.stop()
            then()
    timer.timeout.connect(check)
    timer.start()
    wait_until.keep.append(timer)


wait_until.keep = []


def settled(w) -> bool:
    return (w.checker.up_to_date() and not w.editor.highlighter.pending()
            and w.shown is w.checker.analysis)


# --- scenarios --------------------------------------------------------------------------

def launch(watcher: Watcher) -> None:
    w = main_window()
    out = {}

    def highlighted():
        a = w.checker.analysis
        return a is not None and a.findings and w.editor.all_hits() and not (
            w.editor.highlighter.pending())

    def done():
        out.update(shown_ms=watcher.exposed_ms, painted_ms=watcher.painted_ms,
                   highlights_ms=ms_since_t0(), findings=len(w.checker.analysis.findings),
                   worker=rss_mb(w.client.pid), gui=rss_mb(os.getpid()))
        finish(out)
    # the worker's first answer: "ready" (rules loaded, warmed), then the first analysis
    w.client.state_changed.connect(
        lambda state: state == "ready" and out.setdefault("ready_ms", ms_since_t0()))
    w.client.analysis_ready.connect(lambda _a: out.setdefault("answer_ms", ms_since_t0()))
    # first highlights: an analysis of the opened file laid onto the editor's blocks
    w.editor.highlighter.applied.connect(lambda: out.setdefault("applied_ms", ms_since_t0()))
    wait_until(highlighted, done)


class Ticks:
    """A 1 ms timer; the gaps between its ticks are the GUI thread's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def stop(self) -> list[float]:
        """The gaps, in the order they happened."""
        self.timer.stop()
        return list(self.gaps)


def stall(path: str) -> None:
    w = main_window()
    ticks = Ticks()
    out = {}

    def go():
        log.clear()
        for v in gc_times.values():
            v.clear()
        ticks.start()
        t = time.perf_counter()
        w.files.open_path(Path(path))
        out["open_ms"] = (time.perf_counter() - t) * 1000
        out["t_open"] = time.perf_counter()
        wait_until(lambda: settled(w), lambda: QTimer.singleShot(300, end))

    def end():
        in_order = ticks.stop()
        g = sorted(in_order)
        out.update(total_ms=(time.perf_counter() - out.pop("t_open")) * 1000,
                   worst=g[-1], p99=g[min(len(g) - 1, int(len(g) * 0.99))], ticks=len(g),
                   # the first gap holds the open itself (reading, setPlainText, sending)
                   worst_after_open=max(in_order[1:]), top=g[-8:],
                   findings=len(w.checker.analysis.findings),
                   gui=rss_mb(os.getpid()), worker=rss_mb(w.client.pid))
        finish(out)
    wait_until(lambda: w.client.state == "ready" and settled(w),
               lambda: QTimer.singleShot(500, go), poll_ms=20)


def keys(path: str, episodes: int) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from jargonfree.app.highlighter import block_spans
    w = main_window()
    w.editor.setFocus()
    doc = w.editor.document()
    blocks: list[int] = []

    def pick_blocks() -> None:
        """Prose paragraphs from the middle on (not headings or list items)."""
        b = doc.findBlockByNumber(doc.blockCount() // 2)
        while len(blocks) < episodes and b.isValid():
            if len(b.text()) > 200 and not b.text().startswith(("-", "#")):
                blocks.append(b.blockNumber())
            b = b.next()
    latencies = []
    ticks = Ticks()
    worst = []

    def episode():
        if not blocks:
            pick_blocks()
        if len(latencies) == episodes:
            out = {"latencies": latencies, "worst_gaps": worst, "words": w.checker.words}
            finish(out)
            return
        block = doc.findBlockByNumber(blocks[len(latencies)])
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        w.editor.setTextCursor(cursor)
        w.editor.ensureCursorVisible()
        at = cursor.position() - block.position() + 1  # after the space
        ticks.start()
        for ch in " leverag":
            QTest.keyClick(w.editor, ch)
        t = time.perf_counter()
        QTest.keyClick(w.editor, "e")  # the key that completes the word

        def marked():
            return any(s.start == at and s.text == "leverage"
                       and s.finding.rule_id.endswith("leverage") for s in block_spans(block))

        def give_up():
            if len(latencies) == n_before:
                spans = [(s.start, s.text, s.finding.rule_id) for s in block_spans(block)]
                finish({"error": f"no highlight at {at} in {block.text()[-60:]!r}: {spans[-4:]}"})
        n_before = len(latencies)
        QTimer.singleShot(10_000, give_up)

        def got():
            latencies.append((time.perf_counter() - t) * 1000)
            worst.append(max(ticks.stop()))
            # take the word out again (one undo step each key) and wait for the recheck
            c = w.editor.textCursor()
            c.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 9)
            c.removeSelectedText()
            wait_until(lambda: settled(w), lambda: QTimer.singleShot(100, episode))
        wait_until(marked, got)
    wait_until(lambda: w.client.state == "ready" and settled(w) and w.checker.analysis
               and w.checker.analysis.findings, lambda: QTimer.singleShot(500, episode),
               poll_ms=20)


def main() -> int:
    # The checker process is spawned, and spawn re-imports the parent's __main__ from its
    # file: this driver, which imports Qt. The app's own __main__ (jargonfree's entry
    # point) imports no Qt, so without its file the checker starts as it does in the app.
    sys.modules["__main__"].__dict__.pop("__file__", None)
    scenario, path = ARGS[0], ARGS[1]
    app = ExplainingApp(["jargonfree"]) if EXPLAIN else QApplication(["jargonfree"])
    if EXPLAIN:
        gc.callbacks.append(_gc_callback)
        explain_calls()
    watcher = Watcher()
    app.installEventFilter(watcher)
    if scenario == "launch":
        QTimer.singleShot(0, lambda: launch(watcher))
        argv = [path]
    if scenario == "stall":
        QTimer.singleShot(0, lambda: stall(path))
        argv = []
    QTimer.singleShot(180_000, lambda: finish({"error": "timed out"}))
    if scenario == "keys":
        n = int(ARGS[2]) if len(ARGS) > 2 else 20
        QTimer.singleShot(0, lambda: keys(path, n))
        argv = [path]
    elif scenario not in ("launch", "stall"):
        raise SystemExit(f"unknown scenario {scenario}")
    from jargonfree.cli import main as jargonfree_main

    return jargonfree_main(argv)


if __name__ == "__main__":
    sys.exit(main())

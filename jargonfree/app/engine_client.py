"""The analysis worker process and the Qt object that talks to it.

Measured (DESIGN.md): analysing 100,000 words on the GUI thread froze the window for
1.5 s and a worker thread still stalled it 80 ms (the GIL), so the core runs in a warm
child process. Results come back tagged with the editor's revision; one job is in
flight at a time and the newest waiting job replaces older ones. A child that dies or
hangs is restarted and the latest job sent again. Exceptions come back as values.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from jargonfree.core.model import Analysis, Options


def worker_main(conn, parent_pid: int, cache_dir: str | None = None) -> None:
    """Child process: build the Analyzer once, then answer jobs until the pipe closes
    or the parent process disappears."""
    from pathlib import Path

    from jargonfree.core.analyze import Analyzer

    try:
        analyzer = Analyzer(cache_dir=Path(cache_dir) if cache_dir else None)
    except Exception as exc:  # a broken rule file: say so, do not crash silently
        conn.send(("error", -1, f"the checker could not start: {exc}"))
        return
    conn.send(("ready",))
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent_pid:
                return  # the app is gone: leave no orphan behind
            continue
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job[0] == "stop":
            return
        _, revision, text, profile, options = job
        try:
            conn.send(("result", revision, analyzer.analyze(text, profile, options, revision)))
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            conn.send(("error", revision, f"{type(exc).__name__}: {exc}"))


class WorkerClient(QObject):
    """Runs `target` in a child process and relays its answers as Qt signals."""

    analysis_ready = Signal(object)
    state_changed = Signal(str)
    error = Signal(str)

    def __init__(self, parent=None, *, timeout_s: float = 30.0, target=worker_main,
                 cache_dir: str | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._cache_dir = cache_dir
        self._timeout_s = timeout_s
        self._ctx = multiprocessing.get_context("spawn")
        self._process = None
        self._conn = None
        self._notifier: QSocketNotifier | None = None
        self._busy_since: float | None = None
        self._pending: tuple | None = None
        self._last_job: tuple | None = None
        self._ready = False
        self.state = "stopped"
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(500)
        self._watchdog.timeout.connect(self._check_health)
        atexit.register(self.shutdown)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def start(self) -> None:
        parent_conn, child_conn = self._ctx.Pipe()
        args = (child_conn, os.getpid()) + ((self._cache_dir,) if self._cache_dir else ())
        self._process = self._ctx.Process(target=self._target, args=args, daemon=True)
        self._process.start()
        child_conn.close()
        self._conn = parent_conn
        self._ready = False
        self._busy_since = time.monotonic()  # starting counts as busy for the watchdog
        self._notifier = QSocketNotifier(parent_conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._watchdog.start()
        self._set_state("starting")

    def submit(self, revision: int, text: str, profile: str, options: Options) -> None:
        job = ("analyze", revision, text, profile, options)
        if self._ready and self._busy_since is None:
            self._send(job)
        else:
            self._pending = job  # the newest job replaces any older waiting one

    def _send(self, job: tuple) -> None:
        self._last_job = job
        self._busy_since = time.monotonic()
        try:
            self._conn.send(job)
        except (OSError, ValueError):
            self._restart()
            return
        self._set_state("busy")

    def _on_readable(self) -> None:
        try:
            while self._conn is not None and self._conn.poll():
                self._handle(self._conn.recv())
        except (EOFError, OSError):
            self._restart()

    def _handle(self, message: tuple) -> None:
        kind = message[0]
        self._busy_since = None
        if kind == "ready":
            self._ready = True
            self._set_state("ready")
        elif kind == "result":
            self._last_job = None
            self._set_state("ready")
            self.analysis_ready.emit(message[2])
        elif kind == "error":
            self._last_job = None
            self._set_state(f"error: {message[2]}")
            self.error.emit(message[2])
        if self._pending is not None and self._ready:
            job, self._pending = self._pending, None
            self._send(job)

    def _check_health(self) -> None:
        process = self._process
        if process is None:
            return
        if not process.is_alive():
            self._restart()
        elif self._busy_since is not None and (
            time.monotonic() - self._busy_since > self._timeout_s
        ):
            self._restart()

    def _restart(self) -> None:
        job = self._pending or self._last_job
        self._stop_process()
        self._set_state("restarting")
        self.start()
        self._pending = job

    def _stop_process(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(2)
                if self._process.is_alive():
                    self._process.kill()
                    self._process.join(2)
            self._process = None

    def shutdown(self) -> None:
        """Stop the child and wait for it; safe to call more than once."""
        try:
            self._watchdog.stop()
        except RuntimeError:
            pass  # Qt already deleted the timer at exit
        self._stop_process()
        self.state = "stopped"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


class SyncEngineClient(QObject):
    """The same interface, answering inside submit(): for tests and in-process use."""

    analysis_ready = Signal(object)
    state_changed = Signal(str)
    error = Signal(str)

    def __init__(self, analyze_fn: Callable[[str, str, Options, int], Analysis], parent=None):
        super().__init__(parent)
        self._analyze = analyze_fn
        self.state = "stopped"

    def start(self) -> None:
        self.state = "ready"
        self.state_changed.emit("ready")

    def submit(self, revision: int, text: str, profile: str, options: Options) -> None:
        try:
            result = self._analyze(text, profile, options, revision)
        except Exception as exc:  # noqa: BLE001
            self.error.emit(str(exc))
            return
        self.analysis_ready.emit(result)

    def shutdown(self) -> None:
        self.state = "stopped"

"""The analysis worker process and the Qt objects that talk to it.

Measured (docs/ARCHITECTURE.md): analysing 100,000 words on the GUI thread froze the window for
1.5 s and a worker thread still stalled it 80 ms (the GIL), so the core runs in a warm
child process. Results come back tagged with the editor's revision; one job is in
flight at a time and the newest waiting job replaces older ones. A child that dies or
hangs is restarted and the latest job sent again. Exceptions come back as values.

Pipe messages, child to parent: ("ready",); ("part", revision, findings) zero or more
times, then ("result", revision, analysis) whose findings are the rest; or
("error", revision, line) (revision -1: the checker could not start); ("warning", 0,
line) before "ready" for each of the user's rule files that could not be used. Parent to child:
("analyze", revision, text, profile, options) and ("stop",). Simpler words for one word
(the editor's right-click menu): ("simpler", request, text, start, end, profile) is
answered at once, between analyses, by ("simpler", request, (start, end, [words])); it
does not count as the job in flight. Unpickling 10,000
findings takes about 26 ms, more than a frame, so big results come in parts of
PART_SIZE findings, one part per turn of the GUI's event loop.
"""

from __future__ import annotations

import atexit
import dataclasses
import multiprocessing
import os
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from jargonfree.app.worker_child import (  # noqa: F401 - the child's side, re-exported
    PARENT_CHECK_S,
    PART_SIZE,
    WARM_UP_TEXT,
    AnalyzeFn,
    SimplerFn,
    one_line,
    send_analysis,
    serve,
    worker_main,
)
from jargonfree.core.model import Options

MAX_START_FAILURES = 3  # children dying before "ready" in a row: then give up

# --- the GUI side -----------------------------------------------------------------------


class _Reaper:
    """Kills the current child at interpreter exit (atexit holds this, not the QObject)."""

    def __init__(self) -> None:
        self.process: Any = None

    def __call__(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.is_alive():
            process.kill()
            process.join(2)


class WorkerClient(QObject):
    """Runs `target(conn, parent_pid[, cache_dir])` in a spawned child process and relays
    its answers as Qt signals. Never blocks the GUI thread for long: the pipe is read
    by a QSocketNotifier, one message per event-loop turn."""

    analysis_ready = Signal(object)  # Analysis
    state_changed = Signal(str)  # starting | ready | busy | restarting | error: <line>
    error = Signal(str)
    simpler_ready = Signal(int, object)  # request, (start, end, [words])

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        timeout_s: float = 30.0,
        target: Callable[..., None] = worker_main,
        start_timeout_s: float | None = None,
        cache_dir: str | None = None,
        own_rules_dir: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._target = target
        self._extra_args = (cache_dir,) if cache_dir else ()
        if own_rules_dir:
            self._extra_args = (cache_dir, own_rules_dir)
        self.timeout_s = timeout_s
        self.start_timeout_s = start_timeout_s if start_timeout_s else max(60.0, timeout_s)
        self._ctx = multiprocessing.get_context("spawn")
        self._reaper = _Reaper()
        self._process: Any = None
        self._conn: Any = None
        self._notifier: QSocketNotifier | None = None
        self._state = "stopped"
        self._ready = False
        self._since = 0.0  # when the child was started, or the job in flight sent
        self._pending: tuple | None = None  # the newest job not yet sent
        self._in_flight: tuple | None = None
        self._attempts = 0  # how often the job in flight has been sent
        self._start_failures = 0
        self._parts: list[tuple] = []
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(250)
        self._watchdog.timeout.connect(self._check_health)

    # public -----------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def pid(self) -> int | None:
        """The child's process id (for tests and diagnostics), or None."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the child (and warm it up); returns at once. Safe to call again."""
        if self._process is None:
            atexit.register(self._reaper)
            self._start_failures = 0
            self._spawn("starting")

    def submit(self, revision: int, text: str, profile: str, options: Options) -> None:
        """Queue a job; it replaces any job still waiting (the newest text wins)."""
        self._pending = ("analyze", revision, text, profile, options)
        self._send_next()

    def ask_simpler(self, request: int, text: str, start: int, end: int, profile: str) -> bool:
        """Ask for simpler words for text[start:end]; simpler_ready answers. False (and no
        answer) when the checker is not ready."""
        if not self._ready or self._conn is None:
            return False
        try:
            self._conn.send(("simpler", request, text, start, end, profile))
        except (OSError, ValueError):
            return False
        return True

    def shutdown(self) -> None:
        """Stop the child and wait for it; safe to call more than once, and at exit."""
        try:
            self._watchdog.stop()
        except RuntimeError:
            pass  # Qt already deleted the timer at exit
        self._stop_child()
        atexit.unregister(self._reaper)
        self._pending = self._in_flight = None
        self._state = "stopped"

    # the pipe ----------------------------------------------------------------------------

    def _spawn(self, state: str) -> None:
        parent_conn, child_conn = self._ctx.Pipe()
        process = self._ctx.Process(
            target=self._target, args=(child_conn, os.getpid(), *self._extra_args),
            name="jargonfree-worker", daemon=True,
        )
        process.start()
        child_conn.close()
        self._process = self._reaper.process = process
        self._conn = parent_conn
        self._ready = False
        self._parts = []
        self._since = time.monotonic()
        self._notifier = QSocketNotifier(parent_conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._watchdog.start()
        self._set_state(state)

    def _send_next(self) -> None:
        if not self._ready or self._in_flight is not None or self._pending is None:
            return
        job, self._pending = self._pending, None
        self._in_flight, self._attempts = job, 1
        self._send(job)

    def _send(self, job: tuple) -> None:
        self._since = time.monotonic()
        self._set_state("busy")
        try:
            self._conn.send(job)
        except (OSError, ValueError):
            self._restart()

    def _on_readable(self) -> None:
        """One message per call; the notifier fires again while more are waiting."""
        if self._conn is None:
            return
        try:
            if not self._conn.poll():
                return
            message = self._conn.recv()
        except (EOFError, OSError):
            self._restart()
            return
        self._handle(message)

    def _handle(self, message: tuple) -> None:
        kind = message[0]
        if kind == "ready":
            self._ready = True
            self._start_failures = 0
            if self._in_flight is not None:  # sent again after a restart
                self._send(self._in_flight)
            elif self._pending is not None:
                self._send_next()
            else:
                self._set_state("ready")
            return
        revision = message[1]
        if kind == "simpler":
            self.simpler_ready.emit(revision, message[2])
            return
        if kind == "warning":  # one of the user's rule files is broken: say so, go on
            self.error.emit(message[2])
            return
        if kind == "error" and revision == -1:  # the child could not build its engine
            self._give_up(message[2])
            return
        if self._in_flight is None or revision != self._in_flight[1]:
            return  # from a job abandoned at a restart
        if kind == "part":
            self._parts.append(message[2])
            self._since = time.monotonic()  # it is answering
            return
        self._in_flight = None
        parts, self._parts = self._parts, []
        if kind == "error":
            self._set_state(f"error: {message[2]}")
            self.error.emit(message[2])
            self._send_next()
            return
        analysis = message[2]
        if parts:
            findings = tuple(f for part in parts for f in part) + analysis.findings
            analysis = dataclasses.replace(analysis, findings=findings)
        self._send_next()  # the child starts on the next text while the GUI takes this one
        if self._in_flight is None:
            self._set_state("ready")
        self.analysis_ready.emit(analysis)

    # faults ------------------------------------------------------------------------------

    def _check_health(self) -> None:
        process = self._process
        if process is None:
            return
        waited = time.monotonic() - self._since
        if process.exitcode is not None:
            self._restart()
        elif not self._ready and waited > self.start_timeout_s:
            self._restart()
        elif self._in_flight is not None and waited > self.timeout_s:
            self._restart()

    def _restart(self) -> None:
        """Kill the child, start a new one; the latest job is sent again when it is warm.
        A job that has already killed the checker twice is dropped with an error."""
        started = self._ready
        self._stop_child()
        if not started:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                self._give_up("the checker stopped each time it started")
                return
        if self._in_flight is not None:
            if self._pending is not None:
                self._in_flight = None  # a newer text is waiting: check that instead
            elif self._attempts >= 2:
                self._in_flight = None
                self.error.emit("the checker stopped twice on this text, so it was skipped")
            else:
                self._attempts += 1
        self._spawn("restarting")

    def _give_up(self, line: str) -> None:
        self._stop_child()
        self._in_flight = None
        self._set_state(f"error: {line}")
        self.error.emit(line)

    def _stop_child(self) -> None:
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
        self._ready = False
        self._parts = []
        self._reaper()  # SIGKILL: the child holds nothing worth a polite goodbye
        self._process = None

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

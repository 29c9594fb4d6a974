"""WorkerClient's interface answering inside submit(), for GUI tests: with the fake engine
(fake_engine.py) for speed, or with a real Analyzer's analyze method for the tests that
must see what users see."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from jargonfree.app.worker import AnalyzeFn, SimplerFn, one_line
from jargonfree.core.model import Options


class SyncEngineClient(QObject):
    """Answers each job at once: analysis_ready (or error) before submit() returns."""

    analysis_ready = Signal(object)
    state_changed = Signal(str)
    error = Signal(str)
    simpler_ready = Signal(int, object)  # request, (start, end, [words])

    def __init__(self, analyze_fn: AnalyzeFn, parent: QObject | None = None,
                 simpler_fn: SimplerFn | None = None) -> None:
        super().__init__(parent)
        self._analyze = analyze_fn
        self._simpler = simpler_fn
        self._state = "stopped"

    @property
    def state(self) -> str:
        return self._state

    def start(self) -> None:
        self._set_state("ready")

    def submit(self, revision: int, text: str, profile: str, options: Options) -> None:
        """Analyse now; analysis_ready (or error) is emitted before this returns."""
        try:
            result = self._analyze(text, profile, options, revision)
        except Exception as exc:  # noqa: BLE001 - as the worker does: a value, not a crash
            line = one_line(exc)
            self._set_state(f"error: {line}")
            self.error.emit(line)
            return
        self._set_state("ready")
        self.analysis_ready.emit(result)

    def ask_simpler(self, request: int, text: str, start: int, end: int, profile: str) -> bool:
        """Simpler words now: simpler_ready is emitted before this returns."""
        try:
            reply = self._simpler(text, start, end, profile) if self._simpler else (start, end, [])
        except Exception:  # noqa: BLE001 - as the worker does
            reply = (start, end, [])
        self.simpler_ready.emit(request, reply)
        return True

    def shutdown(self) -> None:
        self._state = "stopped"

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

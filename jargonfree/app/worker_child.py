"""The checker's child process: builds the engine, warms it, answers the window's jobs.

Kept apart from jargonfree.app.worker (the Qt side) so that the spawned child imports no
Qt at all: importing PySide6.QtCore alone cost 50-300 ms of the child's start, before its
first answer (measured 2026-12-07). The pipe's messages are described in worker.py.
"""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Callable
from typing import Any

from jargonfree.core.model import Analysis, Options

# Findings per message: 250 unpickle in about 0.7 ms; 1,000 took 3-7 ms (measured, with
# the garbage collections their allocations set off), too much of a frame on a busy machine.
PART_SIZE = 250
PARENT_CHECK_S = 1.0  # how often an idle child checks that the app is still there
# Work left until the child is idle (the patient profile's warm-up loads the simpler-words
# table, about 100 ms of processor time, which a general check of most texts never needs):
# done once no job has come for this long.
IDLE_WAIT_S = 0.05
# The first analysis loads word frequencies, inflections and syllable data (about 1 s,
# measured); doing it before "ready" keeps the user's first result quick.
WARM_UP_TEXT = (
    "We leveraged our stakeholder networks and utilised co-production. Staff facilitate "
    "sessions. The patient's hypertension was treated by the GP (general practitioner) "
    "prior to discharge.\n\n- Participants, members and volunteers met.\n"
)
AnalyzeFn = Callable[[str, str, Options, int], Analysis]
# (text, start, end, profile) -> (start, end, replacements): Analyzer.simplifier.suggest_span
SimplerFn = Callable[[str, int, int, str], tuple[int, int, list[str]]]


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An exception as one plain line (type and message), for the status bar."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the child process ------------------------------------------------------------------


def worker_main(conn: Any, parent_pid: int, cache_dir: str | None = None,
                own_rules_dir: str | None = None) -> None:
    """Child process (spawn): build one Analyzer, say ("ready",), answer jobs until the
    pipe closes, a ("stop",) arrives or the parent process disappears."""
    from pathlib import Path

    from jargonfree.core.analyze import Analyzer
    from jargonfree.formats.documents import analyze_as_written  # Markdown read as such

    _quiet_signals()
    try:
        analyzer = Analyzer(cache_dir=Path(cache_dir) if cache_dir else None,
                            own_rules_dir=Path(own_rules_dir) if own_rules_dir else None)
        _warm_up(analyzer, ("general",))
    except Exception as exc:  # noqa: BLE001 - a broken rule file: say so, then stop
        conn.send(("error", -1, f"the checker could not start: {one_line(exc)}"))
        return
    for line in analyzer.warnings:  # the user's rule files that could not be used
        conn.send(("warning", 0, line))
    serve(conn, parent_pid,
          lambda text, profile, options, revision: analyze_as_written(
              analyzer, text, profile, options, revision),
          lambda text, start, end, profile: analyzer.simplifier.suggest_span(
              text, start, end, profile),
          idle=lambda: _warm_up(analyzer, ("patient",)))


def _warm_up(analyzer: Any, profiles: tuple[str, ...]) -> None:
    """Load what the first analysis would load lazily: the general profile's before
    saying "ready" (the first answer comes sooner), the patient profile's once idle."""
    for profile in profiles:
        analyzer.analyze(WARM_UP_TEXT, profile)
    # lemminflect is not loaded: suggestions come ready-made from the compiled rules, and
    # it is needed only when the user's reject list has words to expand.


def serve(conn: Any, parent_pid: int, analyze: AnalyzeFn,
          simpler: SimplerFn | None = None, idle: Callable[[], None] | None = None) -> None:
    """The child's loop, for worker_main and for test targets with a fake engine. `idle`
    is called once, the first time no job has come for IDLE_WAIT_S (its failure is
    ignored: the job that needs what it loads reports the error)."""
    conn.send(("ready",))
    while True:
        try:
            if idle is not None and not conn.poll(IDLE_WAIT_S):
                try:
                    idle()
                except Exception:  # noqa: BLE001, S110 - only a warm-up
                    pass
                idle = None
                continue
            if not conn.poll(PARENT_CHECK_S):
                if not _parent_alive(parent_pid):
                    return  # the app is gone: leave no orphan behind
                continue
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job[0] == "simpler":
            if not _answer_simpler(conn, job, simpler):
                return
            continue
        if job[0] != "analyze":
            return
        _, revision, text, profile, options = job
        try:
            reply: Analysis | str = analyze(text, profile, options, revision)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            reply = one_line(exc)
        if not _answer(conn, revision, reply):
            return  # the parent closed the pipe


def _answer_simpler(conn: Any, job: tuple, simpler: SimplerFn | None) -> bool:
    """Answer one simpler-words request (no words when it fails); False if the pipe is gone."""
    _, request, text, start, end, profile = job
    try:
        reply = simpler(text, start, end, profile) if simpler else (start, end, [])
    except Exception:  # noqa: BLE001 - a menu with no words, not a dead checker
        reply = (start, end, [])
    try:
        conn.send(("simpler", request, reply))
    except OSError:
        return False
    return True


def _answer(conn: Any, revision: int, reply: Analysis | str) -> bool:
    """Send a result, or an error line; False when the pipe to the app is gone."""
    try:
        try:
            if isinstance(reply, str):
                conn.send(("error", revision, reply))
            else:
                send_analysis(conn, revision, reply)
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled
            conn.send(("error", revision, one_line(exc)))
    except OSError:
        return False
    return True


def send_analysis(conn: Any, revision: int, analysis: Analysis) -> None:
    """Send a result in parts the GUI can unpickle within a frame each."""
    findings = analysis.findings
    last = max(0, (len(findings) - 1) // PART_SIZE * PART_SIZE)
    for start in range(0, last, PART_SIZE):
        conn.send(("part", revision, findings[start:start + PART_SIZE]))
    if last:
        analysis = dataclasses.replace(analysis, findings=findings[last:])
    conn.send(("result", revision, analysis))


def _parent_alive(parent_pid: int) -> bool:
    if os.name == "posix":
        return os.getppid() == parent_pid  # an orphan is handed to init or a subreaper
    return True  # elsewhere the closed pipe tells the child instead


def _quiet_signals() -> None:
    """Ctrl+C in a terminal reaches the whole process group: the app decides, not us."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass

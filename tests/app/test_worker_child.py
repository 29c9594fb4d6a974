"""The checker's child loop (worker_child.serve): work left for when it is idle runs once,
after the jobs already waiting, and never delays the first answer."""

from __future__ import annotations

import multiprocessing
import os
import threading

from jargonfree.app import worker_child
from jargonfree.core.model import Analysis, Readability

READABILITY = Readability("general", 0, 0, 0, *([None] * 11), 0, (None, 14), None, {})


def test_idle_work_runs_once_after_the_waiting_job():
    parent, child = multiprocessing.Pipe()
    events = []

    def analyze(text, profile, options, revision):
        events.append(("analyze", text))
        return Analysis((), READABILITY, revision)

    parent.send(("analyze", 1, "first text", "general", None))  # waiting before "ready"
    loop = threading.Thread(target=worker_child.serve, args=(
        child, os.getppid(), analyze, None, lambda: events.append(("idle",))))
    loop.start()
    assert parent.recv() == ("ready",)
    kind, revision, _analysis = parent.recv()
    assert (kind, revision) == ("result", 1)
    for _ in range(200):  # no job for IDLE_WAIT_S: the idle work runs
        if ("idle",) in events:
            break
        threading.Event().wait(worker_child.IDLE_WAIT_S)
    parent.send(("analyze", 2, "second text", "general", None))
    assert parent.recv()[:2] == ("result", 2)
    parent.send(("stop",))
    loop.join(10)
    assert not loop.is_alive()
    assert events == [("analyze", "first text"), ("idle",), ("analyze", "second text")]


def test_a_failing_idle_warm_up_leaves_the_checker_answering():
    parent, child = multiprocessing.Pipe()

    def broken():
        raise RuntimeError("no table")

    loop = threading.Thread(target=worker_child.serve, args=(
        child, os.getppid(), lambda *a: Analysis((), READABILITY, a[3]), None, broken))
    loop.start()
    assert parent.recv() == ("ready",)
    threading.Event().wait(3 * worker_child.IDLE_WAIT_S)  # the warm-up fails meanwhile
    parent.send(("analyze", 7, "text", "general", None))
    assert parent.recv()[:2] == ("result", 7)
    parent.send(("stop",))
    loop.join(10)
    assert not loop.is_alive()

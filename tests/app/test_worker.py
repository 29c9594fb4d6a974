"""The analysis worker: real child processes (spawn), killed, hung and orphaned on purpose.

The target for most tests is fake_target below: worker_main's own loop (serve) around a
fake engine that obeys the text it is given ("raise", "exit", "once:<marker>", ...).
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jargonfree.app.worker import (
    PART_SIZE,
    WorkerClient,
    send_analysis,
    serve,
    worker_main,
)
from jargonfree.core.model import Analysis, Finding, Options, Readability

from .sync_client import SyncEngineClient

ROOT = Path(__file__).resolve().parents[2]
READABILITY = Readability("general", 0, 0, 0, *([None] * 11), 0, (None, 14), None, {})
OPTIONS = Options()


# --- the fake engine and targets (module level, so spawn can import them) --------------


def fake_analyze(text: str, profile: str, options: Options, revision: int) -> Analysis:
    """Echo `text` as findings, or misbehave when the text says so."""
    command, _, arg = text.partition(":")
    if command == "raise":
        raise ValueError("bad\ninput")
    if command == "exit":
        os._exit(3)
    if command == "sleep":
        time.sleep(float(arg))
    if command == "once":  # hang the first time (the test kills us or times out), then answer
        marker = Path(arg)
        if not marker.exists():
            marker.write_text(str(os.getpid()))
            time.sleep(3600)
    if command == "unpicklable":
        return Analysis((), dataclasses.replace(READABILITY, notes={"f": lambda: 0}), revision)
    count = int(arg) if command == "big" else 1
    findings = tuple(
        Finding(i, i + 1, 1, i + 1, "x", "test.echo", "jargon", "suggestion",
                f"echo {text[:40]} for {profile}", ("use",))
        for i in range(count)
    )
    return Analysis(findings, READABILITY, revision)


def fake_target(conn, parent_pid: int) -> None:
    serve(conn, parent_pid, fake_analyze)


def broken_target(conn, parent_pid: int) -> None:
    conn.send(("error", -1, "the checker could not start: RuleError: bad rule file"))


def dying_target(conn, parent_pid: int) -> None:
    os._exit(1)


# --- helpers ---------------------------------------------------------------------------


def alive(pid: int) -> bool:
    """Running, and not a zombie (an orphan's zombie may wait for a lazy init to reap it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


class Recorder:
    def __init__(self, client: WorkerClient | SyncEngineClient) -> None:
        self.states: list[str] = []
        self.results: list[Analysis] = []
        self.errors: list[str] = []
        client.state_changed.connect(self.states.append)
        client.analysis_ready.connect(self.results.append)
        client.error.connect(self.errors.append)

    @property
    def revisions(self) -> list[int]:
        return [a.revision for a in self.results]


@pytest.fixture
def make_client(qtbot):
    made: list[WorkerClient] = []

    def make(**kwargs) -> tuple[WorkerClient, Recorder]:
        kwargs.setdefault("target", fake_target)
        kwargs.setdefault("timeout_s", 20.0)
        client = WorkerClient(**kwargs)
        made.append(client)
        return client, Recorder(client)

    yield make
    for client in made:
        pid = client.pid
        client.shutdown()
        assert pid is None or not alive(pid)


def started(qtbot, client: WorkerClient, recorder: Recorder) -> None:
    client.start()
    qtbot.waitUntil(lambda: client.state == "ready", timeout=30_000)


needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")


# --- results ---------------------------------------------------------------------------


def test_a_job_sent_before_ready_is_answered_with_its_revision(qtbot, make_client):
    client, rec = make_client()
    client.start()
    assert client.state == "starting"
    client.submit(7, "hello", "patient", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.results), timeout=30_000)
    [analysis] = rec.results
    assert analysis.revision == 7
    assert analysis.findings[0].message == "echo hello for patient"
    assert rec.states[0] == "starting" and "busy" in rec.states and rec.states[-1] == "ready"


def test_latest_wins_while_busy(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    client.submit(1, "sleep:0.5", "general", OPTIONS)
    for revision in (2, 3, 4):
        client.submit(revision, f"text {revision}", "general", OPTIONS)
    qtbot.waitUntil(lambda: 4 in rec.revisions, timeout=10_000)
    qtbot.wait(200)
    assert rec.revisions == [1, 4]
    assert rec.results[1].findings[0].message == "echo text 4 for general"


def test_an_exception_is_an_error_state_not_a_crash(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    pid = client.pid
    with qtbot.waitSignal(client.error, timeout=10_000) as blocker:
        client.submit(1, "raise", "general", OPTIONS)
    assert blocker.args == ["ValueError: bad input"]
    assert client.state == "error: ValueError: bad input"
    client.submit(2, "fine", "general", OPTIONS)
    qtbot.waitUntil(lambda: rec.revisions == [2], timeout=10_000)
    assert client.pid == pid and client.state == "ready"  # the same child carried on


def test_a_result_that_cannot_be_pickled_is_an_error_too(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    pid = client.pid
    with qtbot.waitSignal(client.error, timeout=10_000) as blocker:
        client.submit(1, "unpicklable", "general", OPTIONS)
    assert "pickle" in blocker.args[0].lower() and client.pid == pid


def test_a_big_result_comes_in_parts_and_whole(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    client.submit(1, f"big:{PART_SIZE * 10 + 7}", "general", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.results), timeout=30_000)
    findings = rec.results[0].findings
    assert [f.start for f in findings] == list(range(PART_SIZE * 10 + 7))


class ListConn:
    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.sent.append(message)


@pytest.mark.parametrize(
    ("count", "kinds"),
    [(0, ["result"]), (PART_SIZE, ["result"]), (PART_SIZE + 1, ["part", "result"]),
     (PART_SIZE * 3, ["part", "part", "result"])],
)
def test_send_analysis_splits_only_big_results(count, kinds):
    conn = ListConn()
    send_analysis(conn, 5, fake_analyze(f"big:{count}", "general", OPTIONS, 5))
    assert [m[0] for m in conn.sent] == kinds
    assert all(m[1] == 5 for m in conn.sent)
    assert sum(len(m[2]) for m in conn.sent[:-1]) + len(conn.sent[-1][2].findings) == count
    assert all(len(m[2]) == PART_SIZE for m in conn.sent[:-1])


# --- faults ----------------------------------------------------------------------------


def test_child_killed_mid_job_is_restarted_and_the_job_sent_again(qtbot, make_client, tmp_path):
    client, rec = make_client()
    started(qtbot, client, rec)
    first = client.pid
    marker = tmp_path / "working"
    client.submit(1, f"once:{marker}", "general", OPTIONS)
    qtbot.waitUntil(marker.exists, timeout=10_000)
    os.kill(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(rec.results), timeout=30_000)
    assert rec.revisions == [1]
    assert "restarting" in rec.states
    assert rec.states.index("restarting") < len(rec.states) - 1
    assert client.pid != first and not alive(first)
    assert rec.errors == []


def test_a_hang_past_the_timeout_restarts(qtbot, make_client, tmp_path):
    client, rec = make_client(timeout_s=1.5)
    started(qtbot, client, rec)
    first = client.pid
    client.submit(3, f"once:{tmp_path / 'hung'}", "general", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.results), timeout=30_000)
    assert rec.revisions == [3] and "restarting" in rec.states
    assert not alive(first)


def test_a_text_that_kills_the_checker_twice_is_skipped(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    client.submit(1, "exit", "general", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.errors), timeout=30_000)
    assert "stopped twice" in rec.errors[0]
    client.submit(2, "fine", "general", OPTIONS)
    qtbot.waitUntil(lambda: rec.revisions == [2], timeout=30_000)


def test_a_checker_that_cannot_start_says_so_once(qtbot, make_client):
    client, rec = make_client(target=broken_target)
    with qtbot.waitSignal(client.error, timeout=30_000):
        client.start()
    assert client.state.startswith("error: the checker could not start")
    qtbot.wait(500)
    assert "restarting" not in rec.states and client.pid is None


def test_a_checker_that_dies_at_start_is_given_up_after_a_few_tries(qtbot, make_client):
    client, rec = make_client(target=dying_target)
    client.start()
    qtbot.waitUntil(lambda: bool(rec.errors), timeout=30_000)
    qtbot.wait(500)
    assert rec.states == ["starting", "restarting",
                          "error: the checker stopped each time it started"]
    assert client.pid is None


@needs_proc
def test_shutdown_leaves_no_child(qtbot, make_client):
    client, rec = make_client()
    started(qtbot, client, rec)
    pid = client.pid
    client.shutdown()
    assert not alive(pid) and client.pid is None and client.state == "stopped"
    client.shutdown()  # twice is fine


PARENT = textwrap.dedent("""
    import importlib, multiprocessing, os, subprocess, sys, time
    target = getattr(importlib.import_module(sys.argv[1]), "fake_target")
    ctx = multiprocessing.get_context("spawn")
    mine, theirs = ctx.Pipe()
    child = ctx.Process(target=target, args=(theirs, os.getpid()))
    child.start()
    theirs.close()
    assert mine.recv() == ("ready",)
    holder = 0
    if sys.argv[2] == "hold-pipe":  # keep the pipe open elsewhere: only the pid check is left
        holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                  pass_fds=[mine.fileno()]).pid
    print(child.pid, holder, flush=True)
    time.sleep(3600)
""")


@needs_proc
@pytest.mark.parametrize("how", ["pipe-closes", "hold-pipe"])
def test_the_child_exits_when_the_app_is_killed(how):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, fake_target.__module__, how],
        stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    holder = 0
    try:
        line = parent.stdout.readline()
        assert line, "the parent process did not start its child"
        child, holder = (int(n) for n in line.split())
        assert alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(child)
    finally:
        parent.kill()
        parent.wait()
        if holder:
            os.kill(holder, signal.SIGKILL)


# --- the synchronous client ------------------------------------------------------------


def test_sync_client_answers_inside_submit(qtbot):
    client = SyncEngineClient(fake_analyze)
    rec = Recorder(client)
    client.start()
    client.submit(4, "hello", "general", OPTIONS)
    assert rec.revisions == [4] and client.state == "ready"
    client.submit(5, "raise", "general", OPTIONS)
    assert rec.errors == ["ValueError: bad input"]
    assert client.state == "error: ValueError: bad input"
    client.shutdown()
    assert client.state == "stopped"


# --- the real engine -------------------------------------------------------------------


def test_real_worker_finds_jargon(qtbot, make_client):
    """worker_main with the real Analyzer, in a real child process."""
    client, rec = make_client(target=worker_main, timeout_s=60.0)
    client.start()
    client.submit(1, "We will leverage our stakeholder network.", "general", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.results or rec.errors), timeout=120_000)
    assert rec.errors == []
    texts = {f.text.lower() for f in rec.results[0].findings}
    assert "leverage" in texts and rec.results[0].revision == 1
    # A Markdown document (the editor sends Options.markup): its code is not checked.
    source = "Run `leverage --all`, then **leverage** it."
    client.submit(2, source, "general", dataclasses.replace(OPTIONS, markup="markdown"))
    qtbot.waitUntil(lambda: len(rec.results) == 2 or bool(rec.errors), timeout=120_000)
    assert [(f.start, f.text) for f in rec.results[1].findings] == [
        (source.index("**leverage**") + 2, "leverage")]


def test_real_worker_uses_own_rules_and_reports_a_broken_one(qtbot, make_client, tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "trust.toml").write_text(
        'schema = 1\ncategory = "jargon"\n[[rule]]\nid = "ics"\n'
        'match = ["integrated care system"]\nreplace = ["local health partnership"]\n'
        'message = "Say who."\n', encoding="utf-8")
    (own / "broken.toml").write_text("not toml at all [", encoding="utf-8")
    client, rec = make_client(target=worker_main, timeout_s=60.0,
                              cache_dir=str(tmp_path / "cache"), own_rules_dir=str(own))
    client.start()
    client.submit(1, "The integrated care system met.", "general", OPTIONS)
    qtbot.waitUntil(lambda: bool(rec.results), timeout=120_000)
    assert len(rec.errors) == 1 and "broken.toml" in rec.errors[0]
    assert client.state == "ready"  # a warning, not a failure
    [f] = [f for f in rec.results[0].findings if f.category == "jargon"]
    assert (f.rule_id, f.suggestions) == ("own.trust.ics", ("local health partnership",))

"""jargonfree never opens a network connection: the core, the CLI and the worker run
end to end with internet sockets blocked (conftest.no_network), and the block is real.

.ci/run also runs the whole suite in a network namespace with no interfaces; these
tests make the same promise in-process, where any attempt is recorded and named.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import multiprocessing
import socket
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TEXT = (
    "We will leverage our stakeholder network to utilise co-production.\n\n"
    "The patient's hypertension was managed in primary care prior to discharge.\n"
)


# --- the block itself --------------------------------------------------------------------


def test_connecting_to_the_internet_raises_our_error(no_network):
    for family, address in ((socket.AF_INET, ("192.0.2.1", 80)),
                            (socket.AF_INET6, ("2001:db8::1", 80, 0, 0))):
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            with pytest.raises(no_network.error):
                sock.connect(address)
            with pytest.raises(no_network.error):
                sock.connect_ex(address)
    with pytest.raises(no_network.error):
        socket.create_connection(("example.org", 443))
    with pytest.raises(no_network.error):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, pytest.raises(no_network.error):
        udp.sendto(b"x", ("192.0.2.1", 53))
    assert len(no_network.attempts) == 7  # every attempt is named


def test_the_block_is_not_an_oserror_so_nothing_swallows_it(no_network):
    assert not issubclass(no_network.error, OSError)


def test_urllib_is_blocked_too(no_network):
    import urllib.request

    with pytest.raises(no_network.error):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)


def test_unix_sockets_and_pipes_still_work():
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"
    mine, theirs = multiprocessing.get_context("spawn").Pipe()
    mine.send(("ready",))
    assert theirs.recv() == ("ready",)


# --- the core and the CLI, end to end ---------------------------------------------------


def test_analyze_end_to_end_offline(no_network):
    from jargonfree import analyze

    for profile in ("general", "patient", "bid", "specialist"):
        result = analyze(TEXT, profile=profile)
        json.dumps(result.to_dict())
    assert any(f.text.lower() == "leverage" for f in analyze(TEXT).findings)
    assert no_network.attempts == []


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The CLI reads the user's lists through platformdirs: point it at an empty home."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


@pytest.mark.parametrize(
    "argv",
    [["check", "{file}"], ["check", "--format", "json", "--profile", "patient", "{file}"],
     ["score", "{file}"], ["rules", "--check"]],
    ids=["check", "check-json", "score", "rules"],
)
def test_cli_end_to_end_offline(no_network, home, capsys, argv):
    from jargonfree.cli import main

    file = home / "bid.txt"
    file.write_text(TEXT, encoding="utf-8")
    assert main([a.replace("{file}", str(file)) for a in argv]) == 0
    assert capsys.readouterr().out
    assert no_network.attempts == []


# --- the worker process -----------------------------------------------------------------


def _load_conftest():
    """The shared conftest, loaded by path (the child process is not run by pytest)."""
    spec = importlib.util.spec_from_file_location("jargonfree_tests_conftest",
                                                  TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def offline_worker_main(conn, parent_pid: int, *, report: str) -> None:
    """The real worker_main, with internet sockets blocked in the child; every attempt
    (none, we expect) is written to `report` after start-up and after each job."""
    import jargonfree.app.worker_child as worker

    patch = pytest.MonkeyPatch()
    guard = _load_conftest().block_internet(patch)
    real_serve = worker.serve

    def write() -> None:
        Path(report).write_text(json.dumps(guard.attempts), encoding="utf-8")

    def serve(conn, parent_pid, analyze, simpler=None, idle=None):
        def checked(*args):
            try:
                return analyze(*args)
            finally:
                write()

        def idle_checked():
            try:
                if idle is not None:
                    idle()  # the patient profile's warm-up, once idle
            finally:
                write()

        write()
        real_serve(conn, parent_pid, checked, simpler, idle_checked)

    patch.setattr(worker, "serve", serve)
    worker.worker_main(conn, parent_pid)


def test_worker_end_to_end_offline(qtbot, tmp_path):
    from jargonfree.app.worker import WorkerClient
    from jargonfree.core.model import Options

    report = tmp_path / "attempts.json"
    client = WorkerClient(target=functools.partial(offline_worker_main, report=str(report)),
                          timeout_s=120.0)
    results, errors = [], []
    client.analysis_ready.connect(results.append)
    client.error.connect(errors.append)
    try:
        client.start()
        client.submit(1, TEXT, "patient", Options())
        qtbot.waitUntil(lambda: bool(results or errors), timeout=180_000)
    finally:
        client.shutdown()
    assert errors == []
    assert any(f.text.lower() == "leverage" for f in results[0].findings)
    assert json.loads(report.read_text(encoding="utf-8")) == []

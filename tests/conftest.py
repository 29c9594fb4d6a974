"""Shared test set-up: Qt renders offscreen, and no test may reach the internet.

Keep each piece in its own clearly named function or fixture; add yours below.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

# Before anything imports Qt: the offscreen platform needs no X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_INTERNET = (socket.AF_INET, socket.AF_INET6)
_LOCAL_HOSTS = (None, "", "localhost", "127.0.0.1", "::1")


class NetworkBlocked(RuntimeError):
    """A test tried to use the internet. Not an OSError, so code that quietly handles
    "offline" cannot swallow it."""


@dataclass
class NetworkGuard:
    """What the no_network fixture returns: the error it raises and every attempt."""

    error: type[NetworkBlocked] = NetworkBlocked
    attempts: list[str] = field(default_factory=list)

    def refuse(self, what: str) -> NetworkBlocked:
        self.attempts.append(what)
        return NetworkBlocked(f"a test tried to use the internet: {what}")


def block_internet(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    """Refuse connections and name lookups on AF_INET/AF_INET6 in this process. Unix
    sockets stay allowed (multiprocessing's pipes). Child processes are covered by
    .ci/run's network namespace, and by tests that call this in the child."""
    guard = NetworkGuard()

    def guarded(name: str):
        real = getattr(socket.socket, name)

        def method(self, *args, **kwargs):
            if self.family in _INTERNET:
                raise guard.refuse(f"socket.{name}{args!r}")
            return real(self, *args, **kwargs)

        return method

    def create_connection(address, *args, **kwargs):
        raise guard.refuse(f"socket.create_connection({address!r})")

    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host not in _LOCAL_HOSTS:
            raise guard.refuse(f"socket.getaddrinfo({host!r})")
        return real_getaddrinfo(host, *args, **kwargs)

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, guarded(name))
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return guard


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> NetworkGuard:
    """Every test runs with the internet blocked; ask for it to see the attempts."""
    return block_internet(monkeypatch)


@pytest.fixture
def unreadable(monkeypatch):
    """Make a file unreadable: chmod 0, and where that does not stop this process (root
    reads any file, and CI runs as root) Path.open is patched to refuse it too, as the
    system would. Returns a function of the path."""
    import pathlib

    made: list[pathlib.Path] = []

    def make(path: pathlib.Path) -> pathlib.Path:
        path.chmod(0)
        made.append(path)
        if os.access(path, os.R_OK):
            real_open = pathlib.Path.open

            def refusing_open(self, *args, **kwargs):
                if os.path.abspath(self) in {os.path.abspath(p) for p in made}:
                    raise PermissionError(13, "Permission denied", str(self))
                return real_open(self, *args, **kwargs)

            monkeypatch.setattr(pathlib.Path, "open", refusing_open)
        return path

    yield make
    for path in made:
        path.chmod(0o600)


@pytest.fixture(scope="module")
def rule_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")  # compiled rules: built once per test module


@pytest.fixture
def run(tmp_path, rule_cache):
    """Run the jargonfree command in a fresh home folder (rules cache shared per module)."""
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / "home" / var.lower())
    env["XDG_CACHE_HOME"] = str(rule_cache)
    env["HOME"] = str(tmp_path / "home")

    def _run(*args):
        return subprocess.run([sys.executable, "-m", "jargonfree", *map(str, args)],
                              capture_output=True, env=env, cwd=tmp_path, timeout=300)

    return _run

"""Shared test set-up: Qt without a display, and no internet sockets in any test.

Keep each fixture in its own clearly named function; add yours below.
"""

from __future__ import annotations

import os
import socket

import pytest

# Before anything imports Qt: the offscreen platform needs no X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlockedError(OSError):
    """Raised when code under test tries to use an internet socket."""


def _block_internet_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse AF_INET/AF_INET6 sockets in this process; Unix sockets (multiprocessing's
    pipes) stay allowed. Child processes are covered by .ci/run's network namespace."""
    real_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002
        if fileno is None and (family == -1 or family in _INTERNET):
            raise NetworkBlockedError(f"test blocked an internet socket (family {family})")
        real_init(self, family, type, proto, fileno)

    def guarded(name):
        real = getattr(socket.socket, name)

        def method(self, *args, **kwargs):
            if self.family in _INTERNET:
                raise NetworkBlockedError(f"test blocked socket.{name} on an internet socket")
            return real(self, *args, **kwargs)

        return method

    def refuse_connection(*_args, **_kwargs):
        raise NetworkBlockedError("test blocked socket.create_connection")

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, guarded(name))
    monkeypatch.setattr(socket, "create_connection", refuse_connection)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> type[NetworkBlockedError]:
    """Every test runs with internet sockets blocked; returns the error they raise."""
    _block_internet_sockets(monkeypatch)
    return NetworkBlockedError

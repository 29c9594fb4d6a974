"""End to end, in real app processes: type into a leaflet, kill -9 the app, open the same
file again by a relative path from another folder, recover and save.

Each process is the real editor (`python -m jargonfree FILE`'s code path, real worker,
real dialogs) driven from inside by tests/app/recovery_driver.py. HOME, the XDG folders
and the temporary folder are the test's own, so the marker typed can be looked for in
every file the app may have written.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .test_privacy import files_holding

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("recovery_driver.py")
MARKER = "KQZW-MRS-SMITH-0291"
STEP_S = 150  # a generous bound for one step (a cold rule cache takes ~10 s to build)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")


class App:
    """One driven app process, its JFDRIVER lines read on a thread so waits are bounded."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), *args], cwd=cwd, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.output.append(line)
            if line.startswith("JFDRIVER "):
                self.lines.put(line)

    def expect(self, key: str, timeout: float = STEP_S) -> dict:
        """The next report holding `key`; fails with everything the app printed."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(0.1, left))
            except queue.Empty:
                if left <= 0 or self.proc.poll() is not None:
                    pytest.fail(f"the app never reported {key!r} (exit code "
                                f"{self.proc.poll()}); its output:\n{''.join(self.output)}")
                continue
            report = json.loads(line.removeprefix("JFDRIVER "))
            if "error" in report:
                pytest.fail(f"the driven app failed: {report['error']}; its output:\n"
                            f"{''.join(self.output)}")
            if key in report:
                return report

    def kill(self) -> None:
        """kill -9 the app, and then anything it left in its session (the worker)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def test_kill_then_reopen_by_a_relative_path_elsewhere_recover_and_save(tmp_path):
    root = tmp_path / "root"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "JF_"))}
    env.update(HOME=str(root / "home"), TMPDIR=str(root / "tmp"), PYTHONPATH=str(ROOT),
               QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                "XDG_RUNTIME_DIR"):
        env[var] = str(root / var.lower())
    for folder in ("home", "tmp", "xdg_runtime_dir"):
        (root / folder).mkdir(parents=True, mode=0o700)
    docs = root / "home" / "docs"
    elsewhere = root / "home" / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    leaflet = docs / "leaflet.txt"
    leaflet.write_text("Your appointment\n\nPlease arrive early.\n", encoding="utf-8")
    typed = f" Bring your letter, {MARKER}."

    first = App(["type", "leaflet.txt", typed], cwd=docs, env=env)
    try:
        report = first.expect("typed")
        assert report["path"] == str(leaflet)
        assert report["editor"].endswith(typed)
        first.expect("autosaved")
    finally:
        first.kill()
    assert first.proc.returncode == -signal.SIGKILL
    assert leaflet.read_text(encoding="utf-8") == "Your appointment\n\nPlease arrive early.\n"

    [autosave] = (root / "xdg_state_home" / "jargonfree" / "autosave").glob("*.json")
    assert stat.S_IMODE(autosave.stat().st_mode) == 0o600
    assert stat.S_IMODE(autosave.parent.stat().st_mode) == 0o700
    assert json.loads(autosave.read_text())["path"] == str(leaflet)  # absolute
    assert files_holding(root, MARKER) == {autosave}  # not in the cache, settings, tmp

    second = App(["recover", "../docs/leaflet.txt"], cwd=elsewhere, env=env)
    try:
        report = second.expect("editor")
        assert second.proc.wait(timeout=STEP_S) == 0, "".join(second.output)
    finally:
        second.kill()
    expected = "Your appointment\n\nPlease arrive early.\n" + typed
    assert report["title"] == "Recover unsaved work?"
    assert report["preview"] == expected  # shown before the choice
    assert "Recover" in report["buttons"]
    assert report["editor"] == expected
    assert report["path"] == str(leaflet)
    assert report["modified_after_save"] is False, report["status"]
    assert leaflet.read_text(encoding="utf-8") == expected
    assert not list(autosave.parent.glob("*.json"))
    assert files_holding(root, MARKER) == {leaflet}

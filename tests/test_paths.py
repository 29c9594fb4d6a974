"""The app's folders: platformdirs places, nothing created until something is written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jargonfree.paths import APP_NAME, AppPaths, ensure, ensure_private, keep_aside


def test_under_puts_every_file_in_its_folder(tmp_path):
    paths = AppPaths.under(tmp_path)
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.accept_file == tmp_path / "data" / "accept.txt"
    assert paths.reject_file == tmp_path / "data" / "reject.txt"
    assert paths.autosave_dir == tmp_path / "state" / "autosave"
    assert paths.cache_dir == tmp_path / "cache"
    assert not any(tmp_path.iterdir())  # building it created nothing


def test_default_uses_platformdirs_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    paths = AppPaths.default()
    for folder in (paths.config_dir, paths.data_dir, paths.state_dir, paths.cache_dir):
        assert APP_NAME in folder.parts
        assert not folder.exists()
    if sys.platform.startswith("linux"):
        assert paths.config_dir == tmp_path / ".config" / APP_NAME
        assert paths.state_dir == tmp_path / ".local" / "state" / APP_NAME


def test_importing_the_infrastructure_creates_no_folders(tmp_path):
    """No import-time side effects: a fresh interpreter with HOME in an empty folder."""
    code = ("import jargonfree.paths, jargonfree.settings, jargonfree.userlists, "
            "jargonfree.formats, jargonfree.app.autosave; "
            "jargonfree.paths.AppPaths.default()")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert list(tmp_path.iterdir()) == []


def test_ensure_creates_on_first_use(tmp_path):
    folder = tmp_path / "a" / "b"
    assert ensure(folder) == folder and folder.is_dir()
    assert ensure(folder) == folder  # a second time is fine


def test_keep_aside_never_overwrites_an_earlier_copy(tmp_path):
    path = tmp_path / "settings.json"
    asides = []
    for content in (b"first", b"second", b"third"):  # same second: names must differ
        path.write_bytes(content)
        asides.append(keep_aside(path))
    assert not path.exists()
    assert [a.read_bytes() for a in asides] == [b"first", b"second", b"third"]
    assert all(a.name.startswith("settings.json.broken-") for a in asides)


def test_keep_aside_of_a_missing_file_raises(tmp_path):
    with pytest.raises(OSError):
        keep_aside(tmp_path / "gone.json")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_ensure_private_makes_folders_only_their_owner_can_open(tmp_path):
    folder = tmp_path / "home" / ".local" / "state" / "jargonfree" / "autosave"
    assert ensure_private(folder, ours=2) == folder
    for part in (folder, folder.parent, tmp_path / "home" / ".local"):
        assert _mode(part) == 0o700, part  # the XDG spec's 0700 for folders we create


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_ensure_private_tightens_our_folders_and_leaves_the_users_alone(tmp_path):
    users = tmp_path / "state"
    ours = users / "jargonfree"
    autosave = ours / "autosave"
    autosave.mkdir(parents=True)
    for part in (users, ours, autosave):
        part.chmod(0o755)  # as an earlier release left them
    ensure_private(autosave, ours=2)
    assert (_mode(autosave), _mode(ours), _mode(users)) == (0o700, 0o700, 0o755)


def test_ensure_private_refuses_a_file_in_the_way(tmp_path):
    (tmp_path / "state").write_text("not a folder")
    with pytest.raises(OSError):
        ensure_private(tmp_path / "state")

"""Autosave: unsaved work survives a crash or SIGKILL and is offered back, once."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jargonfree.app.autosave import AutosaveStore, Recovery

HAS_LOCKS = sys.platform != "win32"


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "state" / "autosave"


def test_nothing_pending_before_the_first_save(folder):
    assert AutosaveStore(folder).pending() == []
    assert not folder.exists()  # made on first save only


def test_a_crashed_session_is_offered_back(folder):
    first = AutosaveStore(folder)
    first.save("doc1", "We will leverage 😀 שלום\r\n\ud83d", "/home/me/bid.txt")
    first.close()  # what a crash does to the lock
    [rec] = AutosaveStore(folder).pending()
    assert rec.doc_id == "doc1" and rec.path == "/home/me/bid.txt"
    assert rec.text == "We will leverage 😀 שלום\r\n\ud83d"  # every character, exactly
    assert abs(rec.saved_at - time.time()) < 60


def test_saving_again_replaces_and_discard_forgets(folder):
    store = AutosaveStore(folder)
    store.save("doc1", "one", None)
    store.save("doc1", "two", None)
    store.close()
    assert [r.text for r in AutosaveStore(folder).pending()] == ["two"]
    later = AutosaveStore(folder)
    later.discard("doc1")
    assert later.pending() == [] and list(folder.iterdir()) == []
    later.discard("doc1")  # twice is fine


def test_newest_first(folder, monkeypatch):
    store = AutosaveStore(folder)
    for doc_id, when in [("old", 1000.0), ("new", 2000.0)]:
        monkeypatch.setattr(time, "time", lambda when=when: when)
        store.save(doc_id, doc_id, None)
    store.close()
    assert [r.doc_id for r in AutosaveStore(folder).pending()] == ["new", "old"]


@pytest.mark.skipif(not HAS_LOCKS, reason="no file locks on Windows")
def test_work_open_in_a_running_copy_is_not_offered(folder):
    running = AutosaveStore(folder)
    running.save("open-doc", "still being edited", None)
    assert AutosaveStore(folder).pending() == []  # a second copy of the app
    assert running.pending() == []  # and the same copy never offers its own work
    running.close()
    assert [r.doc_id for r in AutosaveStore(folder).pending()] == ["open-doc"]


@pytest.mark.skipif(not HAS_LOCKS, reason="no file locks on Windows")
def test_sigkill_leaves_work_to_recover(folder):
    """A real process saves and is killed with SIGKILL: the work is there, unlocked."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        from jargonfree.app.autosave import AutosaveStore
        AutosaveStore({str(folder)!r}).save("killed", "unsaved bid", "/tmp/bid.txt")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", code], timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == -9
    assert AutosaveStore(folder).pending() == [
        Recovery("killed", "unsaved bid", "/tmp/bid.txt", pytest.approx(time.time(), abs=60))
    ]


def test_damaged_autosaves_are_skipped_and_kept(folder):
    folder.mkdir(parents=True)
    (folder / "bad.json").write_bytes(b"\x00\x01 not json")
    (folder / "list.json").write_text("[1, 2]")
    (folder / "notext.json").write_text(json.dumps({"path": None}))
    (folder / "ok.json").write_text(json.dumps({"text": "fine", "path": 3}))
    assert AutosaveStore(folder).pending() == [Recovery("ok", "fine", None, 0.0)]
    assert (folder / "bad.json").exists()


@pytest.mark.parametrize("doc_id", ["../escape", "a/b", "", "x" * 65, "dot.dot"])
def test_ids_cannot_leave_the_folder(folder, doc_id):
    with pytest.raises(ValueError):
        AutosaveStore(folder).save(doc_id, "text", None)


def test_a_file_in_the_way_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "state").write_text("a file where the folder should be")
    with pytest.raises(OSError):
        AutosaveStore(tmp_path / "state" / "autosave").save("doc", "text", None)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_autosaves_are_private_from_the_first_byte(folder, monkeypatch):
    """Text is never in a file others can open: 600 files in 700 folders, made so."""
    seen = []
    real_fdopen = os.fdopen

    def spying(fd, *args, **kwargs):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", spying)
    store = AutosaveStore(folder)
    store.save("doc1", "Mr Jones, date of birth 1 May 1950", "/home/me/letter.txt")
    monkeypatch.undo()
    store.close()
    assert seen and all(mode == 0o600 for mode in seen)
    assert _mode(folder / "doc1.json") == 0o600
    assert _mode(folder / "doc1.lock") == 0o600
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_an_earlier_releases_readable_autosaves_are_made_private(folder):
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    folder.parent.chmod(0o755)
    old = folder / "doc1.json"
    old.write_text(json.dumps({"text": "old", "path": None}))
    old.chmod(0o644)
    AutosaveStore(folder).save("doc1", "new", None)
    assert (_mode(old), _mode(folder), _mode(folder.parent)) == (0o600, 0o700, 0o700)


def test_work_on_a_file_is_found_however_the_file_is_named(folder, tmp_path, monkeypatch):
    leaflet = tmp_path / "docs" / "leaflet.txt"
    leaflet.parent.mkdir()
    leaflet.write_text("on disk")
    store = AutosaveStore(folder)
    store.save("doc1", "unsaved", str(leaflet))
    store.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    later = AutosaveStore(folder)
    assert [r.doc_id for r in later.pending_for("../docs/leaflet.txt")] == ["doc1"]
    assert [r.doc_id for r in later.pending_for(tmp_path / "docs/../docs/leaflet.txt")] == [
        "doc1"]
    if hasattr(os, "symlink"):
        (tmp_path / "link.txt").symlink_to(leaflet)
        assert [r.doc_id for r in later.pending_for(tmp_path / "link.txt")] == ["doc1"]
    assert later.pending_for(tmp_path / "other.txt") == []


def test_only_work_older_than_thirty_days_is_stale(folder, monkeypatch):
    store = AutosaveStore(folder)
    now = time.time()
    for doc_id, age_days in [("fresh", 29), ("stale", 31)]:
        monkeypatch.setattr(time, "time", lambda age=age_days: now - age * 86400)
        store.save(doc_id, doc_id, None)
    monkeypatch.undo()
    store.close()
    assert {r.doc_id: r.stale for r in AutosaveStore(folder).pending()} == {
        "fresh": False, "stale": True}

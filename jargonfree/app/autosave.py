"""Unsaved work kept every few seconds in the state folder, offered back after a crash.

Pure Python, no Qt. Each open document has <doc_id>.json (text, the file's absolute
path, time) and, where the system has fcntl, <doc_id>.lock held open while the document
is open, so a second copy of the app does not offer to "recover" work that is still open
in the first. A crash or SIGKILL drops the lock, and the work shows up in pending().

The text may be about a patient: every file here is created readable by its owner only
(0o600, from the first byte) in folders only the owner can open (0o700).
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from jargonfree.formats import write_text_atomic
from jargonfree.paths import ensure_private

try:
    import fcntl
except ImportError:  # Windows: no locks; every autosave counts as pending
    fcntl = None  # type: ignore[assignment]

_DOC_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
FORMAT = 1
STALE_DAYS = 30  # older autosaves are offered one last time, then removed


@dataclass(frozen=True)
class Recovery:
    """Work found in the autosave folder that no running copy of the app holds."""

    doc_id: str
    text: str
    path: str | None
    saved_at: float  # seconds since the epoch

    @property
    def stale(self) -> bool:
        """Older than STALE_DAYS: offered once more, then removed whatever the answer."""
        return time.time() - self.saved_at > STALE_DAYS * 86400

    def is_for(self, path: str | os.PathLike) -> bool:
        """Whether this is unsaved work on the file at `path`, however either was named
        (relative or absolute, through a symbolic link)."""
        if self.path is None:
            return False
        if os.path.realpath(self.path) == os.path.realpath(path):
            return True
        try:
            return os.path.samefile(self.path, path)
        except OSError:
            return False


class AutosaveStore:
    """Autosaves in one folder (AppPaths.autosave_dir); the folder is made on first save."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)  # its parent (the app's state folder) is ours too
        self._locks: dict[str, int] = {}  # doc_id -> open, locked file descriptor

    def _file(self, doc_id: str, suffix: str = ".json") -> Path:
        if not _DOC_ID_RE.fullmatch(doc_id):
            raise ValueError(f"not a usable autosave id: {doc_id!r}")
        return self.folder / f"{doc_id}{suffix}"

    def save(self, doc_id: str, text: str, path: str | None) -> None:
        """Keep `text` atomically, readable by the user only; `path` should be absolute.
        Raises WriteError (or OSError) if the folder is unusable."""
        target = self._file(doc_id)
        ensure_private(self.folder, ours=2)
        self._hold(doc_id)
        # ensure_ascii: escapes keep every character exactly, even half an emoji.
        record = {"format": FORMAT, "text": text, "path": path, "saved_at": time.time()}
        write_text_atomic(target, json.dumps(record), private=True)

    def discard(self, doc_id: str) -> None:
        """Forget a document's autosave (saved, closed without saving, or recovered)."""
        for suffix in (".json", ".lock"):
            try:
                self._file(doc_id, suffix).unlink()
            except FileNotFoundError:
                pass
        fd = self._locks.pop(doc_id, None)
        if fd is not None:
            os.close(fd)

    def close(self) -> None:
        """Let go of the locks (the files stay: they are recovered next time)."""
        for fd in self._locks.values():
            os.close(fd)
        self._locks.clear()

    def pending(self) -> list[Recovery]:
        """Autosaves no running copy holds, newest first; damaged ones are skipped, kept."""
        if not self.folder.is_dir():
            return []
        found = []
        for file in self.folder.glob("*.json"):
            doc_id = file.stem
            if doc_id in self._locks or not _DOC_ID_RE.fullmatch(doc_id) or self._held(doc_id):
                continue
            try:
                record = json.loads(file.read_text(encoding="utf-8"))
                path = record.get("path")
                found.append(Recovery(doc_id, str(record["text"]),
                                      path if isinstance(path, str) else None,
                                      float(record.get("saved_at", 0))))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def pending_for(self, path: str | os.PathLike) -> list[Recovery]:
        """Unsaved work on the file at `path` that no running copy holds, newest first."""
        return [r for r in self.pending() if r.is_for(path)]

    def _hold(self, doc_id: str) -> None:
        if fcntl is None or doc_id in self._locks:
            return
        fd = os.open(self._file(doc_id, ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # someone else holds it: save anyway, just unlocked
            return
        self._locks[doc_id] = fd

    def _held(self, doc_id: str) -> bool:
        """True when another running process holds this document's lock."""
        if fcntl is None:
            return False
        try:
            fd = os.open(self._file(doc_id, ".lock"), os.O_RDWR)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)  # closing also releases a lock we just took
        return False

"""Unsaved work kept every few seconds in the state folder, offered back after a crash.

Pure Python, no Qt. Each open document has <doc_id>.json (text, original path, time)
and, where the system has fcntl, <doc_id>.lock held open while the document is open,
so a second copy of the app does not offer to "recover" work that is still open in
the first. A crash or SIGKILL drops the lock, and the work shows up in pending().
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from jargonfree.formats import write_text_atomic

try:
    import fcntl
except ImportError:  # Windows: no locks; every autosave counts as pending
    fcntl = None  # type: ignore[assignment]

_DOC_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
FORMAT = 1


@dataclass(frozen=True)
class Recovery:
    """Work found in the autosave folder that no running copy of the app holds."""

    doc_id: str
    text: str
    path: str | None
    saved_at: float  # seconds since the epoch


class AutosaveStore:
    """Autosaves in one folder (AppPaths.autosave_dir); the folder is made on first save."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self._locks: dict[str, int] = {}  # doc_id -> open, locked file descriptor

    def _file(self, doc_id: str, suffix: str = ".json") -> Path:
        if not _DOC_ID_RE.fullmatch(doc_id):
            raise ValueError(f"not a usable autosave id: {doc_id!r}")
        return self.folder / f"{doc_id}{suffix}"

    def save(self, doc_id: str, text: str, path: str | None) -> None:
        """Keep `text` atomically; raises WriteError (or OSError) if the folder is unusable."""
        target = self._file(doc_id)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._hold(doc_id)
        # ensure_ascii: escapes keep every character exactly, even half an emoji.
        record = {"format": FORMAT, "text": text, "path": path, "saved_at": time.time()}
        write_text_atomic(target, json.dumps(record))

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

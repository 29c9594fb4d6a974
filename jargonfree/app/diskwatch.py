"""Notice when another program changes or removes the open file.

QFileSystemWatcher reports every change, our own saves too, and stops watching a path
whose file was replaced (an atomic save renames a new file over it). The watcher keeps
a stamp of the file as we last read or wrote it, reports only changes that differ from
it, and watches the path again after each replacement.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 200  # another program may write a file in several steps: wait for quiet


def stamp(path: Path) -> tuple[int, int, int] | None:
    """What identifies a version of a file: (modified time, size, inode); None if gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class DiskWatcher(QObject):
    """Watches one file; `changed` when its content changes, `removed` when it goes,
    `mode_changed` when only its permissions do (not for our own saves)."""

    changed = Signal()
    removed = Signal()
    mode_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _name: self._settle.start())
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._look)
        self.path: Path | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._mode: int | None = None
        self.paused = False  # while the user is being asked about the last change

    def watch(self, path: Path | None) -> None:
        """Watch `path` (None: nothing) as it is now."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path = Path(path) if path is not None else None
        self.mark_ours()

    def mark_ours(self) -> None:
        """The file is as we last read or wrote it: take its stamp, watch it again."""
        self._settle.stop()
        if self.path is None:
            self._stamp = self._mode = None
            return
        self._stamp = stamp(self.path)
        self._mode = _mode(self.path)
        if self._stamp is not None and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _look(self) -> None:
        if self.path is None or self.paused:
            return
        now = stamp(self.path)
        if now is not None and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))
        if now == self._stamp:
            mode = _mode(self.path)
            if mode != self._mode:
                self._mode = mode
                self.mode_changed.emit()
            return
        self._stamp = now
        self._mode = _mode(self.path)
        if now is None:
            self.removed.emit()
        else:
            self.changed.emit()


def _mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None

"""Whether a file may be saved over: its mode bits as well as os.access.

os.access asks the kernel, which lets root (and some shares) write anything; a file
someone marked read-only (no write bit for anyone: a signed-off leaflet) must still be
treated as read-only, and so must a folder nobody may write in, since an atomic save
creates a new file there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from jargonfree.formats.textfile import shown

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _unwritable(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # not there: nothing marks it read-only
    return not (mode & _WRITE_BITS) or not os.access(path, os.W_OK)


def is_read_only(path: str | os.PathLike) -> bool:
    """True for an existing file that is marked read-only or that we may not write."""
    return _unwritable(Path(os.path.realpath(path)))


def save_problem(path: str | os.PathLike) -> str | None:
    """Why saving to `path` must not happen, in one plain line; None when it may."""
    real = Path(os.path.realpath(path))
    if real.is_file() and _unwritable(real):
        return f"The file {shown(Path(path).name)} is read-only"
    folder = real.parent
    if folder.is_dir() and _unwritable(folder):
        return f"The folder {shown(folder)} cannot be written to"
    return None

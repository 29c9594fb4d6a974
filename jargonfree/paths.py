"""Where jargonfree keeps the user's files (platformdirs, app name "jargonfree").

Nothing is created here: folders are made on first write, so importing or building
an AppPaths has no side effects. Tests use AppPaths.under(tmp_path).
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "jargonfree"
APP_ID = "io.github.jargonfree.JargonFree"


@dataclass(frozen=True)
class AppPaths:
    """The four per-user folders; build with default() in main(), under() in tests."""

    config_dir: Path
    data_dir: Path
    state_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        """The platform's usual places (platformdirs); nothing is created."""
        import platformdirs

        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: str | Path) -> AppPaths:
        """All four folders inside `root` (for tests and portable installs)."""
        root = Path(root)
        return cls(root / "config", root / "data", root / "state", root / "cache")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def accept_file(self) -> Path:
        return self.data_dir / "accept.txt"

    @property
    def reject_file(self) -> Path:
        return self.data_dir / "reject.txt"

    @property
    def rules_dir(self) -> Path:
        """The user's own rule files (*.toml, the same format as the bundled ones)."""
        return self.data_dir / "rules"

    @property
    def autosave_dir(self) -> Path:
        return self.state_dir / "autosave"


def ensure(folder: Path) -> Path:
    """Create a folder (and its parents) when something is first written there."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder


PRIVATE_DIR_MODE = 0o700


def ensure_private(folder: Path, ours: int = 1) -> Path:
    """Create `folder` readable by its owner only (0o700), from the moment it exists.

    Missing parents are made 0o700 too, as the XDG base directory spec asks. The last
    `ours` folders of the path (jargonfree's own: "jargonfree", "jargonfree/autosave")
    are also tightened when they already exist with looser modes, as an earlier release
    made them; folders above those belong to the user and are left as they are."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            pass  # made by another copy of the app meanwhile
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder}: not a folder")
    if hasattr(os, "getuid"):
        own = [folder, *list(folder.parents)[: max(0, ours - 1)]]
        for part in own:
            _tighten(part)
    return folder


def _tighten(folder: Path) -> None:
    """Take group and others' access away from one of our folders (if we own it)."""
    try:
        info = folder.lstat()
        if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
                and stat.S_IMODE(info.st_mode) & 0o077):
            folder.chmod(PRIVATE_DIR_MODE)
    except OSError:
        pass  # a folder we cannot change is only less private, not broken


def keep_aside(path: Path) -> Path:
    """Rename a broken file to <name>.broken-<timestamp> (never over an earlier one),
    so the user can still open and fix it. Raises OSError if it cannot be moved."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while aside.exists() or aside.is_symlink():
        number += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    path.rename(aside)
    return aside


def kept_aside_note(path: Path) -> str:
    """Keep a broken file aside and say so, for the end of a warning line: "; the old
    file was kept as NAME", or "" when it could not be moved (it is then left as it is)."""
    try:
        return f"; the old file was kept as {keep_aside(path).name}"
    except OSError:
        return ""

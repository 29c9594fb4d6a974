"""Where jargonfree keeps the user's files (platformdirs, app name "jargonfree").

Nothing is created here: folders are made on first write, so importing or building
an AppPaths has no side effects. Tests use AppPaths.under(tmp_path).
"""

from __future__ import annotations

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

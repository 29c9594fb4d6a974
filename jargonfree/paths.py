"""Where jargonfree keeps the user's files (platformdirs, app name "jargonfree").

Nothing is created here: folders are made on first write, so importing or building
an AppPaths has no side effects. Tests use AppPaths.under(tmp_path).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

APP_NAME = "jargonfree"
APP_ID = "io.github.jargonfree.JargonFree"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    state_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        import platformdirs

        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: str | Path) -> AppPaths:
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
    def autosave_dir(self) -> Path:
        return self.state_dir / "autosave"


def ensure(folder: Path) -> Path:
    """Create a folder (and its parents) when something is first written there."""
    folder.mkdir(parents=True, exist_ok=True)
    return folder

"""Find bundled files in a checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. resource_path("rules", "wordy.toml")."""
    here = Path(__file__).resolve().parent
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "jargonfree" / "resources")
    candidates.append(here / "resources")  # installed wheel (force-include)
    candidates.append(here.parent / "resources")  # source checkout
    for base in candidates:
        if base.is_dir():
            return base.joinpath(*parts)
    return candidates[-1].joinpath(*parts)


def notice_text() -> str:
    """The NOTICE file (credits and licences of the bundled data and libraries), from the
    package (wheel: jargonfree/NOTICE), a frozen build, or the checkout's root."""
    here = Path(__file__).resolve().parent
    candidates = [here / "NOTICE", here.parent / "NOTICE"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "jargonfree" / "NOTICE")
    for path in candidates:
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            continue
    return "The NOTICE file is missing from this installation."


def desktop_path() -> Path:
    """The desktop entry, metainfo and PNG icons: packaging/linux in a checkout,
    jargonfree/desktop in a wheel or a frozen build."""
    here = Path(__file__).resolve().parent
    candidates = [here / "desktop", here.parent / "packaging" / "linux"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "jargonfree" / "desktop")
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[-1]

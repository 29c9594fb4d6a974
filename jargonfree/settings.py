"""The user's settings: a typed dataclass, saved as JSON with only the changed keys.

A broken settings file loads as defaults with a warning and is kept aside
(settings.json.broken-<time>), never overwritten. A key with a value of the wrong
kind falls back to its default; keys we do not know are ignored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from jargonfree.core.model import CATEGORIES
from jargonfree.core.profiles import PROFILES
from jargonfree.formats import ReadError, WriteError, read_text, shown, write_text_atomic
from jargonfree.paths import ensure_private, kept_aside_note

THEMES = ("system", "light", "dark")


@dataclass
class Settings:
    """Everything the app remembers between runs. None means "the profile's" or
    "the system's" value."""

    profile: str = "general"
    disabled_categories: list[str] = field(default_factory=list)
    word_limit: int | None = None
    theme: str = "system"  # system | light | dark
    font_size: int | None = None  # points; None: the system's size
    hard_grade: float | None = None
    very_hard_grade: float | None = None
    long_sentence_words: int | None = None
    recent_files: list[str] = field(default_factory=list)  # absolute paths, newest first
    remember_recent: bool = True  # False: keep no list (file names can name patients)
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    window_state: str | None = None  # base64 of QMainWindow.saveState()
    splitter_state: str | None = None  # base64 of QSplitter.saveState()
    hidden_categories: list[str] = field(default_factory=list)  # legend filters turned off
    word_tracked_changes: bool = True  # a .docx is saved with the edits as tracked changes


def _is_int(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_number(value: object, low: float, high: float) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value) and low <= value <= high)


def _is_strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _optional(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: value is None or check(value)


_VALID: dict[str, Callable[[object], bool]] = {
    "profile": lambda v: isinstance(v, str) and v in PROFILES,
    "disabled_categories": lambda v: _is_strings(v) and set(v) <= set(CATEGORIES),
    "word_limit": _optional(lambda v: _is_int(v, 1, 1_000_000)),
    "theme": lambda v: v in THEMES,
    "font_size": _optional(lambda v: _is_int(v, 4, 96)),
    "hard_grade": _optional(lambda v: _is_number(v, 0, 30)),
    "very_hard_grade": _optional(lambda v: _is_number(v, 0, 30)),
    "long_sentence_words": _optional(lambda v: _is_int(v, 1, 1000)),
    "recent_files": _is_strings,
    "remember_recent": lambda v: isinstance(v, bool),
    "window_geometry": _optional(lambda v: isinstance(v, str)),
    "window_state": _optional(lambda v: isinstance(v, str)),
    "splitter_state": _optional(lambda v: isinstance(v, str)),
    "hidden_categories": _is_strings,
    "word_tracked_changes": lambda v: isinstance(v, bool),
}


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """(settings, warning). A missing file is the defaults, with no warning."""
    if not path.exists() and not path.is_symlink():
        return Settings(), None
    try:
        raw = json.loads(read_text(path).text)
        if not isinstance(raw, dict):
            raise ValueError("it does not hold a set of named values")
    except json.JSONDecodeError as exc:
        return _broken(path, f"it is not valid JSON at line {exc.lineno}")
    except (ReadError, ValueError) as exc:
        return _broken(path, str(exc).removeprefix(f"{shown(path)}: "))
    values = {}
    reset = []
    for f in fields(Settings):
        if f.name in raw:
            if _VALID[f.name](raw[f.name]):
                values[f.name] = raw[f.name]
            else:
                reset.append(f.name)
    warning = None
    if reset:
        warning = (f"{shown(path)}: some settings had values that make no sense and were "
                   "reset: " + ", ".join(reset))
    return Settings(**values), warning


def _broken(path: Path, problem: str) -> tuple[Settings, str]:
    """Defaults, with the broken file moved aside so saving cannot overwrite it."""
    problem = " ".join(problem.split())
    aside = kept_aside_note(path)
    return Settings(), (
        f"{shown(path)}: the settings could not be read ({problem}), so the defaults are "
        f"used{aside}"
    )


def save_settings(settings: Settings, path: Path) -> None:
    """Write only the keys that differ from the defaults, atomically; WriteError if the
    save fails (the old file is left whole). The file names only files and settings,
    never text, and is readable by the user only: recent file names can name patients."""
    defaults = asdict(Settings())
    changed = {k: v for k, v in asdict(settings).items() if defaults[k] != v}
    if not settings.remember_recent:
        changed.pop("recent_files", None)
    try:
        ensure_private(path.parent)
    except OSError as exc:
        raise WriteError(f"{shown(path)}: could not save: {exc.strerror or exc}") from None
    write_text_atomic(path, json.dumps(changed, indent=2, sort_keys=True, ensure_ascii=False)
                      + "\n", private=True)


def add_recent(settings: Settings, path: str, limit: int = 10) -> None:
    """Put `path` first in the recent files (once), keeping at most `limit`; nothing
    when the user asked for no list."""
    if not settings.remember_recent:
        settings.recent_files = []
        return
    files = [p for p in settings.recent_files if p != path]
    settings.recent_files = [path, *files][:limit]

"""`jargonfree --install-desktop` / `--uninstall-desktop`: the menu entry, icons and
software-centre data for the current user, in the XDG data folder ($XDG_DATA_HOME, or
~/.local/share). Nothing is written outside it; both print what they did."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from jargonfree.paths import APP_ID
from jargonfree.resources import desktop_path

ENTRY = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"


def data_home() -> Path:
    """$XDG_DATA_HOME when it is set to an absolute path, else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def command() -> list[str]:
    """How to start this jargonfree: the frozen app, the script beside this Python (a
    virtual environment's bin), the one on PATH, or this Python with -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).parent / ("jargonfree.exe" if os.name == "nt" else "jargonfree")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("jargonfree")
    return [found] if found else [sys.executable, "-m", "jargonfree"]


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's Exec line, quoted as the spec asks."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'.replace("%", "%%")


def _targets(home: Path) -> list[tuple[Path, Path]]:
    """(source in the package, destination) for every file installed."""
    src = desktop_path()
    pairs = [(src / METAINFO, home / "metainfo" / METAINFO)]
    icons = src / "icons" / "hicolor"
    for png in sorted(icons.glob(f"*/apps/{APP_ID}.png")):
        pairs.append((png, home / "icons" / "hicolor" / png.relative_to(icons)))
    from jargonfree.resources import resource_path

    svg = resource_path("icons", f"{APP_ID}.svg")
    pairs.append((svg, home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"))
    return pairs


def install(home: Path | None = None) -> list[str]:
    """Install the entry (its Exec pointing at this jargonfree), icons and metainfo.
    Returns the lines to print."""
    home = home or data_home()
    lines = []
    entry_src = desktop_path() / ENTRY
    text = entry_src.read_text(encoding="utf-8")
    cmd = command()
    exec_line = " ".join(_exec_arg(a) for a in cmd) + " %f"
    text = text.replace("Exec=jargonfree %f", f"Exec={exec_line}")
    text = text.replace("TryExec=jargonfree", f"TryExec={cmd[0]}")
    entry = home / "applications" / ENTRY
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(text, encoding="utf-8")
    lines.append(f"installed {entry} (starts {shlex.join(cmd)})")
    for source, dest in _targets(home):
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        lines.append(f"installed {dest}")
    lines += _refresh(home)
    return lines


def uninstall(home: Path | None = None) -> list[str]:
    """Remove what install() put there (and the folders it leaves empty)."""
    home = home or data_home()
    lines = []
    paths = [home / "applications" / ENTRY] + [dest for _, dest in _targets(home)]
    for path in paths:
        if path.is_file() or path.is_symlink():
            path.unlink()
            lines.append(f"removed {path}")
            _prune(path.parent, stop=home)
    if not lines:
        return [f"nothing to remove: no jargonfree menu entry in {home}"]
    return lines + _refresh(home)


def _prune(folder: Path, stop: Path) -> None:
    """Remove empty folders upwards, up to (not including) `stop`."""
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _refresh(home: Path) -> list[str]:
    """Tell the desktop about the change where its tools are installed (optional)."""
    lines = []
    for tool, arg in (("update-desktop-database", home / "applications"),
                      ("gtk-update-icon-cache", home / "icons" / "hicolor")):
        exe = shutil.which(tool)
        if exe and arg.is_dir():
            extra = ["-f", "-t"] if tool == "gtk-update-icon-cache" else []
            try:
                subprocess.run([exe, *extra, str(arg)], capture_output=True, timeout=30,
                               check=False)
                lines.append(f"ran {tool}")
            except (OSError, subprocess.SubprocessError):
                pass
    return lines

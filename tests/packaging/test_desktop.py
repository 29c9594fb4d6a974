"""Desktop integration: the entry and metainfo pass the freedesktop validators, the icons
are there in every size, and --install-desktop / --uninstall-desktop work per user."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.jargonfree.JargonFree"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if not exe:  # .ci/run installs them (Debian: desktop-file-utils, appstream)
        pytest.skip(f"{name} is not installed")
    return exe


def _run_jargonfree(*args: str, data_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "jargonfree", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def test_the_desktop_entry_passes_desktop_file_validate():
    out = subprocess.run([_tool("desktop-file-validate"), str(LINUX / f"{APP_ID}.desktop")],
                         capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_the_metainfo_passes_appstreamcli_validate():
    out = subprocess.run([_tool("appstreamcli"), "validate", "--no-net",
                          str(LINUX / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_entry_opens_text_markdown_and_word_files():
    entry = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    [mime] = [line for line in entry.splitlines() if line.startswith("MimeType=")]
    types = set(mime.removeprefix("MimeType=").strip(";").split(";"))
    assert types >= {"text/plain", "text/markdown",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def test_icons_in_every_size():
    for size in SIZES:
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n", png
        assert struct.unpack(">II", head[16:24]) == (size, size), png


def test_install_and_uninstall_desktop_for_this_user(tmp_path):
    home = tmp_path / "share"
    out = _run_jargonfree("--install-desktop", data_home=home)
    assert out.returncode == 0, out.stderr
    entry = home / "applications" / f"{APP_ID}.desktop"
    expected = [entry, home / "metainfo" / f"{APP_ID}.metainfo.xml",
                home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
                *(home / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
                  for n in SIZES)]
    for path in expected:
        assert path.is_file(), path
        assert f"installed {path}" in out.stdout
    [exec_line] = [line for line in entry.read_text().splitlines() if line.startswith("Exec=")]
    assert exec_line.endswith(" %f")
    started = exec_line.removeprefix("Exec=").split(" ")[0].strip('"')
    assert Path(started).is_absolute() and Path(started).exists(), exec_line
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True)
        assert check.returncode == 0, check.stdout

    out = _run_jargonfree("--uninstall-desktop", data_home=home)
    assert out.returncode == 0, out.stderr
    for path in expected:
        assert not path.exists(), path
        assert f"removed {path}" in out.stdout
    left = [p for p in home.rglob("*") if p.is_file()]
    assert left == [] or all(p.name.endswith(".cache") or p.name == "mimeinfo.cache"
                             for p in left), left

    again = _run_jargonfree("--uninstall-desktop", data_home=home)
    assert again.returncode == 0 and "nothing to remove" in again.stdout

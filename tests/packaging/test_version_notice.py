"""One version source, the NOTICE file and the CHANGELOG."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jargonfree
from jargonfree.resources import notice_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_written_once_and_read_by_the_build():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "jargonfree/__init__.py"
    written = re.findall(r'^__version__ = "([^"]+)"$',
                         (ROOT / "jargonfree" / "__init__.py").read_text(), re.M)
    assert written == [jargonfree.__version__]


def test_version_on_the_command_line():
    out = subprocess.run([sys.executable, "-m", "jargonfree", "--version"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == f"jargonfree {jargonfree.__version__}"


def test_the_changelog_names_this_version():
    assert f"## {jargonfree.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_notice_credits_each_source_with_its_licence():
    text = " ".join(notice_text().split())
    for words in ("Carnegie Mellon", "BSD", "Open Government Licence v3.0",
                  "Open English WordNet", "CC BY", "Princeton", "WordNet licence",
                  "wordfreq", "CC BY-SA 4.0", "lemminflect", "LGPL",
                  "https://download.qt.io", "Dale-Chall"):
        assert words in text, words


def test_the_wheel_carries_the_notice():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["NOTICE"] == "jargonfree/NOTICE"

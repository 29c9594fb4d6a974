"""Hatch build hook: compile the built-in rules into the wheel (jargonfree/compiled/), so
a fresh install never compiles them on first use. The compiled file is made here, at
build time, in a temporary folder: it is never committed (a binary in git would drift
from the rule files; tests/packaging/test_shipped_rules.py checks the build's output)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileRulesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout's rules (compiled into the cache)
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from jargonfree.core.rule_cache import SHIPPED_NAME, write_shipped
        finally:
            sys.path.remove(str(root))
        self._tmp = tempfile.mkdtemp(prefix="jargonfree-build-")
        path = write_shipped(Path(self._tmp))
        build_data["force_include"][str(path)] = f"jargonfree/compiled/{SHIPPED_NAME}"
        self.app.display_info(f"compiled the built-in rules: {path.stat().st_size} bytes")

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

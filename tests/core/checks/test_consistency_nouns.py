"""The consistency check's stored noun answers (resources/data/consistency_nouns.tsv) are
lemminflect's, for every one-word term of the built-in consistency groups, so a check
never needs to import lemminflect for them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from jargonfree.core.checks import consistency

TOOL = Path(__file__).resolve().parents[3] / "tools" / "build_consistency_nouns.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_consistency_nouns", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stored_answers_cover_the_rules_and_match_lemminflect():
    tool = _tool()
    words = tool.one_word_terms()
    stored = consistency._stored_nouns()
    missing = sorted(set(words) - set(stored))
    assert not missing, f"run python tools/build_consistency_nouns.py (missing: {missing[:5]})"
    assert stored == tool.answers(sorted(stored))
    assert any(stored.values()) and not all(stored.values())

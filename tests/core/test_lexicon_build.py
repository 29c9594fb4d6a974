"""The bundled simpler-words table (resources/data/simplify.txt.gz) is exactly what
tools/build_simplify.py makes from Open English WordNet: nobody edits it by hand, and a
change to the build script is not forgotten. The build needs PyYAML (the `build` extra)
and the OEWN source beside the project (../shared/reference/oewn, or $JARGONFREE_OEWN);
without them the test says so and skips. It takes a minute or two."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from jargonfree.core.lexicon import FILE, FORMAT, load_lexicon
from jargonfree.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_simplify.py"
OEWN = Path(os.environ.get("JARGONFREE_OEWN", ROOT.parent / "shared" / "reference" / "oewn"))


def _tool():
    spec = importlib.util.spec_from_file_location("build_simplify", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_what_the_build_makes(tmp_path):
    pytest.importorskip("yaml", reason="PyYAML (the build extra) is not installed")
    if not (OEWN / "yaml").is_dir():
        pytest.skip(f"no OEWN source at {OEWN} (set JARGONFREE_OEWN)")
    assert _tool().main(["--oewn", str(OEWN), "--out", str(tmp_path)]) == 0
    built = (tmp_path / FILE).read_bytes()
    assert built == resource_path("data", FILE).read_bytes(), (
        "resources/data/simplify.txt.gz differs from the build: run python tools/build_simplify.py")


def test_the_table_reads_as_this_version():
    lex = load_lexicon()
    assert FORMAT.endswith(" 2")
    info = lex.word("notable")
    # Ranked by wordfreq's figure as written; judged rare by the best base form or part.
    assert info is not None and info.plain_zipf < 4.5 < info.zipf
    # Adverbs of a synonymous adjective's synonyms ("accurate": exact, correct).
    words = {c[0] for sid in lex.senses("accurately")["r"] for c in lex.sense(sid).candidates}
    assert {"correctly", "exactly"} <= words

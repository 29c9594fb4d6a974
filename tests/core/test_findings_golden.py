"""Speed work must not change findings: the counts per rule id on each benchmark corpus
shape match tests/benchmarks/golden_findings.json. A change that alters findings on
purpose regenerates it (python tests/benchmarks/golden_findings.py --write) and says so."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _golden_module():
    spec = importlib.util.spec_from_file_location("golden_findings",
                                                  BENCH / "golden_findings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = json.loads((BENCH / "golden_findings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", sorted(GOLDEN["shapes"]))
def test_finding_counts_match_golden(shape):
    golden = _golden_module()
    assert set(GOLDEN["shapes"]) == set(golden.SHAPES)
    assert golden.counts(shape, GOLDEN["words"]) == GOLDEN["shapes"][shape]

"""`score` computes the readability alone (core.scoring), without rules or findings: its
numbers must be exactly what analyze() reports, on texts of every shape and profile."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jargonfree.core.analyze import analyze
from jargonfree.core.model import Options
from jargonfree.core.scoring import readability_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus import SHAPES, make_shaped  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
TEXTS = {
    **{shape: make_shaped(2_000, shape) for shape in SHAPES},
    "sample": (ROOT / "resources" / "samples" / "sample.txt").read_text(encoding="utf-8"),
    "empty": "",
    "one sentence": "The form was signed by the patient and sent to the CCG for approval.\n",
    "odd": "😀 utilise £1,250.50 e.g. the NHS\r\n\r\n- a list item\n- another\n\n# Heading\n"
           "שלום co-production 2026 ²",
}


@pytest.mark.parametrize("profile", ["general", "patient", "bid", "specialist"])
@pytest.mark.parametrize("name", list(TEXTS))
def test_score_alone_equals_the_analysis(name, profile):
    text = TEXTS[name]
    assert readability_of(text, profile) == analyze(text, profile).readability


def test_the_users_sentence_thresholds_apply_as_in_the_analysis():
    options = Options(hard_grade=5, very_hard_grade=7, long_sentence_words=12)
    text = TEXTS["health"]
    assert readability_of(text, "patient", options) == analyze(
        text, "patient", options=options).readability

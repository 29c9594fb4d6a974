from __future__ import annotations

import pytest

from jargonfree.core.describe import describe_readability, flesch_label, reading_time_words
from jargonfree.core.profiles import PROFILES, get_profile
from jargonfree.core.readability import Counts, compute


@pytest.mark.parametrize(
    "score, label",
    [(95, "very easy"), (65, "plain English"), (55, "fairly difficult"), (40, "difficult"),
     (10, "very difficult"), (-20, "very difficult"), (None, "not enough text")],
)
def test_flesch_label(score, label):
    assert flesch_label(score) == label


@pytest.mark.parametrize(
    "seconds, words",
    [(0, "under a minute to read"), (59, "under a minute to read"), (60, "about 1 minute to read"),
     (150, "about 2 minutes to read")],
)
def test_reading_time_words(seconds, words):
    assert reading_time_words(seconds) == words


def test_summary_for_empty_text_says_so():
    lines = describe_readability(compute(Counts(), get_profile("general")))
    assert "UK reading age: not enough text to score" in lines
    assert any(line.startswith("SMOG: no words") or "SMOG:" in line for line in lines)


def test_summary_in_plain_words(analyzer):
    text = "You have a cold. Drink water and rest. Most colds get better in a week. " * 5
    lines = describe_readability(analyzer.analyze(text, "patient").readability)
    joined = "\n".join(lines)
    assert "UK reading age:" in joined
    assert "of UK adults can read this" in joined
    assert "Target for patient information: reading age 9 to 11:" in joined


def test_every_profile_has_a_label_and_target():
    for profile in PROFILES.values():
        assert profile.label and profile.description
        assert profile.max_reading_age is not None
    with pytest.raises(ValueError):
        get_profile("children")

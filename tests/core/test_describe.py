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
    assert lines == [
        "Words: 0 in 0 sentences (under a minute to read)",
        "UK reading age: not enough text to score (no words to score)",
        "SMOG: no words to score",
        "Target for general public: reading age 14 or under: not enough text to tell",
        "Other formulas: Gunning fog n/a, Coleman-Liau n/a, ARI n/a, Dale-Chall n/a",
    ]


def test_summary_in_plain_words(analyzer):
    """75 words, 15 sentences, 85 syllables: FK 0.39 * 5 + 11.8 * 85/75 - 15.59 = -0.27,
    reading age 4.7, shown as 5; SMOG 3.1 (no words of 3 syllables) is band 93."""
    text = "You have a cold. Drink water and rest. Most colds get better in a week. " * 5
    lines = describe_readability(analyzer.analyze(text, "patient").readability)
    assert lines[:5] == [
        "Words: 75 in 15 sentences (under a minute to read)",
        "UK reading age: 5 (Flesch-Kincaid grade -0.3)",
        "SMOG: grade 3.1, reading age 8; about 93% of UK adults can read this",
        "Flesch reading ease: 106 (very easy)",
        "Target for patient information: reading age 9 to 11: met",
    ]


def test_summary_says_when_the_target_is_missed(analyzer):
    text = ("The multidisciplinary organisational infrastructure facilitates "
            "interdisciplinary collaboration. ") * 3
    lines = describe_readability(analyzer.analyze(text, "patient").readability)
    assert "Target for patient information: reading age 9 to 11: not met" in lines


def test_every_profile_has_a_label_and_target():
    for profile in PROFILES.values():
        assert profile.label and profile.description
        assert profile.max_reading_age is not None
    with pytest.raises(ValueError):
        get_profile("children")

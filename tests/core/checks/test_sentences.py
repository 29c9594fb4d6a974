"""Long, hard and very hard sentences, by each profile's limits."""

from __future__ import annotations

import pytest

from jargonfree.core.checks import sentences
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import Paragraph, segment_paragraph

HARD = ("Notwithstanding considerable organisational heterogeneity, multidisciplinary "
        "stakeholders operationalised interdisciplinary governance arrangements.")
PLAIN = "You can take the tablets with food or without it."
MEDIUM = ("Your appointment letter explains the medication you need to bring with you to "
          "the consultation.")  # Flesch-Kincaid grade 9.9


def found(text: str, profile: str = "general"):
    par = Paragraph(0, len(text), text, segment_paragraph(text, 0))
    return sentences.check(par, get_profile(profile))


@pytest.mark.parametrize(
    "text, profile, expected",
    [
        (" ".join(["word"] * 26) + ".", "general", ["sentence.long"]),
        (" ".join(["word"] * 25) + ".", "general", []),
        (" ".join(["word"] * 21) + ".", "patient", ["sentence.long"]),
        (" ".join(["word"] * 26) + ".", "specialist", []),
        (HARD, "general", ["sentence.very_hard"]),  # not also "hard"
        (PLAIN, "general", []),
        (PLAIN, "patient", []),
        ("Stop. Go now. Notwithstanding heterogeneity.", "patient", []),  # too short to grade
        (MEDIUM, "specialist", []),
        (MEDIUM, "general", []),
        (MEDIUM, "patient", ["sentence.hard"]),
    ],
)
def test_rule_ids(text, profile, expected):
    assert [f.rule_id for f in found(text, profile)] == expected


def test_very_hard_is_a_warning_over_the_whole_sentence():
    [f] = found("Call us. " + HARD)
    assert f.level == "warning" and f.text == HARD and f.category == "sentence"
    # its grade is above 30: the message gives the capped age, never "about 36"
    assert "needs a reading age over 21 (university level)" in f.message


def test_hard_message_gives_the_age_below_the_cap():
    [f] = found(MEDIUM, "patient")
    assert "needs a reading age of about 15" in f.message  # grade 9.9 + 5


def test_sentences_are_graded_from_the_documents_floor():
    from jargonfree.core.checks.sentences import MIN_WORDS_FOR_GRADE
    from jargonfree.core.readability import MIN_WORDS

    assert MIN_WORDS_FOR_GRADE == MIN_WORDS["flesch_kincaid_grade"]


def test_long_message_gives_the_numbers():
    [f] = found(" ".join(["word"] * 30) + ".")
    assert f.message.startswith("This sentence has 30 words; aim for 25 or fewer")

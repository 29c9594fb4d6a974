from __future__ import annotations

from jargonfree.core.checks import sentences
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import Paragraph, segment_paragraph

HARD = ("Notwithstanding considerable organisational heterogeneity, multidisciplinary "
        "stakeholders operationalised interdisciplinary governance arrangements.")


def ids(text: str, profile: str = "general") -> list[str]:
    par = Paragraph(0, len(text), text, segment_paragraph(text, 0))
    return [f.rule_id for f in sentences.check(par, get_profile(profile))]


def test_long_sentence():
    text = " ".join(["word"] * 30) + "."
    assert "sentence.long" in ids(text)
    assert "sentence.long" not in ids(" ".join(["word"] * 20) + ".")


def test_very_hard_is_a_warning_and_not_also_hard():
    par = Paragraph(0, len(HARD), HARD, segment_paragraph(HARD, 0))
    [f] = sentences.check(par, get_profile("general"))
    assert f.rule_id == "sentence.very_hard" and f.level == "warning"
    assert f.text == HARD


def test_plain_and_short_sentences_pass():
    assert ids("You can take the tablets with food or without it.") == []
    assert ids("Stop. Go now.") == []


def test_patient_profile_is_stricter():
    text = "Your appointment letter explains everything you need to bring with you."
    assert ids(text, "specialist") == []
    assert ids(text, "patient") in ([], ["sentence.hard"], ["sentence.very_hard"])

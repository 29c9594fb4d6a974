from __future__ import annotations

import pytest

from jargonfree.core.checks import uncommon
from jargonfree.core.frequency import jargon_percent, zipf
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import Paragraph, segment_paragraph


def rare(text: str, profile: str = "general") -> list[str]:
    par = Paragraph(0, len(text), text, segment_paragraph(text, 0))
    return [f.text for f in uncommon.check(par, get_profile(profile))]


def test_rare_words_flagged():
    assert rare("The histology showed dysplasia.") == ["histology", "dysplasia"]


def test_everyday_words_pass():
    assert rare("You can take the tablets with food. Call us if you feel unwell.") == []


def test_names_numbers_and_inflections_pass():
    assert rare("Dr Okonkwo saw 1,250 people in Scunthorpe.") == []
    assert rare("The organisation's volunteers were removing the signs.") == []


def test_explained_in_brackets_passes():
    assert rare("A swelling (oedema) may appear.") == []


def test_specialist_profile_turns_it_off():
    assert rare("The histology showed dysplasia.", "specialist") == []


def test_compounds_judged_by_their_parts():
    assert zipf("co-production") > 3
    assert zipf("organisation") == zipf("organization")


def test_defined_terms():
    text = "Dysplasia means cells that look abnormal. Histology (looking at cells) helps."
    assert {"dysplasia", "histology"} <= uncommon.defined_terms(text)


@pytest.mark.parametrize(
    "words, expected",
    [([], None), (["the", "cat"], 0.0), (["the", "histology"], 50.0)],
)
def test_jargon_percent(words, expected):
    assert jargon_percent(words) == expected

from __future__ import annotations

import pytest

from jargonfree.core.inflect import (
    article_for,
    expand_phrase,
    inflect_phrase,
    match_case,
)
from jargonfree.core.spelling import variants as spelling_variants


@pytest.mark.parametrize(
    "phrase, forms",
    [
        ("utilise", {"utilise", "utilize", "utilised", "utilized", "utilising", "utilizes"}),
        ("endeavour", {"endeavour", "endeavor", "endeavoured", "endeavors"}),
        ("co-production", {"co-production", "co production", "coproduction", "co-productions"}),
        ("knowledge sharing", {"knowledge sharing", "knowledge-sharing"}),
        ("key stakeholder", {"key stakeholder", "key stakeholders"}),
        ("take into account", {"took into account", "taken into account", "takes into account"}),
        ("oedema", {"oedema", "edema"}),
        ("haemorrhage", {"haemorrhage", "hemorrhage", "haemorrhaged", "hemorrhaging"}),
        ("anaesthetic", {"anaesthetic", "anesthetic"}),
        ("operationalise", {"operationalise", "operationalized", "operationalising"}),
        ("analyse", {"analyse", "analyze", "analysed", "analyzing"}),
        ("centre", {"centre", "center", "centres"}),
    ],
)
def test_expand_phrase_covers_inflections_and_spellings(phrase, forms):
    assert forms <= set(expand_phrase(phrase))


def test_expand_phrase_tags_forms():
    forms = expand_phrase("commence")
    assert "VBZ" in forms["commences"]
    assert {"VBD", "VBN"} <= set(forms["commenced"])
    assert expand_phrase("key stakeholder")["key stakeholders"] == ("NNS",)


@pytest.mark.parametrize(
    "word", ["four", "your", "hour", "does", "goes", "shoe", "poem", "fence", "filled",
             "filling", "programmed", "killer", "sizes"],
)
def test_spelling_variants_do_not_invent_common_words(word):
    """A swap must not make another word: frequency takes the best of the spellings, so
    "four" -> "for" would make every rare word that looks like it common."""
    from jargonfree.core.frequency import frequencies

    invented = {v for v in spelling_variants(word) - {word} if v in frequencies()}
    assert invented == set()


@pytest.mark.parametrize(
    "uk, us",
    [("utilise", "utilize"), ("organisation", "organization"), ("analysed", "analyzed"),
     ("behaviour", "behavior"), ("behavioural", "behavioral"), ("centre", "center"),
     ("fibre", "fiber"), ("oedema", "edema"), ("diarrhoea", "diarrhea"),
     ("haemorrhage", "hemorrhage"), ("travelled", "traveled"), ("counsellor", "counselor"),
     ("catalogue", "catalog"), ("programme", "program"), ("defence", "defense"),
     ("manoeuvre", "maneuver"), ("ageing", "aging")],
)
def test_one_spelling_table_for_forms_syllables_and_frequency(uk, us):
    """The rule forms, the syllable count and the frequency of a British spelling are
    those of the American one (one table of swaps serves all three)."""
    from jargonfree.core.frequency import zipf
    from jargonfree.core.syllables import count_syllables

    assert us in spelling_variants(uk)
    assert us in expand_phrase(uk)
    assert count_syllables(uk) == count_syllables(us)
    assert zipf(uk) >= zipf(us)


@pytest.mark.parametrize(
    "phrase, index, tag, expected",
    [
        ("use", 0, "VBD", "used"),
        ("begin", 0, "VBN", "begun"),
        ("begin", 0, "VBD", "began"),
        ("help", 0, "VBZ", "helps"),
        ("try", 0, "VBD", "tried"),
        ("build on", 0, "VBG", "building on"),
        ("main partner", 1, "NNS", "main partners"),
        ("use", 0, "", "use"),
    ],
)
def test_inflect_phrase(phrase, index, tag, expected):
    assert inflect_phrase(phrase, index, tag) == expected


@pytest.mark.parametrize(
    "replacement, matched, expected",
    [("use", "Utilise", "Use"), ("use", "UTILISE", "USE"), ("use", "utilise", "use"),
     ("build on", "Leverage", "Build on"), ("NHS trust", "organisation", "NHS trust")],
)
def test_match_case(replacement, matched, expected):
    assert match_case(replacement, matched) == expected


@pytest.mark.parametrize(
    "phrase, article",
    [("project", "a"), ("initiative", "an"), ("hour", "an"), ("useful tool", "a"),
     ("NHS trust", "an"), ("GP", "a"), ("umbrella", "an"), ("one-off", "a"), ("honest", "an")],
)
def test_article_for(phrase, article):
    assert article_for(phrase) == article


def test_a_noun_phrase_takes_the_number_before_its_preposition():
    # "antibiotics through a drip", not "antibiotic through a drips": the head noun is
    # the word before "through", as it is before "of" ("sets of tools").
    from jargonfree.core.inflect import inflect_phrase

    assert inflect_phrase("antibiotic through a drip", 99, "NNS") == "antibiotics through a drip"
    assert inflect_phrase("set of tools", 99, "NNS") == "sets of tools"

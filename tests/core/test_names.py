"""Proper names are not rewritten; specialists get no lay words for medical terms."""

from __future__ import annotations

import pytest

from jargonfree import analyze
from jargonfree.core.names import sentence_names
from jargonfree.core.text import segment_paragraph


def names(text: str) -> list[str]:
    return [text[s:e] for sentence in segment_paragraph(text)
            for s, e in sentence_names(text, sentence)]


@pytest.mark.parametrize("text, expected", [
    ("Join the Riverside Heart Health Learning Network today.",
     ["Riverside Heart Health Learning Network"]),
    # the first word of a sentence is left out: it may be an ordinary word ("The")
    ("Riverside Heart Health Learning Network met in May.",
     ["Heart Health Learning Network"]),
    ("We wrote to the Department of Health and Social Care.",
     ["Department of Health and Social Care"]),
    ("Ask the Patient Experience & Engagement Team.", ["Patient Experience & Engagement Team"]),
    ("Stakeholder engagement is key.", []),  # a capital only because it starts the sentence
    ("Stakeholder Engagement is key.", []),  # one capital beyond the sentence start
    ("Stakeholder Engagement Plan", []),  # a heading in title case
    ("We met the Learning Network, then the board.", ["Learning Network"]),
    ("Our learning network meets monthly.", []),
])
def test_names_are_runs_of_capitals_not_explained_by_a_sentence_start(text, expected):
    assert names(text) == expected


def test_a_name_is_not_rewritten_but_the_same_words_in_prose_are():
    text = ("The Riverside Heart Health Learning Network met on Monday. "
            "Our learning network will leverage local assets.")
    found = {(f.text, f.rule_id) for f in analyze(text).findings
             if f.category in {"jargon", "wordy", "medical", "uncommon", "misleading"}}
    texts = {t for t, _ in found}
    assert "learning network" in texts  # in the prose
    assert "Learning Network" not in texts  # in the name
    assert "leverage" in texts


def test_a_capitalised_jargon_phrase_on_its_own_is_still_jargon():
    a = analyze("The Learning Healthcare System uses patient data.")
    assert any(f.text == "Learning Healthcare System" for f in a.findings)
    b = analyze("Riverside Heart Health Learning Network met in May.")
    assert not any(f.text == "Learning Network" for f in b.findings)


def test_a_title_case_heading_is_still_checked():
    a = analyze("Stakeholder Engagement Plan\n\nWe will talk to people.")
    assert any(f.text == "Stakeholder Engagement" and f.category == "jargon" for f in a.findings)


def test_words_the_user_asked_to_flag_are_flagged_inside_names_too():
    from jargonfree.core.model import Options

    a = analyze("The Riverside Heart Health Learning Network met.",
                options=Options(reject=frozenset({"riverside"})))
    assert any(f.rule_id == "user.reject" and f.text == "Riverside" for f in a.findings)


@pytest.mark.parametrize("word", ["abdomen", "hypertension", "analgesia"])
def test_specialists_get_no_lay_rewrites_of_medical_terms(word):
    text = f"Examine the {word} again before discharge."
    assert any(f.category == "medical" for f in analyze(text, "patient").findings)
    specialist = analyze(text, "specialist").findings
    assert not any(f.category == "medical" for f in specialist)
    assert not any("tummy" in s for f in specialist for s in f.suggestions)


@pytest.mark.parametrize("text", [
    "Leveraged funding has commenced.",
    "The project brought in £2m of leveraged funding.",
    "The leveraged funds were spent on staff.",
])
def test_leveraged_before_a_noun_is_not_offered_as_the_verb(text):
    suggestions = [s for f in analyze(text).findings for s in f.suggestions]
    assert not any(s.lower() in {"used", "built on", "drew on"} for s in suggestions)


def test_leveraged_as_the_verb_is_still_flagged():
    [f] = [f for f in analyze("We leveraged funding from the council.").findings
           if f.rule_id == "network.leverage"]
    assert f.text == "leveraged" and f.suggestions[0] == "used"

"""Passive voice: be/get + participle, with adjectives and idioms left alone."""

from __future__ import annotations

import pytest

from jargonfree.core.checks import passive
from jargonfree.core.text import Paragraph, segment_paragraph


def found(text: str) -> list[tuple[str, str]]:
    par = Paragraph(0, len(text), text, segment_paragraph(text, 0))
    return [(f.text, f.rule_id) for f in passive.check(par)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The patient was given analgesia.", [("was given", "passive.be")]),
        ("Your notes are being reviewed.", [("are being reviewed", "passive.be")]),
        ("It has been escalated to the board.", [("has been escalated", "passive.be")]),
        ("It has already been sent.", [("has already been sent", "passive.be")]),
        ("Forms are not required.", [("are not required", "passive.be")]),
        # the doer is named: the finding covers the clause its active rewrite replaces
        ("The report was written by the team.",
         [("The report was written by the team.", "passive.be")]),
        ("Results will usually be sent by post.", [("will usually be sent", "passive.be")]),
        ("You must not be seen alone.", [("must not be seen", "passive.be")]),
        ("The plan was undertaken by staff.", [("was undertaken", "passive.be")]),
        ("Insulin is used to treat diabetes.", [("is used", "passive.be")]),
        ("You'll be called by a nurse.", [("You'll be called", "passive.be")]),
        ("The results weren't sent.", [("weren't sent", "passive.be")]),
        ("It's done in clinic.", [("It's done", "passive.be")]),
        ("It is known to cause harm.", [("is known", "passive.be")]),
        ("He got injured at work.", [("got injured", "passive.get")]),
        ("Please get vaccinated.", [("get vaccinated", "passive.get")]),
        ("It was seen, and then it was kept.",
         [("was seen", "passive.be"), ("was kept", "passive.be")]),
    ],
)
def test_passives_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We gave the patient analgesia.",
        "I am tired today.",
        "She is interested in the role.",
        "The clinic is based in Leeds.",
        "The clinic is closed on Sundays.",
        "They are open on Monday.",
        "We got used to it.",
        "I am used to it.",
        "We got rid of it.",
        "The nurse is kind.",
        "This is called angina.",  # naming a thing, not a passive
        "She is known as Jo.",
        "There is limited evidence.",  # the participle describes the noun
        "There will be reduced services.",
        "It is indeed hard.",  # -ed words that are not participles
        "The results are unexpected.",
        "He was born in Leeds.",
        "It is between us.",
        "Your feet may be swollen.",
    ],
)
def test_active_and_states_pass(text):
    assert found(text) == []


def test_finding_fields():
    text = "Your notes will be reviewed."
    [f] = passive.check(Paragraph(0, len(text), text, segment_paragraph(text, 0)))
    assert (f.category, f.level, f.text) == ("passive", "suggestion", "will be reviewed")
    assert text[f.start : f.end] == f.text
    assert f.note and "we will review" in f.note


def test_participle_list_is_loaded():
    words = passive.load_participles()
    assert {"given", "taken", "written", "undergone"} <= words
    assert "born" not in words and "gone" not in words

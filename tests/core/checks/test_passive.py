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
        ("It has been escalated to the board.", [("been escalated", "passive.be")]),
        ("Forms are not required.", [("are not required", "passive.be")]),
        ("The report was written by the team.", [("was written", "passive.be")]),
        ("He got injured at work.", [("got injured", "passive.get")]),
        ("Results will usually be sent by post.", [("be sent", "passive.be")]),
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
        "They are open on Monday.",
        "We got used to it.",
        "The nurse is kind.",
    ],
)
def test_active_and_states_pass(text):
    assert found(text) == []

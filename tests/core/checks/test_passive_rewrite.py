"""Passive voice with its doer named gets the active clause, whole, ready to paste; any
passive we cannot turn round safely keeps the message and no rewrite."""

from __future__ import annotations

import pytest

from jargonfree import analyze


def passive(text: str):
    [f] = [f for f in analyze(text).findings if f.category == "passive"]
    return f


@pytest.mark.parametrize(("text", "active"), [
    ("The form was completed by the nurse.", "The nurse completed the form."),
    ("Your results were sent by the GP on Monday.", "The GP sent your results on Monday."),
    # number: the doer decides has/have
    ("The plan has been agreed by the trust boards.", "The trust boards have agreed the plan."),
    ("The plan has been agreed by the board.", "The board has agreed the plan."),
    # irregular past
    ("The samples were taken by the nurses before lunch.",
     "The nurses took the samples before lunch."),
    ("The leaflet was written by our team, and it is short.",
     "Our team wrote the leaflet, and it is short."),
    # case: pronouns swap
    ("She was seen by them.", "They saw her."),
    ("Mistakes in the plan were found by us.", None),  # capitalised subject: not judged
])
def test_passive_with_a_named_doer_gets_the_active_clause(text, active):
    f = passive(text)
    if active is None:
        assert f.suggestions == ()
        return
    assert f.suggestions == (active,)
    pasted = text[: f.start] + active + text[f.end :]
    assert pasted == active + text[f.end :]  # the whole clause is replaced
    assert not [g for g in analyze(pasted).findings if g.category == "passive"]


@pytest.mark.parametrize("text", [
    "The form was completed.",                       # no doer: say who
    "The form was not completed by the nurse.",      # a negative: not turned round
    "The report was sent by post.",                  # a means, not a doer
    "The work was done by Monday.",                  # a time, not a doer
    "The form will be completed by the nurse.",      # a tense we do not rewrite
    "Patients who were seen by the nurse waited.",   # inside a relative clause
    "It was written by him.",                        # "it": unclear what it is
    # the relative clause would hang on the wrong noun once turned round
    "The groups were followed by a poll in which 800 people took part.",
])
def test_unsafe_passives_are_flagged_without_a_rewrite(text):
    f = passive(text)
    assert f.suggestions == ()
    assert f.message

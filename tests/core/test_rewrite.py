from __future__ import annotations

import pytest

from jargonfree.core.model import make_finding
from jargonfree.core.rewrite import RewriteError, apply_suggestions


def _f(text, word, rule="wordy.x"):
    start = text.index(word)
    return make_finding(text, start, start + len(word), rule, "wordy", "m", suggestions=("y",))


def test_apply_several_suggestions():
    text = "We utilise data in order to help."
    new, edits = apply_suggestions(
        text, [(_f(text, "in order to"), "to"), (_f(text, "utilise"), "use")]
    )
    assert new == "We use data to help."
    assert [(e.old, e.new) for e in edits] == [("utilise", "use"), ("in order to", "to")]


def test_overlapping_choices_keep_the_first():
    text = "key stakeholders"
    new, edits = apply_suggestions(
        text, [(_f(text, "key stakeholders"), "main partners"), (_f(text, "stakeholders"), "x")]
    )
    assert new == "main partners" and len(edits) == 1


def test_stale_finding_is_refused():
    text = "We utilise data."
    finding = _f(text, "utilise")
    with pytest.raises(RewriteError):
        apply_suggestions("We use data here.", [(finding, "use")])


def test_nothing_outside_the_spans_changes():
    text = "😀 Utilise it. 😀"
    new, _ = apply_suggestions(text, [(_f(text, "Utilise"), "Use")])
    assert new == "😀 Use it. 😀"

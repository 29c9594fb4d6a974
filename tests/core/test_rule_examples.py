"""Every bundled rule proves itself through analyze(), as users meet it: its flag examples
flag it, its pass examples don't, its fix examples come out as written, every match phrase
is found, its suggestions are plain (not flagged by any rule), and no two rules claim one
form."""

from __future__ import annotations

from collections import defaultdict

import pytest

from jargonfree.core.examples import phrase_problems, rule_problems
from jargonfree.core.inflect import expand_phrase
from jargonfree.core.rules import load_rules

RULES = load_rules().rules
IDS = [r.key for r in RULES]


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_rule_has_examples(rule):
    assert rule.flag_examples, f"{rule.key} has no examples.flag"
    assert rule.pass_examples, f"{rule.key} has no examples.pass"


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_examples_through_analyze(analyzer, rule):
    """Flag, pass and fix examples, through the analyzer the CLI and the editor use."""
    assert rule_problems(analyzer, rule) == []


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_every_match_phrase_is_found(analyzer, rule):
    """A phrase is its own smallest flag example (its other forms are generated)."""
    assert phrase_problems(analyzer, rule) == []


def test_many_rules_say_what_the_fix_gives():
    """Fix examples pin the form of the pasted suggestion: tense, number, article, case."""
    assert sum(len(r.fix_examples) for r in RULES) >= 150


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_suggestions_are_plain(rule_matcher, rule):
    for replacement in rule.replace:
        flagged = rule_matcher.match(replacement).findings
        assert not flagged, (
            f"{rule.key}: suggestion {replacement!r} is itself flagged by "
            f"{', '.join(f.rule_id for f in flagged)}"
        )


def test_no_form_claimed_by_two_rules():
    owners: dict[str, set[str]] = defaultdict(set)
    for rule in RULES:
        for phrase in rule.match:
            for form in expand_phrase(phrase):
                owners[form].add(rule.key)
    clashes = {form: sorted(keys) for form, keys in owners.items() if len(keys) > 1}
    assert not clashes, f"forms claimed by several rules: {dict(list(clashes.items())[:20])}"


def test_rule_counts_per_family():
    counts = load_rules().families()
    assert counts.get("network", 0) >= 300
    assert counts.get("wordy", 0) >= 400
    assert counts.get("medical", 0) >= 400
    assert counts.get("misleading", 0) >= 25

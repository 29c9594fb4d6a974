"""A suggestion is never flagged itself: every suggestion offered on every bundled rule's
examples and on the bundled sample texts is pasted into its place and the text checked
again through analyze(); no word-level finding may fall on the pasted words. The NHS
"plain words (term)" form keeps the term in brackets on purpose and is let off for it."""

from __future__ import annotations

import pytest

from jargonfree.core.rules import load_rules
from jargonfree.resources import resource_path

WORD_LEVEL = frozenset({"jargon", "medical", "wordy", "misleading", "uncommon", "acronym"})
PROFILES = ("general", "patient")
# The findings whose suggestions come from our rules, acronym list and passive rewrite.
# Consistency offers the text's own other words; the simpler-words engine's substitutes
# for uncommon words (core/simplify.py) are vetted by its own tests and measured by
# tests/benchmarks/bench_suggestions.py on real text.
OFFERED = frozenset({"jargon", "medical", "wordy", "misleading", "acronym", "passive"})


def explains(suggestion: str, term: str, g) -> bool:
    """The finding is on the term kept in brackets by the "plain words (term)" form."""
    return f"({term.lower()})" in suggestion.lower() and g.text.lower() in term.lower()


def reflagged(analyzer, text: str, profile: str) -> list[str]:
    problems = []
    found = analyzer.analyze(text, profile).findings
    for f in found:
        if f.category not in OFFERED:
            continue
        # Words the span already had, and were already flagged for, are not new: a
        # passive turned round keeps the writer's own words ("verified", "amendment").
        before = {(g.rule_id, g.text.lower()) for g in found
                  if g is not f and f.start <= g.start and g.end <= f.end}
        for suggestion in f.suggestions:
            new = text[: f.start] + suggestion + text[f.end :]
            lo, hi = f.start, f.start + len(suggestion)
            for g in analyzer.analyze(new, profile).findings:
                if (g.category in WORD_LEVEL and g.start < hi and lo < g.end
                        and not explains(suggestion, f.text, g)
                        and (g.rule_id, g.text.lower()) not in before):
                    problems.append(f"{profile}: {f.text!r} -> {suggestion!r} in {text[:60]!r}: "
                                    f"{g.category} {g.rule_id} on {g.text!r}")
    return problems


RULES = load_rules().rules


@pytest.mark.parametrize("family", sorted({r.key.split(".")[0] for r in RULES}))
def test_no_suggestion_on_a_rule_example_is_flagged_once_pasted(analyzer, family):
    problems = []
    for rule in RULES:
        if rule.key.split(".")[0] != family:
            continue
        for sentence in rule.flag_examples:
            for profile in PROFILES:
                problems += reflagged(analyzer, sentence, profile)
    assert not problems, f"{len(problems)} pasted suggestions flagged:\n" + "\n".join(problems)


@pytest.mark.parametrize("sample", sorted(p.name for p in resource_path("samples").glob("*.txt")))
def test_no_suggestion_on_a_sample_text_is_flagged_once_pasted(analyzer, sample):
    text = resource_path("samples", sample).read_text(encoding="utf-8")
    problems = [p for profile in PROFILES for p in reflagged(analyzer, text, profile)]
    assert not problems, f"{len(problems)} pasted suggestions flagged:\n" + "\n".join(problems)


@pytest.mark.parametrize(("sentence", "term"), [
    ("Tell us if you have pain in your abdomen.", "abdomen"),          # tummy
    ("Take your medications with food.", "medications"),              # medicines
    ("The model is scalable to other regions.", "scalable"),          # not "is able to"
    ("The sphygmomanometer is in the drawer.", "sphygmomanometer"),
])
def test_the_issue_cases_paste_cleanly(analyzer, sentence, term):
    f = next(f for f in analyzer.analyze(sentence, "patient").findings if term in f.text)
    assert f.suggestions
    assert not reflagged(analyzer, sentence, "patient")

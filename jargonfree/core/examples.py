"""Run the examples that every rule and consistency group carries, through the analyzer.

The tests and `jargonfree rules --check` both use this, so a rule author's check is the
tests' check: each flag example must give a finding of its rule, each pass example must
not, and each fix pair must turn into its fixed text when the rule's first suggestion is
pasted over every finding of the rule.
"""

from __future__ import annotations

from jargonfree.core.analyze import Analyzer
from jargonfree.core.rules import Rule

PROFILE = "general"  # every profile runs the rule families; only rare words differ


def rule_problems(analyzer: Analyzer, rule: Rule, profile: str = PROFILE) -> list[str]:
    """One line per example of `rule` that does not do what it says."""
    problems = []
    for example in rule.flag_examples:
        if not _hits(analyzer, rule.key, example, profile):
            problems.append(f"{rule.key}: not flagged in its example {example!r}")
    for example in rule.pass_examples:
        if _hits(analyzer, rule.key, example, profile):
            problems.append(f"{rule.key}: flagged in its pass example {example!r}")
    for before, after in rule.fix_examples:
        fixed = fix_with_first_suggestions(analyzer, rule.key, before, profile)
        if fixed is None:
            problems.append(f"{rule.key}: no suggestion in its fix example {before!r}")
        elif fixed != after:
            problems.append(f"{rule.key}: its fix example {before!r} gives {fixed!r}, "
                            f"not {after!r}")
    return problems


def phrase_problems(analyzer: Analyzer, rule: Rule, profile: str = PROFILE) -> list[str]:
    """Each match phrase, written on its own, must flag its rule: a phrase that another
    rule shadows, or that its own `unless` rules out, can never be found."""
    return [
        f"{rule.key}: its match phrase {phrase!r} is not flagged on its own"
        for phrase in rule.match
        if not _hits(analyzer, rule.key, phrase, profile)
    ]


def fix_with_first_suggestions(analyzer: Analyzer, key: str, text: str,
                               profile: str = PROFILE) -> str | None:
    """`text` with the first suggestion of every finding of rule `key` pasted over it;
    None when the rule makes no finding with a suggestion there."""
    from jargonfree.core.rewrite import apply_suggestions

    chosen = [(f, f.suggestions[0]) for f in _hits(analyzer, key, text, profile)
              if f.suggestions]
    if not chosen:
        return None
    return apply_suggestions(text, chosen)[0]


def group_problems(analyzer: Analyzer, group, profile: str = PROFILE) -> list[str]:
    """The examples of one consistency group, run with every group loaded."""
    key = f"consistency.{group.id}"
    problems = []
    for example in group.flag_examples:
        if not _hits(analyzer, key, example, profile):
            problems.append(f"{key}: not flagged in its example {example!r}")
    for example in group.pass_examples:
        if _hits(analyzer, key, example, profile):
            problems.append(f"{key}: flagged in its pass example {example!r}")
    return problems


def _hits(analyzer: Analyzer, key: str, text: str, profile: str) -> list:
    return [f for f in analyzer.analyze(text, profile).findings if f.rule_id == key]

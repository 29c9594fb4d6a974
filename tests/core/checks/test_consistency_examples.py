"""Every consistency group in the bundled consistency.toml proves itself with its own
examples, through analyze() with every group loaded (as users meet them): each flag
example must flag, each pass example must pass, and no two groups claim one form."""

from __future__ import annotations

from collections import defaultdict

import pytest

from jargonfree.core.checks.consistency import load_groups
from jargonfree.core.examples import group_problems
from jargonfree.core.rules import rules_dir

GROUPS = load_groups(rules_dir() / "consistency.toml")


@pytest.mark.parametrize("group", GROUPS, ids=[g.id for g in GROUPS])
def test_group_has_both_kinds_of_example(group):
    assert group.flag_examples, f"{group.id} has no examples.flag"
    assert group.pass_examples, f"{group.id} has no examples.pass"


@pytest.mark.parametrize("group", GROUPS, ids=[g.id for g in GROUPS])
def test_group_examples_through_analyze(analyzer, group):
    assert group_problems(analyzer, group) == []


def test_the_analyzer_has_every_group(analyzer):
    assert [g.id for g in analyzer.groups] == [g.id for g in GROUPS]


def test_no_form_claimed_by_two_groups():
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for group in GROUPS:
        for words, _index, _plural in group.forms:
            owners[words].add(group.id)
    clashes = {" ".join(w): sorted(ids) for w, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"forms claimed by several groups: {clashes}"


def test_group_ids_are_unique():
    ids = [g.id for g in GROUPS]
    assert len(ids) == len(set(ids))

"""Every consistency group in the bundled consistency.toml proves itself with its own
examples: each flag example must flag, each pass example must pass."""

from __future__ import annotations

import pytest

from jargonfree.core.checks.consistency import check, load_groups
from jargonfree.core.rules import rules_dir
from jargonfree.core.text import segment

GROUPS = load_groups(rules_dir() / "consistency.toml")


@pytest.mark.parametrize("group", GROUPS, ids=[g.id for g in GROUPS])
def test_group_has_both_kinds_of_example(group):
    assert group.flag_examples, f"{group.id} has no examples.flag"
    assert group.pass_examples, f"{group.id} has no examples.pass"


@pytest.mark.parametrize(
    "group, text",
    [(g, t) for g in GROUPS for t in g.flag_examples],
    ids=[f"{g.id}-{i}" for g in GROUPS for i, _ in enumerate(g.flag_examples)],
)
def test_flag_example_flags(group, text):
    ids = {f.rule_id for f in check(text, segment(text), [group])}
    assert f"consistency.{group.id}" in ids, f"{group.id} missed {text!r}"


@pytest.mark.parametrize(
    "group, text",
    [(g, t) for g in GROUPS for t in g.pass_examples],
    ids=[f"{g.id}-{i}" for g in GROUPS for i, _ in enumerate(g.pass_examples)],
)
def test_pass_example_passes(group, text):
    assert not check(text, segment(text), [group]), f"{group.id} fired on {text!r}"


def test_group_ids_are_unique():
    ids = [g.id for g in GROUPS]
    assert len(ids) == len(set(ids))

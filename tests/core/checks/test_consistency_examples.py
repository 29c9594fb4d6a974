"""Every consistency group proves itself with its own examples."""

from __future__ import annotations

import pytest

from jargonfree.core.checks.consistency import check, load_groups
from jargonfree.core.rules import rules_dir
from jargonfree.core.text import segment

GROUPS = load_groups(rules_dir() / "consistency.toml")


@pytest.mark.parametrize("group", GROUPS, ids=[g.id for g in GROUPS])
def test_group_examples(group):
    assert group.flag_examples and group.pass_examples, f"{group.id} needs both examples"
    for text in group.flag_examples:
        ids = {f.rule_id for f in check(text, segment(text), [group])}
        assert f"consistency.{group.id}" in ids, f"{group.id} missed {text!r}"
    for text in group.pass_examples:
        assert not check(text, segment(text), [group]), f"{group.id} fired on {text!r}"


def test_suggests_the_most_used_word_in_the_right_number():
    [group] = [g for g in GROUPS if "participant" in g.words]
    text = "Members meet monthly. Members share notes. Participants ask questions."
    [f] = check(text, segment(text), [group])
    assert f.text == "Participants" and f.suggestions == ("Members",)
    assert "member 2" in f.note


def test_at_least_30_groups():
    assert len(GROUPS) >= 30


def test_broken_file_names_the_group(tmp_path):
    path = tmp_path / "consistency.toml"
    path.write_text('schema = 1\n[[group]]\nid = "x"\nwords = ["one"]\nmessage = "m"\n')
    with pytest.raises(ValueError, match="group 'x'"):
        load_groups(path)

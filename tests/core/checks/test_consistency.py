"""Term consistency: matching forms, choosing the main word, suggestions in number."""

from __future__ import annotations

import pytest

from jargonfree.core.checks.consistency import Group, _forms, check, load_groups, plural
from jargonfree.core.rules import rules_dir
from jargonfree.core.text import segment

GROUPS = load_groups(rules_dir() / "consistency.toml")


def make(words: list[str], gid: str = "g", unless: tuple = ()) -> Group:
    forms = tuple(sorted((f, k, p) for k, w in enumerate(words) for f, p in _forms(w)))
    return Group(gid, tuple(words), "Pick one word.", forms=forms, unless=unless)


PEOPLE = make(["participant", "member", "learner"], "people")
NETWORK = make(["network", "community of practice"], "network")
GP = make(["GP", "family doctor"], "gp")
CARE = make(["long-term condition", "chronic illness"], "ltc")


def found(text: str, group: Group) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check(text, segment(text), [group])]


@pytest.mark.parametrize(
    "text, group, expected",
    [
        ("Members meet. Members talk. Participants ask.", PEOPLE, [("Participants", ("Members",))]),
        ("Members meet. Members talk. A participant asks.", PEOPLE, [("participant", ("member",))]),
        ("Members meet.\n\nMembers talk.\n\nLearners ask.", PEOPLE, [("Learners", ("Members",))]),
        ("The network met. The network grew. Communities of practice help.", NETWORK,
         [("Communities of practice", ("Networks",))]),
        ("See your GP. Your GP knows. Your family doctor helps.", GP, [("family doctor", ("GP",))]),
        ("See a family doctor. Family doctors help. GPs are busy.", GP,
         [("GPs", ("family doctors",))]),
        ("A long term condition. Long-term conditions. A chronic illness.", CARE,
         [("chronic illness", ("long-term condition",))]),
        ("Members meet. Participants ask.", PEOPLE, [("Members", ("Participants",))]),  # tie
    ],
)
def test_less_used_words_flagged(text, group, expected):
    assert found(text, group) == expected


@pytest.mark.parametrize(
    "text, group",
    [
        ("Members meet. Members talk.", PEOPLE),
        ("Members meet. Members of the public are welcome.", PEOPLE),  # a set phrase
        ("Members meet. A family member may come.", PEOPLE),
        ("The general practitioner (GP) will call. Your GP knows.", GP),  # defined on purpose
        ("The network met. The network grew.", NETWORK),
    ],
)
def test_one_word_only_passes(text, group):
    assert found(text, group) == []


def test_unless_phrases():
    group = make(["participant", "member"], "people", unless=(("member", "states"),))
    assert found("Participants met. Member states voted.", group) == []


def test_note_lists_counts_and_rule_id():
    text = "Participants meet. Participants talk. Participants ask. Members and learners listen."
    findings = check(text, segment(text), [PEOPLE])
    assert [f.text for f in findings] == ["Members", "learners"]
    assert findings[0].note == "Used here: participants 3, members 1, learners 1."
    assert findings[0].rule_id == "consistency.people"
    assert findings[0].category == "consistency"


@pytest.mark.parametrize(
    "term, expected",
    [
        ("member", "members"), ("community", "communities"), ("GP", "GPs"),
        ("community of practice", "communities of practice"), ("staff", "staff"),
        ("expert by experience", "experts by experience"), ("person", "people"),
        ("long-term condition", "long-term conditions"), ("A&E", "A&Es"),
    ],
)
def test_plural(term, expected):
    assert plural(term) == expected


def test_real_groups_load():
    assert len(GROUPS) >= 30
    assert all(g.forms for g in GROUPS)


@pytest.mark.parametrize(
    "content, error",
    [
        ('[[group]]\nid = "x"\nwords = ["one"]\nmessage = "m"\n', "group 'x'"),
        ('[[group]]\nwords = ["a", "b"]\nmessage = "m"\n', "'id' is missing"),
        ('[[group]]\nid = "x"\nwords = ["a", "b"]\n', "'message' is missing"),
        ("[[group]\n", "not valid TOML"),
    ],
)
def test_broken_file_names_the_problem(tmp_path, content, error):
    path = tmp_path / "consistency.toml"
    path.write_text(content)
    with pytest.raises(ValueError, match=error):
        load_groups(path)


def test_a_word_told_apart_in_one_sentence_is_left_out_of_the_note():
    # "communities" and "participants" share a sentence, so "communities" is not another
    # name here; the note used to look it up anyway and analyze() failed with a KeyError.
    from jargonfree import analyze

    text = ("The report was written by volunteers and was checked by the clinical lead. "
            "Because the evidence base for interventions in coastal communities is thin, "
            "the consortium proposes interviews with 4 participants and an economic analysis.")
    found = [f for f in analyze(text).findings if f.category == "consistency"]
    assert found and all("communities" not in f.note for f in found)

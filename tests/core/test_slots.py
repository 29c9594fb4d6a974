"""Suggestions fit their slot: checked through analyze() on real sentences, by pasting the
first suggestion over the span and reading the sentence that results."""

from __future__ import annotations

import pytest
from pasting import finding_on, pasted

from jargonfree import analyze
from jargonfree.core.rules import RuleError, load_rules, parse_rule_file


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # A noun used as a modifier takes the rule's modifier form, never a noun pile.
    ("She is on the oncology ward.", "oncology", "She is on the cancer ward."),
    ("The cardiology clinic is on level 2.", "cardiology", "The heart clinic is on level 2."),
    ("Buy over-the-counter painkillers.", "over-the-counter", "Buy non-prescription painkillers."),
    # The same nouns on their own keep the full replacement.
    ("He was referred to cardiology.", "cardiology", "He was referred to heart specialists."),
    ("Oncology is on the third floor.", "Oncology", "Cancer care is on the third floor."),
    # An adjective before a noun: "renal failure" -> "kidney failure".
    ("He has renal failure.", "renal", "He has kidney failure."),
    # The article before the span agrees with the modifier put there.
    ("An oncology nurse will call you.", "oncology", "A cancer nurse will call you."),
    ("An initiative was launched.", "initiative", "A project was launched."),
    # A participle used as an adjective gets an adjective, not the verb's participle.
    ("Ask for expedited access to the records.", "expedited",
     "Ask for faster access to the records."),
    # Verbs keep their tense and person; nouns their number; capitals stay.
    ("We leveraged funding from the council.", "leveraged",
     "We used funding from the council."),
    ("We will leverage funding.", "leverage", "We will use funding."),
    ("The project has commenced.", "commenced", "The project has started."),
    ("Our stakeholders agreed.", "stakeholders", "Our partners agreed."),
    ("Utilise the form.", "Utilise", "Use the form."),
    # A possessive keeps its 's after the new words.
    ("The oncologist's letter came today.", "oncologist",
     "The cancer specialist's letter came today."),
    ("Ask the stakeholders' views.", "stakeholders", "Ask the partners' views."),
    # Subjects followed by a verb are not modifiers; a sentence that says what a
    # treatment does keeps its name once, since the reader will hear it again.
    ("Photodynamic therapy uses a drug and a light.", "Photodynamic therapy",
     "Light treatment (photodynamic therapy) uses a drug and a light."),
    ("The hospital offers photodynamic therapy for some skin cancers.", "photodynamic therapy",
     "The hospital offers light treatment for some skin cancers."),
])
def test_first_suggestion_reads_right_in_place(sentence, word, expected):
    assert pasted(sentence, word) == expected


@pytest.mark.parametrize(("sentence", "word", "never"), [
    ("She is on the cardiology ward.", "cardiology", "specialists ward"),
    ("The neurology ward is on level 3.", "neurology", "specialists ward"),
    ("The encephalitis clinic is closed.", "encephalitis", "swelling of the brain clinic"),
    ("Numerous NHS policies ask for it.", "Numerous", "Lots of NHS"),
    ("Leveraged funding paid for the pilot.", "Leveraged", "Used funding"),
    ("Take the post-operative painkillers.", "post-operative", "after surgery painkillers"),
])
def test_no_noun_pile_or_part_of_speech_clash(sentence, word, never):
    f = finding_on(sentence, word)
    for suggestion in f.suggestions:
        after = sentence[: f.start] + suggestion + sentence[f.end :]
        assert never.lower() not in after.lower(), (suggestion, after)


def test_a_term_with_no_modifier_form_is_still_flagged_before_a_noun():
    f = finding_on("The encephalitis clinic is closed.", "encephalitis")
    assert f.category == "medical" and f.suggestions == ()


def test_plain_words_term_form_is_offered_before_a_noun_when_it_reads_as_a_modifier():
    f = finding_on("He has renal failure.", "renal")
    assert "kidney (renal)" in f.suggestions


def test_every_modifier_form_is_used_by_a_flag_example():
    """A rule that gives modifier forms proves them: one of its flag examples puts the
    term before a noun and is offered a modifier form first."""
    for rule in load_rules().rules:
        if not rule.modifier:
            continue
        firsts = []
        for sentence in rule.flag_examples:
            for f in analyze(sentence).findings:
                if f.rule_id == rule.key and f.suggestions:
                    firsts.append(f.suggestions[0].lower())
        assert any(
            first.split(" ", 1)[-1] in {m.lower() for m in rule.modifier}
            or first in {m.lower() for m in rule.modifier}
            for first in firsts
        ), f"{rule.key}: no flag example is offered a modifier form ({firsts})"


def _rule_file(extra: str) -> bytes:
    return (
        'schema = 1\ncategory = "medical"\n[[rule]]\nid = "oncology"\nmatch = ["oncology"]\n'
        'replace = ["cancer care"]\nmessage = "Say cancer care."\n' + extra
    ).encode()


def test_pos_and_modifier_load():
    (rule,) = parse_rule_file(_rule_file('pos = ["noun"]\nmodifier = ["cancer"]\n'), "x.toml")
    assert rule.pos == ("noun",) and rule.modifier == ("cancer",)


def test_schema_1_file_without_the_new_keys_still_loads():
    (rule,) = parse_rule_file(_rule_file(""), "x.toml")
    assert rule.pos == () and rule.modifier == ()


@pytest.mark.parametrize(("extra", "problem"), [
    ('pos = ["thing"]\n', "'pos' may hold"),
    ('pos = "noun"\n', "'pos' must be a list"),
    ('modifier = "cancer"\n', "'modifier' must be a list"),
    ('modifier = ["a|b"]\n', "not 'a|b'"),
])
def test_bad_pos_or_modifier_is_named(extra, problem):
    with pytest.raises(RuleError, match=problem):
        parse_rule_file(_rule_file(extra), "x.toml")


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # A term in capitals mid-sentence is part of a name: flagged, nothing to paste.
    ("Fund the NHS Trusts Information Governance Support team.", "Information Governance", None),
    ("Three pathways, Wheezy Child, Gastroenteritis and Croup, have started.",
     "Gastroenteritis", None),
    # "of" goes on where what follows needs it; no words said twice.
    ("The majority of those surveyed agreed.", "majority", "Most of those surveyed agreed."),
    ("We want to reduce length of stay in hospital.", "length of stay",
     "We want to reduce time in hospital."),
    # A possessive modifier needs a determiner before it.
    ("It may result in fetal death.", "fetal", None),
    # A clause after "it is essential that" keeps its own subject.
    ("It is essential that the records are kept safe.", "essential",
     "We must make sure that the records are kept safe."),
])
def test_suggestion_reads_on_into_the_sentence(sentence, word, expected):
    if expected is None:  # flagged with nothing to paste, or (a name) not flagged at all
        assert not [f for f in analyze(sentence).findings
                    if word.lower() in f.text.lower() and f.suggestions]
    else:
        assert pasted(sentence, word) == expected


def test_a_misleading_word_explained_in_brackets_is_not_flagged():
    findings = analyze("The two types are acute (short term) and chronic (ongoing).").findings
    assert not [f for f in findings if f.category == "misleading"]

"""Rewrites that depend on the sense of the word ([[rule.sense]]) and on the slot around
it ('and'/'or' pairs, a bare noun before 'of', headings, acronyms standing alone).
Checked through analyze() on sentences written for these tests, by pasting the first
suggestion over the span and reading the sentence that results."""

from __future__ import annotations

import pytest
from pasting import finding_on, pasted

from jargonfree import analyze
from jargonfree.core.matcher import CompiledRules, Matcher
from jargonfree.core.rules import RuleError, RuleSet, load_rules, parse_rule_file


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # The words around the term say which sense is meant, and so which rewrite fits.
    ("The council pays for school-based interventions to cut smoking.", "interventions",
     "The council pays for school-based programmes to cut smoking."),
    ("The drug intervention lowered his blood pressure.", "intervention",
     "The drug treatment lowered his blood pressure."),
    ("The trust must deliver its savings targets this year.", "deliver",
     "The trust must achieve its savings targets this year."),
    ("We will deliver training to all staff.", "deliver",
     "We will provide training to all staff."),
    ("Visitors must observe the rules of the ward.", "observe",
     "Visitors must follow the rules of the ward."),
    ("We observed a rise in falls over the winter.", "observed",
     "We saw a rise in falls over the winter."),
    ("The survey gave us useful insights about parking.", "insights",
     "The survey gave us useful findings about parking."),
    ("The new team brought fresh insights.", "insights",
     "The new team brought fresh understanding."),
    ("Few parents engaged with the course.", "engaged with",
     "Few parents took part in the course."),
    ("The plan needs considerable effort from staff.", "considerable",
     "The plan needs a lot of effort from staff."),
    ("The board will lead the transformation of mental health services.",
     "transformation", "The board will lead the redesign of mental health services."),
    ("Students have a clear pathway into teaching.", "pathway",
     "Students have a clear route into teaching."),
    # A verb with its object: the adverb goes first ("develop together clear aims" is not
    # English); a past 'was able to' says what was done.
    ("We will co-develop clear aims with patients.", "co-develop",
     "We will jointly develop clear aims with patients."),
    ("The team was able to share the results with the board.", "was able to",
     "The team managed to share the results with the board."),
    # No word said twice: "innovative new ideas" is not "new new ideas".
    ("The fund backs innovative new ideas from staff.", "innovative",
     "The fund backs fresh new ideas from staff."),
    # A plural keeps its verb in agreement inside the rewrite.
    ("Your doctor may suggest immunomodulators such as azathioprine.", "immunomodulators",
     "Your doctor may suggest medicines that change how the immune system works such as "
     "azathioprine."),
    # 'and'/'or': a long rewrite takes the article of the noun it is joined to...
    ("Stones can block the bladder and ureter.", "ureter",
     "Stones can block the bladder and the tube from the kidney to the bladder."),
    # ... and a verb after 'and' does not make a pair.
    ("The urine goes down the ureter and reaches the bladder.", "ureter",
     "The urine goes down the tube from the kidney to the bladder and reaches the bladder."),
    # A singular noun with no article before 'of' gets 'the' with a noun that needs one.
    ("Onset of pain is often sudden.", "Onset", "The start of pain is often sudden."),
    ("Tell us about any change after onset of the rash.", "onset",
     "Tell us about any change after the start of the rash."),
    # A sentence that says what a test or treatment does keeps its name once.
    ("Radiation therapy uses high-energy rays to kill cancer cells.", "Radiation therapy",
     "Radiotherapy (radiation therapy) uses high-energy rays to kill cancer cells."),
])
def test_first_suggestion_fits_the_sense_and_the_slot(sentence, word, expected):
    assert pasted(sentence, word) == expected


@pytest.mark.parametrize(("sentence", "word"), [
    # A service for a condition: no one word says it; the message asks what it does.
    ("The asthma pathway for children starts in May.", "pathway"),
    ("These pathways were planned to launch in May.", "pathways"),
    # An adverb between 'and' and a noun: "cut delays and in the end costs" does not read.
    ("This would cut delays and ultimately costs.", "ultimately"),
    ("We will redesign the stroke care pathway.", "care pathway"),
    ("Costs will double if current trends are maintained.", "maintained"),
    ("The review provided insight into how staff use the system.", "provided insight"),
    # The first of two nouns sharing 'the': a long rewrite would leave the second adrift.
    ("Stones can block the ureter and bladder.", "ureter"),
    # A heading in title case names a document or a programme.
    ("Sustainability Plan\n\nThis plan says how the service will keep going.",
     "Sustainability"),
    # Before a noun, an '-ing' phrase is no modifier ("a moving services online method").
    ("The team used a digital transformation method.", "digital transformation"),
    # 'in consultation and collaboration with': only a rewrite that still joins up.
    ("The tool was made in consultation and collaboration with practice managers.",
     "collaboration"),
])
def test_flagged_with_nothing_to_paste_where_no_rewrite_fits(sentence, word):
    f = finding_on(sentence, word)
    assert f.suggestions == () or not f.suggestions[0].startswith("working"), f.suggestions
    if word != "collaboration":
        assert f.suggestions == ()
    assert f.message


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    # An acronym that stands alone for a kind of body takes an article.
    ("Ask for advice from an organisation like AHSN.", "AHSN",
     "Ask for advice from an organisation like an academic health science network (AHSN)."),
    ("The plan was signed off by CCG.", "CCG",
     "The plan was signed off by the clinical commissioning group (CCG)."),
    # Before a noun it is a modifier, and needs none.
    ("CCG funding ends in March.", "CCG",
     "Clinical commissioning group (CCG) funding ends in March."),
])
def test_acronym_spelled_out_in_place(sentence, word, expected):
    assert pasted(sentence, word) == expected


def test_acronym_followed_by_another_is_part_of_a_name():
    f = finding_on("The work was paid for by CHC NENC and the council.", "CHC")
    assert f.suggestions == ()


def test_every_sense_is_used_by_a_flag_example():
    """A rule's senses prove themselves: for each, one of the rule's flag examples is
    offered that sense's first rewrite (or nothing, for a sense that offers nothing)."""
    problems = []
    for rule in load_rules().rules:
        for i, sense in enumerate(rule.senses):
            firsts = []
            for ex in rule.flag_examples:
                found = [f for f in analyze(ex).findings if f.rule_id == rule.key]
                firsts += [f.suggestions[0].lower() if f.suggestions else None for f in found]
            want = sense.replace[0].lower() if sense.replace else None
            if not any(want is None and first is None
                       or first is not None and want is not None and _same(first, want)
                       for first in firsts):
                problems.append(f"{rule.key}: sense {i + 1} ({want!r}) not shown: {firsts}")
    assert problems == []


def _same(said: str, base: str) -> bool:
    """'took part in' is 'take part in' in another form; 'saw' is 'see'."""
    said, base = said.split(" "), base.split(" ")
    return said[1:] == base[1:] and (said[0][:2] == base[0][:2] or len(said[0]) <= 4)


def _rule(extra: str) -> bytes:
    return f'''schema = 1
category = "jargon"
[[rule]]
id = "widget"
match = ["widget"]
replace = ["tool"]
message = "Say 'tool'."
examples.flag = ["Use the widget."]
examples.pass = ["Use the tool."]
{extra}'''.encode()


def test_a_sense_needs_cue_words_and_a_replace_list():
    with pytest.raises(RuleError, match="'near' or 'next'"):
        parse_rule_file(_rule('[[rule.sense]]\nreplace = ["gadget"]'), "x.toml")
    with pytest.raises(RuleError, match="'replace' is missing"):
        parse_rule_file(_rule('[[rule.sense]]\nnear = ["kitchen"]'), "x.toml")
    with pytest.raises(RuleError, match="unknown key"):
        parse_rule_file(_rule('[[rule.sense]]\nnear = ["kitchen"]\nreplace = []\nfar = [1]'),
                        "x.toml")
    with pytest.raises(RuleError, match="'replace' is missing"):
        parse_rule_file(_rule("").replace(b'replace = ["tool"]\n', b""), "x.toml")


def test_a_users_rule_file_can_use_senses():
    """The sense tables work in any rule file, with the rewrites in the matched form."""
    rules = parse_rule_file(_rule(
        '[[rule.sense]]\nnext = ["drawer"]\nreplace = ["gadget"]\n\n'
        '[[rule.sense]]\nnear = ["garden"]\nreplace = []'), "own.toml")
    matcher = Matcher(RuleSet(tuple(rules), "test"))
    assert CompiledRules(RuleSet(tuple(rules), "t")).sense_cues["own.widget"]

    def first(text):
        (f,) = matcher.match(text).findings
        return f.suggestions[0] if f.suggestions else None

    assert first("Put the widgets drawer back.") == "gadgets"
    assert first("Put the widgets in the drawer.") == "tools"  # past 'in': another phrase
    assert first("The widget in the garden broke.") is None
    assert first("The widget broke.") == "tool"

"""Undefined acronyms: first use only, defined anywhere counts, known ones pass.

Through analyze(), as the command line, the worker and the editor run the check."""

from __future__ import annotations

import pytest

from jargonfree import analyze
from jargonfree.core.checks.acronyms import defined_acronyms, load_known_acronyms

KNOWN = load_known_acronyms()


def acronym_findings(text: str) -> list:
    return [f for f in analyze(text).findings if f.category == "acronym"]


def flagged(text: str) -> list[str]:
    return [f.text for f in acronym_findings(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The CCG met. The CCG agreed. Ask the ICB.", ["CCG", "ICB"]),
        ("Track the KPIs monthly.", ["KPIs"]),
        ("He had an MI last year.", ["an MI"]),  # not a Roman numeral; "a heart attack (MI)"
        ("NICE’s advice on anti-TNF drugs.", ["NICE", "TNF"]),
        ("NHS ICB\nThe board meets.", ["ICB"]),  # two acronyms on a line: not a heading
        ("The CCG (see page 4) met.", ["CCG"]),  # a page reference does not define it
        ("The CCGs met.\n\nLater, the CCG agreed.", ["CCGs"]),
        ("TNF-alpha levels rose.", ["TNF"]),  # not a glossary line
        ("The CHC-funded work.", ["CHC"]),
        # Spelled out only after its first use: flagged at that first use.
        ("Later the CCG met. The Clinical Commissioning Group (CCG) is local.", ["CCG"]),
    ],
)
def test_undefined_acronyms_flagged(text, expected):
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Clinical Commissioning Group (CCG) met. The CCG agreed.",
        "The CCG (Clinical Commissioning Group) met.",
        "ICB stands for integrated care board.",
        "Track the key performance indicators (KPIs). The KPIs are weekly.",
        "A group known as the ICS meets.",
        "The ICS met.\n\nGlossary\nICS: integrated care system",
        "See your GP or go to A&E. The NHS can help.",  # known
        "Part II of the plan. Stage IV cancer.",  # Roman numerals
        "WHAT TO BRING WITH YOU\nBring your letter.",  # a heading in capitals
        "Do NOT take more than 8. STOP and call us.",  # emphasis
        "PLEASE READ THIS CAREFULLY before you start.",
        "Take 5 MG daily.",  # a unit after a number
        "Read https://www.example.org/ABC now.",  # a web address is not words
        "Read www.example.org/CQC/ABC today.",
        "Write to ABC.team@example.org for help.",  # an e-mail address
        "Read [the guide](https://example.org/PALS/ABC) first.",  # a Markdown link target
        "See [our page](ABC.md) and [theirs](docs/XYZ).",
        "The UK's rules.",
        "Read it on GOV.UK today.",  # a web name
        "Bronchitis (bron-KI-tis) is common.",  # a guide to saying it
        "Myelopathy (HAM/TSP) is rare. HAM/TSP hurts.",
        "CCG - Clinical Commissioning Group\n\nThe CCG met.",
    ],
)
def test_defined_known_and_not_acronyms_pass(text):
    assert flagged(text) == []


def test_note_counts_uses_and_first_use_is_flagged():
    text = "The ICB met.\n\nThe ICB agreed. The ICB's plan."
    [f] = acronym_findings(text)
    assert (f.start, f.end, f.line, f.column) == (4, 7, 1, 5)
    assert f.note == "ICB is used 3 times in this text."
    assert (f.rule_id, f.category, f.level) == ("acronym.undefined", "acronym", "suggestion")


def test_link_text_is_checked_but_its_target_is_not():
    """The words of a link are read; the address behind it is not."""
    text = "Ask [the PCN](https://example.org/PCN) or the ICB.\n\nSee https://x.org/ICB too."
    assert [(f.text, f.start, f.note) for f in acronym_findings(text)] == [
        ("PCN", 9, "PCN is used once in this text."),
        ("ICB", 46, "ICB is used once in this text."),
    ]


def test_defined_acronyms():
    assert defined_acronyms("Clinical Commissioning Group (CCG); ICS (integrated care "
                            "system); PCN means primary care network") == {"CCG", "ICS", "PCN"}


def test_known_list_is_the_real_file():
    assert {"NHS", "GP", "A&E"} <= KNOWN


@pytest.mark.parametrize(
    "text",
    [
        "PLEASE UTILISE THE FORM",
        "You should UTILISE the form.",
        "Treatment will COMMENCE soon, with REMUNERATION after.",
        "We will FACILITATE it.",
    ],
)
def test_ordinary_words_in_capitals_are_not_acronyms(text):
    """A long, common word in capitals is the word (the word rules judge it), not an
    acronym to spell out."""
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NICE and NHS agreed.", ["NICE"]),  # short: an acronym, however common the word
        ("Ask OFSTED and the CQC.", ["OFSTED", "CQC"]),  # long but rare as a word
        ("The COPDs and the LGBTQ group.", ["COPDs", "LGBTQ"]),
    ],
)
def test_acronyms_that_look_like_words_are_still_flagged(text, expected):
    assert flagged(text) == expected


def test_a_word_in_capitals_gets_one_finding(analyzer):
    """"UTILISE" gets the wordy rule's finding only, not an acronym finding as well."""
    result = analyzer.analyze("You should UTILISE the form.")
    assert [(f.text, f.category) for f in result.findings] == [("UTILISE", "wordy")]


@pytest.mark.parametrize(("text", "profile", "expected"), [
    ("The CCG met on Monday.", "general", ("clinical commissioning group (CCG)",)),
    ("CCGs will merge.", "general", ("Clinical commissioning groups (CCGs)",)),
    ("An ICB was set up.", "general", ("integrated care board (ICB)",)),
    ("He had an MI last year.", "patient", ("a heart attack (MI)",)),
    # Ambiguous: every meaning, the likeliest for the audience first.
    ("She went to the ED last night.", "patient",
     ("emergency department (ED)", "erectile dysfunction (ED)")),
    ("He has MS.", "patient", ("multiple sclerosis (MS)", "manuscript (MS)")),
    ("See the MS before it goes.", "specialist", ("manuscript (MS)", "multiple sclerosis (MS)")),
    # Used before the text spells it out: the text's own words.
    ("The CCG met. Later the Clinical Commissioning Group (CCG) agreed.", "general",
     ("Clinical Commissioning Group (CCG)",)),
    ("The XQZ met.", "general", ()),  # not on the list: flagged, nothing to offer
])
def test_flagged_acronyms_are_offered_spelled_out(text, profile, expected):
    from jargonfree import analyze

    [f] = [f for f in analyze(text, profile).findings if f.category == "acronym"]
    assert f.suggestions == expected
    pasted = text[: f.start] + f.suggestions[0] + text[f.end :] if expected else text
    if expected:  # pasted, it defines the acronym: no longer flagged, nothing else either
        assert not [g for g in analyze(pasted, profile).findings
                    if g.category in ("acronym", "jargon", "uncommon", "medical")]

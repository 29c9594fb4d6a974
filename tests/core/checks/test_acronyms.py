from __future__ import annotations

from jargonfree.core.checks.acronyms import check, load_known_acronyms


def acronyms(text: str) -> list[str]:
    return [f.text for f in check(text, load_known_acronyms())]


def test_undefined_acronym_flagged_once():
    text = "The CCG met. The CCG agreed. Ask the ICB."
    findings = check(text, load_known_acronyms())
    assert [f.text for f in findings] == ["CCG", "ICB"]
    assert "2 times" in findings[0].note


def test_defined_either_way_round():
    assert acronyms("The Clinical Commissioning Group (CCG) met. The CCG agreed.") == []
    assert acronyms("The CCG (Clinical Commissioning Group) met.") == []
    assert acronyms("ICB stands for integrated care board.") == []
    assert acronyms("Later the CCG met. The Clinical Commissioning Group (CCG) is local.") == []


def test_known_acronyms_roman_numerals_and_headings_pass():
    assert acronyms("See your GP or go to A&E. The NHS can help.") == []
    assert acronyms("Part II of the plan.") == []
    assert acronyms("WHAT TO BRING WITH YOU\nBring your letter.") == []


def test_plural_acronym():
    assert acronyms("Track the KPIs monthly.") == ["KPIs"]

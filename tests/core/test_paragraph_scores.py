"""Reading-age figures people can trust: headings are not scored as paragraphs, each
paragraph's line is known, and a figure meets its target at the precision shown."""

from __future__ import annotations

import pytest

from jargonfree import analyze
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import is_heading_or_label

TEXT = (
    "Introduction\n\n"
    "We will meet the people who use the service and ask them what they need.\n\n"
    "## Risks and benefits\n\n"
    "Contact details:\n\n"
    "The team will write to you after the visit. You can call us at any time."
)


@pytest.mark.parametrize("paragraph, label", [
    ("Introduction", True),
    ("## Risks and benefits", True),
    ("Contact details:", True),
    ("What happens next", True),
    ("We will meet you.", False),
    ("We will meet the people who use the service and ask them what they need", False),
    ("Introduction\nWe will meet you.", False),
])
def test_headings_and_labels_are_told_from_prose(paragraph, label):
    assert is_heading_or_label(paragraph) is label


def test_headings_and_labels_get_no_paragraph_reading_age():
    a = analyze(TEXT)
    ages = [age for _, _, age in a.paragraph_grades]
    assert len(ages) == 5
    assert ages[0] is None and ages[2] is None and ages[3] is None
    assert ages[1] is not None and ages[4] is not None
    assert all(age < 20 for age in ages if age is not None)  # no "reading age 49"


def test_each_paragraph_knows_its_first_line():
    a = analyze(TEXT)
    assert a.paragraph_lines == (1, 3, 5, 7, 9)
    for (start, _end, _age), line in zip(a.paragraph_grades, a.paragraph_lines, strict=True):
        assert TEXT.count("\n", 0, start) + 1 == line


@pytest.mark.parametrize("age, meets", [
    (14.0, True), (14.1, True), (14.4, True), (14.6, False), (15.0, False), (None, None),
])
def test_a_reading_age_meets_the_target_at_the_precision_it_is_shown(age, meets):
    assert get_profile("general").meets(age) is meets

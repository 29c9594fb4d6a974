"""Long sentences (by words) and hard or very hard sentences (by reading age)."""

from __future__ import annotations

from jargonfree.core.model import Finding, make_finding
from jargonfree.core.profiles import Profile
from jargonfree.core.text import Paragraph

# Flesch-Kincaid swings wildly on a handful of words: the same floor as the document's
# (readability.MIN_WORDS["flesch_kincaid_grade"]).
MIN_WORDS_FOR_GRADE = 8


def check(par: Paragraph, profile: Profile) -> list[Finding]:
    """sentence.long, sentence.hard and sentence.very_hard (a warning) in one paragraph.

    A very hard sentence is not also reported as hard; a long sentence may also be hard.
    """
    from jargonfree.core.readability import UK_AGE_OFFSET, age_words, sentence_grade

    text = par.text
    limit = profile.long_sentence_words
    findings = []
    for sentence in par.sentences:
        n = len(sentence.words)
        if n > limit:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.long", "sentence",
                f"This sentence has {n} words; aim for {limit} or fewer. "
                "Split it where the ideas change.",
            ))
        if n < MIN_WORDS_FOR_GRADE:
            continue
        grade = sentence_grade([text[s:e] for s, e in sentence.words])
        if grade <= profile.hard_grade:
            continue
        age = age_words(grade + UK_AGE_OFFSET)  # "14", or "over 21 (university level)"
        if grade > profile.very_hard_grade:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.very_hard", "sentence",
                f"This sentence is very hard to read: it needs a reading age {_about(age)}. "
                "Split it, and use shorter words.",
                level="warning",
            ))
        else:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.hard", "sentence",
                f"This sentence is hard to read: it needs a reading age {_about(age)}. "
                "Try shorter words, or two sentences.",
            ))
    return findings


def _about(age: str) -> str:
    return age if age.startswith("over") else f"of about {age}"

"""Long sentences (by words) and hard / very hard sentences (by reading age)."""

from __future__ import annotations

from jargonfree.core.model import Finding, make_finding
from jargonfree.core.profiles import Profile
from jargonfree.core.text import Paragraph

MIN_WORDS_FOR_GRADE = 8  # Flesch-Kincaid is noise on very short sentences


def check(par: Paragraph, profile: Profile) -> list[Finding]:
    from jargonfree.core.readability import sentence_grade

    text = par.text
    findings = []
    for sentence in par.sentences:
        words = [text[s:e] for s, e in sentence.words]
        n = len(words)
        if n > profile.long_sentence_words:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.long", "sentence",
                f"This sentence has {n} words; aim for {profile.long_sentence_words} or fewer. "
                "Split it where the ideas change.",
            ))
        if n < MIN_WORDS_FOR_GRADE:
            continue
        grade = sentence_grade(words)
        age = round(grade + 5)
        if grade > profile.very_hard_grade:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.very_hard", "sentence",
                f"This sentence is very hard to read: it needs a reading age of about {age}. "
                "Split it and use shorter words.", level="warning",
            ))
        elif grade > profile.hard_grade:
            findings.append(make_finding(
                text, sentence.start, sentence.end, "sentence.hard", "sentence",
                f"This sentence is hard to read: it needs a reading age of about {age}. "
                "Try shorter words or two sentences.",
            ))
    return findings

"""A fast, synchronous stand-in for the analysis engine, for GUI tests.

It flags a handful of words (utilise -> use, leverage -> use / build on, ...), shades any
sentence of 12 words or more as hard, and makes up a Readability whose reading age
grows with the findings, so tests can see scores change.
"""

from __future__ import annotations

import re

from jargonfree.core.model import Analysis, Finding, Options, Readability
from jargonfree.core.profiles import get_profile

WORDS = {
    "utilise": ("wordy.utilise", "wordy", ("use",)),
    "utilised": ("wordy.utilise", "wordy", ("used",)),
    "leverage": ("network.leverage", "jargon", ("use", "build on")),
    "stakeholder": ("network.stakeholder", "jargon", ("partner",)),
    "hypertension": ("medical.hypertension", "medical",
                     ("high blood pressure", "high blood pressure (hypertension)")),
}
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
SENTENCE = re.compile(r"[^.!?]+[.!?]?")
HARD_WORDS = 12


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _finding(text: str, start: int, end: int, rule_id: str, category: str, message: str,
             suggestions=(), level: str = "suggestion") -> Finding:
    line, column = _line_col(text, start)
    return Finding(start, end, line, column, text[start:end], rule_id, category, level,
                   message, tuple(suggestions), None, "fake source")


def fake_analyze(text: str, profile: str = "general", options: Options | None = None,
                 revision: int = 0) -> Analysis:
    options = options or Options()
    findings = []
    words = list(WORD.finditer(text))
    for m in words:
        word = m.group().lower()
        if word in options.accept:
            continue
        if word in WORDS:
            rule_id, category, suggestions = WORDS[word]
            if category not in options.disabled:
                findings.append(_finding(text, m.start(), m.end(), rule_id, category,
                                         f"Plainer than “{m.group()}”.", suggestions))
        elif word in options.reject:
            findings.append(_finding(text, m.start(), m.end(), "user.reject", "jargon",
                                     "You asked to flag this."))
    if "sentence" not in options.disabled:
        for m in SENTENCE.finditer(text):
            if len(WORD.findall(m.group())) >= HARD_WORDS:
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                findings.append(_finding(text, start, m.end(), "sentence.hard", "sentence",
                                         "This sentence is hard to read."))
    findings.sort(key=Finding.sort_key)
    prof = get_profile(profile)
    age = float(8 + 2 * len(findings)) if words else None
    readability = Readability(
        profile=profile, words=len(words), sentences=max(1, len(SENTENCE.findall(text))),
        syllables=len(words) * 2, flesch_reading_ease=70.0 if words else None,
        flesch_kincaid_grade=age - 5 if age else None, smog_grade=9.0 if words else None,
        gunning_fog=10.0, coleman_liau=9.5, automated_readability_index=8.0, dale_chall=7.5,
        reading_age=age, smog_reading_age=14.0 if words else None,
        nhs_band=93 if words else None, jargon_percent=5.0,
        reading_time_seconds=len(words) * 3 // 10,
        target=prof.target, meets_target=prof.meets(age),
    )
    paragraphs = []
    at = 0
    for block in text.split("\n\n"):
        paragraphs.append((at, at + len(block), 8.0 + len(block) % 7 if block.strip() else None))
        at += len(block) + 2
    return Analysis(tuple(findings), readability, revision, tuple(paragraphs))

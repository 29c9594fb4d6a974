"""Words many readers will not know, by how often they appear in English (wordfreq).

A word is uncommon when `zipf - LENGTH_WEIGHT * (letters - 6)` is below the profile's
threshold: rarity matters most, and long words are harder at the same frequency.
Calibrated on the CWI 2018 development data (crowd-marked hard words; see
tests/benchmarks/bench_cwi.py): the patient profile uses the calibrated threshold
(macro-F1 0.78 there, against 0.72 for the length baseline); the general and bid
profiles use a stricter one, so that plain public text stays nearly clean.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jargonfree.core.model import Finding, make_finding
from jargonfree.core.profiles import Profile
from jargonfree.core.text import Paragraph

# profile -> (threshold, length weight); None turns the check off.
THRESHOLDS: dict[str, tuple[float, float] | None] = {
    "patient": (4.0, 0.3),  # calibrated on CWI 2018: macro-F1 0.785
    "general": (3.0, 0.1),  # stricter: long everyday words are not flagged
    "bid": (3.0, 0.1),
    "specialist": None,
}
MIN_LETTERS = 4
_DEFINE_RE = re.compile(
    r"\b([A-Za-z][\w'-]*)\s*(?:\(([^()]{3,80})\)|,?\s+(?:means|is an?|is the|are|refers to|,\s*which (?:is|means))\b)",
)
_ALPHA_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")
MESSAGE = "Many readers will not know this word. Use a more common word, or explain it."


def word_score(word: str, length_weight: float) -> float:
    """Lower is harder: Zipf frequency less a length penalty."""
    from jargonfree.core.frequency import zipf

    letters = sum(c.isalpha() for c in word)
    return zipf(word) - length_weight * (letters - 6)


@lru_cache(maxsize=200_000)
def is_uncommon(word: str, setting: tuple[float, float]) -> bool:
    if len(word) < MIN_LETTERS or not _ALPHA_RE.match(word):
        return False
    threshold, length_weight = setting
    return word_score(word, length_weight) < threshold


def check(par: Paragraph, profile: Profile) -> list[Finding]:
    """uncommon.rare findings in one paragraph (offsets relative to the paragraph)."""
    setting = THRESHOLDS.get(profile.name, THRESHOLDS["general"])
    if setting is None or not profile.uncommon_words:
        return []
    text = par.text
    findings = []
    for sentence in par.sentences:
        for i, (s, e) in enumerate(sentence.words):
            word = text[s:e]
            if word[:1].isupper() and (i > 0 or word.isupper() or word[1:2].isupper()):
                continue  # names, acronyms (the acronym check's job)
            if text[s - 1 : s] == "(" or text[e : e + 1] == ")" or text[e : e + 2] == " (":
                continue  # the text explains it right there: "swelling (oedema)"
            if not is_uncommon(word, setting):
                continue
            findings.append(make_finding(text, s, e, "uncommon.rare", "uncommon", MESSAGE))
    return findings


def defined_terms(text: str) -> set[str]:
    """Lowercase words the text explains: 'X (plain words)', 'X means ...', 'X is a ...'."""
    return {m.group(1).lower() for m in _DEFINE_RE.finditer(text)}

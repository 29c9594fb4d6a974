"""Readability counts and the published formulas, with UK reading age and NHS bands.

Counts are made per paragraph (`count_paragraph`) and added up, so an edit recounts only
the paragraph that changed. `compute` turns the totals into scores by the published
formulas. textstat is not used here: its metric functions count from raw text (and wrongly
on "e.g.", decimals, lists and short sentences), and it imports NLTK, which downloads.

What is counted (docs/ARCHITECTURE.md, "Counting"; words and sentences come from core.text):
- syllables: core.syllables.count_syllables (CMU dictionary, then rules).
- polysyllables (SMOG): words of three syllables or more, numbers and names included, as
  McLaughlin's SMOG rules say; not acronyms said letter by letter (NHS, GPs, COPD): their
  syllables are counted as said, but three letter names are not a long word.
- complex_words (Gunning fog): words of three syllables or more, except, as Gunning says,
  hyphenated compounds and -ed/-es/-ing forms whose stem has fewer than three syllables;
  and, as textstat does, words on the Dale-Chall easy list (familiar compounds such as
  "everything"). Numbers are not hard words. Proper nouns are not left out: without a tagger
  a capital cannot tell a name from a sentence start or a heading (textstat leaves them in too).
- letters: letters and digits in words (Coleman-Liau's L, and ARI's "characters", which the
  published formula counts as letters and numbers; textstat also counts punctuation).
- difficult_words (Dale-Chall): words whose lowercase form is not on the easy list,
  textstat's rule (so "patients" is difficult though "patient" is not); numbers are familiar,
  as in Dale and Chall's instructions (textstat counts them difficult).
- long_words: words of more than six letters (for LIX-style measures and summaries).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from functools import lru_cache

from jargonfree.core.model import Readability
from jargonfree.core.profiles import Profile
from jargonfree.core.syllables import count_syllables, dale_chall_easy_words, spelled_out
from jargonfree.core.text import Paragraph

WORDS_PER_MINUTE = 200
UK_AGE_OFFSET = 5  # UK reading age = US school grade + 5 (a US grade 1 child is about 6)
# The least text each formula scores (docs/READABILITY.md gives the reasons and sources).
# SMOG was calibrated on samples of 30 sentences and is not meant for fewer than 3. The
# others were built on samples of about 100 words; below these floors one long word moves
# the score by several school years, so the score says more about that word than the text.
# 8 words is also where the sentence check starts to grade a sentence (checks.sentences).
SMOG_MIN_SENTENCES = 3
MIN_WORDS = {
    "flesch_reading_ease": 8,
    "flesch_kincaid_grade": 8,
    "automated_readability_index": 8,
    "coleman_liau": 8,
    "gunning_fog": 30,  # shares of hard words: on 8 words one word is 12.5 points of it
    "dale_chall": 30,
}
# UK reading ages are capped here: the formulas' grades above it (16 and up) say "reads
# like a university text", not an age; the raw grades stay uncapped.
READING_AGE_CAP = 21
OVER_CAP_WORDS = f"over {READING_AGE_CAP} (university level)"
FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "smog_grade",
    "gunning_fog",
    "coleman_liau",
    "automated_readability_index",
    "dale_chall",
)
_NUMBER = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True, slots=True)
class Counts:
    """What the formulas need, for a paragraph or a whole document (add them up with +)."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    letters: int = 0
    difficult_words: int = 0
    long_words: int = 0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(*(getattr(self, name) + getattr(other, name) for name in _COUNT_FIELDS))

    def __radd__(self, other: object) -> Counts:
        if other == 0:  # sum(list_of_counts)
            return self
        return NotImplemented


_COUNT_FIELDS = tuple(f.name for f in fields(Counts))


def count_paragraph(paragraph: Paragraph) -> Counts:
    """Counts of one segmented paragraph."""
    return count_words(paragraph.word_texts(), len(paragraph.sentences))


def count_words(words: list[str], sentences: int) -> Counts:
    """Counts of these words, making up this many sentences."""
    if not words:
        return Counts(sentences=sentences)
    totals = [sum(column) for column in zip(*map(_word_counts, words), strict=True)]
    return Counts(len(words), sentences, *totals)


@lru_cache(maxsize=1 << 17)
def _word_counts(word: str) -> tuple[int, int, int, int, int, int]:
    """(syllables, polysyllable, complex, letters, difficult, long) for one word token."""
    syllables = count_syllables(word)
    letters = sum(1 for c in word if c.isalnum())
    number = bool(_NUMBER.fullmatch(word))
    poly = syllables >= 3 and not spelled_out(word)
    lw = word.lower().replace("’", "'")
    easy = lw in dale_chall_easy_words()
    complex_word = poly and not number and not easy and not _gunning_exception(word, syllables)
    difficult = not easy and not number
    return (syllables, int(poly), int(complex_word), letters, int(difficult), int(letters > 6))


def _gunning_exception(word: str, syllables: int) -> bool:
    """Gunning's exceptions: hyphenated compounds, and -ed/-es/-ing adding the 3rd syllable."""
    if "-" in word or "‐" in word or "‑" in word:
        return True
    lw = word.lower()
    if lw.endswith("ing"):
        return syllables - 1 < 3
    if lw.endswith("ed") and lw[-3:-2] in ("t", "d"):  # wanted: -ed is a syllable
        return syllables - 1 < 3
    if lw.endswith("es") and re.search(r"(?:[sxz]|ch|sh|[cgsz]e)s$", lw):  # boxes, causes
        return syllables - 1 < 3
    return False


def _round(x: float) -> float:
    return round(x, 1)


def compute(counts: Counts, profile: Profile, jargon_percent: float | None = None) -> Readability:
    """All the scores from the counts, by the published formulas, rounded to one decimal.

    A formula with less text than its floor (MIN_WORDS, SMOG_MIN_SENTENCES) is None with a
    note; a reading age above READING_AGE_CAP is given as the cap, with a note.
    """
    w, s = counts.words, counts.sentences
    notes: dict[str, str] = {}
    scores: dict[str, float | None] = dict.fromkeys(FORMULAS)
    if w == 0:
        for name in FORMULAS:
            notes[name] = "no words to score"
    elif s == 0:
        for name in FORMULAS:
            notes[name] = "no sentences to score"
    else:
        wps = w / s  # words per sentence
        spw = counts.syllables / w  # syllables per word
        scores["flesch_reading_ease"] = _round(206.835 - 1.015 * wps - 84.6 * spw)
        scores["flesch_kincaid_grade"] = _round(flesch_kincaid_grade(w, s, counts.syllables))
        scores["gunning_fog"] = _round(0.4 * (wps + 100 * counts.complex_words / w))
        letters_per_100 = 100 * counts.letters / w
        sentences_per_100 = 100 * s / w
        scores["coleman_liau"] = _round(0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8)
        scores["automated_readability_index"] = _round(
            4.71 * counts.letters / w + 0.5 * wps - 21.43
        )
        pdw = 100 * counts.difficult_words / w  # percentage of difficult words
        scores["dale_chall"] = _round(0.1579 * pdw + 0.0496 * wps + (3.6365 if pdw > 5 else 0))
        for name, least in MIN_WORDS.items():
            if w < least:
                scores[name] = None
                notes[name] = f"needs at least {least} words; this text has {w}"
        if s >= SMOG_MIN_SENTENCES:
            smog = 1.0430 * math.sqrt(counts.polysyllables * 30 / s) + 3.1291
            scores["smog_grade"] = _round(smog)
        else:
            notes["smog_grade"] = (
                f"SMOG needs at least {SMOG_MIN_SENTENCES} sentences (it is calibrated on 30); "
                f"this text has {s}"
            )
    fk = scores["flesch_kincaid_grade"]
    smog_grade = scores["smog_grade"]
    reading_age = _capped(None if fk is None else _round(fk + UK_AGE_OFFSET), "reading_age",
                          "Flesch-Kincaid grade", fk, notes)
    smog_age = _capped(None if smog_grade is None else _round(smog_grade + UK_AGE_OFFSET),
                       "smog_reading_age", "SMOG grade", smog_grade, notes)
    return Readability(
        profile=profile.name,
        words=w,
        sentences=s,
        syllables=counts.syllables,
        flesch_reading_ease=scores["flesch_reading_ease"],
        flesch_kincaid_grade=fk,
        smog_grade=smog_grade,
        gunning_fog=scores["gunning_fog"],
        coleman_liau=scores["coleman_liau"],
        automated_readability_index=scores["automated_readability_index"],
        dale_chall=scores["dale_chall"],
        reading_age=reading_age,
        smog_reading_age=smog_age,
        nhs_band=None if smog_grade is None else nhs_band(smog_grade),
        jargon_percent=jargon_percent,
        reading_time_seconds=math.ceil(w * 60 / WORDS_PER_MINUTE),
        target=profile.target,
        meets_target=profile.meets(reading_age),
        notes=notes,
    )


def _capped(age: float | None, key: str, formula: str, grade: float | None,
            notes: dict[str, str]) -> float | None:
    """A UK reading age no higher than READING_AGE_CAP; above it, the cap and a note."""
    if age is None or age <= READING_AGE_CAP:
        return age
    notes[key] = (f"the text reads above reading age {READING_AGE_CAP} (university level): "
                  f"{formula} {grade:.1f}")
    return float(READING_AGE_CAP)


def is_capped(r: Readability, key: str = "reading_age") -> bool:
    """Was this reading age (reading_age or smog_reading_age) capped at READING_AGE_CAP?"""
    return getattr(r, key) is not None and key in r.notes


def age_words(age: float | None, capped: bool = False) -> str:
    """A UK reading age as people read it: "14", "over 21 (university level)", "n/a"."""
    if age is None:
        return "n/a"
    if capped or age > READING_AGE_CAP:
        return OVER_CAP_WORDS
    return f"{age:.0f}"


def nhs_band(smog_grade: float) -> int:
    """Percentage of UK adults who can read text of this SMOG grade (docs/ARCHITECTURE.md)."""
    if smog_grade < 10:
        return 93
    if smog_grade < 12:
        return 76
    if smog_grade < 14:
        return 51
    return 22


def sentence_grade(words: list[str]) -> float:
    """Flesch-Kincaid grade of one sentence, rounded to one decimal like the document's
    (uncapped: the sentence check words a reading age above the cap as "over 21")."""
    if not words:
        raise ValueError("a sentence with no words has no grade")
    syllables = sum(_word_counts(word)[0] for word in words)
    return _round(flesch_kincaid_grade(len(words), 1, syllables))


def reading_age(counts: Counts) -> float | None:
    """UK reading age (Flesch-Kincaid grade + 5) of a paragraph, as compute() gives it:
    None below the formula's floor, no higher than READING_AGE_CAP."""
    if counts.words < MIN_WORDS["flesch_kincaid_grade"] or not counts.sentences:
        return None
    grade = flesch_kincaid_grade(counts.words, counts.sentences, counts.syllables)
    return min(_round(grade + UK_AGE_OFFSET), float(READING_AGE_CAP))


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """The Flesch-Kincaid US grade (Kincaid et al. 1975), unrounded: the one copy."""
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59

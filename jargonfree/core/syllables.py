"""Syllable counts: the CMU Pronouncing Dictionary first, then rules for words it lacks.

`count_syllables` looks a word up in resources/data/cmu_syllables.txt (built by
tools/build_syllables.py), then tries British-to-American respellings and known stems with
prefixes or suffixes, and only then `guess_syllables`, the rule-based fallback. Tokens are
words as jargonfree.core.text.WORD_RE finds them: numbers are said ("2026" is "twenty
twenty-six"), all-capital abbreviations are spelled out ("NHS" is three syllables).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from jargonfree.core.spelling import respellings
from jargonfree.core.syllable_rules import guess_word, pronounceable, say_number, spell
from jargonfree.core.tables import ShardedTable
from jargonfree.resources import resource_path


def guess_syllables(word: str) -> int:
    """Rule-based syllable count for any word token, without the dictionary."""
    return _count(word, None)


@lru_cache(maxsize=1 << 17)
def count_syllables(word: str) -> int:
    """Syllables in one word token: dictionary first, then respellings, stems and rules."""
    if not word:
        return 0
    lookup = _dictionary()
    lw = word.lower().replace("’", "'")
    n = _SAID_IN_FULL.get(lw.rstrip("."))
    if n is not None:
        return n
    n = lookup.get(lw)
    if n is not None and not _is_capitals(word):
        return max(1, n)  # CMU gives "hmm" no vowel; every word is said with one at least
    return _count(word, lookup)


# Units written after a number, said in full: "5mg" is "five milligrams".
_UNITS = {"mg": 3, "mcg": 3, "ml": 4, "kg": 3, "g": 1, "km": 4, "cm": 4, "mm": 4, "m": 2,
          "l": 2, "mmol": 3, "kcal": 5, "am": 2, "pm": 2, "h": 1, "hr": 1, "hrs": 1, "bn": 2}
# Abbreviations read as the full word, where CMU has another reading (its "dr" is one syllable).
_SAID_IN_FULL = {"dr": 2, "drs": 2, "etc": 4, "vs": 2} | {
    u: _UNITS[u] for u in ("mg", "mcg", "ml", "kg", "mmol", "kcal")
}


def _is_capitals(word: str) -> bool:
    """NHS, GPs: two or more capitals, perhaps with a plural s."""
    letters = word.replace("'", "").replace(".", "")
    return len(letters) > 1 and (letters.isupper() or bool(_CAPS_PLURAL.fullmatch(letters)))


@lru_cache(maxsize=1 << 14)
def spelled_out(word: str) -> bool:
    """Is this token said letter by letter (NHS, GPs, NHS's, mRNA, PhD, U.K.)?

    Such a token's syllables are its letters' names (count_syllables), but it is never a
    hard word for SMOG or Gunning fog (docs/READABILITY.md): "en-aitch-ess" is three short
    letter names, not a long word. An acronym said as a word (NATO, NICE) is that word.
    """
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if not w or _PARTS.search(w) or any(c.isdecimal() for c in w):
        return False  # compounds and numbers count by their parts
    if "." in w:
        return sum(c.isupper() for c in w) >= 2
    if _is_capitals(w):
        letters = w.replace("'", "")
        stem = letters[:-1] if letters.endswith("s") and not letters.isupper() else letters
        lw = stem.lower()
        if lw in _short_words():
            return False  # DO NOT, IT
        if len(stem) >= 4 and (lw in _dictionary() or pronounceable(lw)):
            return False  # NATO, PLEASE in capitals
        return True
    return (sum(c.isupper() for c in w) >= 2 and not re.search(r"[a-z]{2}", w)
            and not pronounceable(w.lower()))


SYLLABLES_FILE = "cmu_syllables.txt"


class SyllableTable(ShardedTable):
    """word -> syllables from the CMU dictionary, parsed a shard at a time (core.tables)."""

    def get(self, word: str, default: int | None = None) -> int | None:
        n = self.raw(word)
        return default if n is None else int(n)

    def __getitem__(self, word: str) -> int:
        n = self.raw(word)
        if n is None:
            raise KeyError(word)
        return int(n)

    def items(self) -> Iterator[tuple[str, int]]:
        return ((word, int(n)) for word, n in self.raw_items())


@lru_cache(maxsize=1)
def _dictionary() -> SyllableTable:
    """word -> syllables from the CMU Pronouncing Dictionary (one read, parsed lazily)."""
    return SyllableTable(resource_path("data", SYLLABLES_FILE).read_bytes(), SYLLABLES_FILE)


@lru_cache(maxsize=1)
def dale_chall_easy_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words (textstat's copy), lowercase."""
    text = resource_path("data", "dale_chall_easy_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    """Everyday words of up to three letters that stay words in capitals (DO NOT USE)."""
    return frozenset(w for w in dale_chall_easy_words() if len(w) <= 3 and w.isalpha()) - {
        "us", "it", "am", "ad", "ok", "tv", "id", "bed", "who"  # the WHO, IT, the US
    }


# --- tokens: parts, numbers, capitals, apostrophes ---

_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)", re.I)
_SIBILANT = re.compile(r"(?:[sxz]|ch|sh)$")
_SIBILANT_E = re.compile(r"(?:[sxz]|ch|sh|[cgsz]e)$")
_CE_GE = re.compile(r"[cgsz]e$")
_CAPS_PLURAL = re.compile(r"[A-Z]{2,}s")
_PARTS = re.compile(r"[-‐‑/]+")
_MIXED_CAPS = re.compile(r"[A-Z](?![a-z])")  # a capital not followed by small letters: mRNA


def _count(word: str, lookup: SyllableTable | None) -> int:
    """Count a token by rule, using `lookup` (the dictionary) for it and its parts if given."""
    word = word.replace("’", "'").strip("'-‐‑/")
    if not word:
        return 1
    if lookup is not None and not _is_capitals(word):
        n = _known(word.lower(), lookup, 2)
        if n:
            return n
    if _PARTS.search(word):
        return max(1, sum(_count(p, lookup) for p in _PARTS.split(word) if p))
    if any(c.isdecimal() for c in word):  # not isdigit: "²" is a digit int() refuses
        return _count_alnum(word, lookup)
    if "." in word:
        if "." not in word[:-1] and len(word) > 2:  # Prof. Jan.
            return _count(word[:-1], lookup)
        return max(1, spell(word))  # e.g. p.m. U.K.
    if _is_capitals(word):
        return _count_capitals(word, lookup)
    lw = word.lower()
    if _MIXED_CAPS.search(word) and not pronounceable(lw):
        return max(1, spell(word))  # mRNA, eGFR, HbA1c; not McDonald, iPhone
    if "'" in lw:
        return _count_apostrophe(lw, lookup)
    if not lw.isascii():
        if "ï" in lw or "ë" in lw:  # naïve, Zoë: the diaeresis starts a syllable
            return sum(_count(_fold(p), lookup) for p in re.split(r"(?=[ïë])", lw) if p)
        lw = _fold(lw.replace("é", "ey"))  # café, résumé: the accent says the e
    if not lw.isalpha():
        return max(1, sum(guess_word(p) for p in re.findall(r"[a-z]+", lw)))
    return guess_word(lw)


def _count_alnum(word: str, lookup: SyllableTable | None) -> int:
    """Tokens with digits: 15, 2026, 1,250.50, 21st, 5mg, COVID19."""
    m = _ORDINAL.fullmatch(word)
    if m:
        n = int(m.group(1))
        # "second" and "twentieth" have a syllable more than "two" and "twenty"
        extra = (n % 10 == 2 and n % 100 != 12) or (n % 10 == 0 and n % 100 >= 20)
        return say_number(m.group(1)) + int(extra)
    total = 0
    for run in re.findall(r"\d+(?:[.,]\d+)*|[^\W\d_]+", word):
        if run[0].isdecimal():
            total += say_number(run)
        elif run.lower() in _UNITS and total:
            total += _UNITS[run.lower()]
        else:
            total += _count(run, lookup)
    return max(1, total)


def _count_capitals(word: str, lookup: SyllableTable | None) -> int:
    """All-capital tokens: NHS and GPs are spelled out; NATO and NICE are said as words."""
    letters = word.replace("'", "")
    plural = letters.endswith("s") and not letters.isupper()
    stem = letters[:-1] if plural else letters
    lw = stem.lower()
    if len(stem) >= 4 or lw in _short_words():
        if lookup is not None and lw in lookup and len(stem) >= 4:
            return max(1, lookup[lw])
        if lw in _short_words() or pronounceable(lw):
            return _count(lw, lookup)
    return spell(stem)


def _count_apostrophe(lw: str, lookup: SyllableTable | None) -> int:
    """Possessives and contractions: patient's, nurses', don't, they'll."""
    stem, _, tail = lw.rpartition("'")
    if not stem:
        return _count(tail, lookup)
    base = _count(stem, lookup)
    if tail == "s":
        return base + (1 if _SIBILANT_E.search(stem) else 0)  # nurse's, Thomas's
    if tail == "t" and stem.endswith("n"):  # didn't: "n't" is a syllable after a consonant
        core = stem[:-1]
        return _count(core, lookup) + (1 if core and core[-1] not in "aeiouy" else 0)
    if tail in ("ll", "ve", "d"):  # that'll, could've, it'd: a syllable after a consonant
        return base + (1 if stem[-1] not in "aeiouy" else 0)
    if tail in ("", "re", "m"):
        return base
    return max(1, base + _count(tail, lookup))  # o'clock, O'Brien


def _fold(w: str) -> str:
    """Strip accents: café -> cafe, naïve -> naive."""
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


# --- the dictionary: British spellings and known stems ---

# Endings whose syllables add to a known stem: (ending, syllables, stem endings to try).
_SUFFIXES = (
    ("isations", 3, ("",)), ("isation", 3, ("",)), ("izations", 3, ("",)),
    ("ization", 3, ("",)), ("ising", 2, ("", "e")), ("izing", 2, ("", "e")),
    ("ises", 2, ("",)), ("izes", 2, ("",)), ("ised", 1, ("",)), ("ized", 1, ("",)),
    ("ise", 1, ("", "e")), ("ize", 1, ("", "e")), ("ability", 4, ("", "e")),
    ("ably", 2, ("", "e")), ("able", 2, ("", "e")), ("ically", 2, ("",)), ("ical", 2, ("",)),
    ("ities", 2, ("",)), ("ity", 2, ("",)), ("ness", 1, ("",)), ("less", 1, ("",)),
    ("ments", 1, ("",)), ("ment", 1, ("",)), ("ful", 1, ("",)), ("ism", 2, ("",)),
    ("ists", 1, ("",)), ("ist", 1, ("",)), ("ship", 1, ("",)), ("wise", 1, ("",)),
    ("ally", 1, ("al",)), ("ly", 1, ("",)), ("ing", 1, ("", "e")), ("ers", 1, ("", "e")),
    ("er", 1, ("", "e")), ("est", 1, ("", "e")), ("ic", 1, ("",)), ("al", 1, ("",)),
    ("ed", 0, ("", "e")), ("es", 1, ("",)), ("s", 0, ("",)),
)
_PREFIXES = (
    ("counter", 2), ("electro", 3), ("contra", 2), ("physio", 3), ("psycho", 2), ("socio", 3),
    ("radio", 3), ("gastro", 2), ("osteo", 3), ("immuno", 3), ("haemo", 2), ("inter", 2),
    ("intra", 2), ("multi", 2), ("super", 2), ("under", 2), ("hyper", 2), ("hypo", 2),
    ("micro", 2), ("macro", 2), ("neuro", 2), ("cardio", 3), ("pseudo", 2), ("ultra", 2),
    ("trans", 1), ("semi", 2), ("anti", 2), ("over", 2), ("post", 1), ("peri", 2), ("poly", 2),
    ("mono", 2), ("auto", 2), ("tele", 2), ("self", 1), ("non", 1), ("pre", 1), ("dis", 1),
    ("mis", 1), ("sub", 1), ("pro", 1), ("bio", 2), ("eco", 2), ("out", 1), ("mid", 1),
    ("co", 1), ("re", 1), ("de", 1), ("un", 1),
)


def _known(lw: str, lookup: SyllableTable, depth: int) -> int | None:
    """Dictionary count of a word, its American spelling, or a known stem plus affixes."""
    n = lookup.get(lw)
    if n is not None:
        return max(1, n)
    for alt in respellings(lw):  # British words in the American dictionary
        n = lookup.get(alt)
        if n is not None:
            return max(1, n)
    if depth <= 0 or not lw.isalpha():
        return None
    for ending, extra, stem_ends in _SUFFIXES:
        if lw.endswith(ending) and len(lw) - len(ending) >= 3:
            base = lw[: -len(ending)]
            if ending == "es" and not _SIBILANT.search(base):
                continue  # makes, produces: the "s" ending below
            if ending == "es" or ending == "ed" and base[-1] in "td" or (
                ending == "s" and _CE_GE.search(base)
            ):
                extra = 1  # boxes, wanted, produces
            for tail in stem_ends:
                n = _known(base + tail, lookup, depth - 1)
                if n is None and tail == "" and len(base) > 3 and base[-1] == base[-2]:
                    n = _known(base[:-1], lookup, depth - 1)  # planning -> plan
                if n:
                    return n + extra
    for prefix, extra in _PREFIXES:
        if lw.startswith(prefix) and len(lw) - len(prefix) >= 4:
            n = _known(lw[len(prefix):], lookup, depth - 1)
            if n:
                return n + extra
    return None

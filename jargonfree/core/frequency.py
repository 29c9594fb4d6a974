"""Word frequency on the Zipf scale (wordfreq's data), for rare-word findings and the jargon score.

The table is wordfreq's English list, compiled into resources/data/word_frequency.txt
by tools/build_frequency.py: it is read once per process without importing wordfreq
(whose import alone cost about 0.2 s of every start), in shards parsed only when one of
their words is looked up (core.tables), and gives exactly the values of
`wordfreq.get_frequency_dict("en")`. Zipf = log10(frequency * 1e9):
3 is once in a million words, 6 is "have", 7 is "the".

wordfreq ranks inflected and British forms below their base ("removing", "organisation")
and splits hyphenated words (it scores "co-production" like "production"), so `zipf` takes
the best of a word's spellings and base forms and judges compounds itself.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from jargonfree.core.spelling import MAY_VARY_RE
from jargonfree.core.spelling import variants as spellings
from jargonfree.core.tables import ShardedTable

# De-Jargonizer style bands for `jargon_percent`: rare words count in full, mid-frequency
# words half. Tuned on the dev texts (../shared/reference/dev/texts): with 3.0 / 4.5 the
# two plain control texts score 3.7 and 5.4 and every programme report and patient answer
# scores 5.9 or more (with 2.75 / 4.0 a patient answer scored 2.5, below a control's 3.4).
# On CWI 2018, 78% of words in the 3.0-4.5 band are marked hard, 25% of those above it.
RARE_ZIPF = 3.0
MID_ZIPF = 4.5
# A word this common as written is never improved by looking at its other forms.
_COMMON_AS_WRITTEN = 5.0
# Inflectional and light derivational endings: (ending, what replaces it in the base).
_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("iness", "y"),
    ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("zes", "z"), ("oes", "o"),
    ("es", "e"), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ness", ""),
    ("ment", ""), ("able", ""), ("able", "e"), ("ful", ""), ("less", ""),
)
# Prefixes that leave the rest of a word readable: "unhealthy" is about as plain as
# "healthy". Deliberately short: re-, dis-, co- and pre- make false splits
# (resection, reside, dissent, remission). After a hyphen any of these counts.
_PREFIXES = ("un", "non", "over", "under", "self", "mis")
_HYPHEN_PREFIXES = frozenset(
    "un non over under self mis co re pre post anti multi inter sub semi mid out up ex "
    "de bi tri cross well".split()
)
# Latin letters (ASCII, Latin-1, Latin Extended-A/B and Additional): the table is English,
# so a word without one (Hebrew, Arabic, Greek, Cyrillic, CJK) is not judged at all.
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Closed compounds are split at every point; longer "words" (a pasted base64 blob, a line
# of letters) are not compounds, and splitting them was quadratic in their length.
_COMPOUND_MAX_LETTERS = 30
_PREFIX_COST = 0.5  # a derived or compound word is a little harder than its parts
_COMPOUND_PART = 4.0  # both halves of a closed compound must be this common (beforehand)
# wordfreq's own test for a word it leaves out of its top-n lists (wordfreq.numbers).
_MULTI_DIGIT_RE = re.compile(r"\d[\d.,]+")


TABLE_NAME = "word_frequency.txt"


class FrequencyTable(ShardedTable):
    """wordfreq's English word -> frequency table (tools/build_frequency.py), read lazily
    (core.tables): each value is a band N, a frequency of 10 ** (-N / 100)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data, TABLE_NAME)
        self._values: dict[str, float] = {}

    def get(self, word: str, default: float | None = None) -> float | None:
        band = self.raw(word)
        if band is None:
            return default
        value = self._values.get(band)
        if value is None:  # band N: 10 ** (-N / 100), exactly as wordfreq computes it
            value = self._values[band] = 10 ** (-int(band) / 100)
        return value

    def ranked(self) -> list[str]:
        """Every word, commonest first, in wordfreq's order (parses the whole table)."""
        pairs = sorted((int(band), word) for word, band in self.raw_items())
        return [word for _, word in pairs]


@lru_cache(maxsize=1)
def frequencies() -> FrequencyTable:
    """wordfreq's English word -> frequency table, loaded once per process."""
    from jargonfree.resources import resource_path

    return FrequencyTable(resource_path("data", TABLE_NAME).read_bytes())


def top_words(n: int) -> list[str]:
    """The n commonest words, commonest first, as `wordfreq.top_n_list("en", n)` gives
    them (words with a run of digits left out, as wordfreq does)."""
    out: list[str] = []
    for word in frequencies().ranked():
        if not _MULTI_DIGIT_RE.match(word):
            out.append(word)
            if len(out) >= n:
                break
    return out


def _raw(word: str, freqs: FrequencyTable) -> float:
    f = freqs.get(word)
    return math.log10(f * 1e9) if f else 0.0


def _base_forms(word: str) -> list[str]:
    """The word and the bases its endings suggest (stopped -> stop, studies -> study)."""
    out = [word]
    for end, repl in _SUFFIXES:
        if word.endswith(end):
            stem = word[: -len(end)]
            if len(stem) < (2 if end == "able" else 3):
                continue
            out.append(stem + repl)
            if not repl and len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.append(stem[:-1])  # stopped -> stop, travelled -> travel
    return out


@lru_cache(maxsize=200_000)
def _best(word: str) -> float:
    """Best raw Zipf over a lowercase word's base forms and UK/US spellings."""
    freqs = frequencies()
    best = _raw(word, freqs)
    if best >= _COMMON_AS_WRITTEN:
        return best
    variants: set[str] | tuple[str] = (word,)
    if MAY_VARY_RE.search(word):
        variants = spellings(word)
    for variant in variants:
        for form in _base_forms(variant):
            f = freqs.get(form)
            if f:
                best = max(best, math.log10(f * 1e9))
    return best


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a word is: Zipf frequency (0 unknown, 3 once in a million words, 7 'the')
    of its best spelling or base form; prefixed and compound words by their parts."""
    w = word.lower().replace("’", "'").replace("‐", "-").replace("‑", "-")
    if w.endswith(("'s", "s'")) and len(w) > 4:
        w = w[:-2] if w.endswith("'s") else w[:-1]  # the organisation's, the patients'
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        inner = [p for p in parts if p not in _HYPHEN_PREFIXES] or parts
        cost = _PREFIX_COST if len(inner) < len(parts) else 0.0
        return max(_best(w.replace("-", "")), min(zipf(p) for p in inner) - cost)
    best = _best(w)
    if best >= _COMMON_AS_WRITTEN:
        return best
    for prefix in _PREFIXES:
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            best = max(best, _best(w[len(prefix) :]) - _PREFIX_COST)
    if 8 <= len(w) <= _COMPOUND_MAX_LETTERS and best < 4.5:
        freqs = frequencies()
        for i in range(4, len(w) - 3):  # beforehand, bloodstream: two common halves
            head = _raw(w[:i], freqs)
            if head >= _COMPOUND_PART:
                tail = _best(w[i:])
                if tail >= _COMPOUND_PART:
                    best = max(best, min(head, tail) - _PREFIX_COST)
    return best


def is_latin(word: str) -> bool:
    """Has the word a Latin letter? The English table can only judge words that do."""
    return _LATIN_RE.search(word) is not None


def jargon_percent(words: list[str]) -> float | None:
    """Share of words that are rare (counted in full) or mid-frequency (counted half), 0-100;
    numbers and words in other scripts are left out. None when there are no words."""
    weights = list(map(_jargon_weight, words))
    counted = len(weights) - weights.count(None)
    if not counted:
        return None
    return round(100 * sum(w for w in weights if w) / counted, 1)


@lru_cache(maxsize=200_000)
def _jargon_weight(word: str) -> float | None:
    """1 for a rare word, 0.5 for a mid-frequency one, 0 for a common one, None for a number
    or a word in another script."""
    if word[:1].isdigit() or not is_latin(word):
        return None
    z = zipf(word)
    return 1.0 if z < RARE_ZIPF else 0.5 if z < MID_ZIPF else 0.0

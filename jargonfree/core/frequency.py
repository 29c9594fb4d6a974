"""Word frequency on the Zipf scale (wordfreq), for rare-word findings and the jargon score.

`get_frequency_dict("en")` is loaded once per process (0.2 s) and read directly: it is
about 30x faster than calling zipf_frequency per word. wordfreq splits hyphenated words
and ranks inflected and British forms below their base ("removing", "organisation"), so
a word counts as common as its most frequent base form or spelling.
"""

from __future__ import annotations

import math
from functools import lru_cache

# De-Jargonizer style bands, tuned on the dev data: rare words count in full, mid half.
RARE_ZIPF = 2.75
MID_ZIPF = 4.0
_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"),
    ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("es", "e"), ("es", ""),
    ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("er", ""), ("er", "e"), ("est", ""), ("ness", ""), ("ment", ""),
)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def _raw(word: str, freqs: dict[str, float]) -> float:
    f = freqs.get(word)
    return math.log10(f * 1e9) if f else 0.0


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency (0 = unknown, 3 = once in a million words, 7 = 'the') of a word,
    taking the best of its spellings and base forms; compounds by their rarest part."""
    from jargonfree.core.inflect import spelling_variants

    w = word.lower().replace("’", "'")
    if w.endswith(("'s", "s'")) and len(w) > 4:
        w = w[:-2] if w.endswith("'s") else w[:-1]  # the organisation's, the patients'
    if "-" in w:
        joined = w.replace("-", "")
        parts = [p for p in w.split("-") if p]
        best_part = min((zipf(p) for p in parts), default=0.0)
        return max(_raw(joined, _frequencies()), _raw(w, _frequencies()), best_part)
    freqs = _frequencies()
    best = _raw(w, freqs)
    if best >= MID_ZIPF + 0.5:
        return best
    candidates = {w}
    for end, repl in _SUFFIXES:
        if w.endswith(end) and len(w) - len(end) >= 3:
            candidates.add(w[: -len(end)] + repl)
        if w.endswith(end * 1) and len(w) > len(end) + 3 and w[-len(end) - 1] == w[-len(end) - 2]:
            candidates.add(w[: -len(end) - 1])  # stopped -> stop
    for c in list(candidates):
        candidates |= spelling_variants(c)
    return max(_raw(c, freqs) for c in candidates)


def jargon_percent(words: list[str]) -> float | None:
    """Share of rare words (counted in full) and mid-frequency words (half), 0-100."""
    scored = [w for w in words if not w[:1].isdigit()]
    if not scored:
        return None
    total = 0.0
    for w in scored:
        z = zipf(w)
        if z < RARE_ZIPF:
            total += 1.0
        elif z < MID_ZIPF:
            total += 0.5
    return round(100 * total / len(scored), 1)

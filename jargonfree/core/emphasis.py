"""Which very hard sentences are shaded, so the worst stand out.

Shading every hard sentence turned most of a programme report yellow and red (69% of
the characters of the development texts at the general profile): when everything is
marked, nothing stands out. Every hard, very hard and long sentence keeps a mark in the
margin; shading is kept for the hardest very hard sentences, hardest first, while they
cover at most SHADE_SHARE of the text's characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from jargonfree.core.model import Finding
from jargonfree.core.text import WORD_RE

SHADE_SHARE = 0.2
VERY_HARD = "sentence.very_hard"


def shaded_sentences(text: str, findings: Iterable[Finding],
                     share: float = SHADE_SHARE) -> tuple[tuple[int, int], ...]:
    """(start, end) of the very hard sentences to shade, in text order."""
    from jargonfree.core.readability import sentence_grade

    very = {(f.start, f.end): f for f in findings if f.rule_id == VERY_HARD}
    if not very:
        return ()
    budget = share * len(text)
    ranked = sorted(very.values(),
                    key=lambda f: (-sentence_grade(WORD_RE.findall(f.text)), f.start))
    chosen, used = [], 0
    for f in ranked:
        length = f.end - f.start
        if used + length <= budget:
            chosen.append((f.start, f.end))
            used += length
    return tuple(sorted(chosen))

"""One module per check that is not a rule file: uncommon words, passive voice, long and
hard sentences, undefined acronyms, and term consistency."""

from __future__ import annotations


def lower_same_length(text: str) -> str:
    """text.lower() with the same length, so word offsets slice it too (the rare letters
    that lowercase to two characters, such as 'İ', are kept as they are)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low

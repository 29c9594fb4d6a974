"""Helpers for tests that paste a finding's first suggestion over its words."""

from __future__ import annotations

from jargonfree import analyze

WORD_LEVEL = {"jargon", "medical", "wordy", "misleading", "uncommon", "acronym"}


def finding_on(sentence: str, word: str, profile: str = "general"):
    for f in analyze(sentence, profile).findings:
        if f.category in WORD_LEVEL and word.lower() in f.text.lower():
            return f
    raise AssertionError(f"no finding on {word!r} in {sentence!r}")


def pasted(sentence: str, word: str, profile: str = "general") -> str | None:
    """The sentence with the first suggestion on `word` pasted in (None: nothing to paste)."""
    f = finding_on(sentence, word, profile)
    if not f.suggestions:
        return None
    return sentence[: f.start] + f.suggestions[0] + sentence[f.end :]

"""Build the spaCy pipeline once, explicitly: a blank English pipeline whose tokenizer
is ours.

Trained pipelines download from outside the package registry, so jargonfree uses
spacy.blank("en"). Its rule-based tokenizer cost 0.25-0.35 s per 100,000 words here
(affix searches per chunk), most of the analysis budget; a single regular expression
(words with inner apostrophes or &, and every other non-space character on its own)
gives the tokens the PhraseMatcher needs in about a third of that. Rule patterns are
tokenized by the same tokenizer, so they always line up with the text.
"""

from __future__ import annotations

import re

TOKEN_RE = re.compile(r"[^\W_]+(?:[&'’][^\W_]+)*|\S")


class RegexTokenizer:
    """Whitespace-separated words and punctuation marks; text must use single spaces."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for m in TOKEN_RE.finditer(text):
            if words:
                spaces.append(m.start() > end)
            words.append(m.group())
            end = m.end()
        if words:
            spaces.append(end < len(text))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def build_nlp():
    """A blank English pipeline with our tokenizer (about 0.7 s, mostly importing spaCy)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer = RegexTokenizer(nlp.vocab)
    nlp.max_length = 10**9  # spaCy's 1M-character guard is for parsers; we only tokenize
    return nlp

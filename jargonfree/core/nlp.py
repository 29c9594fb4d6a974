"""Build the spaCy pipeline once, explicitly: a blank English tokenizer.

Trained pipelines download from outside the package registry, so jargonfree uses
spacy.blank("en"): the tokenizer (and the vocabulary PhraseMatcher needs). Sentences
and words for counting come from core/text.py, whose rules are ours.
"""

from __future__ import annotations


def build_nlp():
    """A blank English pipeline (about 0.7 s to import spaCy, 0.05 s to build)."""
    import spacy

    return spacy.blank("en")

"""Paragraphs, words and line/column positions (sentence-count cases: test_readability)."""

from __future__ import annotations

import pytest

from jargonfree.core.text import LineIndex, paragraph_spans, segment


def test_paragraphs_split_on_blank_lines():
    text = "One.\nStill one.\n\n  Two.\n \n\nThree."
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["One.\nStill one.", "Two.", "Three."]


@pytest.mark.parametrize(
    "text, words",
    [
        ("co-production and don't", ["co-production", "and", "don't"]),
        ("It costs £1,250.50 today", ["It", "costs", "1,250.50", "today"]),
        ("See e.g. the NHS", ["See", "e.g.", "the", "NHS"]),
        ("**Bold** and # heading", ["Bold", "and", "heading"]),
        ("Read [the guide](https://example.org/a-b) now", ["Read", "the", "guide", "now"]),
        ("😀 café naïve", ["café", "naïve"]),
    ],
)
def test_words(text, words):
    [par] = segment(text)
    assert par.word_texts() == words


def test_word_offsets_are_code_points():
    text = "😀 utilise"
    [par] = segment(text)
    s, e = par.sentences[0].words[0]
    assert text[s:e] == "utilise"


def test_line_index():
    index = LineIndex("ab\ncd\r\nef")
    assert index.line_col(0) == (1, 1)
    assert index.line_col(4) == (2, 2)
    assert index.line_col(7) == (3, 1)


def test_empty_and_blank_text():
    assert segment("") == []
    assert segment(" \n\n \t") == []

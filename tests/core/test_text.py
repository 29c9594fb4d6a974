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


# Sentence ends after acronyms and abbreviations (issue 10, item 6): each of these was one
# sentence before, which made a leaflet's reading age years too high.
ENDS = [
    ("Go to A&E. The nurse will see you there.", ["Go to A&E.", "The nurse will see you there."]),
    ("We book a Q&A. Then we meet.", ["We book a Q&A.", "Then we meet."]),
    ("I was told I have MS. It makes me very tired.",
     ["I was told I have MS.", "It makes me very tired."]),
    ("The alarm detects CO. It beeps loudly.", ["The alarm detects CO.", "It beeps loudly."]),
    ("The wait is six weeks approx. Please call us if it is longer.",
     ["The wait is six weeks approx.", "Please call us if it is longer."]),
    ("The contract went to Acme Ltd. They start in May.",
     ["The contract went to Acme Ltd.", "They start in May."]),
    ("As shown by Smith et al. The results were clear.",
     ["As shown by Smith et al.", "The results were clear."]),
    ("Take vitamin D. Take it with food.", ["Take vitamin D.", "Take it with food."]),
    ("No. I have not eaten since midnight.", ["No.", "I have not eaten since midnight."]),
    ("I waited… Then the nurse came.", ["I waited…", "Then the nurse came."]),
    ("I lived in the U.S. It's where I trained.", ["I lived in the U.S.", "It's where I trained."]),
    ("We meet at 9am. Volunteers help at the front desk.",
     ["We meet at 9am.", "Volunteers help at the front desk."]),
]
# ... and where they do not end one: titles, never-ending abbreviations, names, numbers.
GOES_ON = [
    "See Dr. Patel and Mr. Jones at the clinic.",
    "Bring your pills, e.g. Aspirin or Paracetamol, with you.",
    "The dose is approx. 5 mg a day.",
    "The clinic is open 9 a.m. Monday to Friday.",
    "Write to No. 10 Downing Street.",
    "She has a Ph.D. in nursing.",
    "PLEASE SEE DR. SMITH TODAY.",
    "Ring J. Smith on the ward.",
]


def spans_through_analyze(text: str) -> list[str]:
    from jargonfree import analyze
    from jargonfree.core.model import Options

    result = analyze(text, options=Options(long_sentence_words=0))  # each sentence a finding
    spans = [f.text for f in result.findings if f.rule_id == "sentence.long"]
    assert len(spans) == result.readability.sentences
    return spans


@pytest.mark.parametrize("text, sentences", ENDS)
def test_sentence_ends_after_acronyms_and_abbreviations(text, sentences):
    assert spans_through_analyze(text) == sentences


@pytest.mark.parametrize("text", GOES_ON)
def test_titles_names_and_numbers_do_not_end_a_sentence(text):
    assert spans_through_analyze(text) == [text]


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("1.) Wash your hands 2.) Dry them well", ["Wash your hands", "Dry them well"]),
        ("a. Bring your letter b. Bring your pills", ["Bring your letter", "Bring your pills"]),
        ("• Your letter • Your pills", ["Your letter", "Your pills"]),
        ("1) Call us on 111 3) if you feel worse", ["Call us on 111 3) if you feel worse"]),
        ("I. Background and J. Smith's role", ["Background and J. Smith's role"]),
    ],
)
def test_a_list_written_on_one_line_has_a_sentence_an_item(text, sentences):
    """Only the next number in turn is a marker ("3)" after "1)" is part of the item), and
    a lettered list starts at "a" ("I." numbers a heading)."""
    assert spans_through_analyze(text) == sentences

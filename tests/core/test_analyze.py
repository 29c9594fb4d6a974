"""The whole analysis on real rules and real data: offsets, caching, document rules."""

from __future__ import annotations

import os

import pytest

from jargonfree import analyze
from jargonfree.core.analyze import Analyzer
from jargonfree.core.model import Options
from jargonfree.core.text import PIECE_CHARS, analysis_spans, paragraph_spans

LEAFLET = """Your operation

You have high blood pressure (hypertension). We will check your hypertension again.

Prior to the operation, you must not eat. We will utilise a local anaesthetic.
"""


def test_public_api_shape():
    result = analyze("We will leverage our stakeholder network.")
    texts = {f.text.lower() for f in result.findings}
    assert {"leverage", "stakeholder"} <= texts
    d = result.to_dict()
    assert set(d) == {"readability", "findings"}
    assert d["readability"]["profile"] == "general"


def test_offsets_lines_and_sort_order(analyzer):
    text = "😀 First line.\n\nWe will utilise it.\r\nIn order to go, we leverage it."
    result = analyzer.analyze(text)
    assert result.findings
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys)
    [f] = [f for f in result.findings if f.text == "utilise"]
    assert (f.line, f.column) == (3, 9)


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown profile"):
        analyze("text", profile="nobody")


def test_medical_term_not_flagged_after_it_is_explained(analyzer):
    result = analyzer.analyze(LEAFLET, "patient")
    hyper = [f for f in result.findings if f.text.lower() == "hypertension"]
    assert hyper == []
    text = "Your hypertension is high. You have high blood pressure (hypertension)."
    hyper = [f for f in analyzer.analyze(text).findings if f.text.lower() == "hypertension"]
    assert len(hyper) == 1 and hyper[0].start == text.index("hypertension")


def test_options_turn_checks_off_and_accept_words(analyzer):
    text = "We will leverage our stakeholder network."
    off = analyzer.analyze(text, options=Options(disabled=frozenset({"jargon"})))
    assert not [f for f in off.findings if f.category == "jargon"]
    accepted = analyzer.analyze(text, options=Options(accept=frozenset({"leverage"})))
    assert "leverage" not in {f.text for f in accepted.findings}
    assert "stakeholder" in {f.text for f in accepted.findings}


def test_profiles_set_targets(analyzer):
    text = "The cat sat on the mat. " * 20
    patient = analyzer.analyze(text, "patient").readability
    assert patient.target == (9, 11)
    assert patient.meets_target is True
    hard = ("Notwithstanding considerable organisational heterogeneity, multidisciplinary "
            "stakeholders operationalised interdisciplinary governance arrangements. ") * 5
    assert analyzer.analyze(hard, "patient").readability.meets_target is False


class CountingAnalyzer(Analyzer):
    def __init__(self):
        super().__init__()
        self.computed = 0

    def _compute_paragraph(self, text, prof, options):
        self.computed += 1
        return super()._compute_paragraph(text, prof, options)


def test_one_paragraph_edit_redoes_one_paragraph():
    engine = CountingAnalyzer()
    paragraphs = [f"Paragraph {i} will utilise the learning network." for i in range(50)]
    text = "\n\n".join(paragraphs)
    first = engine.analyze(text, revision=1)
    assert engine.computed == 50
    paragraphs[10] = "Paragraph ten now says we will leverage our stakeholders."
    edited = "\n\n".join(paragraphs)
    second = engine.analyze(edited, revision=2)
    assert engine.computed == 51
    assert second.revision == 2
    # Findings after the edit moved with the text.
    for f in second.findings:
        assert edited[f.start : f.end] == f.text
    assert len(second.findings) != len(first.findings) or second.findings != first.findings


def test_whole_text_equals_paragraphs_alone(analyzer):
    paragraphs = ["We will utilise the data.", "Patients with hypertension were given analgesia.",
                  "In order to optimise outcomes, the report was written by the team."]
    text = "\n\n".join(paragraphs)
    whole = analyzer.analyze(text).findings
    local = {"jargon", "wordy", "medical", "passive", "sentence"}
    offset = 0
    expected = []
    for par in paragraphs:
        for f in analyzer.analyze(par).findings:
            if f.category in local:
                expected.append((f.start + offset, f.end + offset, f.rule_id))
        offset += len(par) + 2
    got = [(f.start, f.end, f.rule_id) for f in whole if f.category in local]
    assert got == expected


def test_sentence_thresholds_from_options_replace_the_profiles(analyzer):
    text = ("The committee will consider the application at its next meeting in the spring. "
            "We will write to you.")
    plain = analyzer.analyze(text, "general")
    assert not [f for f in plain.findings if f.category == "sentence"]
    strict = analyzer.analyze(text, "general", Options(long_sentence_words=5, hard_grade=3.0))
    rules = sorted(f.rule_id for f in strict.findings if f.category == "sentence")
    assert rules == ["sentence.hard", "sentence.long"]
    assert "aim for 5 or fewer" in next(
        f.message for f in strict.findings if f.rule_id == "sentence.long")
    # The profile's own figures come back when the options are cleared (no stale cache).
    assert analyzer.analyze(text, "general", Options()).findings == plain.findings


def test_long_text_is_checked_on_two_cores_with_the_same_result(monkeypatch):
    import jargonfree.core.analyze as analyze_module

    paragraph = ("Our key stakeholders will leverage the hypertension clinic in order to "
                 "deliver better outcomes. The report was written by the team. {}\n\n")
    text = "".join(paragraph.format(i) for i in range(1200))
    assert len(text) > analyze_module.PARALLEL_MIN_CHARS
    serial = Analyzer().analyze(text, "patient")

    analyzer = Analyzer()
    calls = []
    original = Analyzer._compute_paragraph
    monkeypatch.setattr(Analyzer, "_compute_paragraph",
                        lambda self, *a: calls.append(1) or original(self, *a))
    analyzer.prefill(text, "patient")
    if os.cpu_count() and os.cpu_count() > 1:
        # This process did about half; the forked copy did the rest.
        assert 0 < len(calls) < 1200
    filled = len(calls)
    result = analyzer.analyze(text, "patient")
    assert len(calls) == filled  # every paragraph came from the cache
    assert result.findings == serial.findings
    assert result.readability == serial.readability


def test_prefill_shares_a_text_with_no_blank_lines(monkeypatch):
    """One paragraph a line (no blank line anywhere) is one huge paragraph: it is checked
    in pieces cut at sentence ends, shared between the cores, and gives the same findings
    as checking it in one process."""
    line = ("Point {}: our key stakeholders will leverage the hypertension clinic in order "
            "to deliver better outcomes. The report was written by the team.\n")
    text = "".join(line.format(i) for i in range(1200))
    assert len(paragraph_spans(text)) == 1
    pieces = analysis_spans(text)
    assert len(pieces) >= len(text) // (2 * PIECE_CHARS)
    assert all(text[a:b].endswith("team.") and text[a:b].startswith("Point ") for a, b in pieces)
    assert "".join(text[a:b] + "\n" for a, b in pieces) == text  # cut at line breaks
    serial = Analyzer().analyze(text, "patient")

    analyzer = Analyzer()
    calls = []
    original = Analyzer._compute_paragraph
    monkeypatch.setattr(Analyzer, "_compute_paragraph",
                        lambda self, *a: calls.append(1) or original(self, *a))
    analyzer.prefill(text, "patient")
    if os.cpu_count() and os.cpu_count() > 1:
        assert 0 < len(calls) < len(pieces)  # the forked copy did the rest
    filled = len(calls)
    result = analyzer.analyze(text, "patient")
    assert len(calls) == filled  # every piece came from the cache
    assert result.findings == serial.findings
    assert result.readability == serial.readability


@pytest.mark.parametrize("text, term, suggestions", [
    # A plural suggestion replaces the article instead of taking one.
    ("We need an innovation.", "an innovation", ("new ideas", "a new idea", "a new way")),
    ("An innovation helps.", "An innovation", ("New ideas", "A new idea", "A new way")),
    # A plural the rule lists beside its singular gets a plural suggestion.
    ("Check both axillae.", "axillae", ("armpits", "armpits (axillae)")),
    ("Check the axilla.", "axilla", ("armpit", "armpit (axilla)")),
    # "set of tools" is singular: it keeps its article.
    ("Use a toolkit.", "toolkit", ("set of tools", "guide")),
])
def test_number_of_the_suggestion_fits_the_text(text, term, suggestions):
    [f] = [f for f in analyze(text, "patient").findings if f.suggestions]
    assert (f.text, f.suggestions) == (term, suggestions)


def test_paragraph_reading_ages_by_hand():
    """The chart's per-paragraph reading ages: Flesch-Kincaid grade + 5, worked by hand.

    Paragraph 1: 10 words, 2 sentences, 10 syllables:
        0.39 * 10/2 + 11.8 * 10/10 - 15.59 = -1.84, + 5 = 3.16 -> 3.2
    Paragraph 2: 5 words: fewer than the 8 a grade needs, so no reading age (it would be
        33.8: pa-tients 2, ex-pe-ri-enc-ing 5, hy-per-ten-sion 4, re-qui-re 3, med-i-ca-tion 4).
    Paragraph 3: 9 words, 1 sentence, 35 syllables (the five above, and 1, com-pre-hen-sive 4,
        mul-ti-dis-ci-pli-nar-y 7, e-val-u-a-tion 5):
        0.39 * 9 + 11.8 * 35/9 - 15.59 = 33.81, + 5 = 38.81: over 21, so 21 (the cap).
    Paragraph 4 has no words, so no reading age.
    """
    text = ("We went home. It was late and we were cold.\n\n"
            "Patients experiencing hypertension require medication.\n\n"
            "Patients experiencing hypertension require medication and comprehensive "
            "multidisciplinary evaluation.\n\n* * *")
    assert analyze(text).paragraph_grades == (
        (0, 43, 3.2), (45, 99, None), (101, 202, 21.0), (204, 209, None))

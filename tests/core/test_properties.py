"""Properties that hold for any text (hypothesis): findings point at the right characters,
applying suggestions touches nothing else, a paragraph's own findings do not depend on
its neighbours, and no Unicode input raises.

One Analyzer for the module (building one takes about a second); its paragraph cache is
shared by the examples, which is how the editor's worker uses it too.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from jargonfree.core.model import CATEGORIES, LEVELS, Finding
from jargonfree.core.rewrite import apply_suggestions
from jargonfree.core.text import paragraph_spans

# Categories a check makes from one paragraph alone (the others need the whole text:
# acronyms defined anywhere, consistency across the document, rare words flagged once).
PARAGRAPH_LOCAL = ("jargon", "wordy", "medical", "misleading", "passive", "sentence")

SENTENCES = [
    "We will leverage our stakeholder network to facilitate knowledge sharing.",
    "Going forward, the programme will deliver robust outcomes at pace.",
    "The learning network enables co-production with people with lived experience.",
    "In order to utilise the funding, we must commence work prior to April.",
    "An initiative was launched to optimise the patient journey.",
    "The patient has hypertension and was given analgesia.",
    "High blood pressure (hypertension) is common.",
    "Bilateral oedema was noted, and the scan was unremarkable.",
    "Your test was positive, so the doctor will call you.",
    "The form was signed by your GP and was sent to the hospital.",
    "Decisions are made by the board after the evidence has been reviewed.",
    "Participants, members and volunteers met the ICS and the CCG.",
    "You can park for free.",
    "Bring your letter.",
    "UTILISE IT NOW!",
    "Leveraged synergies were operationalised across the footprint, and stakeholders "
    "were empowered to co-design a holistic, person-centred, place-based model of care "
    "for the integrated care system in accordance with the framework.",
    "- leverage\n- utilise\n- hypertension",
    "## Our aims\nWe facilitate learning.",
    "Dr. Patel said e.g. 5 p.m. is fine, i.e. £1,250.50 was paid.",
    "😀 utilise 👩🏽‍⚕️ leverage",
    "שלום, we will leverage it. مرحبا utilise",
    "cafe\u0301 utilise e\u0301",
]
ODD_BITS = [
    "\x00", "\r\n", "\r", "\n", "\t", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\ufeff",
    "\u200b", "\u200d", "\u202e", "\u0301", "\U0001f600", "ﬁ", "İ", "ẞ", "'", "’", "-",
    "(", ")", "  ", ".", "...", "e.g.", "# ", "* ", "1. ",
]

# Any code point but lone surrogates (files and the editor cannot produce them).
no_surrogates = st.characters(exclude_categories=("Cs",))
random_text = st.text(alphabet=no_surrogates, max_size=60)
fragment = st.one_of(
    st.sampled_from(SENTENCES), st.sampled_from(ODD_BITS), random_text,
)
separator = st.sampled_from([" ", " ", " ", "", "\n", "\r\n", "\t", "  "])


@st.composite
def paragraphs(draw) -> str:
    """A paragraph: sentences, odd characters and random text, no blank line inside."""
    parts = draw(st.lists(fragment, min_size=1, max_size=6))
    seps = draw(st.lists(separator, min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


@st.composite
def documents(draw) -> str:
    """Paragraphs joined by any line breaks (blank lines or not)."""
    pars = draw(st.lists(paragraphs(), min_size=1, max_size=5))
    joins = draw(st.lists(st.sampled_from(["\n\n", "\r\n\r\n", "\n", " ", "\n \n", "\r\r"]),
                          min_size=len(pars), max_size=len(pars)))
    return "".join(p + j for p, j in zip(pars, joins, strict=True))


PROFILES = st.sampled_from(["general", "patient", "bid", "specialist"])
SETTINGS = settings(deadline=None, max_examples=150,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def engine():
    from jargonfree.core.analyze import Analyzer

    return Analyzer()


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column in code points; \\r\\n, \\r and \\n end a line."""
    line_start = 0
    line = 1
    for m in re.finditer(r"\r\n|\r|\n", text):
        if m.end() > offset:
            break
        line += 1
        line_start = m.end()
    return line, offset - line_start + 1


def _check_findings(text: str, findings: tuple[Finding, ...]) -> None:
    for f in findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        assert (f.line, f.column) == _line_col(text, f.start), f
        assert f.category in CATEGORIES and f.level in LEVELS, f
        assert f.rule_id and f.message, f
        assert all(isinstance(s, str) for s in f.suggestions), f
    assert list(findings) == sorted(findings, key=Finding.sort_key)


# --- spans ----------------------------------------------------------------------------


@SETTINGS
@given(text=documents(), profile=PROFILES)
def test_every_finding_points_at_its_text(engine, text, profile):
    result = engine.analyze(text, profile)
    _check_findings(text, result.findings)
    for start, end, _age in result.paragraph_grades:
        assert 0 <= start <= end <= len(text)


@settings(deadline=None, max_examples=200)
@given(text=st.text(alphabet=no_surrogates, max_size=300))
def test_any_text_without_surrogates_analyses(engine, text):
    result = engine.analyze(text)
    _check_findings(text, result.findings)
    assert result.readability.words >= 0
    result.to_dict()


@settings(deadline=None, max_examples=100)
@given(text=st.text(alphabet=st.characters(exclude_categories=()), max_size=120))
def test_no_unicode_input_raises(engine, text):
    """Every code point, lone surrogates too: a Python str from a clipboard or a Qt
    string can hold one, and the analysis must not raise on it."""
    result = engine.analyze(text)
    _check_findings(text, result.findings)


@pytest.mark.parametrize("text", [
    "😀 utilise", "👩🏽‍⚕️👩🏽‍⚕️ We will leverage it.", "שלום עולם leverage", "e\u0301\u0301 utilise",
    "\ufeffutilise", "a\x00b utilise", "line\r\nline\rline\n utilise", "\u2028utilise",
    "ﬁﬁ leverage", "İİ leverage", "\ud800 leverage", "leverage \udfff",
])
def test_offsets_after_wide_and_odd_characters(engine, text):
    result = engine.analyze(text)
    _check_findings(text, result.findings)
    word = "utilise" if "utilise" in text else "leverage"
    assert any(f.text.lower() == word and f.start == text.index(word)
               for f in result.findings), result.findings


# --- rewrites -------------------------------------------------------------------------


@SETTINGS
@given(text=documents(), data=st.data())
def test_applying_suggestions_changes_only_their_spans(engine, text, data):
    findings = [f for f in engine.analyze(text).findings if f.suggestions]
    assume(findings)
    chosen = data.draw(st.lists(st.sampled_from(findings), unique=True, max_size=8))
    choices = []
    last_end = -1
    for f in sorted(chosen, key=Finding.sort_key):
        if f.start >= last_end:  # a set of non-overlapping findings
            choices.append((f, data.draw(st.sampled_from(f.suggestions))))
            last_end = f.end
    new, edits = apply_suggestions(text, choices)
    assert len(edits) == len(choices)
    old_pos = new_pos = 0
    for f, replacement in choices:
        gap = text[old_pos : f.start]
        assert new[new_pos : new_pos + len(gap)] == gap
        new_pos += len(gap)
        assert new[new_pos : new_pos + len(replacement)] == replacement
        new_pos += len(replacement)
        old_pos = f.end
    assert new[new_pos:] == text[old_pos:]


# --- paragraphs are independent -------------------------------------------------------


def _key(f: Finding, shift: int = 0) -> tuple:
    return (f.start + shift, f.end + shift, f.rule_id, f.category, f.level, f.text,
            f.message, f.suggestions, f.note, f.source)


@SETTINGS
@given(pars=st.lists(paragraphs(), min_size=1, max_size=5), profile=PROFILES)
def test_paragraph_findings_do_not_depend_on_other_paragraphs(engine, pars, profile):
    """Analysing the whole text gives each paragraph's own findings (jargon, wordy,
    medical, misleading, passive, sentence) shifted by its offset. The one document-level
    rule: a medical term is not flagged after the text has explained it."""
    text = "\n\n".join(pars)
    whole = engine.analyze(text, profile)
    expected = []
    explained: dict[str, int] = {}
    offset = 0
    for par in pars:
        for f in engine.analyze(par, profile).findings:
            if f.category in PARAGRAPH_LOCAL:
                expected.append((f, offset))
        for start, end in paragraph_spans(par):  # as the analyser splits it
            for key, at in engine.matcher.match(par[start:end]).explained:
                explained.setdefault(key, at + start + offset)
        offset += len(par) + 2
    want = sorted(
        _key(f, shift) for f, shift in expected
        if not (f.category == "medical" and f.rule_id in explained
                and f.start + shift > explained[f.rule_id])
    )
    got = sorted(_key(f) for f in whole.findings if f.category in PARAGRAPH_LOCAL)
    assert got == want

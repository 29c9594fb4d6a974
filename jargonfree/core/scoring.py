"""The readability scores of a text without the checks: what `jargonfree score` prints.

The same numbers as `analyze(text, profile).readability` (a test compares them on texts of
every shape), computed from the same per-paragraph counts, but with no rules loaded and no
findings built: a one-sentence score then costs the interpreter's start, the imports, and
the few syllable and frequency look-ups its words need.
"""

from __future__ import annotations

import dataclasses

from jargonfree.core.frequency import jargon_percent
from jargonfree.core.model import Options, Readability
from jargonfree.core.profiles import get_profile
from jargonfree.core.readability import Counts, compute, count_paragraph
from jargonfree.core.text import Paragraph, analysis_spans, segment_paragraph, skip_spans


def readability_of(text: str, profile: str = "general",
                   options: Options | None = None) -> Readability:
    """Readability of `text` for the audience `profile`, as analyze() gives it."""
    prof = get_profile(profile)
    if options is not None and (thresholds := options.thresholds()):
        prof = dataclasses.replace(prof, **thresholds)
    total = Counts()
    jargon_weighted = 0.0
    for start, end in analysis_spans(text):
        par_text = text[start:end]
        par = Paragraph(0, len(par_text), par_text,
                        segment_paragraph(par_text, 0, skip_spans(par_text)))
        counts = count_paragraph(par)
        total = total + counts
        share = jargon_percent(par.word_texts())
        if share is not None:
            jargon_weighted += share * counts.words
    jargon = round(jargon_weighted / total.words, 1) if total.words else None
    return compute(total, prof, jargon)

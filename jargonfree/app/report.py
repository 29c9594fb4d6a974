"""A report to attach to a leaflet sign-off form or a bid: the scores, the target and
whether it is met, the findings with suggestions, and the text with its marks.

HTML, or an A4 PDF laid out by QTextDocument through QPdfWriter. The HTML keeps to the
subset QTextDocument renders, so the PDF and the HTML show the same report.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from jargonfree.app.cards import category_title
from jargonfree.app.styles import MARKS, SHADES, STYLES
from jargonfree.core.describe import (
    flesch_label,
    goal_words,
    nhs_band_words,
    reading_age_words,
    reading_time_words,
)
from jargonfree.core.emphasis import shaded_sentences
from jargonfree.core.model import Analysis, Finding
from jargonfree.core.profiles import get_profile

SEVERITY = {"sentence.long": 1, "sentence.hard": 2, "sentence.very_hard": 3}
VERY_HARD = "sentence.very_hard"
BAR = "\u258c"  # ▌, drawn before each hard or long sentence


def report_name(document: Path | None, when: dt.date, suffix: str) -> str:
    """A file name from the document's: "leaflet - plain English report 2026-11-26.pdf"."""
    stem = document.stem if document is not None else "Untitled"
    return f"{stem} - plain English report {when.isoformat()}{suffix}"


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def build_html(title: str, text: str, analysis: Analysis, *, when: dt.date | None = None,
               word_limit: int | None = None) -> str:
    """The whole report as one HTML page (UTF-8, no outside files)."""
    when = when or dt.date.today()
    r = analysis.readability
    profile = get_profile(r.profile)
    e = html.escape
    if r.meets_target is True:
        verdict = (f'<p class="ok" style="color:#1b7f3b"><b>&#10004; Meets the target</b>: '
                   f"{e(goal_words(r.target))}. UK reading age {reading_age_words(r)}.</p>")
    elif r.meets_target is False:
        verdict = (f'<p class="warn" style="color:#9a5b00"><b>&#9650; Does not meet the target'
                   f"</b>: {e(goal_words(r.target))}. UK reading age {reading_age_words(r)}.</p>")
    else:
        verdict = f"<p><b>Not enough text to tell</b> (target: {e(goal_words(r.target))}).</p>"
    words = f"{r.words:,}"
    if word_limit:
        over = r.words - word_limit
        words += f" of a {word_limit:,}-word limit" + (f" ({over:,} over)" if over > 0 else "")
    scores = [
        ("UK reading age", reading_age_words(r), "Flesch-Kincaid grade plus 5 years"),
        ("SMOG", f"reading age {reading_age_words(r, 'smog_reading_age')}"
         if r.smog_grade is not None
         else "–", nhs_band_words(r.nhs_band) if r.smog_grade is not None
         else r.notes.get("smog_grade", "needs at least 3 sentences")),
        ("Flesch reading ease", _num(r.flesch_reading_ease),
         f"{flesch_label(r.flesch_reading_ease)} (0-100, higher is easier)"),
        ("Jargon score", f"{_num(r.jargon_percent, 1)}%",
         "share of uncommon words; lower is plainer"),
        ("Words", words,
         f"{r.sentences:,} sentences; {reading_time_words(r.reading_time_seconds)}"),
        ("Other formulas", "", f"Gunning fog {_num(r.gunning_fog, 1)}, Coleman-Liau "
         f"{_num(r.coleman_liau, 1)}, ARI {_num(r.automated_readability_index, 1)}, "
         f"Dale-Chall {_num(r.dale_chall, 1)} (US grades)"),
    ]
    score_rows = "".join(f"<tr><td><b>{e(a)}</b></td><td>{e(b)}</td><td>{e(c)}</td></tr>"
                         for a, b, c in scores)
    counts: dict[str, int] = {}
    for f in analysis.findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    count_rows = "".join(f"<tr><td>{e(STYLES[c].label)}</td><td>{counts[c]}</td></tr>"
                         for c in STYLES if c in counts) or '<tr><td colspan="2">None</td></tr>'
    groups = group_findings(analysis.findings)
    numbered = {id(f): n for n, group in enumerate(groups, start=1) for f in group}
    rows = [_group_row(n, g) for n, g in enumerate(groups, start=1)]
    word_rows = "".join(r for r, g in zip(rows, groups, strict=True)
                        if g[0].category != "sentence")
    sentence_rows = "".join(r for r, g in zip(rows, groups, strict=True)
                            if g[0].category == "sentence")
    if not word_rows:
        word_rows = '<tr><td colspan="5">No words or phrases to change.</td></tr>'
    if not sentence_rows:
        sentence_rows = '<tr><td colspan="5">No hard or long sentences.</td></tr>'
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{e(title)}: plain English report</title>
<style>
body {{ font-family: sans-serif; font-size: 10pt; color: #1d1d1b; }}
h1 {{ font-size: 16pt; margin-bottom: 2pt; }}
h2 {{ font-size: 12pt; margin-top: 14pt; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #b9b9b4; padding: 3px; vertical-align: top; }}
th {{ background: #ecece8; text-align: left; }}
.meta {{ color: #555; }}
.text {{ white-space: pre-wrap; font-size: 10.5pt; line-height: 140%; }}
sup {{ color: #555; font-size: 7pt; }}
</style></head><body>
<h1>Plain English report: {e(title)}</h1>
<p class="meta">Checked with jargonfree on {when.day} {when:%B %Y}. Audience: {e(profile.label)}.
{e(profile.description)}</p>
{verdict}
<h2>Scores</h2>
<table width="100%" cellspacing="0" cellpadding="3">{score_rows}</table>
<h2>Highlights by kind</h2>
<table cellspacing="0" cellpadding="3"><tr><th>Kind</th><th>How many</th></tr>{count_rows}</table>
<h2>Words and phrases to change</h2>
<table width="100%" cellspacing="0" cellpadding="3">
<tr><th>#</th><th>Line</th><th>Kind</th><th>Text and suggestions</th><th>Why</th></tr>
{word_rows}</table>
<h2>Sentences to make easier</h2>
<table width="100%" cellspacing="0" cellpadding="3">
<tr><th>#</th><th>Line</th><th>Kind</th><th>Sentence</th><th>Why</th></tr>
{sentence_rows}</table>
<h2 style="page-break-before: always">The text</h2>
<p class="meta">{_legend()}</p>
<div class="text">{marked_text(text, analysis, numbered)}</div>
<p class="meta">Reading ages are estimates from readability formulas; test your text with
the people it is for. The word lists follow GOV.UK, the NHS and other public guides.</p>
</body></html>
"""


def group_findings(findings) -> list[list[Finding]]:
    """Rows of the report: one rule on the same words is one row, and a sentence that is
    both long and hard is one row; words and phrases first, then sentences."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        key = ((1, f.start, f.end) if f.category == "sentence"
               else (0, f.rule_id, f.text.lower()))
        groups.setdefault(key, []).append(f)
    return [groups[k] for k in sorted(groups, key=lambda k: k[0])]


def _group_row(n: int, group: list[Finding]) -> str:
    e = html.escape
    f = group[0]
    lines = ", ".join(dict.fromkeys(str(g.line) for g in group))
    if f.category == "sentence":
        words = f.text.split()
        shown = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        group = sorted(group, key=lambda g: -SEVERITY.get(g.rule_id, 0))
        kind = "; ".join(category_title(g) for g in group)
        why = "<br>".join(e(g.message) for g in group)
        return (f"<tr><td>{n}</td><td>{lines}</td><td>{e(kind)}</td>"
                f"<td><b>{e(shown)}</b></td><td>{why}</td></tr>")
    shown = f.text if len(f.text) <= 80 else f.text[:79] + "…"
    if len(group) > 1:
        shown += f" (×{len(group)})"
    suggestions = "".join(f"<br>&rarr; {e(s)}" for s in f.suggestions)
    why = e(f.message) + (f"<br><i>{e(f.note)}</i>" if f.note else "")
    if f.source:
        why += f'<br><span class="meta">Source: {e(f.source)}</span>'
    return (f"<tr><td>{n}</td><td>{lines}</td><td>{e(category_title(f))}</td>"
            f"<td><b>{e(shown)}</b>{suggestions}</td><td>{why}</td></tr>")


def _legend() -> str:
    parts = []
    for rule in ("sentence.very_hard", "sentence.hard", "sentence.long"):
        name = rule.split(".")[1].replace("_", " ")
        parts.append(f'<span style="color:{MARKS[rule][0]}">{BAR}</span> {name} sentence')
    parts.append(f'<span style="background-color:{SHADES[VERY_HARD][0]}">shaded: among the '
                 "hardest</span>")
    for category, style in STYLES.items():
        if category != "sentence":
            parts.append(f'<span style="color:{style.light}; text-decoration: underline">'
                         f"{html.escape(style.label.lower())}</span>")
    return "Marks: " + ", ".join(parts) + ". Small numbers point to the tables above."


def marked_text(text: str, analysis: Analysis, numbered: dict[int, int] | None = None) -> str:
    """The text as HTML: findings underlined in their colour, each followed by its number
    in the findings table; a coloured bar, with its number, before every hard, very hard
    or long sentence, and only the hardest very hard sentences shaded (as in the editor:
    core/emphasis.py), so the worst stand out. Overlaps are cut into segments, so spans
    never need to nest."""
    numbered = numbered or {}
    cuts = {0, len(text)}
    for f in analysis.findings:
        cuts.update((max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))))
    points = sorted(cuts)
    sentences = sorted((f for f in analysis.findings if f.category == "sentence"),
                       key=lambda f: f.start)
    words = sorted((f for f in analysis.findings if f.category != "sentence"),
                   key=lambda f: f.start)
    shaded = set(shaded_sentences(text, sentences))
    ends: dict[int, list[int]] = {}
    for f in words:
        if id(f) in numbered:
            ends.setdefault(f.end, []).append(numbered[id(f)])
    bars: dict[int, Finding] = {}  # the worst sentence finding starting at each point
    for f in sentences:
        held = bars.get(f.start)
        if held is None or SEVERITY.get(f.rule_id, 0) > SEVERITY.get(held.rule_id, 0):
            bars[f.start] = f
    out = []
    si = wi = 0
    active_s: list[Finding] = []
    active_w: list[Finding] = []
    for a, b in zip(points, points[1:], strict=False):
        while si < len(sentences) and sentences[si].start <= a:
            active_s.append(sentences[si])
            si += 1
        while wi < len(words) and words[wi].start <= a:
            active_w.append(words[wi])
            wi += 1
        active_s = [f for f in active_s if f.end > a]
        active_w = [f for f in active_w if f.end > a]
        if a in bars:
            out.append(_bar(bars[a], numbered.get(id(bars[a]))))
        style = []
        if any((f.start, f.end) in shaded for f in active_s):
            style.append(f"background-color:{SHADES[VERY_HARD][0]}")
        if active_w:
            c = STYLES[active_w[0].category].light
            style.append(f"color:{c}; text-decoration: underline")
        chunk = html.escape(text[a:b]).replace("\n", "<br>")
        out.append(f'<span style="{"; ".join(style)}">{chunk}</span>' if style else chunk)
        if b in ends:
            out.append("<sup>" + ",".join(str(n) for n in ends[b]) + "</sup>")
    return "".join(out)


def _bar(f: Finding, number: int | None) -> str:
    """The mark before a hard, very hard or long sentence: a bar in the editor's margin
    colour, then its number in the sentences table."""
    colour = MARKS.get(f.rule_id, MARKS["sentence.hard"])[0]
    label = f"<sup>{number}</sup>" if number is not None else ""
    return f'<span class="bar" style="color:{colour}">{BAR}</span>{label}'


def export_html(path: Path, html_text: str) -> str | None:
    """Write the report atomically (WriteError on failure)."""
    from jargonfree.formats import write_text_atomic

    return write_text_atomic(path, html_text)


def export_pdf(path: Path, html_text: str, title: str) -> None:
    """An A4 PDF of the report, with page numbers (OSError if it cannot be written)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(f"{title}: plain English report")
    writer.setCreator("jargonfree")
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # measure text at the PDF's resolution
    doc.setHtml(html_text)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(page.size()))
    doc.print_(writer)
    del writer  # closes the file
    if not tmp.exists() or tmp.stat().st_size == 0:
        raise OSError(f"{path.name}: the PDF could not be written there")
    tmp.replace(path)

"""A report to attach to a leaflet sign-off form or a bid: scores, target, findings with
suggestions, and the text with its highlights. HTML, or PDF through QPdfWriter."""

from __future__ import annotations

import html
import time
from pathlib import Path

from jargonfree.app.styles import STYLES, VERY_HARD, HARD
from jargonfree.core.describe import describe_readability
from jargonfree.core.model import Analysis
from jargonfree.core.profiles import get_profile


def build_html(title: str, text: str, analysis: Analysis) -> str:
    r = analysis.readability
    profile = get_profile(r.profile)
    rows = "".join(f"<li>{html.escape(line)}</li>" for line in describe_readability(r))
    findings = []
    for f in analysis.findings:
        if f.category == "sentence":
            continue
        sugg = "; ".join(f.suggestions) or "–"
        findings.append(
            f"<tr><td>{f.line}:{f.column}</td><td>{html.escape(STYLES[f.category].label)}</td>"
            f"<td><b>{html.escape(f.text)}</b></td><td>{html.escape(sugg)}</td>"
            f"<td>{html.escape(f.message)}</td></tr>"
        )
    marked = _marked_text(text, analysis)
    date = time.strftime("%d %B %Y")
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(title)}: readability report</title>
<style>
body {{ font-family: sans-serif; line-height: 1.4; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #bbb; padding: 3px 5px; vertical-align: top; font-size: 90%; }}
.text {{ white-space: pre-wrap; border: 1px solid #ccc; padding: 8px; }}
</style></head><body>
<h1>Readability report: {html.escape(title)}</h1>
<p>Made with jargonfree on {date}. Audience: {html.escape(profile.label)}
({html.escape(profile.description)})</p>
<h2>Scores</h2><ul>{rows}</ul>
<h2>Findings ({len(findings)} words and phrases)</h2>
<table><tr><th>Line</th><th>Kind</th><th>Text</th><th>Suggestions</th><th>Why</th></tr>
{''.join(findings)}</table>
<h2>The text</h2>
<p>Underlined: words to look at. Yellow: hard sentences. Pink: very hard sentences.</p>
<div class="text">{marked}</div>
</body></html>
"""


def _marked_text(text: str, analysis: Analysis) -> str:
    """The text as HTML with word findings underlined and hard sentences shaded."""
    marks: list[tuple[int, int, str]] = []
    for f in analysis.findings:
        if f.category == "sentence":
            if f.rule_id == "sentence.long":
                continue
            bg = VERY_HARD[0] if f.rule_id == "sentence.very_hard" else HARD[0]
            marks.append((f.start, f.end, f'<span style="background:{bg}">'))
        else:
            c = STYLES[f.category].light
            marks.append((f.start, f.end, f'<span style="text-decoration: underline; '
                                          f'color:{c}" title="{html.escape(f.message)}">'))
    events: dict[int, list[str]] = {}
    # Sentence spans open first and close last so word spans nest inside them.
    for s, e, tag in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        events.setdefault(s, []).append(tag)
        events.setdefault(e, []).insert(0, "</span>")
    out = []
    pos = 0
    open_count = 0
    for at in sorted(events):
        out.append(html.escape(text[pos:at]))
        for tag in events[at]:
            if tag == "</span>":
                if open_count:
                    out.append(tag)
                    open_count -= 1
            else:
                out.append(tag)
                open_count += 1
        pos = at
    out.append(html.escape(text[pos:]))
    out.append("</span>" * open_count)
    return "".join(out)


def export_html(path: Path, title: str, text: str, analysis: Analysis) -> None:
    from jargonfree.formats import write_text_atomic

    write_text_atomic(path, build_html(title, text, analysis))


def export_pdf(path: Path, title: str, text: str, analysis: Analysis) -> None:
    """A4 PDF of the same report (QTextDocument laid out by QPdfWriter)."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle(f"{title}: readability report")
    writer.setCreator("jargonfree")
    doc = QTextDocument()
    doc.setHtml(build_html(title, text, analysis))
    doc.print_(writer)

"""The report: valid HTML with the findings and the marked text; an A4 PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jargonfree import analyze
from jargonfree.app.report import (
    BAR,
    build_html,
    export_html,
    export_pdf,
    group_findings,
    marked_text,
    report_name,
)

from .fake_engine import fake_analyze

TEXT = ("We will utilise the new model of care across all of the services in the area.\n\n"
        "We leverage it. <b>not markup</b> & 😀 hypertension")
WHEN = dt.date(2026, 11, 26)


class Collector(HTMLParser):
    """Checks that tags nest properly and collects the visible text."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        self.styles += [v for k, v in attrs if k == "style"]

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collector:
    c = Collector()
    c.feed(page)
    c.close()
    return c


def test_html_report_is_well_formed_and_holds_the_findings():
    analysis = fake_analyze(TEXT)
    page = build_html("leaflet.txt", TEXT, analysis, when=WHEN, word_limit=10)
    c = parse(page)
    body = "".join(c.text)
    assert c.errors == [] and c.stack == []
    assert page.startswith("<!DOCTYPE html>") and 'charset="utf-8"' in page
    assert "Plain English report: leaflet.txt" in body
    assert "26 November 2026" in body
    for finding in analysis.findings:
        shown = " ".join(finding.text.split()[:12])  # long sentences are cut short
        assert shown in body
    assert "→ build on" in body and "→ high blood pressure" in body
    assert "<b>not markup</b> & 😀" in body  # the user's text is escaped, not markup
    assert "over)" in body  # 17 words against a limit of 10
    assert any("text-decoration: underline" in s for s in c.styles)
    assert any("background-color" in s for s in c.styles)


@pytest.mark.parametrize("meets, age, verdict", [
    (True, 12.0, "✔ Meets the target: reading age 9 to 11. UK reading age 12."),
    (False, 15.0, "▲ Does not meet the target: reading age 9 to 11. UK reading age 15."),
    (None, None, "Not enough text to tell (target: reading age 9 to 11)."),
])
def test_report_verdict_says_whether_the_target_is_met(meets, age, verdict):
    """The report's verdict follows meets_target, in the target's one wording."""
    analysis = fake_analyze(TEXT, "patient")
    r = dataclasses.replace(analysis.readability, meets_target=meets, reading_age=age)
    page = build_html("leaflet.txt", TEXT, dataclasses.replace(analysis, readability=r),
                      when=WHEN)
    body = " ".join("".join(parse(page).text).split())
    assert verdict in body
    others = {"Meets the target", "Does not meet the target", "Not enough text to tell"}
    assert [o for o in others if o in body] == [o for o in others if o in verdict]


def test_marked_text_cuts_overlaps_into_flat_spans():
    analysis = fake_analyze(TEXT)
    html_text = marked_text(TEXT, analysis)
    c = parse(f"<div>{html_text}</div>")
    assert c.errors == []
    # every character, once, in order (the bars before hard sentences aside)
    assert "".join(c.text).replace(BAR, "") == TEXT.replace("\n", "")


def test_pdf_report_is_a4_and_not_empty(qtbot, tmp_path):
    analysis = fake_analyze(TEXT)
    path = tmp_path / "report.pdf"
    export_pdf(path, build_html("leaflet.txt", TEXT, analysis, when=WHEN), "leaflet.txt")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1024
    assert b"/MediaBox [0 0 595" in data  # A4 is 595 x 842 points
    assert not list(tmp_path.glob(".*.tmp"))


def test_html_export_writes_utf8(tmp_path):
    path = tmp_path / "r.html"
    export_html(path, build_html("x", TEXT, fake_analyze(TEXT), when=WHEN))
    assert "😀" in path.read_text(encoding="utf-8")


def test_report_name_comes_from_the_document_and_the_date():
    assert report_name(Path("/a/leaflet v2.md"), WHEN, ".pdf") == \
        "leaflet v2 - plain English report 2026-11-26.pdf"
    assert report_name(None, WHEN, ".html") == "Untitled - plain English report 2026-11-26.html"


def test_report_says_over_21_for_a_capped_reading_age():
    a = fake_analyze("We utilise it.")
    r = dataclasses.replace(a.readability, reading_age=21.0, meets_target=False,
                            notes={"reading_age": "the text reads above reading age 21"})
    page = build_html("t", "We utilise it.", dataclasses.replace(a, readability=r))
    assert "UK reading age over 21 (university level)" in page


HARD = ("The integrated care system's strategic transformation programme, which was co-produced "
        "with stakeholders across the footprint, will leverage cross-organisational learning "
        "to operationalise sustainable improvements in population health outcomes. ")


def test_report_shades_only_the_hardest_sentences_and_marks_every_hard_one():
    # A wall of very hard sentences: the report used to shade all of it.
    text = "".join(HARD for _ in range(8)) + "\n\nWe will ring you. It will be soon."
    analysis = analyze(text, profile="general")
    sentences = [f for f in analysis.findings if f.category == "sentence"]
    assert sum(f.rule_id == "sentence.very_hard" for f in sentences) == 8
    groups = group_findings(sentences)  # a long and very hard sentence is one row
    numbered = {id(f): n for n, g in enumerate(groups, start=1) for f in g}
    page = marked_text(text, analysis, numbered)
    c = parse(f"<div>{page}</div>")
    assert c.errors == []
    shaded = re.findall(r'<span style="background-color:[^"]*">([^<]*)</span>', page)
    assert 0 < sum(len(t) for t in shaded) <= 0.2 * len(text)
    starts = {f.start for f in sentences}
    assert page.count(f">{BAR}</span>") == len(starts)  # one bar per marked sentence
    for n in numbered.values():
        assert f"<sup>{n}</sup>" in page
    assert "We will ring you." in "".join(c.text)

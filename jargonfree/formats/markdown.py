"""Markdown (.md): the words a reader sees, and where each one is in the file.

markdown-it-py finds the blocks (headings, paragraphs, list items, block quotes, code,
tables, HTML) and their lines; its inline tokens carry no positions, so the inline markup
(emphasis marks, code spans, links and their targets, images, autolinks, raw HTML,
footnote references, escapes, entities, bare web addresses) is found by our own small
scanner, formats/markdown_inline.py. The result, a MarkdownView, is the text that is
checked (one paragraph a block, a blank line between blocks, so a heading, a list item or
a table cell is its own sentence) and a map back to the file: a finding's offsets index
the file and its text is source[start:end]. This module is imported only when a .md file
is read; markdown-it is imported on first use, never on the path of a plain-text check.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from jargonfree.core.model import Analysis, Finding, Options
from jargonfree.core.text import LineIndex
from jargonfree.formats.markdown_inline import COPY, GAP, HARD, MARKUP, scan

_LINE_END_RE = re.compile(r"\r\n|\r|\n")
# Front matter: YAML between "---" lines (or "---" and "..."), TOML between "+++" lines,
# at the very start, its first line not blank (a rule, "---", then a blank line is a rule).
_FRONT_MATTER_RE = re.compile(
    r"\A(?:---[ \t]*\r?\n(?=\S)(?:.*?\r?\n)??(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*\r?\n(?=\S)(?:.*?\r?\n)??\+\+\+)[ \t]*(?:\r\n|\r|\n|\Z)", re.S)
_ATX_RE = re.compile(r"(#{1,6})(?:[ \t]+|$)")


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of the checked text: view[view_start:view_end] stands for
    source[src_start:src_end]; `kind` says whether it was copied or stands for markup."""

    view_start: int
    view_end: int
    src_start: int
    src_end: int
    kind: str


class MarkdownView:
    """The checked text of a Markdown file and the map from it back to the file."""

    def __init__(self, source: str, text: str, pieces: list[Piece],
                 labels: list[tuple[int, int]] | None = None) -> None:
        self.source = source
        self.text = text
        self.pieces = pieces
        self.labels = labels or []  # (start, end) in the file: words never rewritten
        self._label_starts = [a for a, _b in self.labels]
        self._spans = [p for p in pieces if p.view_end > p.view_start]
        self._starts = [p.view_start for p in self._spans]
        self._ends = [p.view_end for p in self._spans]
        self._marks = [p for p in pieces if p.kind in (MARKUP, HARD) and p.src_end > p.src_start]
        self._mark_starts = [p.src_start for p in self._marks]

    def source_start(self, v: int) -> int:
        """The file offset where text from view offset v starts."""
        if not self._spans:
            return 0
        i = max(0, bisect_right(self._starts, v) - 1)
        p = self._spans[i]
        if p.kind == COPY:
            return p.src_start + min(v - p.view_start, p.src_end - p.src_start)
        return p.src_start if v <= p.view_start else p.src_end

    def source_end(self, v: int) -> int:
        """The file offset where text up to view offset v (exclusive) ends."""
        if not self._spans:
            return 0
        i = min(len(self._spans) - 1, bisect_left(self._ends, v))
        p = self._spans[i]
        if p.kind == COPY:
            return p.src_start + max(0, v - p.view_start)
        return p.src_end if v >= p.view_end else p.src_start

    def crossed(self, start: int, end: int) -> str | None:
        """The worst markup inside source[start:end]: HARD, MARKUP or None."""
        worst = None
        marks = self._marks
        i = max(0, bisect_right(self._mark_starts, start) - 1)
        while i < len(marks) and marks[i].src_start < end:
            if marks[i].src_end > start:
                if marks[i].kind == HARD:
                    return HARD
                worst = MARKUP
            i += 1
        return worst

    def _in_label(self, start: int, end: int) -> bool:
        i = max(0, bisect_right(self._label_starts, start) - 1)
        return any(a < end and start < b for a, b in self.labels[i:i + 2])

    def to_source(self, analysis: Analysis) -> Analysis:
        """The analysis of the checked text with every offset moved into the file."""
        index = LineIndex(self.source)
        findings = []
        for f in analysis.findings:
            start, end = self.source_start(f.start), self.source_end(f.end)
            crossed = self.crossed(start, end)
            if crossed is None and self._in_label(start, end):
                crossed = MARKUP  # "[text][]": new words would no longer name the link
            if crossed == HARD and f.category != "sentence":
                continue  # words run across code, a link target or an address: not words
            line, column = index.line_col(start)
            findings.append(Finding(  # one new object, as core/analyze.py places them
                start, end, line, column, self.source[start:end], f.rule_id, f.category,
                f.level, f.message, f.suggestions if crossed is None else (), f.note,
                f.source))
        findings.sort(key=lambda f: (f.start, f.end, f.rule_id))
        grades = tuple((self.source_start(s), self.source_end(e), age)
                       for s, e, age in analysis.paragraph_grades)
        lines = tuple(index.line_col(s)[0] for s, _e, _age in grades)
        shaded = tuple((self.source_start(s), self.source_end(e)) for s, e in analysis.shaded)
        return replace(analysis, findings=tuple(findings), paragraph_grades=grades,
                       paragraph_lines=lines, shaded=shaded)


def analyze_markdown(analyzer, source: str, profile: str = "general",
                     options: Options | None = None, revision: int = 0, *,
                     prefill: bool = False) -> Analysis:
    """Check a Markdown text as its reader sees it; findings index `source`."""
    view = read_markdown(source)
    plain = replace(options or Options(), markup="text")  # the analyzer checks plain text
    if prefill:
        analyzer.prefill(view.text, profile, plain)
    return view.to_source(analyzer.analyze(view.text, profile, plain, revision))


@cache
def _parser():
    from markdown_it import MarkdownIt  # noqa: PLC0415 - only when a .md is read

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Only the blocks and the link definitions are used: the inline pass is ours.
    md.core.ruler.disable(["inline", "text_join"])
    return md


def read_markdown(source: str) -> MarkdownView:
    """Split a Markdown text into the blocks a reader sees; see the module's docstring."""
    masked = source.replace("\0", "\ufffd")
    front = _FRONT_MATTER_RE.match(masked)
    if front:  # YAML or TOML front matter: blank lines for the parser, never checked
        masked = re.sub(r"[^\r\n]", " ", masked[: front.end()]) + masked[front.end():]
    env: dict = {}
    tokens = _parser().parse(masked, env)
    refs = frozenset(env.get("references", {}))
    builder = _Builder(source, masked, refs)
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or tok.map is None:
            continue
        opener = tokens[i - 1].type if i else ""
        if opener == "heading_open":
            builder.heading(tok, tokens[i - 1])
        elif opener == "paragraph_open":
            builder.paragraph(tok)
        elif opener in ("th_open", "td_open"):
            builder.cell(tok)
    return MarkdownView(source, "".join(builder.parts), builder.pieces, builder.labels)


class _Builder:
    def __init__(self, source: str, masked: str, refs: frozenset[str]) -> None:
        self.source = source
        self.masked = masked
        self.refs = refs
        self.line_starts = [0] + [m.end() for m in _LINE_END_RE.finditer(masked)]
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.labels: list[tuple[int, int]] = []  # link words that name a definition
        self.pos = 0  # length of the view so far
        self._row: tuple[int, int] | None = None  # (line, offset) of the last table cell

    # --- lines ---------------------------------------------------------------------------
    def _line(self, n: int) -> tuple[int, int]:
        """(start, end) of line n without its line ending."""
        start = self.line_starts[n]
        end = self.line_starts[n + 1] if n + 1 < len(self.line_starts) else len(self.masked)
        m = _LINE_END_RE.search(self.masked, start, end)
        return start, m.start() if m else end

    def _content_lines(self, tok, first: int, count: int) -> list[tuple[int, int]] | None:
        """Where each line of an inline token's content is in the file (each content line
        is the end of its source line, after quote marks, list markers and indentation)."""
        out = []
        for n, content in zip(range(first, first + count), tok.content.split("\n"), strict=False):
            start, end = self._line(n)
            line = self.masked[start:end].rstrip()
            text = content.strip()
            if not text or not line.endswith(text):
                return None  # cannot be placed for certain: better unchecked than misplaced
            end = start + len(line)
            out.append((end - len(text), end))
        return out

    # --- blocks --------------------------------------------------------------------------
    def heading(self, tok, opener) -> None:
        if not tok.content.strip():
            return
        first = tok.map[0]
        if opener.markup.startswith("#"):
            start, end = self._line(first)
            m = _ATX_RE.search(self.masked, start, end)  # after any quote or list marks
            text = tok.content.strip()
            at = self.masked.find(text, m.end(), end) if m else -1
            if at < 0:
                return
            self._block([(at, at + len(text))], lead=(m.start(1), at))
            return
        lines = self._content_lines(tok, first, tok.map[1] - first)
        if lines:
            self._block(lines, lead="# ")  # setext: marked as a heading for the splitter

    def paragraph(self, tok) -> None:
        lines = self._content_lines(tok, tok.map[0], tok.map[1] - tok.map[0])
        if lines:
            self._block(lines)

    def cell(self, tok) -> None:
        start, end = self._line(tok.map[0])
        if self._row is None or self._row[0] != tok.map[0]:
            self._row = (tok.map[0], start)
        text = tok.content.strip()
        if not text:
            return
        pos = self._row[1]
        for wanted in (text.replace("|", "\\|"), text):
            at = self.masked.find(wanted, pos, end)
            if at >= 0:
                self._row = (tok.map[0], at + len(wanted))
                self._block([(at, at + len(wanted))])
                return

    def _block(self, lines: list[tuple[int, int]], lead: tuple[int, int] | str | None = None):
        at = lines[0][0]
        if self.pos:
            self._add("\n\n", at, at, GAP)
        if isinstance(lead, str):
            self._add(lead, at, at, GAP)
        elif lead is not None:
            self._copy(*lead)
        raw = "\n".join(self.masked[s:e] for s, e in lines)
        raw_starts = []
        n = 0
        for s, e in lines:
            raw_starts.append(n)
            n += e - s + 1

        def to_src(i: int) -> int:
            k = bisect_right(raw_starts, i) - 1
            return lines[k][0] + (i - raw_starts[k])

        def copy_raw(a: int, b: int) -> None:
            for k in range(max(0, bisect_right(raw_starts, a) - 1), len(lines)):
                s, e = lines[k]
                r0 = raw_starts[k]
                r1 = r0 + (e - s)
                if r0 >= b:
                    break
                if r1 < a:
                    continue
                self._copy(s + max(0, a - r0), s + min(r1, b) - r0)
                if a <= r1 < b and k + 1 < len(lines):  # the line break to the next line
                    nxt = lines[k + 1][0]
                    if self.masked[e:nxt].strip():  # a quote's ">" or the like
                        self._add("\n", e, nxt, MARKUP)
                    else:
                        self._copy(e, nxt)

        pos = 0
        drops, labels = scan(raw, self.refs)
        self.labels += [(to_src(a), to_src(b)) for a, b in labels]
        for a, b, kind, repl in drops:
            copy_raw(pos, a)
            self._add(repl, to_src(a), to_src(b), kind)
            pos = b
        copy_raw(pos, len(raw))

    # --- output --------------------------------------------------------------------------
    def _copy(self, s: int, e: int) -> None:
        if e <= s:
            return
        last = self.pieces[-1] if self.pieces else None
        if last and last.kind == COPY and last.src_end == s and last.view_end == self.pos:
            self.pieces[-1] = Piece(last.view_start, self.pos + e - s, last.src_start, e, COPY)
        else:
            self.pieces.append(Piece(self.pos, self.pos + e - s, s, e, COPY))
        self.parts.append(self.source[s:e])
        self.pos += e - s

    def _add(self, text: str, s: int, e: int, kind: str) -> None:
        self.pieces.append(Piece(self.pos, self.pos + len(text), s, e, kind))
        self.parts.append(text)
        self.pos += len(text)


__all__ = ["MarkdownView", "analyze_markdown", "read_markdown"]

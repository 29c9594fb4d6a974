"""Markdown (.md): the words a reader sees, and where each one is in the file.

markdown-it-py finds the blocks (headings, paragraphs, list items, block quotes, code,
tables, HTML) and their lines; its inline tokens carry no positions, so the inline markup
(emphasis marks, code spans, links and their targets, images, autolinks, raw HTML,
footnote references, escapes, entities, bare web addresses) is found by the small scanner
here. The result, a MarkdownView, is the text that is checked (one paragraph a block, a
blank line between blocks, so a heading, a list item or a table cell is its own sentence)
and a map back to the file: a finding's offsets index the file and its text is
source[start:end]. This module is imported only when a .md file is read; markdown-it is
imported on first use, never on the path of a plain-text check.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache

from jargonfree.core.model import Analysis, Finding, Options
from jargonfree.core.text import LineIndex

# What a dropped piece of the file was. A finding over words that run across "hard" markup
# (code, a link target, a web address, HTML) is not made, except a sentence's; across
# "markup" (emphasis marks, a link's brackets, a quote's ">") it is made without
# suggestions, since pasting one over the words would lose the marks; an entity ("char")
# is a character like any other.
COPY, CHAR, MARKUP, HARD, GAP = "copy", "char", "markup", "hard", "gap"
LABEL = "label"  # link words that are also the name of the link's definition

_LINE_END_RE = re.compile(r"\r\n|\r|\n")
# Front matter: YAML between "---" lines (or "---" and "..."), TOML between "+++" lines,
# at the very start, its first line not blank (a rule, "---", then a blank line is a rule).
_FRONT_MATTER_RE = re.compile(
    r"\A(?:---[ \t]*\r?\n(?=\S)(?:.*?\r?\n)??(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*\r?\n(?=\S)(?:.*?\r?\n)??\+\+\+)[ \t]*(?:\r\n|\r|\n|\Z)", re.S)
_SPECIAL_RE = re.compile(r"[\\`<!\[\]*_~&]|(?<![\w/.@-])(?:https?://|www\.)")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK_RE = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>")
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_HTML_RE = re.compile(
    r"<(?P<tag>[A-Za-z][A-Za-z0-9-]*)" + _ATTRIBUTE + r"*\s*/?>"
    r"|</(?P<close>[A-Za-z][A-Za-z0-9-]*)\s*>"
    r"|<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>", re.S)
# Tags inside a word ("H<sub>2</sub>O"): dropped without a space, so the word stays one.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
    "sub sup time u var".split())
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>]*")
_URL_TAIL = ".,:;!?'\")]*_~"
_FOOTNOTE_DEF_RE = re.compile(r"\[\^[^\]\s]+\]:[ \t]*")
_TASK_RE = re.compile(r"\[[ xX]\](?:[ \t]+|$)")
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

    def to_source(self, analysis: Analysis) -> Analysis:
        """The analysis of the checked text with every offset moved into the file."""
        index = LineIndex(self.source)
        findings = []
        for f in analysis.findings:
            start, end = self.source_start(f.start), self.source_end(f.end)
            crossed = self.crossed(start, end)
            if crossed is None and any(a < end and start < b for a, b in self.labels):
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


def _normalize_label(label: str) -> str:
    from markdown_it.common.utils import normalizeReference  # noqa: PLC0415

    return normalizeReference(label)


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
            for k, (s, e) in enumerate(lines):
                r0 = raw_starts[k]
                r1 = r0 + (e - s)
                if r1 < a or r0 >= b:
                    continue
                self._copy(s + max(0, a - r0), s + min(r1, b) - r0)
                if a <= r1 < b and k + 1 < len(lines):  # the line break to the next line
                    nxt = lines[k + 1][0]
                    if self.masked[e:nxt].strip():  # a quote's ">" or the like
                        self._add("\n", e, nxt, MARKUP)
                    else:
                        self._copy(e, nxt)

        pos = 0
        drops, labels = _scan(raw, self.refs)
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


# --- the inline scanner -----------------------------------------------------------------


def _is_punct(c: str) -> bool:
    return c in _ASCII_PUNCT or unicodedata.category(c)[0] in "PS"


def _emphasis(raw: str, a: int, b: int) -> bool:
    """Whether the run raw[a:b] of * _ or ~ can open or close emphasis (CommonMark's
    flanking rules); "2 * 3" and snake_case are left as they are."""
    char = raw[a]
    if char == "~" and b - a != 2:
        return False
    before = raw[a - 1] if a else " "
    after = raw[b] if b < len(raw) else " "
    left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
    if char == "_":
        return (left and (not right or _is_punct(before))) or (
            right and (not left or _is_punct(after)))
    return left or right


# How far the scanner looks for the end of a link's target or an HTML comment: enough for
# any real one, and a block full of unclosed "](" or "<!--" stays linear, never a hang.
LOOK_AHEAD = 4000
LINK_TARGET_MAX = 1000  # a link's target and title, in characters


_BRACKET_RE = re.compile(r"\\.|[`\[\]]", re.S)  # an escape (skipped), a backtick, a bracket


class _Spans:
    """Where a block's code spans end and which "[" each "]" closes, each found in one
    pass (a backtick run with no closer, or a stray bracket, costs no search of its own)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._no_closer: dict[int, int] = {}  # run length -> no closing run after this
        self._brackets: dict[int, int] | None = None

    def code_end(self, a: int) -> tuple[int, int]:
        """For a run of backticks at a: (end of the run, end of the code span or -1)."""
        raw = self.raw
        b = a
        while b < len(raw) and raw[b] == "`":
            b += 1
        k = b - a
        if self._no_closer.get(k, len(raw)) <= a:
            return b, -1
        closer = re.compile(r"(?<!`)" + "`" * k + r"(?!`)").search(raw, b)
        if closer is None:
            self._no_closer[k] = a
            return b, -1
        return b, closer.end()

    def bracket_end(self, a: int) -> int:
        """The "]" that closes the "[" at a (escapes and code spans skipped), or -1."""
        if self._brackets is None:
            self._brackets = {}
            raw, stack, i = self.raw, [], 0
            while (m := _BRACKET_RE.search(raw, i)) is not None:
                c, i = m.group(), m.end()
                if c == "`":
                    run_end, code_end = self.code_end(m.start())
                    i = code_end if code_end > 0 else run_end
                elif c == "[":
                    stack.append(m.start())
                elif c == "]" and stack:
                    self._brackets[stack.pop()] = m.start()
        return self._brackets.get(a, -1)


_PAREN_RE = re.compile(r"""\\.|[()"']""", re.S)


def _paren_end(raw: str, a: int) -> int:
    """The ")" that closes the link destination and title opened at raw[a] == "(", or -1."""
    limit = min(len(raw), a + LINK_TARGET_MAX)
    if raw.find(")", a, limit) < 0:
        return -1
    depth, quote = 0, ""
    for m in _PAREN_RE.finditer(raw, a, limit):
        c = m.group()
        if len(c) == 2:  # an escaped character
            continue
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            if raw[m.start() - 1].isspace():
                quote = c
        elif c == "(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def _link(spans: _Spans, a: int, refs: frozenset[str]) -> tuple[int, int, str] | None:
    """A link or image whose "[" is at a: (its "]", the end of its target, the target's
    kind: LABEL when the words are also the name of the link's definition, "[text][]"
    or "[text]"), or None when the brackets are plain text."""
    raw = spans.raw
    close = spans.bracket_end(a)
    if close < 0:
        return None
    nxt = raw[close + 1] if close + 1 < len(raw) else ""
    if nxt == "(":
        end = _paren_end(raw, close + 1)
        if end > 0:
            return close, end + 1, HARD
    if nxt == "[":
        label_end = raw.find("]", close + 2, close + 2 + LOOK_AHEAD)
        if label_end > 0:
            label = raw[close + 2 : label_end] or raw[a + 1 : close]
            if _normalize_label(label) in refs:
                return close, label_end + 1, LABEL if label_end == close + 2 else HARD
    if refs and _normalize_label(raw[a + 1 : close]) in refs:
        return close, close + 1, LABEL
    return None


def _scan(raw: str, refs: frozenset[str]) -> tuple[list[tuple[int, int, str, str]],
                                                   list[tuple[int, int]]]:
    """The inline markup of one block's text, (start, end, kind, replacement) in order,
    and the (start, end) of link words that name their link's definition."""
    drops: list[tuple[int, int, str, str]] = []
    closers: dict[int, tuple[int, str]] = {}  # a link's "]" -> (end of its target, kind)
    spans = _Spans(raw)
    labels: list[tuple[int, int]] = []
    i, n = 0, len(raw)
    for pattern in (_FOOTNOTE_DEF_RE, _TASK_RE):  # "[^1]: ..." and "[ ] " at the start
        m = pattern.match(raw, i)
        if m:
            drops.append((i, m.end(), HARD if pattern is _FOOTNOTE_DEF_RE else MARKUP, ""))
            i = m.end()
    while True:
        m = _SPECIAL_RE.search(raw, i)
        if not m:
            break
        j = m.start()
        c = raw[j]
        if j in closers:
            end, kind = closers.pop(j)
            drops.append((j, end, kind, ""))
            i = end
        elif c == "\\":
            if j + 1 < n and (raw[j + 1] in _ASCII_PUNCT or raw[j + 1] == "\n"):
                drops.append((j, j + 1, MARKUP, ""))
                i = j + 2
            else:
                i = j + 1
        elif c == "`":
            run_end, code_end = spans.code_end(j)
            if code_end > 0:
                drops.append((j, code_end, HARD, ""))
                i = code_end
            else:
                i = run_end
        elif c == "<":
            m2 = _AUTOLINK_RE.match(raw, j) or _HTML_RE.match(raw, j, j + LOOK_AHEAD)
            if m2:
                tag = m2.group("tag") or m2.group("close") if m2.re is _HTML_RE else None
                glue = tag is not None and tag.lower() in _INLINE_TAGS
                drops.append((j, m2.end(), HARD, "" if glue else " "))
                i = m2.end()
            else:
                i = j + 1
        elif c in "![":
            opener = j + 1 if c == "!" else j
            if c == "!" and not raw.startswith("[", opener):
                i = j + 1
                continue
            if raw.startswith("[^", opener):  # a footnote reference
                close = raw.find("]", opener, opener + 200)
                if close > opener + 2 and not any(ch.isspace() for ch in raw[opener:close]):
                    drops.append((j, close + 1, HARD, ""))
                    i = close + 1
                    continue
            found = _link(spans, opener, refs)
            if found:
                close, end, kind = found
                drops.append((j, opener + 1, MARKUP, ""))
                if kind == LABEL:  # rewriting the words would unhook the link
                    labels.append((opener + 1, close))
                    kind = MARKUP if end == close + 1 else HARD
                closers[close] = (end, kind)
            i = opener + 1
        elif c == "]":
            i = j + 1
        elif c in "*_~":
            b = j
            while b < n and raw[b] == c:
                b += 1
            if _emphasis(raw, j, b):
                drops.append((j, b, MARKUP, ""))
            i = b
        elif c == "&":
            m2 = _ENTITY_RE.match(raw, j)
            if m2 and (char := html.unescape(m2.group())) != m2.group():
                drops.append((j, m2.end(), CHAR, char))
                i = m2.end()
            else:
                i = j + 1
        else:  # a bare web address
            m2 = _URL_RE.match(raw, j)
            end = m2.end()
            while end > j and raw[end - 1] in _URL_TAIL:
                end -= 1
            drops.append((j, end, HARD, ""))
            i = max(end, j + 1)
    return drops, labels


__all__ = ["MarkdownView", "analyze_markdown", "read_markdown"]

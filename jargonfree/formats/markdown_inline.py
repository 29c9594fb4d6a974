"""The inline markup of one Markdown block, found by our own scanner (markdown-it's
inline tokens carry no positions in the file): code spans, links and images (their
targets), autolinks, raw HTML, footnote marks, escapes, entities, bare web addresses and
emphasis marks, each with what it stands for in the checked text. Used by
formats/markdown.py.
"""

from __future__ import annotations

import html
import re
import unicodedata

# What a dropped piece of the file was. A finding over words that run across "hard" markup
# (code, a link target, a web address, HTML) is not made, except a sentence's; across
# "markup" (emphasis marks, a link's brackets, a quote's ">") it is made without
# suggestions, since pasting one over the words would lose the marks; an entity ("char")
# is a character like any other.
COPY, CHAR, MARKUP, HARD, GAP = "copy", "char", "markup", "hard", "gap"
LABEL = "label"  # link words that are also the name of the link's definition

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


def _normalize_label(label: str) -> str:
    from markdown_it.common.utils import normalizeReference  # noqa: PLC0415

    return normalizeReference(label)


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


def scan(raw: str, refs: frozenset[str]) -> tuple[list[tuple[int, int, str, str]],
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

"""Split text into paragraphs, sentences and words, with code-point offsets.

The counting rules (docs/ARCHITECTURE.md, "Counting"; docs/READABILITY.md) are ours, so they are
written out here rather than left to a tokenizer: a word is a run of letters or digits
with inner hyphens and apostrophes; numbers (1,250.50) are one word; a sentence ends at
. ! ? or … (not inside e.g., i.e., Dr., p.m., decimals or money), at the end of a list
item or heading (a list written on one line, "1) ... 2) ...", too), and at a blank line;
a line break inside wrapped prose does not end a sentence. After an abbreviation, whether
a full stop ends the sentence depends on its kind and on the next word (`_continues`).
Markdown link targets and bare URLs are not words. The English golden rules of the
Pragmatic Segmenter are the test (tests/core/test_golden_rules.py).

This is the one splitter: the readability counts, the sentence checks (the editor's
sentence highlights) and the per-paragraph chart all read its sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

WORD_RE = re.compile(
    r"\d+(?:[.,]\d+)+"  # 1,250.50 is one word
    r"|[^\W\d_](?:\.[^\W\d_])+\.?"  # e.g. p.m. U.K. are one word each
    r"|[^\W_]+(?:['’\-‐‑][^\W_]+)*"
)
BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A list item's marker at the start of a line: a bullet ("- ", "• "), a number or a letter
# ("1. ", "2) ", "1.) ", "a. "), or a bullet and a number ("• 9. ", "⁃10. ").
LIST_ITEM_RE = re.compile(
    r"[ \t]*(?:(?P<bullet>[-*+•▪◦‣⁃–])(?:[ \t]*(?P<bnum>\d{1,3})(?P<bpunct>\.\)|[.)]))?"
    r"|(?P<num>\d{1,3}|[a-zA-Z])(?P<punct>\.\)|[.)]))[ \t]+"
)
INLINE_BULLETS = "•▪◦‣⁃"  # bullets that are never a dash or emphasis inside a line
HEADING_RE = re.compile(r"[ \t]*#{1,6}[ \t]")
SKIP_RE = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|\S+@\S+\.\w+")
# A full stop, ! ? or … (with closing quotes/brackets) followed by space or the end.
END_RE = re.compile(r"[.!?…]+['’\"”)\]]*(?=\s|$)")
# ". . ." with spaces between the dots (the formal ellipsis) marks words left out inside a
# sentence: it never ends one. A full stop written before or after it still does.
SPACED_ELLIPSIS_RE = re.compile(r"(?<!\S)\.(?: \.){2}(?=[\s'’\"”)\]]|$)")
# What follows a full stop: opening quotes and brackets, then the next word or character.
NEXT_RE = re.compile(r"[\s\"'“‘(\[]*(?:([^\W_][\w'’]*)|(\S))?")
# Abbreviations whose full stop never ends a sentence: titles before a name, and Latin
# abbreviations that always lead on ("e.g. aspirin"). All in capitals, a title is an
# acronym ("I have MS. It...") unless the next word is in capitals too.
NEVER_END = frozenset(
    """e.g eg i.e ie viz cf vs v dr mr mrs ms mx prof rev hon gen col lt sgt capt mt fr""".split()
)
# Abbreviations that end a sentence when a capitalised word follows ("...and co. They
# should know.", "Acme Ltd. It closed."), but not before a small letter or a number
# ("approx. 5 mg", "p. 55").
ENDS_BEFORE_CAPITAL = frozenset(
    """etc al approx est dept inc ltd co corp plc bros jr sr fig figs vol pp ref tel ext
    min max sq jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun""".split()
)
# Abbreviations that often come before a name ("U.S. Government", "J. Smith", "St.
# Michael's"): they end a sentence only before a word that usually starts one ("...in the
# U.S. How about you?").
BEFORE_NAMES = frozenset("st no nos".split())
# Times end a sentence before a capitalised word ("at 9am. Volunteers help..."), unless it
# is a day, a month, a title or a time zone ("9 a.m. Monday to Friday", "a.m. Mr. Smith").
TIMES = frozenset("a.m p.m am pm".split())
NOT_AFTER_TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december gmt bst utc""".split()
) | NEVER_END | ENDS_BEFORE_CAPITAL
ABBREVIATIONS = NEVER_END | ENDS_BEFORE_CAPITAL | BEFORE_NAMES | TIMES
# Words that start sentences far more often than they start a name: pronouns, articles,
# question words, linking words, auxiliaries and the commands of patient leaflets.
SENTENCE_STARTERS = frozenset(
    """i you he she it we they me him her us them my your his its our their this that these
    those there here a an the some any all each every no none many most much more few both
    either neither another other such one two three what when where which who whom whose
    why how if unless until while whilst although though because since as so but and or
    nor yet then now also however still instead meanwhile therefore thus hence finally
    first next later today tomorrow yesterday after before during in on at for from with
    by of to about without within between among through under over please do does did
    don't doesn't didn't is isn't are aren't was wasn't were weren't has hasn't have
    haven't had hadn't can can't could couldn't will won't would wouldn't should shouldn't
    may might must shall not never always often sometimes usually only even just let
    let's take call ask tell bring keep make see go come try use speak contact visit read
    check find get give stop avoid remember note follow being yes""".split()
)
SHORT_LINE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: tuple[tuple[int, int], ...]  # (start, end) of each word, document offsets


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]

    def word_texts(self) -> list[str]:
        base = self.start
        return [self.text[s - base : e - base] for sent in self.sentences for s, e in sent.words]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, trimmed of outer space."""
    spans = []
    pos = 0
    for m in BLANK_LINE_RE.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((s + lead, s + lead + len(stripped)))
    return out


# A paragraph longer than this (about 3,000 words: in practice a text with no blank lines,
# such as one paragraph a line) is checked in pieces cut at line breaks that end a
# sentence, so that it can be shared between processor cores and an edit re-checks one
# piece, not all of it. Only at line breaks: some checks read the whole paragraph (a word
# capitalised mid-sentence anywhere in it is a name), and a line is where such a text's
# paragraphs end; a long paragraph with no such line break stays whole.
PIECE_CHARS = 20_000
_CUT_AT_LINE_RE = re.compile(r"([.!?:][\"'’”)\]]*)[ \t]*\n\s*")  # group 1 ends the piece


def analysis_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs of `text` (paragraph_spans), a very long one cut into pieces of at
    least PIECE_CHARS at line breaks that end a sentence: the units that are checked,
    scored and cached."""
    out = []
    for start, end in paragraph_spans(text):
        while end - start > PIECE_CHARS * 3 // 2:
            m = _CUT_AT_LINE_RE.search(text, start + PIECE_CHARS, min(end, start + 2 * PIECE_CHARS))
            if m is None or m.end() >= end:
                break
            out.append((start, m.end(1)))
            start = m.end()
        out.append((start, end))
    return out


def _continues(text: str, m: re.Match[str]) -> bool:
    """Does the sentence go on after this full stop, ! or ? (a match of END_RE)?

    The rules, with the Pragmatic Segmenter's golden rules as their test: a stop inside
    quotes or brackets, and a ! or ?, end a sentence unless a small letter follows ("'It is
    great.' she said", "Yahoo! in"); an ellipsis ends one before a capital, never inside
    square brackets ("[...]"); a full stop after an abbreviation ends one as the
    abbreviation's kind says (NEVER_END, ENDS_BEFORE_CAPITAL, TIMES, BEFORE_NAMES); after an
    acronym (NHS., A&E., MS.) or any other word, it ends one.
    """
    group = m.group()
    after = NEXT_RE.match(text, m.end())
    word = after.group(1)
    small_next = bool(word) and word[0].islower()
    if group[0] == "…" or group.startswith(".."):
        return small_next or (m.start() > 0 and text[m.start() - 1] == "[")
    if group != ".":
        return small_next  # "!", "?", "?!", or a stop before a closing quote or bracket
    dot = m.start()
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in ".°º"):
        start -= 1
    raw = text[start:dot].lstrip(".")
    if not raw:
        return False  # after a number, a symbol or a space
    if len(raw) == 1 and start >= 2 and text[start - 1] in "&/+" and text[start - 2].isalnum():
        return False  # the end of an acronym written with a symbol: A&E. Q&A.
    letters = raw.replace(".", "")
    if (len(letters) > 1 and letters.isupper() and "." not in raw
            and not (word and (word.isupper() or word[0].isdigit()))):
        return False  # an acronym, though it looks like a title or an abbreviation: MS. CO.
    token = raw.lower().replace("°", "o").replace("º", "o")
    if token in NEVER_END:
        return True
    capital_next = bool(word) and word[0].isupper()
    if token in ENDS_BEFORE_CAPITAL:
        return not capital_next
    if token in TIMES:
        return not capital_next or word.lower().rstrip(".") in NOT_AFTER_TIME
    if token in BEFORE_NAMES or len(token) == 1 or _DOTTED_RE.fullmatch(token):
        return not (capital_next and _starts_sentences(word))
    return False


def _starts_sentences(word: str) -> bool:
    """Is this a word that usually starts a sentence (It, It's, Please), not a name?"""
    lw = word.lower().replace("’", "'")
    return lw in SENTENCE_STARTERS or lw.split("'")[0] in SENTENCE_STARTERS


_DOTTED_RE = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")  # u.s, e.u, ph.d, u.s.a (not a web name)


def _line_breaks(text: str) -> list[int]:
    """Offsets (exclusive ends) where a line ends a sentence: list items, headings, titles."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    breaks = []
    for i, (_s, e, line) in enumerate(lines):
        if i + 1 >= len(lines):
            break
        nxt = lines[i + 1][2]
        stripped = line.strip()
        if not stripped:
            continue
        if LIST_ITEM_RE.match(line) or HEADING_RE.match(line):
            breaks.append(e)
            continue
        if LIST_ITEM_RE.match(nxt) or HEADING_RE.match(nxt):
            breaks.append(e)
            continue
        # A short line without end punctuation, followed by a capitalised line, is a title or
        # heading: as the first line, or after a line that ended a sentence ("...early.\n
        # What to bring\nBring your letter."). A last word such as "with" or "the" says the
        # line is wrapped prose ("We met with\nDr Patel").
        words = WORD_RE.findall(stripped)
        prev = lines[i - 1][2].rstrip() if i else ""
        if (
            words
            and len(words) <= SHORT_LINE_WORDS
            and stripped[-1] not in ",;:-–—(&/"
            and nxt.lstrip()[:1].isupper()
            and (i == 0 or prev[-1:] in (".", "!", "?", ":", '"', "”", ")"))
            and words[-1].lower()
            not in {
                "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by",
                "for", "with", "from", "as", "into", "is", "are", "was", "were", "be", "been",
                "that", "which", "who", "your", "our", "their", "my", "his", "her", "its",
                "this", "these", "those", "if", "than", "so", "will", "can", "may", "should",
                "would", "could", "must", "has", "have", "had", "not", "very", "about",
            }
        ):
            breaks.append(e)
    return breaks


def _inline_items(text: str, m: re.Match[str], end: int) -> list[tuple[int, int]]:
    """Markers of the next items of a list written on one line, after the line's first
    marker `m`: "1.) The first item 2.) The second item", "a. ... b. ...", "• ... • ...".

    Only the next number or letter in turn counts ("2." after "1.", "b." after "a."), so a
    number in the item's own words ("take 3 tablets") is not taken for a marker.
    """
    g = m.groupdict()
    if g["num"] and g["num"].isalpha() and g["num"] not in "aA":
        return []  # a lettered list starts at a; "I. Introduction" is a heading's number
    if g["num"]:
        value, punct, bullet = g["num"], g["punct"], ""
    elif g["bnum"]:
        value, punct, bullet = g["bnum"], g["bpunct"], g["bullet"]
    elif g["bullet"] in INLINE_BULLETS:
        value, punct, bullet = "", "", g["bullet"]
    else:
        return []
    out = []
    pos = m.end()
    while True:
        if value:
            value = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
            if not value.isalnum():
                break
        marker = (re.escape(bullet) + r"[ \t]*" if bullet else "") + re.escape(value + punct)
        found = re.compile(r"(?<=[ \t])" + marker + r"[ \t]+(?=\S)").search(text, pos, end)
        if not found:
            break
        out.append(found.span())
        pos = found.end()
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one paragraph's text."""
    cuts = set(_line_breaks(text)) if "\n" in text else set()
    # List markers and heading marks ("1. ", "- ", "## ", and the markers of a list written
    # on one line) are not sentences and not words: their full stops do not end a
    # sentence, and sentences start after them.
    marks: dict[int, int] = {}
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        m = LIST_ITEM_RE.match(text, line_start) or HEADING_RE.match(text, line_start)
        if m and m.end() <= line_end:
            marks[m.start() + len(m.group()) - len(m.group().lstrip())] = m.end()
            if m.re is LIST_ITEM_RE:
                for a, b in _inline_items(text, m, line_end):
                    marks[a] = b
                    cuts.add(a)
        line_start = line_end + 1
    mark_starts = sorted(marks)
    ellipsis_dots: set[int] = set()
    if ". ." in text:
        for e in SPACED_ELLIPSIS_RE.finditer(text):
            ellipsis_dots.update(range(e.start(), e.end()))
    for m in END_RE.finditer(text):
        dot = m.start()
        if mark_starts:
            i = bisect_right(mark_starts, dot) - 1
            if i >= 0 and dot < marks[mark_starts[i]]:
                continue
        if dot in ellipsis_dots or _continues(text, m):
            continue
        cuts.add(m.end())
    cuts.add(len(text))
    spans = []
    pos = 0
    for cut in sorted(cuts):
        chunk = text[pos:cut]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            start, end = pos + lead, pos + lead + len(chunk.strip())
            if start in marks and marks[start] < end:
                start = marks[start]
            spans.append((start, end))
        pos = cut
    # A "sentence" with no words (a stray bullet or "...") joins its neighbour.
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if not WORD_RE.search(text, s, e) and merged:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _words(text: str, start: int, end: int, skips: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for m in WORD_RE.finditer(text, start, end):
        s, e = m.span()
        if skips and any(a <= s < b for a, b in skips):
            continue
        out.append((s, e))
    return out


def skip_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts that are not words: link targets, web and e-mail addresses."""
    if "(" in text or "/" in text or "@" in text:
        return [m.span() for m in SKIP_RE.finditer(text)]
    return []


def segment_paragraph(
    text: str, offset: int = 0, skips: list[tuple[int, int]] | None = None
) -> tuple[Sentence, ...]:
    """Sentences of one paragraph; offsets are shifted by `offset`. `skips` are
    skip_spans(text) when the caller has them already."""
    if skips is None:
        skips = skip_spans(text)
    sentences = []
    for s, e in sentence_spans(text):
        words = _words(text, s, e, skips)
        if not words:
            continue
        sentences.append(
            Sentence(s + offset, e + offset, tuple((a + offset, b + offset) for a, b in words))
        )
    return tuple(sentences)


def segment(text: str) -> list[Paragraph]:
    """Paragraphs of a document, each with its sentences and words."""
    out = []
    for s, e in paragraph_spans(text):
        chunk = text[s:e]
        out.append(Paragraph(s, e, chunk, segment_paragraph(chunk, s)))
    return out


class LineIndex:
    """Turn code-point offsets into 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


def is_heading_or_label(paragraph: str) -> bool:
    """A paragraph that is a heading or a label, not prose: a Markdown heading, or one
    short line that does not end like a sentence ("Introduction", "Contact details:").
    Its reading age would be meaningless (one long word scores as reading age 40 and
    more), so it is not scored as a paragraph."""
    stripped = paragraph.strip()
    if not stripped or "\n" in stripped:
        return False
    if HEADING_RE.match(stripped):
        return True
    words = WORD_RE.findall(stripped)
    return bool(words) and len(words) <= SHORT_LINE_WORDS and stripped[-1] not in ".!?"

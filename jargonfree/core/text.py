"""Split text into paragraphs, sentences and words, with code-point offsets.

The counting rules (DESIGN.md, "Counting") are ours, so they are written out here
rather than left to a tokenizer: a word is a run of letters or digits with inner
hyphens and apostrophes; numbers (1,250.50) are one word; a sentence ends at
. ! ? (not inside e.g., i.e., Dr., p.m., decimals or money), at the end of a list
item or heading, and at a blank line; a line break inside wrapped prose does not
end a sentence. Markdown link targets and bare URLs are not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_RE = re.compile(
    r"\d+(?:[.,]\d+)+"  # 1,250.50 is one word
    r"|[^\W\d_](?:\.[^\W\d_])+\.?"  # e.g. p.m. U.K. are one word each
    r"|[^\W_]+(?:['’\-‐‑][^\W_]+)*"
)
BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*+•▪–]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+")
HEADING_RE = re.compile(r"[ \t]*#{1,6}[ \t]")
SKIP_RE = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|\S+@\S+\.\w+")
# A full stop, ! or ? (with closing quotes/brackets) followed by space or the end.
END_RE = re.compile(r"[.!?]+['’\"”)\]]*(?=\s|$)")
# Abbreviations whose full stop never ends a sentence, whatever follows.
ABBREVIATIONS = frozenset(
    """e.g eg i.e ie dr mr mrs ms mx prof st no nos vs v cf approx a.m p.m am pm etc
    et al fig figs vol pp p ref dept est inc ltd co jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thur thurs fri sat sun rev hon gen col lt sgt capt
    mt tel ext min max sq al""".split()
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


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation such as e.g. or Dr.?

    Titles and Latin abbreviations (Dr., e.g., i.e.) never end a sentence. Times, "etc." and
    dotted initialisms (p.m., U.K.) end one when a capital follows: "It shuts at 5 p.m. Please
    come early." is two sentences, "at 5 p.m. on Mondays" is not.
    """
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    token = text[start:dot].lower().strip(".")
    if not token:
        return False
    dotted = bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))
    if token in ("a.m", "p.m", "am", "pm", "etc") or (dotted and token not in ("e.g", "i.e")):
        after = re.match(r"[\s\"'“‘(\[]*(\w)", text[dot + 1 : dot + 80])
        return not (after and after.group(1).isupper())
    if token in ABBREVIATIONS:
        return True
    return len(token) == 1  # initials: J. Smith


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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one paragraph's text."""
    cuts = set(_line_breaks(text)) if "\n" in text else set()
    # List markers and heading marks at line starts ("1. ", "- ", "## ") are not sentences
    # and not words: their full stops do not end a sentence, and sentences start after them.
    marks: dict[int, int] = {}
    line_start = 0
    for line in text.split("\n"):
        m = LIST_ITEM_RE.match(text, line_start) or HEADING_RE.match(text, line_start)
        if m and m.end() <= line_start + len(line):
            marks[m.start() + len(m.group()) - len(m.group().lstrip())] = m.end()
        line_start += len(line) + 1
    for m in END_RE.finditer(text):
        dot = m.start()
        if any(s <= dot < e for s, e in marks.items()):
            continue
        if text[dot] == "." and m.group().count(".") == 1 and _is_abbreviation(text, dot):
            continue
        if m.group().startswith("...") and text[m.end() : m.end() + 2].strip()[:1].islower():
            continue  # "Wait... then go." is one sentence
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
        from bisect import bisect_right

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

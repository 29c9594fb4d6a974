"""Acronyms the text never spells out ("CCG" with no "Clinical Commissioning Group").

An acronym is a word of two or more capitals (CCG, ICS, A&E, KPIs). It is defined when the
text, anywhere, says "Clinical Commissioning Group (CCG)", "CCG (Clinical Commissioning
Group)", "CCG stands for / means / is short for ...", "known as CCG" or has a glossary line
"CCG: Clinical Commissioning Group". Known acronyms (resources/data/known_acronyms.txt),
Roman numerals, units after a number, capitals for emphasis ("do NOT") and headings in
capitals are not flagged.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from jargonfree.core.model import Finding, make_finding

# Two or more capitals (A&E too), an optional plural s. The regex starts with a character
# class so re can skip ahead fast (a look-behind first made it 5x slower); the word
# boundaries are checked by hand on the few matches.
ACRONYM_RE = re.compile(r"([A-Z][A-Z&]*[A-Z])(s)?")
# Small Roman numerals (Part II, stage IV, type XII); MI, CD, DC are acronyms here.
ROMAN_RE = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})\Z")
# Definitions, read around each use of an acronym (so the cost grows with the uses only):
# "CCG (Clinical Commissioning Group)", "CCG stands for / means / is short for ..."
_DEFINED_AFTER_RE = re.compile(
    r"s?\s*\((?!\s*(?:see|e\.g|eg|for)\b)\s*[A-Za-z][^()\d]*?[A-Za-z]\s+[A-Za-z][^()]{0,120}\)"
    r"|s?,?\s+(?:stands for|means|is short for|is an abbreviation for|is an acronym for)\b"
)
# "Clinical Commissioning Group (CCG)", "(the CCG)", "(known as CCG)"
_BRACKETED_BEFORE_RE = re.compile(
    r"\(\s*(?:the\s+|known as\s+|called\s+)?(?:[A-Z][A-Z&]*[A-Z]s?\s*[/,;]\s*)*\Z"
)
_BRACKETED_AFTER_RE = re.compile(r"s?\s*(?:[/,;]\s*[A-Z][A-Z&]*[A-Z]s?\s*)*\)")  # (HAM/TSP)
_KNOWN_AS_RE = re.compile(
    r"\b(?:known as|called|referred to as)\s+(?:the\s+|an?\s+)?['‘\"“]?\Z", re.IGNORECASE
)
# A glossary line: "CCG: Clinical Commissioning Group", "- CCG - Clinical ..."
_GLOSSARY_BEFORE_RE = re.compile(r"[ \t]*(?:[-*•][ \t]+)?\**\Z")
_GLOSSARY_AFTER_RE = re.compile(r"s?\**(?:[ \t]*[:–—=][ \t]*|[ \t]+-[ \t]+)\w")  # not TNF-alpha
# Capitals used for emphasis, not acronyms ("Do NOT take", "STOP and call 999").
EMPHASIS = frozenset(
    """never must please stop important warning urgent note free now always only before
    after today immediately call read remember avoid keep check seek carefully""".split()
)
FUNCTION_WORD_ZIPF = 6.0  # not, no, do, you, all, will: capitals here are emphasis
# An ordinary word in capitals ("UTILISE", "COMMENCE"): this many letters or more and at
# least this common (best spelling or base form). It is a word, not an acronym, and the
# word rules judge it. Acronyms are mostly 2-5 letters; the longer ones said as words and
# this common (UNESCO 3.6, UNICEF 3.2, OFSTED 2.85 stays) need no spelling out either.
WORD_IN_CAPITALS_LETTERS = 6
WORD_IN_CAPITALS_ZIPF = 3.0
SHOUT_RUN = 3  # this many capitalised words in a row are shouting, not acronyms
HEADING_WORD_ZIPF = 4.5  # a line in capitals with a word this common is a heading
HEADING_CHARS = 120  # longer lines are not headings (and are not scanned per acronym)
UNITS = frozenset(
    "MG KG ML KM CM MM MPH KPH MB GB KB TB AM PM BPM IU KW KWH MW HZ KHZ MHZ GHZ MMOL MCG DL"
    .split()
)
_WORDS_RE = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def load_known_acronyms() -> frozenset[str]:
    """Acronyms every UK reader knows (resources/data/known_acronyms.txt), loaded once.
    A missing file gives an empty list (every acronym must then be defined)."""
    from jargonfree.resources import resource_path

    try:
        lines = resource_path("data", "known_acronyms.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(
        line.strip() for line in lines.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def defined_acronyms(text: str) -> set[str]:
    """Acronyms (without plural s) that the text spells out somewhere."""
    return {m.group(1) for m in _uses(text) if _defines(text, m)}


def _uses(text: str) -> list[re.Match[str]]:
    """Acronym matches that are whole words (not the "HI" of "HInM")."""
    out = []
    for m in ACRONYM_RE.finditer(text):
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_&"):
            continue
        after = text[e : e + 2]
        if after[:1].isalnum() or after[:1] in ("_", "&"):
            continue
        if after[:1] in (".", "-") and after[1:].isalpha() and (
            after[0] == "." or text[s - 1 : s] == "-"
        ):
            continue  # a web name (GOV.UK) or a sound guide (bron-KI-tis)
        out.append(m)
    return out


def _defines(text: str, m: re.Match[str]) -> bool:
    """Is this use of an acronym its definition?"""
    s, e = m.start(), m.end(1)
    if _DEFINED_AFTER_RE.match(text, e):
        return True
    before = text[max(0, s - 30) : s]
    if "(" in before and _BRACKETED_BEFORE_RE.search(text, max(0, s - 20), s):
        if _BRACKETED_AFTER_RE.match(text, e):
            return True
    if ("as" in before or "alled" in before) and _KNOWN_AS_RE.search(text, max(0, s - 30), s):
        return True
    lo = max(0, s - 10)  # a glossary entry starts its line
    line_start = text.rfind("\n", lo, s) + 1 or (0 if not lo else -1)
    return line_start >= 0 and bool(
        _GLOSSARY_BEFORE_RE.match(text, line_start, s) and _GLOSSARY_AFTER_RE.match(text, e)
    )


def check(
    text: str,
    known: frozenset[str],
    skips: Sequence[tuple[int, int]] = (),
) -> list[Finding]:
    """acronym.undefined at the first use of each acronym the text neither defines nor
    can take as known; the note says how often it is used.

    `skips` are the sorted (start, end) spans that are not words (text.skip_spans: link
    targets, web and e-mail addresses): capitals inside them are not acronyms.
    """
    matches = [m for m in _uses(text) if m.group(1) not in known]
    if not matches:
        return []
    defined = {m.group(1) for m in matches if _defines(text, m)}
    skip_starts = [s for s, _ in skips]
    uses: dict[str, list[tuple[int, int]]] = {}
    for m in matches:
        acr = m.group(1)
        if acr in defined or ROMAN_RE.match(acr):
            continue
        start = m.start()
        i = bisect_right(skip_starts, start) - 1
        if i >= 0 and start < skips[i][1]:
            continue
        if _unit(text, acr, start) or _emphasis(acr, m.group(2)):
            continue
        if _shouting(text, start, m.end()):
            continue
        uses.setdefault(acr, []).append(m.span())
    findings = []
    for acr, spans in uses.items():
        start, end = spans[0]
        findings.append(make_finding(
            text, start, end, "acronym.undefined", "acronym",
            f"Spell out {acr} the first time you use it, with the letters in brackets after "
            "it: not every reader will know it.",
            note=f"{acr} is used {_times(len(spans))} in this text.",
        ))
    return findings


def _unit(text: str, acr: str, start: int) -> bool:
    """'5 MG', '10 KM': a unit right after a number (not '2019 CCGs')."""
    before = text[max(0, start - 2) : start].rstrip()
    return acr in UNITS and bool(before) and before[-1].isdigit()


@lru_cache(maxsize=4096)
def _emphasis(acr: str, plural: str | None) -> bool:
    """Capitals for emphasis ("do NOT"), or an ordinary word in capitals ("UTILISE")."""
    if plural or "&" in acr:
        return False
    lower = acr.lower()
    if lower in EMPHASIS or _zipf(lower) >= FUNCTION_WORD_ZIPF:
        return True
    if len(acr) >= WORD_IN_CAPITALS_LETTERS:
        from jargonfree.core.frequency import zipf

        return zipf(lower) >= WORD_IN_CAPITALS_ZIPF
    return False


def _shouting(text: str, start: int, end: int) -> bool:
    """Inside a heading in capitals, or a run of SHOUT_RUN capitalised words."""
    lo = max(0, start - HEADING_CHARS)
    line_start = text.rfind("\n", lo, start) + 1 or lo  # lo > 0: a long line
    line_end = text.find("\n", end, end + HEADING_CHARS)
    if line_end == -1 and end + HEADING_CHARS >= len(text):
        line_end = len(text)
    if (line_start or not lo) and line_end != -1:
        line = text[line_start:line_end]
        if not any(c.islower() for c in line):
            words = _WORDS_RE.findall(line)
            if len(words) >= 2 and any(_zipf(w.lower()) >= HEADING_WORD_ZIPF for w in words):
                return True  # "WHAT TO BRING WITH YOU"; not "NHS ICB"
    before = text[line_start:start].split()
    if before and not text[start - 1].isspace():
        before.pop()  # the head of this token ("anti-" of "anti-TNF")
    after = text[end : end + 200].split()
    if after and not text[end : end + 1].isspace():
        after.pop(0)  # the tail of this token ("s", ",")
    run = 1
    for side in (before[::-1], after):
        for word in side[:SHOUT_RUN]:
            core = word.strip(".,;:!?\"'()’”“")
            if len(core) > 1 and core.isupper():
                run += 1
            else:
                break
    return run >= SHOUT_RUN


def _zipf(lower: str) -> float:
    from jargonfree.core.frequency import frequencies

    f = frequencies().get(lower)
    return math.log10(f * 1e9) if f else 0.0


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")

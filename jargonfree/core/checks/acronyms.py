"""Acronyms the text never spells out ("CCG" with no "Clinical Commissioning Group")."""

from __future__ import annotations

import re
from functools import lru_cache

from jargonfree.core.model import Finding, make_finding
from jargonfree.resources import resource_path

ACRONYM_RE = re.compile(r"(?<![\w&])([A-Z][A-Z&]*[A-Z])(s)?(?![\w&])")
ROMAN_RE = re.compile(r"[IVXLCDM]+\Z")
SMALL = frozenset("and of the for in on to a an with by at".split())
WORDS_RE = re.compile(r"[A-Za-z][\w'-]*")


@lru_cache(maxsize=1)
def load_known_acronyms() -> frozenset[str]:
    """Acronyms every UK reader knows (resources/data/known_acronyms.txt)."""
    path = resource_path("data", "known_acronyms.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(
        line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def _initials(words: list[str]) -> str:
    out = []
    for w in words:
        if w.lower() in SMALL:
            continue
        out.extend(part[0] for part in w.split("-") if part)
    return "".join(out).upper()


def _defined(text: str) -> set[str]:
    """Acronyms the text defines: 'Full Name (FN)', 'FN (Full Name)', 'FN stands for/means'."""
    found = set()
    for m in re.finditer(r"\(([A-Z][A-Z&]*[A-Z])s?\)", text):
        acr = m.group(1).replace("&", "")
        before = WORDS_RE.findall(text[max(0, m.start() - 160) : m.start()])
        for k in range(len(acr), min(len(before), len(acr) + 4) + 1):
            if _initials(before[-k:]).endswith(acr) or _initials(before[-k:]) == acr:
                found.add(m.group(1))
                break
        else:
            if len(before) >= 2:  # a loose definition still explains it
                found.add(m.group(1))
    for m in re.finditer(r"\b([A-Z][A-Z&]*[A-Z])s?\s*\(([^()]{4,120})\)", text):
        if len(WORDS_RE.findall(m.group(2))) >= 2:
            found.add(m.group(1))
    for m in re.finditer(r"\b([A-Z][A-Z&]*[A-Z])s?\s+(?:stands for|means|is short for)\b", text):
        found.add(m.group(1))
    return found


def _shouting_lines(text: str) -> list[tuple[int, int]]:
    """Headings in capitals: lines with several all-caps words and no lowercase word."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = WORDS_RE.findall(line)
        if len(words) >= 3 and not any(c.islower() for c in line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def check(text: str, known: frozenset[str]) -> list[Finding]:
    """acronym.undefined at the first use of each acronym the text does not define."""
    if not ACRONYM_RE.search(text):
        return []
    defined = _defined(text)
    shouting = _shouting_lines(text)
    uses: dict[str, list[tuple[int, int]]] = {}
    for m in ACRONYM_RE.finditer(text):
        acr = m.group(1)
        if acr in known or acr in defined or ROMAN_RE.match(acr) or len(acr.replace("&", "")) < 2:
            continue
        if any(s <= m.start() < e for s, e in shouting):
            continue
        uses.setdefault(acr, []).append(m.span())
    findings = []
    for acr, spans in uses.items():
        start, end = spans[0]
        times = len(spans)
        findings.append(make_finding(
            text, start, end, "acronym.undefined", "acronym",
            f"Spell out {acr} the first time you use it, with the letters in brackets after: "
            "not every reader will know it.",
            note=f"{acr} is used {times} time{'s' if times != 1 else ''} in this text.",
        ))
    return findings

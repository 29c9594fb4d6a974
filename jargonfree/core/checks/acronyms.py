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
# A lowercase letter may stand between two capitals: "UoM", "HInM", "DfE", "MoU" are read
# as letters too (readers of programme reports flag them like any other).
ACRONYM_RE = re.compile(r"([A-Z](?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z])(s)?")
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
    r"\(\s*(?:the\s+|known as\s+|called\s+)?"
    r"(?:[A-Z](?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z]s?\s*[/,;]\s*)*\Z"
)
_BRACKETED_AFTER_RE = re.compile(
    r"s?\s*(?:[/,;]\s*[A-Z](?:[A-Z&]|[a-z](?=[A-Z]))*[A-Z]s?\s*)*\)")  # (HAM/TSP)
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
    """Acronym matches that are whole words (not the "McD" of "McDonald")."""
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
    return _glossary(text, m)


def _glossary(text: str, m: re.Match[str]) -> bool:
    """A glossary line ("CCG: Clinical Commissioning Group") defines it for the whole
    text, wherever it stands; a definition in running text only from there on."""
    s, e = m.start(), m.end(1)
    lo = max(0, s - 10)  # a glossary entry starts its line
    line_start = text.rfind("\n", lo, s) + 1 or (0 if not lo else -1)
    return line_start >= 0 and bool(
        _GLOSSARY_BEFORE_RE.match(text, line_start, s) and _GLOSSARY_AFTER_RE.match(text, e)
    )


def check(
    text: str,
    known: frozenset[str],
    skips: Sequence[tuple[int, int]] = (),
    profile: str = "general",
) -> list[Finding]:
    """acronym.undefined at the first use of each acronym the text neither defines nor
    can take as known, or defines only after that use; the note says how often it is used.
    Its suggestions spell it out, keeping the letters once: "clinical commissioning group
    (CCG)", from the text's own definition or the bundled list (every meaning of an
    ambiguous one, the likeliest for `profile` first).

    `skips` are the sorted (start, end) spans that are not words (text.skip_spans: link
    targets, web and e-mail addresses): capitals inside them are not acronyms.
    """
    matches = [m for m in _uses(text) if m.group(1) not in known]
    if not matches:
        return []
    definitions: dict[str, re.Match[str] | None] = {}
    for m in matches:
        if m.group(1) not in definitions and _defines(text, m):
            definitions[m.group(1)] = m  # the first place the text spells it out
    for acr in list(definitions):
        if any(n.group(1) == acr and _glossary(text, n) for n in matches):
            definitions[acr] = None  # a glossary covers the whole text
    skip_starts = [s for s, _ in skips]
    uses: dict[str, list[tuple[int, int]]] = {}
    plurals: dict[str, bool] = {}
    for m in matches:
        acr = m.group(1)
        defined = definitions.get(acr)
        if acr in definitions and (defined is None or m.start() >= defined.start()):
            continue
        if ROMAN_RE.match(acr):
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
        plurals.setdefault(acr, bool(m.group(2)))
    findings = []
    for acr, spans in uses.items():
        start, end = spans[0]
        defined = definitions.get(acr)
        if defined is not None:
            message = (f"Spell out {acr} here, where it is first used: the text explains it "
                       "only further on.")
            own = _text_expansion(text, defined)
            meanings = [own] if own else expansions_for(acr, profile)
        else:
            message = (f"Spell out {acr} the first time you use it, with the letters in "
                       "brackets after it: not every reader will know it.")
            meanings = expansions_for(acr, profile)
        start, suggestions = spelled_out(text, start, end, acr, plurals[acr], meanings)
        findings.append(make_finding(
            text, start, end, "acronym.undefined", "acronym", message,
            note=f"{acr} is used {_times(len(uses[acr]))} in this text.",
            suggestions=suggestions,
        ))
    return findings


@lru_cache(maxsize=1)
def load_expansions() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """acronym -> ((expansion, profiles it comes first for), ...) from
    resources/data/acronym_expansions.tsv, in file order; a missing file gives {}."""
    from jargonfree.resources import resource_path

    try:
        lines = resource_path("data", "acronym_expansions.tsv").read_text(encoding="utf-8")
    except OSError:
        return {}
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for line in lines.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        acr, expansion, *first = line.split("\t")
        profiles = frozenset(p.strip() for p in first[0].split(",")) if first else frozenset()
        table.setdefault(acr.strip(), []).append((expansion.strip(), profiles))
    return {acr: tuple(entries) for acr, entries in table.items()}


def expansion_words() -> frozenset[str]:
    """The words of the bundled expansions that are common enough for the general
    reader (Zipf 2.3 or more: clinical, urgent, atrial), lowercase: the uncommon check
    lets them pass, so a spelled-out acronym is not flagged once pasted. Rarer words
    (syncytial, serotonin) stay rare: their acronyms are not spelled out for patients."""
    from jargonfree.core.frequency import zipf

    return frozenset(
        w for entries in load_expansions().values() for e, _ in entries
        for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", e.lower())
        if zipf(w) >= EXPANSION_WORD_ZIPF
    )


def expansions_for(acr: str, profile: str = "general") -> list[str]:
    """What `acr` may stand for, the likeliest for this audience first."""
    entries = load_expansions().get(acr, ())
    order = sorted(range(len(entries)), key=lambda i: (profile not in entries[i][1], i))
    return [entries[i][0] for i in order]


EXPANSION_WORD_ZIPF = 2.3
_MINOR = frozenset("of and for the in on to with at by".split())
_ARTICLE_BEFORE_RE = re.compile(r"\b(an?|An?)\s+\Z")


def spelled_out(text: str, start: int, end: int, acr: str, plural: bool,
                meanings: list[str]) -> tuple[int, tuple[str, ...]]:
    """Suggestions "clinical commissioning group (CCG)" for the acronym at start:end, in
    its number, capitalised at the start of a sentence, with "a"/"an" agreed (the span
    then takes in the article). Returns the span's start and the suggestions."""
    from jargonfree.core.inflect import article_for, match_case

    letters = text[start:end]
    if _in_longer_name(text, end):
        return start, ()  # "CHC NENC": part of a name we cannot spell out
    forms = [f"{_plural(m) if plural else m} ({letters})" for m in meanings]
    if not plural and _bare(text, start, end):
        forms = [_with_article(f, text, start) for f in forms]
    before = text[max(0, start - 3) : start].rstrip(" \t")
    if not before or before[-1] in ".!?\n:•" or start == 0:
        forms = [f[0].upper() + f[1:] for f in forms]
    art = _ARTICLE_BEFORE_RE.search(text, max(0, start - 4), start)
    if art and forms and not plural:
        needed = [article_for(f) for f in forms]
        if any(n != art.group(1).lower() for n in needed):
            start = art.start()
            forms = [f"{match_case(n, art.group(1))} {f}" for n, f in zip(needed, forms,
                                                                          strict=True)]
    return start, tuple(forms)


_NEXT_ACRONYM_RE = re.compile(r"[ \t]+[A-Z][A-Z&]+s?\b")
# Heads of the names of bodies: a body named by its kind ("academic health science
# network") needs an article where the acronym stood alone ("an organisation like AHSN").
_BODY_HEADS = frozenset(
    """group network board trust service team unit department agency committee partnership
    organisation body council authority system centre programme collaborative alliance
    panel institute association foundation forum practice hub""".split()
)
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|this|that|these|those|our|your|their|its|his|her|my|each|every|any|no"
    r"|some|local|regional|national|own|'s|’s)\s+\Z", re.IGNORECASE)
_AS_LIKE_RE = re.compile(r"\b(?:like|as|such as|or|either)\s+\Z", re.IGNORECASE)


def _in_longer_name(text: str, end: int) -> bool:
    """An acronym followed by another ("CHC NENC", "AHSN NENC") is part of a longer name,
    whose meaning the list cannot know."""
    return bool(_NEXT_ACRONYM_RE.match(text, end))


def _bare(text: str, start: int, end: int) -> bool:
    """The acronym stands alone as a noun, with no article or other word before it that
    would do: "from an organisation like AHSN."."""
    before = text[max(0, start - 30) : start]
    if _DETERMINER_BEFORE_RE.search(before) or start == 0 or not before.strip():
        return False
    if before.rstrip()[-1:] in ".!?:•\n(":
        return False
    after = re.match(r"\s*([\w'’-]+)", text[end : end + 30])
    if after and after.group(1).lower() not in ("or", "and", "is", "are", "was", "were",
                                               "has", "have", "will", "can", "to", "in",
                                               "for", "of", "with", "on", "at", "by"):
        return False  # "AHSN funding": the acronym is a modifier
    return True


def _with_article(form: str, text: str, start: int) -> str:
    """'academic health science network (AHSN)' -> 'an academic health science network
    (AHSN)' after "like", else 'the ...'; names with capitals and names of things that
    are not bodies ("continuing healthcare") are left as they are."""
    from jargonfree.core.inflect import article_for

    name = form.rsplit(" (", 1)[0]
    if not name[:1].islower() or name.split(" ")[-1] not in _BODY_HEADS:
        return form
    if _AS_LIKE_RE.search(text[max(0, start - 12) : start]):
        return f"{article_for(name)} {form}"
    return f"the {form}"


def _plural(phrase: str) -> str:
    """'clinical commissioning group' -> 'clinical commissioning groups' (the head noun:
    the last word before 'of' or 'for', else the last)."""
    words = phrase.split(" ")
    i = next((k - 1 for k, w in enumerate(words) if k and w in ("of", "for")), len(words) - 1)
    w = words[i]
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        words[i] = w[:-1] + "ies"
    elif not w.endswith("s"):
        words[i] = w + ("es" if w.endswith(("ch", "sh", "x")) else "s")
    return " ".join(words)


def _text_expansion(text: str, m: re.Match[str]) -> str | None:
    """The words the text itself gives for the acronym where it defines it: "CCG
    (clinical commissioning group)" or "Clinical Commissioning Group (CCG)"."""
    acr = m.group(1).replace("&", "")
    after = re.match(r"s?\s*\(\s*([^()]+?)\s*\)", text[m.end(1) : m.end(1) + 160])
    if after and not after.group(1).isupper():
        return after.group(1)
    bracket = text.rfind("(", max(0, m.start() - 12), m.start())
    if bracket < 0:
        return None
    words = re.findall(r"[A-Za-z][\w'’-]*", text[max(0, bracket - 160) : bracket])
    for n in range(1, min(len(words), len(acr) + 4) + 1):
        chunk = words[-n:]
        initials = "".join(w[0] for w in chunk if w.lower() not in _MINOR).upper()
        if initials == acr.upper() and chunk[0].lower() not in _MINOR:
            return " ".join(chunk)
    return None


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

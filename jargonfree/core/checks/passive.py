"""Passive voice: a form of "be" (or "get"), perhaps an adverb or two, then a past
participle: "was given", "is being reviewed", "has been escalated", "got injured".

Words come from the paragraph's own segmentation (no tagger): a participle is a word on
the irregular list (resources/data/participles.txt) or a regular -ed form. Adjectives that
look like participles ("is tired", "is based in") and idioms ("is called", "used to it")
are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jargonfree.core.checks import lower_same_length
from jargonfree.core.checks.passive_rewrite import rewrite
from jargonfree.core.model import Finding, make_finding
from jargonfree.core.text import Paragraph

BE = frozenset("am is are was were be been being".split())
GET = frozenset("get gets got gotten getting".split())
# Contractions that carry a form of be: it's done, we're told, isn't needed.
BE_CONTRACTED = frozenset(
    """it's that's here's what's who's he's she's i'm we're you're they're isn't aren't
    wasn't weren't""".split()
)
HAVE = frozenset("has have had having hasn't haven't hadn't".split())  # ... been
MODALS = frozenset(
    """will would can could may might must should shall cannot won't wouldn't can't
    couldn't mustn't shouldn't""".split()
)
ADVERBS = frozenset(
    """not never also often usually always already sometimes then still just now only
    rarely generally normally first currently well all both ever even once again soon""".split()
)
# -ed words that describe a state after "be", not something done to someone.
STATES = frozenset(
    """based concerned interested tired worried pleased married located situated supposed
    bored excited involved qualified aged experienced scared surprised disappointed
    satisfied prepared determined related dedicated devoted entitled accustomed exhausted
    ashamed annoyed confused embarrassed frightened amazed delighted relieved closed
    limited complicated sophisticated advanced committed registered employed retired
    divorced engaged disabled distressed depressed stressed motivated skilled talented
    crowded unrelated""".split()
)
# After "get": "get used to it", "get dressed", "get started" are not passives.
GET_IDIOMS = STATES | frozenset("used dressed lost started changed".split())
# -ed words that are not participles at all.
NOT_PARTICIPLES = frozenset(
    """hundred sacred naked wicked rugged ragged crooked jagged wretched kindred hatred
    infrared beloved seabed bed red shed sled shred embed""".split()
)
EED_PARTICIPLES = frozenset("agreed disagreed freed decreed guaranteed refereed".split())
NAMING = frozenset("called named termed".split())  # "this is called angina" defines a word
OBJECT_WORDS = frozenset(
    "it this that the a an my your our their his her them him me us these those".split()
)
MESSAGE = "This is in the passive voice. Say who does it: it is clearer and often shorter."
NOTE = "For example, 'your notes will be reviewed' becomes 'we will review your notes'."


@lru_cache(maxsize=1)
def load_participles() -> frozenset[str]:
    """Irregular past participles (resources/data/participles.txt), loaded once."""
    from jargonfree.resources import resource_path

    try:
        lines = resource_path("data", "participles.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset("given taken seen done written known shown held kept sent told found "
                         "made brought chosen".split())
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


_ED_RE = re.compile(r"[a-z][a-z-]*[a-z]ed\Z")


@lru_cache(maxsize=20_000)
def _participle(word: str) -> bool:
    """Is a lowercase word a past participle (by form)?"""
    if word in NOT_PARTICIPLES:
        return False
    if word in load_participles():
        return True
    if not _ED_RE.match(word):
        return False
    if word.endswith("eed"):
        return word in EED_PARTICIPLES  # indeed, need, proceed are not
    return not (word.startswith("un") and not word.startswith("under"))  # unexpected


def _state(words: list[str], j: int, kind: str) -> bool:
    """Is the participle at j an adjective or idiom here rather than a passive?"""
    w = words[j]
    nxt = words[j + 1] if j + 1 < len(words) else ""
    if w in (GET_IDIOMS if kind == "get" else STATES):
        return True
    if w == "used":  # "used to it" is a habit; "used to treat pain" is a passive
        return nxt == "to" and j + 2 < len(words) and (
            words[j + 2] in OBJECT_WORDS or words[j + 2].endswith("ing")
        )
    if w in NAMING:
        return nxt != "by"
    return w == "known" and nxt == "as"


TRIGGERS = BE | GET | BE_CONTRACTED  # where a passive can start


def check(par: Paragraph) -> list[Finding]:
    """passive.be and passive.get findings in one paragraph (offsets as the paragraph's)."""
    text = par.text
    base = par.start
    low = lower_same_length(text).replace("’", "'")  # slices line up with the text
    triggers = TRIGGERS
    findings = []
    for sentence in par.sentences:
        spans = sentence.words if not base else _shifted(sentence.words, base)
        n = len(spans)
        after = -1  # words up to here are inside the last finding
        for i, (s, e) in enumerate(spans):
            if e - s > 7 or i <= after or low[s:e] not in triggers:
                continue
            # Cheap look ahead first: most "is" and "are" have no participle after them.
            j = i + 1
            while j < n and j <= i + 3:
                a, b = spans[j]
                w = low[a:b]
                if w in ADVERBS or w == "being" or w.endswith("ly"):
                    j += 1
                    continue
                break
            else:
                continue
            if not _participle(w):
                continue
            lo, hi = max(0, i - 3), min(n, j + 3)
            hit = _passive_at([low[a:b] for a, b in spans[lo:hi]], i - lo)
            if hit is None:
                continue
            first, last, kind = hit[0] + lo, hit[1] + lo, hit[2]
            after = last
            active = rewrite(text, list(spans), first, last, sentence.end - base)
            if active is not None:  # the doer is named: offer the active clause whole
                findings.append(make_finding(
                    text, active[0], active[1], f"passive.{kind}", "passive", MESSAGE,
                    note=NOTE, suggestions=(active[2],),
                ))
                continue
            findings.append(make_finding(
                text, spans[first][0], spans[last][1], f"passive.{kind}",
                "passive", MESSAGE, note=NOTE,
            ))
    return findings


def _shifted(spans: tuple[tuple[int, int], ...], base: int) -> list[tuple[int, int]]:
    """Word spans made relative to a paragraph that starts at `base`."""
    return [(a - base, b - base) for a, b in spans]


def _passive_at(words: list[str], i: int) -> tuple[int, int, str] | None:
    """(first word, participle, kind) of a passive whose be/get word is at i, or None."""
    w = words[i]
    kind = "get" if w in GET else "be"
    if w == "there's" or (i and words[i - 1] == "there"):
        return None  # "there is limited evidence": the participle describes a noun
    j = i + 1
    adverbs = 0
    while j < len(words) and adverbs < 2 and (words[j] in ADVERBS or words[j].endswith("ly")):
        j += 1
        adverbs += 1
    if kind == "be" and j < len(words) and words[j] == "being":
        j += 1
    if j >= len(words) or not _participle(words[j]) or _state(words, j, kind):
        return None
    first = i
    if kind == "be":
        k = i - 1
        if k >= 0 and words[k] in ADVERBS:  # "has already been sent", "will not be"
            k -= 1
        if k >= 0 and (
            (w == "been" and (words[k] in HAVE or words[k].endswith("'ve")))
            or (w == "be" and (words[k] in MODALS or words[k].endswith("'ll")))
        ):
            first = k
            if k and words[k - 1] == "there":
                return None
    return first, j, kind

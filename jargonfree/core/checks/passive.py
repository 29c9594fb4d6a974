"""Passive voice: a form of be or get, maybe an adverb, then a past participle."""

from __future__ import annotations

import re

from jargonfree.core.model import Finding, make_finding
from jargonfree.core.text import Paragraph

BE = frozenset("am is are was were be been being 's 're".split())
GET = frozenset("get gets got gotten getting".split())
ADVERBS = frozenset("not never also often usually always already sometimes then still just now "
                    "only rarely generally normally first currently".split())
IRREGULAR = frozenset(
    """arisen awoken borne beaten become begun bent bet bitten bled blown broken bred brought
    built burnt bought caught chosen come cost crept cut dealt done drawn dreamt drunk driven
    eaten fallen fed felt fought found fled flung forbidden forgotten forgiven frozen given gone
    ground grown hung had heard hidden hit held hurt kept known laid led leant learnt left lent
    let lain lit lost made meant met paid put quit read rid ridden rung risen run said seen sought
    sold sent set shaken shed shone shot shown shrunk shut sung sunk sat slain slept slid slung
    spoken spent spilt spread sprung stood stolen stuck stung struck strung sworn swept swollen
    swum taken taught torn told thought thrown understood undertaken woken worn woven won wound
    withdrawn written""".split()
)
# Past participles that usually describe a state, not an action done to someone.
STATES = frozenset(
    """based concerned interested tired worried pleased married located supposed used bored
    excited involved qualified aged experienced scared surprised disappointed satisfied
    prepared determined related dedicated devoted entitled accustomed advised allowed
    needed required""".split()
) - {"advised", "allowed", "needed", "required"}
_ED_RE = re.compile(r"[a-z]{3,}(?:ed|en)\Z")
_NOT_PARTICIPLE = frozenset("need seed feed bed red shed speed often even seven open chicken "
                            "children kitchen women garden golden hidden".split()) - {"hidden"}
MESSAGE = "This is in the passive voice. Say who does what: it is shorter and clearer."


def _participle(word: str) -> bool:
    w = word.lower()
    return w in IRREGULAR or (bool(_ED_RE.match(w)) and w not in _NOT_PARTICIPLE)


def check(par: Paragraph) -> list[Finding]:
    text = par.text
    findings = []
    for sentence in par.sentences:
        words = [text[s:e].lower().replace("’", "'") for s, e in sentence.words]
        after = -1  # words up to here are inside the last finding ("is being reviewed")
        for i, w in enumerate(words):
            if i <= after:
                continue
            kind = "be" if w in BE else "get" if w in GET else None
            if kind is None:
                continue
            j = i + 1
            while j < len(words) and (words[j] in ADVERBS or words[j].endswith("ly")):
                j += 1
            if kind == "be" and j < len(words) and words[j] == "being":
                j += 1
            if j >= len(words) or not _participle(words[j]) or words[j] in STATES:
                continue
            if kind == "get" and words[j] in ("used", "involved", "married", "dressed", "lost"):
                continue
            start, end = sentence.words[i][0], sentence.words[j][1]
            after = j
            findings.append(make_finding(
                text, start, end, f"passive.{kind}", "passive", MESSAGE,
                note="For example, 'the form was signed by your GP' becomes "
                     "'your GP signed the form'.",
            ))
    return findings

"""UK and US spellings: the one table of swaps.

Three places need it and once had a copy each: the matcher's forms (a rule for "utilise"
finds "utilize"), the syllable counter (British words looked up in the American CMU
dictionary) and word frequency ("oedema" is as common as "edema"). Over-generation is
harmless where the result is only looked up, but a swap must not turn a word into another
common word ("four" into "for"), since frequency takes the best of the spellings.
"""

from __future__ import annotations

import re

SWAPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"is(e|ed|es|ing|ation|ations|er|ers|able)$", r"iz\1"),  # utilise, organisation
        (r"iz(e|ed|es|ing|ation|ations|er|ers|able)$", r"is\1"),
        (r"ys(e|ed|es|ing|er|ers)$", r"yz\1"),  # analyse, paralysed
        (r"([a-z]{3})our(s|ed|ing|able|ably|ite|ites|ful|less|er|ers|al|ally)?$",
         r"\1or\2"),  # behaviour, colourful, behavioural
        (r"([a-z]{3})tre(s)?$", r"\1ter\2"),  # centre, litre
        (r"([a-z]{2}[bv])re(s)?$", r"\1er\2"),  # fibre, calibre, manoeuvre
        (r"([a-z]{2}[bt])red$", r"\1ered"),  # centred
        (r"^oe", "e"),  # oedema, oesophagus
        (r"oea", "ea"),  # diarrhoea
        (r"oeu", "eu"),  # manoeuvre
        (r"^coe", "ce"),  # coeliac
        (r"^foet", "fet"),  # foetus
        (r"(?<=[a-z])ae(?=[a-z]{2})", "e"),  # haemorrhage, anaemia
        (r"^ae(?=[a-z]{3})", "e"),  # aetiology
        (r"([a-z]{2}[aeiou])ll(ed|ing|er|ers|or|ors)$", r"\1l\2"),  # travelled, not filled
        (r"([aeiou])l(ed|ing)$", r"\1ll\2"),  # traveled -> travelled
        (r"ogue(s)?$", r"og\1"),  # catalogue
        (r"amme(s)?$", r"am\1"),  # programme, gramme
        (r"(?<=[a-z]{3})ence(s)?$", r"ense\1"),  # defence, licence
        (r"gement(s)?$", r"gment\1"),  # judgement
        (r"eing$", "ing"),  # ageing
    )
)
# Words an "our" swap would turn into other words (four -> for).
NOT_OUR = frozenset("four hour pour tour your flour sour dour contour detour".split())
# Every word a swap can change contains one of these: the rest skip the table (it costs
# about 35 microseconds a word, and frequency looks up every word of a text).
MAY_VARY_RE = re.compile(
    r"is|iz|ys|our|tre|bre|vre|[bt]red$|oe|ae|ll|[aeiou]l(?:ed|ing)$|ogue|amme|ence|gement|eing"
)


def _swap(word: str, pattern: re.Pattern[str], replacement: str) -> str:
    if word in NOT_OUR and "our" in pattern.pattern:
        return word
    new = pattern.sub(replacement, word)
    return new if len(new) > 2 else word


def variants(word: str) -> set[str]:
    """The UK and US spellings of one lowercase word, the word itself included."""
    out = {word}
    if not MAY_VARY_RE.search(word):
        return out
    for _ in range(2):  # two passes: oesophagus -> esophagus; haemorrhagic ...
        for w in list(out):
            for pattern, replacement in SWAPS:
                out.add(_swap(w, pattern, replacement))
    return out


def respellings(word: str) -> list[str]:
    """Other spellings to look a word up by, in a fixed order: each swap alone, then
    all of them together."""
    out: list[str] = []
    every = word
    for pattern, replacement in SWAPS:
        new = _swap(word, pattern, replacement)
        if new != word and new not in out:
            out.append(new)
            every = _swap(every, pattern, replacement)
    if len(out) > 1 and every not in out and every != word:
        out.append(every)
    return out

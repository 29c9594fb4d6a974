"""Does a suggestion fit the slot its term fills? Before a noun ("the oncology ward") a
term is a modifier, and its replacement must read as one: "the cancer ward", never "the
cancer specialists ward" or "the swelling of the brain ward". A verb's participle before
a noun ("leveraged funding") is an adjective, and a verb put there ("used funding") says
something else.

The slot is read from the words around the match, with no tagger: the word after the
term is a noun (or an adjective before one) unless it is a function word, an adverb in
-ly, a participle in -ed or punctuation. A wrong guess costs a suggestion, never adds
a bad one: in a modifier slot only replacements that fit are offered.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that start no noun phrase: after one of these, the term is not a modifier.
FUNCTION_WORDS = frozenset(
    """a an the this that these those some any no every each either neither all both
    i me my we us our you your he him his she her it its they them their who whom whose
    which what when where why how whether if than then so as because while although though
    unless until since after before during about above across against along among around
    at by for from in into of off on onto out over through to toward towards under up upon
    with within without via per and or but nor yet
    is are was were be been being am do does did done doing have has had having
    will would can could may might must shall should ought
    not n't never also only just even still already too very more most less least much
    many few several such there here now again often always sometimes usually
    's ' said says due like well back away together later soon today yet instead
    first last next""".split()
)
# Common verbs that follow a subject ("the ureter includes", "photodynamic therapy
# uses"): after these the term is a subject, not a modifier.
VERBS = frozenset(
    f"{v}{end}" for v in """include involve occur become seem appear happen remain require
    allow make take give get go come see know think tell find develop provide affect mean
    keep begin start spread lead cause use help need work last show grow get feel look
    lower raise reduce increase stop prevent treat kill damage block carry contain
    produce release control protect depend differ vary tend try want let put
    run move change""".split()
    for end in ("", "s", "es")
)
# Before the term, these make a base form a noun or adjective rather than a verb.
NOUN_BEFORE = frozenset(
    """a an the this these those some any no every each either neither all both
    my our your his her its their
    of for from in into on at by with without about across among between during through
    under over after before within per via and or 's ' new local key national regional
    joint own other same""".split()
)
# In a modifier, these words start a phrase that cannot stand before a noun
# ("scarring of the liver", "being unable to pee", "not cancer", "after surgery").
_NOT_IN_MODIFIER = frozenset(
    """of for to that who which with in on at from by than when where if about into
    onto after before during without within not no is are was were be been being can using
    could will would may might should must""".split()
)
_DETERMINERS = frozenset(
    "a an the some any this that these those my our your their his her its".split()
)
_UPOS = {"NOUN": "noun", "PROPN": "noun", "VERB": "verb", "ADJ": "adjective", "ADV": "adverb"}
_ADJ_ENDS = ("al", "ic", "ous", "ive", "ary", "ory", "ful", "less", "able", "ible", "ar")


def _head_word(phrase: str) -> str:
    """The word that decides what a term is: the last before 'of', 'to'... ("quality of
    life": quality), else the last ("stakeholder engagement": engagement)."""
    words = phrase.lower().split()
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "to", "for", "with", "in", "on", "at", "from"):
            return words[i - 1]
    return words[-1] if words else ""


@lru_cache(maxsize=65536)
def guess_pos(phrase: str) -> frozenset[str]:
    """What a term can be (noun, verb, adjective, adverb), by lemminflect's lexicon for its
    head word; a word it does not know is guessed from its ending. Compile time only."""
    from jargonfree.core.inflect import _lemminflect

    word = _head_word(phrase).split("-")[-1]
    if not word.isalpha():
        return frozenset()
    li = _lemminflect()
    found = {_UPOS[u] for u in li.getAllLemmas(word) if u in _UPOS}
    if found:
        return frozenset(found)
    if word.endswith("ly"):
        return frozenset({"adverb"})
    if word.endswith(_ADJ_ENDS):
        return frozenset({"adjective"})
    return frozenset({"noun"})


def verb_forms(top: int = 30_000) -> frozenset[str]:
    """Common words that are only ever verbs (met, agreed, include, showed), from
    wordfreq's commonest words and lemminflect's lexicon: after a term, one of these makes
    the term a subject, not a modifier. Built with the compiled rules, never at run time."""
    from jargonfree.core.frequency import top_words
    from jargonfree.core.inflect import _lemminflect

    li = _lemminflect()
    out = set()
    for word in top_words(top):
        if word.isalpha():
            lemmas = li.getAllLemmas(word)
            if "VERB" in lemmas and "NOUN" not in lemmas and "ADJ" not in lemmas:
                out.add(word)
    return frozenset(out)


def modifier_ok(phrase: str, plural: bool) -> bool:
    """Can this replacement stand before a noun? One to four words, no determiner first,
    no preposition or clause inside, no plural head ("cancer specialists")."""
    words = phrase.lower().split()
    if not words or len(words) > 4 or plural:
        return False
    if words[0] in _DETERMINERS or (
            words[-1].endswith("ly") and guess_pos(words[-1]) == {"adverb"}):
        return False
    if len(words) > 1 and words[0].endswith("ing"):
        return False  # "moving services online methodology": a verb phrase, no modifier
    return not any(w in _NOT_IN_MODIFIER for w in words)


def noun_follows(lows: list[str], e: int, verbs: frozenset[str] = frozenset()) -> bool:
    """Is the token after the term a noun or adjective (so the term modifies it)?"""
    if e >= len(lows):
        return False
    nxt = lows[e]
    if not nxt[:1].isalpha() or nxt in FUNCTION_WORDS or nxt in VERBS or nxt in verbs:
        return False
    if nxt.endswith("ly") and len(nxt) > 4:
        return False
    return not (nxt.endswith("ed") and len(nxt) > 4)


def slot(lows: list[str], s: int, e: int, tag: str, pos: frozenset[str],
         verbs: frozenset[str] = frozenset()) -> str:
    """'modifier' when the matched term stands before a noun as a modifier (a noun or
    adjective in its base form), 'participle' when it is a verb's past participle used
    as an adjective ("Leveraged funding"), '' otherwise (any replacement may go)."""
    if lows[e - 1] in FUNCTION_WORDS or not noun_follows(lows, e, verbs):
        return ""  # "was able to", "the whole of": the term leads into what follows
    previous = lows[s - 1] if s > 0 else None
    at_start = previous is None or not previous[:1].isalnum() and previous != "'s"
    if tag in ("VBN", "VBD"):
        if "verb" in pos and (at_start or previous in NOUN_BEFORE):
            return "participle"
        return ""
    if tag or not pos & {"noun", "adjective"}:
        return ""  # a plural or a verb form before a noun is a subject or a verb
    if "verb" in pos and previous not in NOUN_BEFORE:
        return ""  # "we leverage funding", "Leverage funding": a verb and its object
    return "modifier"


_NAME_OPENERS = frozenset(".!?:•-*–—(\"“‘'")


def in_a_name(text: str, starts: list[int], ends: list[int], lows: list[str],
              s: int, e: int) -> bool:
    """A term in capitals in the middle of a sentence is part of a name ("NHS Trusts
    Information Governance Support", "Run Innovation Labs", "Wheezy Child, Gastroenteritis
    and Croup"): it is flagged, but its words cannot be swapped for others."""
    surface = text[starts[s] : ends[e - 1]]
    letters = [w for w in surface.split() if w[:1].isalpha()]
    if not letters or not all(w[:1].isupper() for w in letters) or surface.isupper():
        return False
    if s == 0 or "\n" in text[ends[s - 1] : starts[s]]:
        return False  # starts a paragraph, a line, a heading or a list item
    return lows[s - 1] not in _NAME_OPENERS and not lows[s - 1].isdigit()


_QUANTIFIERS = frozenset("most many some few all several".split())
_OF_BEFORE = frozenset(
    "the those these them us our their its his her my your this that which whom you".split()
)


def fit_to_context(suggestion: str, lows: list[str], e: int, after: str) -> str:
    """Small repairs so a suggestion reads on into what follows: "the majority of those"
    -> "most of those" (not "most those"); "length of stay in hospital" -> "time in
    hospital" (not "time in hospital in hospital")."""
    words = suggestion.split(" ")
    if (lows[e - 1] == "of" and suggestion.lower() in _QUANTIFIERS
            and e < len(lows) and lows[e] in _OF_BEFORE):
        return f"{suggestion} of"
    following = re.findall(r"[\w'’-]+", after.lower())
    for k in (3, 2):
        if len(words) > k and [w.lower() for w in words[-k:]] == following[:k]:
            return " ".join(words[:-k])
    return suggestion


_DEFINED_ACRONYM_RE = re.compile(r"[^()\n]{0,80}?\(\s*([A-Z][A-Za-z&]*[A-Z])s?\s*\)")
_NAME_MINOR = frozenset("of and for the in on to with at by".split())
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


def in_acronym_definition(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside the words an acronym stands for, where the text spells it
    out: "clinical commissioning group (CCG)", "integrated care board (ICB)"? A name
    being defined is not rewritten, so its words are not flagged there."""
    m = _DEFINED_ACRONYM_RE.match(text, end)
    if not m:
        return False
    letters = m.group(1).replace("&", "").upper()
    bracket = m.end() - len(m.group(0)) + m.group(0).rfind("(")
    words = list(_WORD_RE.finditer(text, max(0, start - 120), bracket))
    for n in range(1, min(len(words), len(letters) + 4) + 1):
        chunk = words[-n:]
        if chunk[0].group().lower() in _NAME_MINOR:
            continue
        words_ = [w.group() for w in chunk]
        parts = [p for w in words_ for p in re.split(r"[-‐]", w) if p]
        initials = {
            "".join(w[0] for w in ws if w.lower() not in _NAME_MINOR).upper()
            for ws in (words_, parts)
        } | {"".join(w[0] for w in ws).upper() for ws in (words_, parts)}
        if letters in initials:
            return chunk[0].start() <= start
    return False


_AND_OR = frozenset(("and", "or"))


def coordinated(lows: list[str], s: int, e: int) -> bool:
    """Is the term one of two words joined by 'and' or 'or' that share what comes before
    them: "the renal pelvis and ureter", "in consultation and collaboration with"? There
    a long rewrite ("the tube from the kidney to the bladder") no longer joins up."""
    if lows[s] in FUNCTION_WORDS or lows[e - 1] in FUNCTION_WORDS:
        return False  # "and was able to pass": a verb phrase, not a noun
    before = (s >= 2 and lows[s - 1] in _AND_OR and lows[s - 2][:1].isalnum()
              and lows[s - 2] not in FUNCTION_WORDS)
    after = (e + 1 < len(lows) and lows[e] in _AND_OR and lows[e + 1][:1].isalpha()
             and lows[e + 1] not in FUNCTION_WORDS
             and not (e + 2 < len(lows) and lows[e + 2] in _DETERMINERS))  # "and leaves the"
    return before or after


_ORDINALS = frozenset(
    "first second third fourth fifth last early late earlier later upper lower".split())


def shared_determiner(lows: list[str], s: int) -> str | None:
    """For a term that follows 'and'/'or' with no article of its own ("the renal pelvis
    and ureter"), the article the first noun has ("the"): a longer rewrite can take its
    own ("the renal pelvis and the tube from the kidney to the bladder"). None when the
    word before 'and' looks like an adjective ("the second and third trimesters")."""
    if s < 2 or lows[s - 1] not in _AND_OR:
        return None
    word = lows[s - 2]
    if word in _ORDINALS or word.endswith(_ADJ_ENDS) or word.endswith("ly"):
        return None
    for j in range(s - 3, max(-1, s - 6), -1):
        if lows[j] in _DETERMINERS:
            return lows[j]
        if lows[j] in FUNCTION_WORDS or not lows[j][:1].isalnum():
            return None
    return None


def joins_up(phrase: str, term: str) -> bool:
    """Does a rewrite still join up with the other word of an 'and'/'or' pair? At most
    three words, no article first, no 'of', 'that', 'to'... inside, and no '-ing' phrase
    for a term that is not one ("consultation and working together with" does not read)."""
    words = phrase.lower().split()
    if not words or len(words) > 3 or words[0] in _DETERMINERS:
        return False
    if any(w in _NOT_IN_MODIFIER for w in words):
        return False
    return not (len(words) > 1 and words[0].endswith("ing")
                and not term.lower().split()[0].endswith("ing"))


# Before the term, these leave a singular noun with no article: "[Onset] of symptoms",
# "with [onset] of pain". A count noun put there needs "the": "the start of symptoms".
_BARE_BEFORE = frozenset(
    """with after before at from since until by for to during following without
    on upon""".split()
)


def needs_article(lows: list[str], s: int, e: int, tag: str, pos: frozenset[str]) -> bool:
    """Is the term a singular noun with no article, heading an 'of' phrase, so that a
    count noun put in its place needs 'the'?"""
    if tag or "noun" not in pos or e >= len(lows) or lows[e] != "of":
        return False
    return s == 0 or lows[s - 1] in _BARE_BEFORE or not lows[s - 1][:1].isalnum()


def with_article(phrase: str, uncountable: frozenset[str]) -> str:
    """'start' -> 'the start'; a phrase with its own determiner, an '-ing' word or a word
    that takes no article ('care', 'advice') is left as it is."""
    words = phrase.split(" ")
    first = words[0].lower()
    if (len(words) > 2 or first in _DETERMINERS or first.endswith("ing")
            or words[-1].lower() in uncountable or words[-1].lower().endswith("s")):
        return phrase
    return f"the {phrase}"


_TITLE_MAX_WORDS = 8


def in_a_title(text: str, starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """A capitalised term that starts a short line followed by another capitalised word,
    with no full stop: a heading in title case ("Sustainability Model"), the name of a
    document or a programme. Like a name, it is flagged with nothing to paste."""
    if e >= len(starts) or not text[starts[s] : starts[s] + 1].isupper():
        return False
    if s > 0 and "\n" not in text[ends[s - 1] : starts[s]]:
        return False
    nxt = text[starts[e] : ends[e]]
    if not (nxt[:1].isupper() and nxt[1:2].islower()) or "\n" in text[ends[e - 1] : starts[e]]:
        return False
    line_end = text.find("\n", starts[s])
    line = text[starts[s] : line_end if line_end >= 0 else len(text)].rstrip()
    return len(line.split()) <= _TITLE_MAX_WORDS and not line.endswith((".", "!", "?", ":"))

"""Word forms: inflections and UK/US spellings of rule terms, and replacements put
back into the matched form (tense, number, case, a/an). Wraps lemminflect."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jargonfree.core.spelling import variants as spellings

TAGS = ("VBD", "VBN", "VBG", "VBZ", "NNS")
LAST = "$"  # marks a tag carried by the last word of a phrase ("adversely affected")
BE_HAVE = frozenset(
    "be is are was were been being am 's 're have has had having 've 'd get gets got gotten "
    "getting".split()
)
DETERMINERS = frozenset(
    "the a an our your their its his her my these those this that some many all any no "
    "more most several few key main new other such".split()
)
# Words where an initial vowel letter sounds like a consonant, or the reverse.
_CONSONANT_SOUND = re.compile(
    r"(?:uni(?!n)|use|usu|ura|uro|eu|ewe|one\b|once|u[bcfhjkqrstn][aeiou])"
)
_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir|[aeiou])")
_ACRONYM_VOWEL = set("AEFHILMNORSX")  # letters whose names start with a vowel sound


def _lemminflect():
    import lemminflect  # 0.6 s to import: only when rules are compiled or inflected

    return lemminflect


@cache
def word_inflections(word: str) -> dict[str, str]:
    """tag -> form for one word (lowercase), regular past forms also given as VBN.

    A hyphenated word inflects its last part (co-produce -> co-produced); a word
    lemminflect does not know gets both the verb and the noun endings (upskill ->
    upskilled, upskills), which is harmless for matching: unused forms never occur.
    """
    if "-" in word.strip("-"):
        head, _, last = word.rpartition("-")
        return {tag: f"{head}-{form}" for tag, form in word_inflections(last).items()}
    li = _lemminflect()
    if word == "be":
        return {"VBD": "was", "VBN": "been", "VBG": "being", "VBZ": "is"}
    table = li.getAllInflections(word)
    if not table and re.fullmatch(r"[a-z]{3,}", word):
        table = dict(li.getAllInflectionsOOV(word, upos="NOUN"))
        if not re.search(r"(?:ly|ous|al|ic|ive|ful|less|ent|ant|ness|ship|ity)$", word):
            table.update(li.getAllInflectionsOOV(word, upos="VERB"))
    out: dict[str, str] = {}
    for tag in TAGS:
        forms = table.get(tag)
        if forms:
            # lemminflect may list the base first (infarction: infarction, infarctions).
            changed = [f for f in forms if f.lower() != word]
            out[tag] = (changed or forms)[0].lower()
    if "VBD" in out and "VBN" not in out:
        out["VBN"] = out["VBD"]
    return out


HEAD_ENDS = frozenset(
    "of for to that who which with in on at from are is was were through into by under about "
    "between without".split())
UNCOUNTABLE = frozenset(
    "information advice data staff equipment research evidence feedback support care help "
    "knowledge guidance money funding work training progress news software people health "
    "bedding luggage homework".split()
)
# Forms of "be" beyond one per tag, for phrases such as "be key" (are key, were key).
BE_FORMS = {"am": "VBP", "are": "VBP", "were": "VBD"}


def inflect_word(word: str, tag: str) -> str:
    """Put a base word into the form `tag` (VBD, VBN, VBG, VBZ, NNS); base tag is ''.

    Words lemminflect does not know for that part of speech stay as they are, and so do
    plurals and uncountable nouns (services, information, people, data).
    """
    if not tag or not word or tag == "VBP":
        return word  # VBP (are, am) takes the base form: "are required to" -> "need to"
    if "-" in word.strip("-"):
        head, _, last = word.rpartition("-")
        return f"{head}-{inflect_word(last, tag)}"
    li = _lemminflect()
    lower = word.lower()
    upos = "NOUN" if tag == "NNS" else "VERB"
    if upos == "VERB" and re.search(r"(?:ing|ed)$", lower) and lower not in (
        "need", "feed", "bleed", "speed", "seed", "bring", "sing", "ring"
    ):
        return word  # already a participle or gerund ("leaving hospital")
    table = li.getAllInflections(lower, upos=upos)
    if not table:
        if upos == "VERB" and re.search(r"(?:ise|ize|ate|ify)$", lower):
            table = li.getAllInflectionsOOV(lower, upos="VERB")
        elif (upos == "NOUN" and re.fullmatch(r"[a-z]{3,}", lower) and not lower.endswith("s")
              and not li.getAllLemmas(lower)):
            table = li.getAllInflectionsOOV(lower, upos="NOUN")  # funder -> funders
        else:
            return word
    if tag == "NNS" and (lower in UNCOUNTABLE or lower in li.getAllInflections(lower).get("NNS", ())
                         and lower not in table.get("NN", ())):
        return word  # already plural, or a mass noun
    forms = table.get(tag) or (table.get("VBD") if tag == "VBN" else None)
    if not forms:
        return word
    form = "got" if forms[0] == "gotten" else forms[0]  # British English
    # British doubling: trial -> trialled, model -> modelling (US: trialed, modeling).
    if re.search(r"[^aeiou][aeiou]l$", lower) and form in (lower + "ed", lower + "ing"):
        form = lower + "l" + form[len(lower):]
    return form


@lru_cache(maxsize=65536)
def inflect_phrase(phrase: str, index: int, tag: str) -> str:
    """Inflect the word at `index` of a replacement phrase (base form) to `tag`."""
    if not tag:
        return phrase
    words = phrase.split(" ")
    if index >= len(words) or index < 0:
        # The last word, or the head noun before "of", "to", "who"...: "chain of command".
        end = len(words)
        for i, w in enumerate(words[1:], 1):
            if w in HEAD_ENDS:
                end = i
                break
        index = end - 1
        if tag == "NNS":  # the last noun before the cut: "group involved" -> "groups involved"
            li = _lemminflect()
            for i in range(end - 1, -1, -1):
                if li.getAllInflections(words[i], upos="NOUN"):
                    index = i
                    break
    words[index] = inflect_word(words[index], tag)
    if tag == "NNS":  # "medicines that change", not "medicines that changes"
        for i in range(index + 1, len(words) - 1):
            if words[i] in ("that", "which", "who"):
                words[i + 1] = _verb_base(words[i + 1])
                break
    return " ".join(words)


def _verb_base(word: str) -> str:
    """'changes' -> 'change', 'is' -> 'are', 'has' -> 'have'; any other word as it is."""
    if word in ("is", "has", "was"):
        return {"is": "are", "has": "have", "was": "were"}[word]
    if not word.endswith("s"):
        return word
    li = _lemminflect()
    base = li.getLemma(word, upos="VERB")
    if base and base[0] != word and li.getInflection(base[0], tag="VBZ") == (word,):
        return base[0]
    return word


def hyphen_variants(phrase: str) -> set[str]:
    """co-production ~ co production ~ coproduction; knowledge sharing ~ knowledge-sharing."""
    out = {phrase}
    if "-" in phrase:
        out.add(phrase.replace("-", " "))
        parts = phrase.split(" ")
        out.add(" ".join(p.replace("-", "") for p in parts))
    words = phrase.split(" ")
    if 2 <= len(words) <= 3 and "-" not in phrase:
        out.add("-".join(words))
    return out


def expand_phrase(phrase: str, *, every_form: bool = False) -> dict[str, tuple[str, ...]]:
    """All surface forms (lowercase) of a base phrase, each with the tags it may carry.

    One word gets all its inflections; in a phrase, the first word (verb phrases:
    "take into account") and the last word (noun phrases: "key stakeholder") inflect.
    `every_form` inflects the last word as a verb too (for `unless` contexts, where
    "financial leveraging" must count like "financial leverage").
    """
    phrase = " ".join(phrase.lower().split())
    words = phrase.split(" ")
    forms: dict[str, tuple[str, ...]] = {}

    def add(ws: list[str], tag: str) -> None:
        for variant in _spelled(ws):
            for hv in hyphen_variants(variant):
                tags = forms.get(hv, ())
                if tag not in tags:
                    forms[hv] = tags + (tag,)

    add(words, "")
    if len(words) == 1:
        for tag, form in word_inflections(words[0]).items():
            add([form], tag)
    else:
        last = word_inflections(words[-1])
        first = word_inflections(words[0])
        # "adversely affect": the first word is no verb, so the last word takes the tense.
        verb_last = every_form or "VBD" not in first
        for tag, form in last.items():
            if tag == "NNS":
                add(words[:-1] + [form], tag)
            elif verb_last:
                add(words[:-1] + [form], tag + LAST)
        for tag, form in first.items():
            if tag != "NNS":
                add([form] + words[1:], tag)
        if words[0] == "be":
            for form, tag in BE_FORMS.items():
                add([form] + words[1:], tag)
    return forms


def _spelled(words: list[str]) -> list[str]:
    """Spelling variants of a phrase: each word varied on its own (few words vary)."""
    variants = [""]
    for w in words:
        options = sorted(spellings(w)) if any(c.isalpha() for c in w) else [w]
        variants = [f"{v} {o}".strip() for v in variants for o in options]
        if len(variants) > 64:
            variants = variants[:64]
    return variants


# --- putting a replacement in place ---------------------------------------------------

def match_case(replacement: str, matched: str) -> str:
    """Utilise -> Use; UTILISE -> USE; utilise -> use (the replacement's own capitals kept).
    An acronym (PRN, NBM: five capitals or fewer) is not shouting: its plain words stay
    in lower case."""
    if matched.islower():
        return replacement
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 5 and all(c.isupper() for c in letters):
        return replacement.upper()
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement
    if letters and matched.lstrip()[:1].isupper() and replacement:
        return replacement[0].upper() + replacement[1:]
    return replacement


def article_for(phrase: str) -> str:
    """'a' or 'an' by the sound the phrase starts with."""
    word = phrase.strip().split(" ")[0] if phrase.strip() else ""
    if not word:
        return "a"
    if word.isupper() and len(word) > 1 and word.isalpha():
        return "an" if word[0] in _ACRONYM_VOWEL else "a"
    lower = word.lower()
    if _CONSONANT_SOUND.match(lower):
        return "a"
    return "an" if _VOWEL_SOUND.match(lower) else "a"


SUBJECTS = frozenset("it he she this that which who what one".split())


def resolve_tag(tag: str, candidates: tuple[str, ...], previous: str | None,
                following: str | None = None, verb_only: bool = False) -> str:
    """Pick VBD or VBN (and NNS or VBZ) for a form that could be either, by context:
    after have/be, or before "by", a past form is a participle; an -s form is a verb
    after it/she/which... or when the replacement can only be a verb, else a plural."""
    tag = tag.rstrip(LAST)
    candidates = tuple(c.rstrip(LAST) for c in candidates)
    if tag in ("VBD", "VBN") and "VBD" in candidates and "VBN" in candidates:
        return "VBN" if previous in BE_HAVE or following == "by" else "VBD"
    if tag in ("NNS", "VBZ") and "NNS" in candidates and "VBZ" in candidates:
        if previous in SUBJECTS or verb_only:
            return "VBZ"
        return "NNS"
    return tag


@lru_cache(maxsize=65536)
def verb_only(word: str) -> bool:
    """True when lemminflect knows `word` as a verb and not as a noun (discourage)."""
    li = _lemminflect()
    w = word.lower()
    return bool(li.getAllInflections(w, upos="VERB")) and not li.getAllInflections(w, upos="NOUN")


def _noun_lemmas(word: str) -> tuple[str, ...]:
    li = _lemminflect()
    return li.getAllLemmas(word).get("NOUN") or li.getAllLemmasOOV(word, "NOUN").get("NOUN", ())


def is_listed_plural(phrase: str, matches: tuple[str, ...]) -> bool:
    """True for a one-word match that is the plural of another match of the same rule
    ("axillae" beside "axilla", "bronchi" beside "bronchus")."""
    word = phrase.strip().lower()
    if " " in word or not word.isalpha():
        return False
    others = {m.strip().lower() for m in matches} - {word}
    return any(lemma != word and lemma in others for lemma in _noun_lemmas(word))


@lru_cache(maxsize=65536)
def is_plural_phrase(phrase: str) -> bool:
    """True when a replacement's head noun is plural ("new ideas", "armpits", not "set
    of tools"), so it takes no "a" or "an"."""
    words = phrase.strip().lower().split(" ")
    # The head noun: the last word before "of", "to", "for"... ("set of tools": "set").
    cut = next((i for i, w in enumerate(words) if i and w in HEAD_ENDS), len(words))
    last = words[cut - 1]
    if not last.isalpha() or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    li = _lemminflect()
    lemmas = li.getAllLemmas(last).get("NOUN", ())
    return bool(lemmas) and last not in lemmas

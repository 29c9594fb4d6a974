"""Words many readers will not know, by how often they appear in English (wordfreq).

A word's score is its Zipf frequency (best spelling or base form, see frequency.zipf) less
LENGTH_WEIGHT for each letter over 6: at the same frequency a long word is harder. A word
scoring below the profile's threshold is flagged; a word of Zipf NEVER_RARE or more never is.

Calibrated on the CWI 2018 development data (tests/benchmarks/bench_cwi.py; the data stays
outside the repository). Its labels mark a word hard when any 1 of 20 crowd readers did,
so the best macro-F1 comes from flagging generously. Words on the everyday list
(resources/data/everyday_words.txt: kidney, lump, cough, pregnancy ...) are never flagged,
for any profile: on real patient answers (tests/benchmarks/bench_real.py) half of the
patient profile's flags were such words. CWI's crowd marked some of them hard (ambulance,
temperature), so with the list the patient threshold moved from 4.2 to 4.5, and a word
scoring 4.2 to 4.5 that is on the Dale-Chall familiar list is left alone (FAMILIAR_FROM):
CWI macro-F1 0.800 pooled (0.797 before) against 0.72 for the 8-letter baseline.
The general and bid profiles use 3.0, which keeps plain public text (the GOV.UK control
text) nearly clean and flags only words rarer than about once in a million; for them a
word common as written (Zipf 4 or more: recommendations, consultation) is never rare
however long it is. Not flagged either, as a reader judged such flags wrong on real
patient answers: medicine names (by their international name stems: prednisone,
mesalamine), a two-word term with a gloss or brand in brackets after it, and set terms
("clinical trials"). The length weight (0.2) and the cap (5.0) were chosen on CWI; 0.3 and
0.4 scored no better with the list.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from jargonfree.core.checks import lower_same_length
from jargonfree.core.matcher import is_explained
from jargonfree.core.model import Finding, make_finding
from jargonfree.core.profiles import Profile
from jargonfree.core.text import Paragraph

# Profile name -> score threshold; None turns the check off.
THRESHOLDS: dict[str, float | None] = {
    "patient": 4.5,  # CWI 2018 macro-F1 with the everyday list (see above)
    "general": 3.0,  # rarer than about once in a million words, allowing for length
    "bid": 3.0,
    "specialist": None,
}
LENGTH_WEIGHT = 0.2
NEVER_RARE = 5.0
# For the public a long word that is common as written (Zipf 4, once in 100,000 words:
# recommendations, consultation, interpretation) is known: the length penalty, tuned on
# CWI's many non-native readers, made the general profile flag them on real reports.
COMMON_FOR: dict[str, float] = {"general": 4.0, "bid": 4.0}
# For patients, a word scoring between this and the threshold is left alone when it is a
# familiar word (on the Dale-Chall list: inches, measure, asleep, bean). With it CWI
# macro-F1 rises (0.800 pooled) and real patient answers lose flags on everyday words.
FAMILIAR_FROM: dict[str, float] = {"patient": 4.2}
# Profiles for which everyday concrete nouns and physical verbs (WordNet's food, artefact,
# animal, plant and object nouns; body, contact and motion verbs, Zipf 3 or more) are never
# rare: on plain NHS patient pages the lead read, nearly every rare-word flag was such a word.
CONCRETE_FOR = frozenset({"patient"})
MIN_LETTERS = 4
# For the public, a word whose family base is this common is read through its base
# ("organisational" from organisation 4.9, "confidentiality" from confidential 3.9). On the
# judged real reports the rare words that stayed right had rarer bases ("diffusion":
# diffuse 3.3, "redirection", "calibrated": calibrate 2.8).
FAMILY_COMMON = 3.8
FAMILY_MAX_LETTERS = 30  # longer "words" have no family (and had thousands of look-ups)
# A hyphenated word whose parts are all this common (or everyday) is plain: "breast-feeding".
PLAIN_PART = 4.5
_BOUND_PREFIXES = frozenset("co re pre post anti multi inter sub semi mid ex de bi tri".split())
# Words wordfreq ranks low that UK readers of health and public text know well.
ALLOW = frozenset(
    """wellbeing paracetamol ibuprofen antibiotics antibiotic inhaler inhalers chemotherapy
    vaccination vaccinations jab jabs covid coronavirus online email emails website
    websites app apps postcode postcodes carer carers discomfort dizziness dizzy""".split()
)
RULE_ID = "uncommon.rare"
MESSAGE = "Many readers will not know this word. Use a more common word or explain it."
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-‐‑][^\W\d_]+)*\Z")
_PARTS_RE = re.compile(r"[-‐‑'’]")
_POSSESSIVE_RE = re.compile(r"['’]s?\Z")
# How a text explains a word: "oedema (swelling)", "swelling (oedema)", "oedema means",
# "oedema is a", "oedema, which is", "oedema, or swelling,", "a swelling called oedema".
# The patterns run on the lowercased text and start at their trigger, not at every word
# (a leading \b or IGNORECASE made them 3-6x slower); the word before a trigger is read
# backwards by hand.
_EXPLAINED_AFTER_RE = re.compile(
    r"\((?!\s*(?:see|e\.g|eg|i\.e|ie|for)\b)([^()\d]{3,120})\)"
    r"|,\s+(?:which|that) (?:is|are|means)\b|,\s+or\s+[^,.;()]{3,60},"
    r"|(?:means|refers to|is short for|is the (?:medical |technical )?(?:word|term|name) for"
    r"|(?:is|are) (?:a|an|the|when|where|what|how))\b"
)
_EXPLAINED_BEFORE_RE = re.compile(
    r"(?:called|known as|termed)\s+(?:an?\s+|the\s+)?([^\W\d_][\w'’-]*)"
)
# Medicine names (international non-proprietary name stems): a leaflet has to name the
# medicine, and readers find it on the box; an editor does not ask for another word.
_MEDICINE_RE = re.compile(
    r"(?:mab|nib|pril|sartan|olol|statin|azole|cycline|mycin|cillin|floxacin|vir|dipine"
    r"|tidine|prazole|amine|olone|isone|sone|xate|oxetine|azepam|azolam|triptan|semide"
    r"|thiazide|parin|platin|taxel|rubicin|lukast|terol|tropium|phylline|formin|glitazone"
    r"|gliptin|flozin|salicylate|ylate|oxacin|conazole|profen|fenac|codone|morphone|caine"
    r"|dronate|relin|lutamide|zumab|ximab|umab|tinib)s?\Z"
)
# A rare word with a brand name or a gloss in brackets after it or the word after it:
# "bismuth subsalicylate (Kaopectate)", "retromolar trigone (the area behind ...)".
_BRACKET_AFTER_NEXT_RE = re.compile(r"\s+[^\W\d_][\w'’-]*\s+\((?!\s*[A-Z]{2,}s?\s*\))")
# A capitalised word followed by a capitalised word that is not an acronym: a name.
_NAME_PAIR_RE = re.compile(
    r"[ \t]+[A-Z][a-z]+(?:[-'’][A-Za-z]+)?\b(?![ \t]*[a-z])|[ \t]+[A-Z][a-z]+,")
_ONE_WORD_RE = re.compile(r"\s*([^\W\d_][\w'’-]*)\s*\Z")


@lru_cache(maxsize=200_000)
def score(word: str) -> float:
    """Lower is harder: Zipf frequency less a length penalty (NEVER_RARE and up stays).
    Words the check never judges (too short, digits, on the allow list, with no Latin
    letter: the frequencies are English) score infinity."""
    from jargonfree.core.frequency import is_latin, zipf

    if (
        len(word) < MIN_LETTERS or not _WORD_RE.match(word) or word.lower() in ALLOW
        or not is_latin(word) or is_everyday(word)
    ):
        return math.inf
    z = zipf(word)
    if z >= NEVER_RARE:
        return z
    letters = max(_letters(part) for part in _PARTS_RE.split(word))
    return z - LENGTH_WEIGHT * (letters - 6)


def _letters(word: str) -> int:
    """The length the penalty counts: that of the word's shortest base form about as common
    as the word ("carefully" counts as "careful", "twisting" as "twist"): an inflection or
    an -ly adds letters, not difficulty."""
    from jargonfree.core.frequency import _base_forms, frequencies

    w = word.lower()
    if len(w) <= 6:
        return len(w)
    freqs = frequencies()
    own = freqs.get(w) or 0.0
    best = len(w)
    for form in _base_forms(w)[1:]:
        f = freqs.get(form)
        if f and f >= own and len(form) < best:
            best = len(form)
    return best


@lru_cache(maxsize=1)
def concrete_words() -> frozenset[str]:
    """Everyday concrete nouns and physical verbs (resources/data/concrete_words.txt, built
    from Open English WordNet by tools/build_concrete_words.py)."""
    from jargonfree.resources import resource_path

    with resource_path("data", "concrete_words.txt").open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and line[0] != "#")


@lru_cache(maxsize=50_000)
def is_concrete(word: str) -> bool:
    """Is the word or a base form of it an everyday concrete noun or physical verb?"""
    from jargonfree.core.frequency import _base_forms

    words = concrete_words()
    return any(form in words for form in _base_forms(word.lower()))


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The everyday-words list (resources/data/everyday_words.txt): never flagged."""
    from jargonfree.resources import resource_path

    path = resource_path("data", "everyday_words.txt")
    with path.open(encoding="utf-8") as fh:
        return frozenset(
            line.strip().lower() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=50_000)
def is_everyday(word: str) -> bool:
    """Is the word, one of its base forms or its other spelling on the everyday list
    ("tumors" -> "tumour", "coughing" -> "cough", "kidneys" -> "kidney")?"""
    from jargonfree.core.frequency import _base_forms
    from jargonfree.core.spelling import variants as spelling_variants

    words = everyday_words()
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in words or (w.endswith("es") and w[:-2] in words):  # viruses, boxes
        return True
    if any(
        form in words for variant in {w, *spelling_variants(w)} for form in _base_forms(variant)
    ):
        return True
    return any(base in words for base in family(w))


# Derivational endings that keep a word's meaning readable from its base: (ending, what
# replaces it). A reader who knows "organisation" reads "organisational"; one who knows
# "confidential" reads "confidentiality"; "duplicate" gives "duplication". Kept to endings
# that do not change the sense: -ive, -ator, -ics and -ic are left out, as they made false
# families on real text ("comparators" is not "compare", "informatics" not "inform").
_FAMILY_ENDINGS = (
    ("ational", "ation"), ("itional", "ition"), ("ional", "ion"), ("ality", "al"),
    ("ility", "le"), ("ity", ""), ("ications", "icate"), ("ication", "icate"),
    ("ations", "ate"), ("ation", "ate"), ("ations", "e"), ("ation", "e"), ("ations", ""),
    ("ation", ""), ("isation", "ise"), ("ization", "ize"), ("ised", ""), ("ized", ""),
    ("ise", ""), ("ize", ""), ("nesses", ""), ("ness", ""), ("ships", ""), ("ship", ""),
    ("ally", "al"), ("ally", ""), ("als", ""), ("al", ""), ("ments", ""), ("ment", ""),
    ("ostic", "osis"), ("otic", "osis"), ("ytic", "ysis"), ("etic", "esis"),  # diagnostic
)
# Negating prefixes: "invaluable" is read through "valuable", "inaccuracies" through
# "accuracy". (un-, non- and mis- are judged by frequency.zipf already.)
_FAMILY_PREFIXES = ("in", "im", "ir", "il")


@lru_cache(maxsize=50_000)
def family(word: str) -> tuple[str, ...]:
    """Lowercase base words of a word's family, two derivational steps deep, in their
    base forms: "organisational" -> organisation, organise ...; "confidentiality" ->
    confidential; "duplication" -> duplicate; "referrals" -> refer. The word itself is
    not included."""
    from jargonfree.core.frequency import _base_forms

    w = word.lower()
    if len(w) > FAMILY_MAX_LETTERS:
        return ()  # a pasted run of letters, not a derived word
    out: list[str] = []
    todo = [w] + [w[len(p) :] for p in _FAMILY_PREFIXES if w.startswith(p) and len(w) > len(p) + 5]
    out += todo[1:]
    for _ in range(2):
        nxt = []
        for v in todo:
            for form in _base_forms(v):
                for end, repl in _FAMILY_ENDINGS:
                    if form.endswith(end) and len(form) - len(end) >= 4:
                        stem = form[: -len(end)]
                        for base in {stem + repl, stem[:-1] if len(stem) >= 5
                                     and stem[-1] == stem[-2] and not repl else stem + repl}:
                            if base != w and base not in out:
                                out.append(base)
                                nxt.append(base)
        todo = nxt
    return tuple(out)


@lru_cache(maxsize=50_000)
def family_zipf(word: str) -> float:
    """The Zipf frequency of the commonest base in the word's family (0 when none)."""
    from jargonfree.core.frequency import _best

    return max((_best(base) for base in family(word)), default=0.0)


@lru_cache(maxsize=50_000)
def is_familiar(word: str) -> bool:
    """Is the word, or a base form of it, on the Dale-Chall list of familiar words?"""
    from jargonfree.core.frequency import _base_forms
    from jargonfree.core.syllables import dale_chall_easy_words

    easy = dale_chall_easy_words()
    return any(form in easy for form in _base_forms(word.lower()))


def is_uncommon(word: str, threshold: float) -> bool:
    """Would the check flag this word (out of context) at this threshold?"""
    return score(word) < threshold


def check(par: Paragraph, profile: Profile, plain: frozenset[str] = frozenset()) -> list[Finding]:
    """uncommon.rare findings in one paragraph (offsets relative to the paragraph).

    `plain` holds the words jargonfree's own rules offer as suggestions (lowercase, in
    every form offered): a word we tell people to write is never flagged as rare.

    Skipped: names (capitalised words not at the start of a sentence, or capitalised
    wherever else the paragraph uses them), all-capital and camel-case words (acronyms
    are the acronym check's job), numbers, and words explained right there in brackets.
    """
    threshold = THRESHOLDS.get(profile.name, THRESHOLDS["general"])
    if threshold is None or not profile.uncommon_words:
        return []
    common = COMMON_FOR.get(profile.name)
    familiar = FAMILIAR_FROM.get(profile.name)
    text = par.text
    judge = score
    findings = []
    names: set[str] | None = None  # built on the first rare capitalised first word
    set_spans: list[tuple[int, int]] | None = None  # set terms, found on the first need
    for sentence in par.sentences:
        first = sentence.words[0][0]
        for s, e in sentence.words:
            if e - s < MIN_LETTERS:
                continue
            word = text[s:e]
            if judge(word) >= threshold:
                continue  # most words leave here, on one cached look-up
            if plain and word.lower() in plain:
                continue  # one of our own suggestions ("tummy", "medicines")
            if common is not None and _zipf(word) >= common:
                continue
            if familiar is not None and judge(word) >= familiar and is_familiar(word):
                continue
            if profile.name in CONCRETE_FOR and is_concrete(word):
                continue  # kettle, scarf, wasp, rub, twist: things and actions people know
            if word[0].isupper():
                if s != first or not word[1:].islower():
                    continue
                if names is None:
                    names = _mid_sentence_capitals(par)
                if word in names:
                    continue  # a name: the paragraph capitalises it mid-sentence too
                if _NAME_PAIR_RE.match(text, e):
                    continue  # "Josephine Bleach, National College": a person's name
            if text[s - 1 : s] == "(" or text[e : e + 1] == ")" or text[e : e + 2] == " (":
                continue  # explained right there: "swelling (oedema)", "oedema (swelling)"
            if is_explained(text, s, e):
                continue  # "oedema, also known as swelling", "a swelling called oedema"
            low = word.lower()
            if _MEDICINE_RE.search(low) or _BRACKET_AFTER_NEXT_RE.match(text, e):
                continue  # a medicine's name, or a two-word term explained in brackets
            if common is not None and family_zipf(low) >= FAMILY_COMMON:
                continue  # "organisational", "confidentiality": the base is common
            if "-" in low and _plain_parts(low):
                continue  # "breast-feeding": every part is an everyday word
            if set_spans is None:
                set_spans = _set_term_spans(text)
            if any(a <= s and e <= b for a, b in set_spans):
                continue  # "life expectancy", "clinical trials"
            if is_medicine_here(text, s, e):
                continue  # "bismuth subsalicylate", "medicines such as cholestyramine"
            findings.append(make_finding(text, s, e, RULE_ID, "uncommon", MESSAGE))
    return findings


def _plain_parts(word: str) -> bool:
    """Is every part of a hyphenated word everyday, familiar or common (Zipf 4.5)?"""
    from jargonfree.core.frequency import zipf

    parts = [p for p in _PARTS_RE.split(word) if p]
    if any(p in _BOUND_PREFIXES for p in parts):
        return False  # "co-production", "sub-group": a derived word, judged as a whole
    return len(parts) > 1 and all(
        is_everyday(p) or is_familiar(p) or zipf(p) >= PLAIN_PART for p in parts)


@lru_cache(maxsize=1)
def _set_term_re() -> re.Pattern[str]:
    """One pattern for every set term of the everyday list, any word taking a plural."""
    terms = sorted((t for t in everyday_words() if " " in t), key=len, reverse=True)
    alts = []
    for term in terms:
        words = [re.escape(w) + r"(?:s|es)?" for w in re.split(r"[ -]", term)]
        alts.append(r"[\s-]+".join(words))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


def _set_term_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _set_term_re().finditer(lower_same_length(text))]


# Medicines in context: words named in a list after "medicines such as", and a word next
# to a medicine's name ("bismuth subsalicylate", "diphenoxylate with atropine").
_MEDICINE_LIST_RE = re.compile(
    r"(?:medicines?|medications?|drugs?|tablets?|antibiotics?|painkillers?|steroids?"
    r"|corticosteroids?|treatments?|therapies|therapy)"
    r"(?:,|\s+)\s*(?:such\s+as|like|called|including|include|includes|e\.g\.,?)\s+"
    # the list: items of one or two words, each maybe with a brand in brackets
    r"((?:[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?(?:\s+\([^()]{1,40}\))?"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*\Z)){1,12})",
)
_LINKED_RE = re.compile(r"(?:\s+(?:and|or|with|plus)\s+|\s*,\s*|\s+)")
_NEXT_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def is_medicine_here(text: str, start: int, end: int) -> bool:
    """Is the word at text[start:end] a medicine's name by its context?"""
    lo = max(0, start - 320)
    low = lower_same_length(text[lo : end + 80])
    s, e = start - lo, end - lo
    head = low[:s]
    if any(cue in head for cue in _LIST_CUES):  # most windows have none: skip the regex
        for m in _MEDICINE_LIST_RE.finditer(low, 0, e):
            if m.start(1) <= s and e <= m.end(1):
                return True
    nxt = _LINKED_RE.match(low, e)
    if nxt:
        w = _NEXT_WORD_RE.match(low, nxt.end())
        if w and _MEDICINE_RE.search(w.group()):
            return True
    prev = _previous_word(head)
    return bool(prev and _MEDICINE_RE.search(prev))


_LIST_CUES = ("such as", "like", "called", "includ", "e.g.")
_CONNECTORS = (" and", " or", " with", " plus", ",")


def _previous_word(head: str) -> str:
    """The word before a place, past spaces and one connector ("and", "or", "with", ",")."""
    h = head.rstrip()
    for conn in _CONNECTORS:
        if h.endswith(conn):
            h = h[: -len(conn)].rstrip()
            break
    j = len(h)
    while j and (h[j - 1].isalnum() or h[j - 1] in "'’-"):
        j -= 1
    return h[j:]


def _zipf(word: str) -> float:
    from jargonfree.core.frequency import zipf

    return zipf(word)


def _mid_sentence_capitals(par: Paragraph) -> set[str]:
    """Capitalised words the paragraph uses after the start of a sentence (names), in one
    pass: searching the paragraph for each capitalised first word was quadratic."""
    text = par.text
    names = set()
    for sentence in par.sentences:
        for s, e in sentence.words[1:]:
            # After a space, not after ". " or a line break: those may start a sentence
            # the splitter did not see ("Key points. Oedema ..."), so they prove nothing.
            if text[s].isupper() and text[s - 1] in " \n" and text[s - 2] not in ".!?\n":
                word = text[s:e]
                names.add(word)
                names.add(_POSSESSIVE_RE.sub("", word))  # "Smith's" names "Smith" too
    return names


def defined_terms(text: str) -> set[str]:
    """Lowercase words the text explains: 'X (plain words)', '(X)', 'X means ...', 'X is
    a ...', 'X, which is ...', 'X, or plain words,', 'called X'."""
    low = lower_same_length(text)
    found = set()
    for m in _EXPLAINED_BEFORE_RE.finditer(low):
        if not m.start() or not low[m.start() - 1].isalnum():
            found.add(m.group(1))
    for m in _EXPLAINED_AFTER_RE.finditer(low):
        start = m.start()
        inside = m.group(1)
        if inside is not None:
            one = _ONE_WORD_RE.match(inside)
            if one:
                found.add(one.group(1))  # "high blood pressure (hypertension)"
        elif low[start] != "," and start and low[start - 1].isalnum():
            continue  # "xmeans": not the word "means"
        word = _word_before(low, start)
        if word:
            found.add(word)
    return found


def _word_before(text: str, end: int) -> str:
    """The word just before `end`, past spaces and a comma."""
    j = end
    while j > 0 and text[j - 1] in " \t\n,":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    return text[k:j].strip("'’-")

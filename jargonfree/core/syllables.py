"""Syllable counts: the CMU Pronouncing Dictionary first, then rules for words it lacks.

`count_syllables` looks a word up in resources/data/cmu_syllables.txt.gz (built by
tools/build_syllables.py), then tries British-to-American respellings and known stems with
prefixes or suffixes, and only then `guess_syllables`, the rule-based fallback. Tokens are
words as jargonfree.core.text.WORD_RE finds them: numbers are said ("2026" is "twenty
twenty-six"), all-capital abbreviations are spelled out ("NHS" is three syllables).
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

from jargonfree.resources import resource_path

V = "aeiouY"  # vowels once a vowel "y" has been written "Y" (see _mark_y)

# y is a consonant at the start before a vowel (yes), between vowels (mayor) and after n or w
# before a vowel (Kenya, lawyer); otherwise it is a vowel (gym, day, flying, cyanide).
_Y_VOWEL = re.compile(
    r"(?<![aeiou])y(?![aeiou])|(?<=[aeiou])y(?![aeiou])|(?<=[^aeiounw])y(?=[aeiou])(?!ard)"
)
_VOWEL_GROUP = re.compile(r"[aeiouY]+")
# Each pattern matches the first vowel of a pair that is said as two syllables.
_SPLITS = (
    r"(?<![cgstx])(?<!ll)i(?=a)|(?<=x)i(?=a$)",  # media, trial, anorexia; not special, William
    r"(?<![cgstxn])(?<!ll)i(?=o(?!ur))|(?<=n)i(?=o(?!n))|(?<=[cstgx])i(?=o(?![nu]))",
    # ^ radio, physio, ratio; not nation, union, precious, behaviour
    r"(?<!g)e(?=o(?!p(?:le|ard)))(?:(?<![aeiouY][^aeiouY]e)|(?!o(?:ut|ver|ff|wn|ne)))"
    r"|^ge(?=o[^r])",
    # ^ video, neon, geology; not surgeon, people, takeover, someone
    r"i(?=u)|(?<!q)u(?=o)|(?<![qg])u(?=a)",  # medium, duo, dual; not quote, equal, guard
    r"(?<![qgb])u(?=i[^tcsl])",  # ruin, fluid; not fruit, build, suicide
    r"[aeiou](?=ing)|(?<![qg])[aiou](?=is[mt])|(?<=th|.d)e(?=is[mt])",
    # ^ being, egoism, atheist; not Lindquist
    r"(?<=[^aeiou])(?<!^p)i(?=e(?:rs?|st|sts|ty|ties|tal|tary)$)|(?<=qu)i(?=e)|(?<=e)i(?=er)"
    r"|(?<=[rb])i(?=el)",  # happier, variety, quiet, Meier, Gabriel
    r"(?<=[^aeioutc])i(?=en.)|(?<=sc)i(?=en)",  # client, science; not patient, Julien
    r"(?<![qg])u(?=e[nrt])|^[^aeiouY]*u(?=el)",  # fluent, duet, cruel; not Samuel
    r"(?<=[dnrhgmv])e(?=a$)|(?<![cj])(?<!cl)(?<!b)(?<=[aeiouY][^aeiouY])e(?=an$)",  # idea, Korean
    r"e(?=at(?:e|ion|ions|ive)$)|(?<=th)e(?=at)",  # create, theatre
    r"i(?=at(?:e|ed|es|ing|ion|ions|or|ors|ive)$)",  # initiate
    r"o(?=e[mt](?!h))|o(?=a$)|(?<=o)e(?=a$)|[ao](?=ic(?!e))",  # poem, boa, apnoea, stoic; not voice
    r"e(?=ity|if[yi])",  # deity, deify
    r"e(?=ums?$|us$)",  # museum, nucleus
    r"u(?=ous)|(?<![gc])e(?=ous)",  # continuous, erroneous; not gorgeous
    r"a(?=o.)(?!ord)",  # chaos; not extraordinary, Mao
    r"Y(?=[aeiou])",  # cyanide, flying
)
_SPLIT_RE = re.compile("|".join(_SPLITS))
# Prefixes said as their own syllable before a vowel (re-open, co-operate).
_PREFIX_SPLIT = re.compile(
    r"^re(?=a(?:ct|dj|dm|ff|lig|lloc|ppe|ppl|ppo|ppr|rm|rr|ss|tt|uth|wa|bs|cq|cc|li[sz]|lit|lis)"
    r"|e(?:lect|merg|mph|nact|nter|ngin|stab|valu|x|duc)"
    r"|i(?:mb|mp|nc|nf|nj|ns|nt|nv|ssu|gnit|ter))"
    r"|^pre(?=e[mxl]|a(?:rr|mb|dol|dm|pp|ss)|i(?:gn|nd|ns|nc|nf))"
    r"|^de(?=a(?:ct|dv|cc|ff)|e(?:mph|sc|mp)|i(?:nst|nd|on))"
    r"|^co(?=o(?:rd|per|pt)|a(?:g|li|les|uth|rt|xi|ct)|e(?!s|l)|i(?:nc|ns|nf|nt))"
    r"|^(?:bi|ne|micr|macr|gastr|neur|hydr|electr|cardi|radi|oste|phot|aut|pseud|prot|retr"
    r"|therm|path|immun|ser|zo)o(?=[aeiu])"
    r"|^(?:ant|sem|mult)i(?=[aeiou])|^(?:ultr|infr|intr|extr|supr)a(?=[aeiu]|o(?!rd))"
)
_SILENT_E_BEFORE = (
    "ly|ment|ments|ful|fully|less|lessly|lessness|ness|nesses|man|men|wood|ville|side|"
    "time|times|line|lines|stone|house|houses|work|works|ware|way|ways|where|land|board|"
    "ship|ships|hood|worth|some|craft|well|head|town|back|backs|like|field|keeper|keepers|"
    "keeping|holder|holders|hold|forth|port|down|water|wife|wives|bank|stock|wide|master|maker"
).replace("y", "[yY]")
# A final e of the first part of a word stays silent before these endings (hopeful, lifetime).
_SILENT_INNER_E = re.compile(
    rf"(?:(?<=[{V}][^{V}])|(?<=[{V}](?:ng|dg|rg|rc|ns|rs|ls|nc|st|ct)))(?<!lement)"
    rf"e(?=(?:{_SILENT_E_BEFORE})$)"
    rf"|(?<=[{V}][^{V}])e(?=s(?:man|men|woman|women|person|people)$)"  # spokesman
    r"|^(?:fore|home|white|some|life|safe|base|case|game|sale|side|time|wine|stone|house|horse"
    r"|type|bridge|ice|grape|peace|share|whole|hedge|guide|trade|score"
    r"|store|spoke|make|take|space|grave|lime|line|name|nine|note|pipe|shake|smoke"
    r"|tone|vine|bride|care|code|face|fate|hate|hole|hose|lake|life|love|mine|move|nose|pace"
    r"|page|race|rule|sole|tube|wage|wave|wide|where|there|here|bone)"
    r"(?=[^aeiouyrs]|s[^aeiouys]|see)(?!st(?:s|ed|er|ers|ry)?$)"
)
# Prefixes counted apart from the rest of the word (each one measured not to lose on CMU words).
_GUESS_PREFIXES = {
    "anti": 2, "auto": 2, "bio": 2, "cardio": 3, "contra": 2, "counter": 2, "electro": 3,
    "gastro": 2, "haemo": 2, "hemo": 2, "hyper": 2, "hypo": 2, "immuno": 3, "inter": 2,
    "keto": 2, "macro": 2, "micro": 2, "mono": 2, "neuro": 2, "osteo": 3, "over": 2, "photo": 2,
    "physio": 3, "poly": 2, "pseudo": 2, "psycho": 2, "radio": 3, "semi": 2, "socio": 3,
    "super": 2, "tele": 2, "thermo": 2, "ultra": 2,
}
_GUESS_PREFIX = re.compile("|".join(sorted(_GUESS_PREFIXES, key=len, reverse=True)))
_FINAL_E_SILENT = re.compile(rf"[^{V}]e$")
_FINAL_E_SAID = re.compile(rf"(?:[^{V}l]le|[^{V}r]re|nte)$")  # table, centre, Clemente
_ES_SILENT = re.compile(rf"[^{V}]es$")
_ES_SAID = re.compile(rf"(?:[sxz]|ch|sh|[cg]|[^{V}l]l|[^{V}r]r)es$")  # boxes, pages, tables
_ED_SILENT = re.compile(rf"(?:[^{V}]|[aeo]y)ed$")
_ED_SAID = re.compile(rf"(?:[td]|[^{V}l]l|[^{V}r]r)ed$")  # wanted, cycled, centred
_UE_SILENT = re.compile(r"(?:[aeiou]n?g|q)ues?$")  # league, tongue, technique
# prism, rhythm, fire (two syllables in CMU), McKay
_ADD_ONE = re.compile(r"(?<!^)sms?$|thms?$|(?<![aeiou])(?<!sh)ire[sd]?$|^mc")
_EYE = re.compile(r"eye(?!r)")  # eyelid, bugeye; not Meyer


def _mark_y(w: str) -> str:
    """Write a y that is said as a vowel as "Y"."""
    return _Y_VOWEL.sub("Y", w) if "y" in w else w


def _guess_plain(w: str) -> int:
    """Syllables of a lowercase word of letters a-z only, by rule."""
    m = _GUESS_PREFIX.match(w)
    if m and len(w) - m.end() >= 5:  # anti|coagulant, psycho|social
        return _GUESS_PREFIXES[m.group()] + _guess_plain(w[m.end() :])
    w = _mark_y(_EYE.sub("i", w) if "eye" in w else w)
    n = len(_VOWEL_GROUP.findall(w))
    if n == 0:
        return _spell(w)
    n += len(_SPLIT_RE.findall(w)) + len(_PREFIX_SPLIT.findall(w))
    if n > 1:
        if _FINAL_E_SILENT.search(w):
            if not _FINAL_E_SAID.search(w):
                n -= 1
        elif _ES_SILENT.search(w):
            if not _ES_SAID.search(w):
                n -= 1
        elif _ED_SILENT.search(w):
            if not _ED_SAID.search(w):
                n -= 1
        elif _UE_SILENT.search(w):
            n -= 1
        n -= len(_SILENT_INNER_E.findall(w))
    n += len(_ADD_ONE.findall(w))
    if w.endswith("icallY"):  # basically: CMU and British dictionaries say "-ickly"
        n -= 1
    return max(1, n)


def _spell(letters: str) -> int:
    """Syllables of letters said one by one (W is "double-u")."""
    return sum(3 if c in "wW" else 1 for c in letters if c.isalpha())


# Numbers, said the British way: 1,250 is "one thousand, two hundred and fifty".
_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero .. nine
_TEENS = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten .. nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # twenty .. ninety
_SCALES = ((10**9, 2), (10**6, 2), (1000, 2))  # billion, million, thousand


def _say_int(n: int) -> int:
    """Syllables of a whole number said in words."""
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else 0)
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + 2 + (1 + _say_int(rest) if rest else 0)  # "and"
    if n >= 10**12:
        return sum(_ONES[int(d)] for d in str(n))
    for scale, cost in _SCALES:
        if n >= scale:
            head, rest = divmod(n, scale)
            tail = 0
            if rest:
                tail = _say_int(rest) + (1 if rest < 100 else 0)  # "two thousand and six"
            return _say_int(head) + cost + tail
    raise AssertionError(n)


def _say_number(digits: str) -> int:
    """Syllables of a number as written: 15, 2026, 1,250.50, 007."""
    whole, _, frac = digits.partition(".")
    whole = whole.replace(",", "")
    n = 0
    if whole:
        if len(whole) > 1 and whole[0] == "0" or len(whole) > 12:
            n = sum(_ONES[int(d)] for d in whole)  # said digit by digit
        elif len(whole) == 4 and "," not in digits and 1100 <= int(whole) <= 2099 and not frac:
            n = _say_year(int(whole))
        else:
            n = _say_int(int(whole))
    if frac:
        n += 1 + sum(_ONES[int(d)] for d in frac if d.isdigit())  # "point five oh"
    return n


def _say_year(y: int) -> int:
    """2026 is "twenty twenty-six", 1900 "nineteen hundred", 2005 "two thousand and five"."""
    if 2000 <= y <= 2009:
        return 3 + (1 + _ONES[y - 2000] if y > 2000 else 0)
    hi, lo = divmod(y, 100)
    if lo == 0:
        return _say_int(hi) + 2
    return _say_int(hi) + (1 + _ONES[lo] if lo < 10 else _say_int(lo))  # "nineteen oh five"


_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)", re.I)
# Units written after a number; said in full ("5mg" is "five milligrams").
_UNITS = {"mg": 3, "mcg": 4, "ml": 3, "kg": 3, "g": 1, "km": 3, "cm": 3, "mm": 3, "m": 1,
          "l": 1, "am": 2, "pm": 2, "h": 1, "hr": 1, "hrs": 1, "k": 1, "bn": 2, "kcal": 3}
# Consonant clusters English words begin and end with; an all-capital token whose edges are
# not among them is spelled out (NIHR, MRSA, COPD), otherwise said as a word (NATO, OFSTED).
_ONSETS = frozenset(
    "b bl br c ch chr cl cr d dr f fl fr g gl gr h j k kl kn kr l m n p ph pl pr ps qu r s sc sch"
    " scr sh shr sk sl sm sn sp sph spl spr st str sw t th thr tr tw v w wh wr x z".split()
) | {""}
_CODAS = frozenset(
    "b ck ct d ds f ft g gs k ks l ld lf lk ll lm lp ls lt m mp mps n nce nd nds ng ngs nk nks ns"
    " nt nts p ps pt r rb rc rd rds rf rg rk rl rm rn rp rs rst rt rts s sh sk sp ss st sts t th"
    " ts tch x z".split()
) | {""}
_MEDIAL = re.compile(r"(?<=[aeiouy])[^aeiouy]{3,}(?=[aeiouy])")
_ACRONYM_EDGES = re.compile(r"^([^aeiouy]*)[aeiouy].*?([^aeiouy]*)$")


def _pronounceable(lw: str) -> bool:
    """Could this lowercase all-capital token be said as a word (NATO) rather than spelled?"""
    m = _ACRONYM_EDGES.match(lw)
    if not m or m.group(1) not in _ONSETS or m.group(2) not in _CODAS:
        return False
    if re.search(r"[aeiou]{3}", lw):
        return False
    # Inside the word, three consonants or more must end in a cluster a word can begin with.
    return all(run[-2:] in _ONSETS or run[-3:] in _ONSETS for run in _MEDIAL.findall(lw))


def guess_syllables(word: str) -> int:
    """Rule-based syllable count for any word token, without the dictionary."""
    return _count(word, None)


@lru_cache(maxsize=1 << 17)
def count_syllables(word: str) -> int:
    """Syllables in one word token: dictionary first, then respellings, stems and rules."""
    if not word:
        return 0
    lookup = _dictionary()
    lw = word.lower().replace("’", "'")
    n = _SAID_IN_FULL.get(lw.rstrip("."))
    if n is not None:
        return n
    n = lookup.get(lw)
    if n is not None and not _is_capitals(word):
        return max(1, n)  # CMU gives "hmm" no vowel; every word is said with one at least
    return _count(word, lookup)


# Abbreviations read as the full word, where CMU has another reading (its "dr" is one syllable).
_SAID_IN_FULL = {"dr": 2, "drs": 2, "etc": 4, "vs": 2, "mg": 3, "mcg": 4, "ml": 3, "kg": 3,
                 "mmol": 3, "km": 3, "cm": 3, "mm": 3, "kcal": 3}  # doctor, ..., millimoles


def _is_capitals(word: str) -> bool:
    """NHS, GPs: two or more capitals, perhaps with a plural s."""
    letters = word.replace("'", "").replace(".", "")
    return len(letters) > 1 and (letters.isupper() or bool(_CAPS_PLURAL.fullmatch(letters)))


_SIBILANT = re.compile(r"(?:[sxz]|ch|sh)$")
_SIBILANT_E = re.compile(r"(?:[sxz]|ch|sh|[cgsz]e)$")
_CAPS_PLURAL = re.compile(r"[A-Z]{2,}s")
_PARTS = re.compile(r"[-‐‑/]+")
_MIXED_CAPS = re.compile(r"[A-Z](?![a-z])")  # a capital that is not the start of a syllable run


def _count(word: str, lookup: dict[str, int] | None) -> int:
    """Count a token by rule, using `lookup` (the dictionary) for it and its parts if given."""
    word = word.replace("’", "'").strip("'-‐‑/")
    if not word:
        return 1
    if lookup is not None and not _is_capitals(word):
        n = _known(word.lower(), lookup, 2)
        if n:
            return n
    if _PARTS.search(word):
        return max(1, sum(_count(p, lookup) for p in _PARTS.split(word) if p))
    if any(c.isdigit() for c in word):
        return _count_alnum(word, lookup)
    if "." in word:
        if "." not in word[:-1] and len(word) > 2:  # Prof. Jan.
            return _count(word[:-1], lookup)
        return max(1, _spell(word))  # e.g. p.m. U.K.
    if _is_capitals(word):
        return _count_capitals(word, lookup)
    lw = word.lower()
    if _MIXED_CAPS.search(word) and not _pronounceable(lw):
        return max(1, _spell(word))  # mRNA, eGFR, HbA1c; not McDonald, iPhone
    if "'" in lw:
        return _count_apostrophe(lw, lookup)
    if not lw.isascii():
        if "ï" in lw or "ë" in lw:  # naïve, Zoë: the diaeresis starts a syllable
            return sum(_count(_fold(p), lookup) for p in re.split(r"(?=[ïë])", lw) if p)
        lw = _fold(lw.replace("é", "ey"))  # café, résumé: the accent says the e
    if not lw.isalpha():
        return max(1, sum(_guess_plain(p) for p in re.findall(r"[a-z]+", lw)))
    return _guess_plain(lw)


def _count_alnum(word: str, lookup: dict[str, int] | None) -> int:
    """Tokens with digits: 15, 2026, 1,250.50, 21st, 5mg, COVID19."""
    m = _ORDINAL.fullmatch(word)
    if m:
        n = int(m.group(1))
        # "second" and "twentieth" have a syllable more than "two" and "twenty"
        extra = (n % 10 == 2 and n % 100 != 12) or (n % 10 == 0 and n % 100 >= 20)
        return _say_number(m.group(1)) + int(extra)
    total = 0
    for run in re.findall(r"\d+(?:[.,]\d+)*|[^\W\d_]+", word):
        if run[0].isdigit():
            total += _say_number(run)
        elif run.lower() in _UNITS and total:
            total += _UNITS[run.lower()]
        else:
            total += _count(run, lookup)
    return max(1, total)


def _count_capitals(word: str, lookup: dict[str, int] | None) -> int:
    """All-capital tokens: NHS and GPs are spelled out; NATO and NICE are said as words."""
    letters = word.replace("'", "")
    plural = letters.endswith("s") and not letters.isupper()
    stem = letters[:-1] if plural else letters
    lw = stem.lower()
    if len(stem) >= 4 or lw in _short_words():
        if lookup is not None and lw in lookup and len(stem) >= 4:
            return max(1, lookup[lw])
        if lw in _short_words() or _pronounceable(lw):
            return _count(lw, lookup)
    return _spell(stem)


def _count_apostrophe(lw: str, lookup: dict[str, int] | None) -> int:
    """Possessives and contractions: patient's, nurses', don't, they'll."""
    stem, _, tail = lw.rpartition("'")
    if not stem:
        return _count(tail, lookup)
    base = _count(stem, lookup)
    if tail == "s":
        return base + (1 if _SIBILANT_E.search(stem) else 0)  # nurse's, Thomas's
    if tail == "t" and stem.endswith("n"):  # didn't: "n't" is a syllable after a consonant
        core = stem[:-1]
        return _count(core, lookup) + (1 if core and core[-1] not in "aeiouy" else 0)
    if tail in ("ll", "ve", "d"):  # that'll, could've, it'd: a syllable after a consonant
        return base + (1 if stem[-1] not in "aeiouy" else 0)
    if tail in ("", "re", "m"):
        return base
    return max(1, base + _count(tail, lookup))  # o'clock, O'Brien


def _fold(w: str) -> str:
    """Strip accents: café -> cafe, naïve -> naive."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


# British spellings to try in the (American) dictionary: utilise, oedema, behaviour, centre.
_RESPELL = (
    (re.compile(r"is(?=e$|ed$|es$|er$|ers$|ing$|ation|able$)"), "iz"),
    (re.compile(r"ys(?=e$|ed$|es$|ing$|er$|ers$)"), "yz"),
    (re.compile(r"(?<=..)our"), "or"),
    (re.compile(r"(?<=[bt])re(?=s?$)"), "er"),
    (re.compile(r"(?<=[bt])red$"), "ered"),
    (re.compile(r"(?<=.)ae|^ae(?=s)|(?<=.)oe(?=[^s]|$)|^oe(?=[sd])"), "e"),
    (re.compile(r"ogue(?=s?$)"), "og"),
    (re.compile(r"mme(?=s?$)"), "m"),
    (re.compile(r"(?<=[aeiou])ll(?=ing$|ed$|er$|ers$|or$|ors$)"), "l"),
    (re.compile(r"(?<=[ef]n)ce(?=s?$)"), "se"),
)
# Endings whose syllables add to a known stem: (ending, syllables, stem endings to try).
_SUFFIXES = (
    ("isations", 3, ("",)), ("isation", 3, ("",)), ("izations", 3, ("",)),
    ("ization", 3, ("",)), ("ising", 2, ("", "e")), ("izing", 2, ("", "e")),
    ("ises", 2, ("",)), ("izes", 2, ("",)), ("ised", 1, ("",)), ("ized", 1, ("",)),
    ("ise", 1, ("", "e")), ("ize", 1, ("", "e")), ("ability", 4, ("", "e")),
    ("ably", 2, ("", "e")), ("able", 2, ("", "e")), ("ically", 2, ("",)), ("ical", 2, ("",)),
    ("ities", 2, ("",)), ("ity", 2, ("",)), ("ness", 1, ("",)), ("less", 1, ("",)),
    ("ments", 1, ("",)), ("ment", 1, ("",)), ("ful", 1, ("",)), ("ism", 2, ("",)),
    ("ists", 1, ("",)), ("ist", 1, ("",)), ("ship", 1, ("",)), ("wise", 1, ("",)),
    ("ally", 1, ("al",)), ("ly", 1, ("",)), ("ing", 1, ("", "e")), ("ers", 1, ("", "e")),
    ("er", 1, ("", "e")), ("est", 1, ("", "e")), ("ic", 1, ("",)), ("al", 1, ("",)),
    ("ed", 0, ("", "e")), ("es", 0, ("",)), ("s", 0, ("",)),
)
_PREFIXES = (
    ("counter", 2), ("electro", 3), ("contra", 2), ("physio", 3), ("psycho", 2), ("socio", 3),
    ("radio", 3), ("gastro", 2), ("osteo", 3), ("immuno", 3), ("haemo", 2), ("inter", 2),
    ("intra", 2), ("multi", 2), ("super", 2), ("under", 2),
    ("hyper", 2), ("hypo", 2), ("micro", 2), ("macro", 2), ("neuro", 2), ("cardio", 3),
    ("pseudo", 2), ("ultra", 2), ("trans", 1), ("semi", 2), ("anti", 2), ("over", 2),
    ("post", 1), ("peri", 2), ("poly", 2), ("mono", 2), ("auto", 2), ("tele", 2), ("self", 1),
    ("non", 1), ("pre", 1), ("dis", 1), ("mis", 1), ("sub", 1), ("pro", 1), ("bio", 2),
    ("eco", 2), ("out", 1), ("mid", 1), ("co", 1), ("re", 1), ("de", 1), ("un", 1),
)


def _respellings(lw: str) -> list[str]:
    """American spellings of a British word, each change alone and all of them together."""
    out = []
    every = lw
    for rx, rep in _RESPELL:
        new = rx.sub(rep, lw)
        if new != lw:
            out.append(new)
            every = rx.sub(rep, every)
    if len(out) > 1:
        out.append(every)
    return out


def _known(lw: str, lookup: dict[str, int], depth: int) -> int | None:
    """Dictionary count of a word, its American spelling, or a known stem plus affixes."""
    n = lookup.get(lw)
    if n is not None:
        return max(1, n)
    for alt in _respellings(lw):
        n = lookup.get(alt)
        if n is not None:
            return max(1, n)
    if depth <= 0 or not lw.isalpha():
        return None
    for ending, extra, stem_ends in _SUFFIXES:
        if lw.endswith(ending) and len(lw) - len(ending) >= 3:
            base = lw[: -len(ending)]
            if ending == "ed" and base[-1] in "td" or ending == "es" and _SIBILANT.search(base):
                extra = 1  # wanted, boxes
            for tail in stem_ends:
                n = _known(base + tail, lookup, depth - 1)
                if n is None and tail == "" and len(base) > 3 and base[-1] == base[-2]:
                    n = _known(base[:-1], lookup, depth - 1)  # planning -> plan
                if n:
                    return n + extra
    for prefix, extra in _PREFIXES:
        if lw.startswith(prefix) and len(lw) - len(prefix) >= 4:
            n = _known(lw[len(prefix):], lookup, depth - 1)
            if n:
                return n + extra
    return None


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    """word -> syllables from the CMU Pronouncing Dictionary (loaded once, about 0.1 s)."""
    with gzip.open(resource_path("data", "cmu_syllables.txt.gz"), "rt", encoding="utf-8") as f:
        text = f.read()
    out: dict[str, int] = {}
    for section in text.split("=")[1:]:
        head, _, body = section.partition("\n")
        out.update(dict.fromkeys(body.split(), int(head)))
    return out


@lru_cache(maxsize=1)
def dale_chall_easy_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words (textstat's copy), lowercase."""
    text = resource_path("data", "dale_chall_easy_words.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    """Everyday words of up to three letters that stay words in capitals (DO NOT USE)."""
    return frozenset(w for w in dale_chall_easy_words() if len(w) <= 3 and w.isalpha()) - {
        "us", "it", "am", "ad", "ok", "tv", "id", "bed", "who"  # the WHO, IT, the US
    }

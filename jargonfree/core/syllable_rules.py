"""The rules behind jargonfree.core.syllables: syllables of a word the dictionary lacks.

`guess_word` counts the vowel groups of a lowercase word, adds the vowel pairs said as two
syllables (media, radio, create, anaemia), takes off silent letters (the e of hoped, hopeful
and league, but not of table or centre) and counts some prefixes apart (re-open, anti-). It was
tuned on nine tenths of the CMU Pronouncing Dictionary and is right on about 95% of the other
tenth (tests/core/test_syllables.py). Numbers said in words and letters said one by one are
here too.
"""

from __future__ import annotations

import re

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
    r"|tone|vine|bride|care|code|face|fate|hate|hole|hose|lake|love|mine|move|nose|pace"
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


def guess_word(w: str) -> int:
    """Syllables of a lowercase word of letters a-z only, by rule."""
    m = _GUESS_PREFIX.match(w)
    if m and len(w) - m.end() >= 5:  # anti|coagulant, psycho|social
        return _GUESS_PREFIXES[m.group()] + guess_word(w[m.end() :])
    w = _mark_y(_EYE.sub("i", w) if "eye" in w else w)
    n = len(_VOWEL_GROUP.findall(w))
    if n == 0:
        return spell(w)
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


def spell(letters: str) -> int:
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


# UK telephone services, said digit by digit ("nine nine nine", "NHS one one one") wherever
# they appear in health and public text, never as quantities ("nine hundred and ...").
PHONE_SERVICES = frozenset({"999", "111", "112", "119", "101", "105"})


def say_number(digits: str) -> int:
    """Syllables of a number as written: 15, 2026, 1,250.50, 007."""
    whole, _, frac = digits.partition(".")
    whole = whole.replace(",", "")
    n = 0
    if whole:
        if (len(whole) > 1 and whole[0] == "0" or len(whole) > 12
                or whole in PHONE_SERVICES and not frac and "," not in digits):
            n = sum(_ONES[int(d)] for d in whole)  # said digit by digit
        elif len(whole) == 4 and "," not in digits and 1100 <= int(whole) <= 2099 and not frac:
            n = _say_year(int(whole))
        else:
            n = _say_int(int(whole))
    if frac:
        n += 1 + sum(_ONES[int(d)] for d in frac if d.isdecimal())  # "point five oh"
    return n


def _say_year(y: int) -> int:
    """2026 is "twenty twenty-six", 1900 "nineteen hundred", 2005 "two thousand and five"."""
    if 2000 <= y <= 2009:
        return 3 + (1 + _ONES[y - 2000] if y > 2000 else 0)
    hi, lo = divmod(y, 100)
    if lo == 0:
        return _say_int(hi) + 2
    return _say_int(hi) + (1 + _ONES[lo] if lo < 10 else _say_int(lo))  # "nineteen oh five"


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


def pronounceable(lw: str) -> bool:
    """Could this lowercase all-capital token be said as a word (NATO) rather than spelled?"""
    m = _ACRONYM_EDGES.match(lw)
    if not m or m.group(1) not in _ONSETS or m.group(2) not in _CODAS:
        return False
    if re.search(r"[aeiou]{3}", lw):
        return False
    # Inside the word, three consonants or more must end in a cluster a word can begin with.
    return all(run[-2:] in _ONSETS or run[-3:] in _ONSETS for run in _MEDIAL.findall(lw))

"""Names of conditions and procedures as one unit ("acute myeloid leukaemia", "chronic
obstructive pulmonary disease", "acute kidney injury", "transitional cell carcinoma").

A name is a run of words ending in a condition or procedure word (disease, syndrome,
leukaemia, injury, carcinoma, a word ending in -itis, -oma, -osis, -pathy ...), going back
over the words before it up to a word that cannot be part of a name (a determiner,
preposition, verb-like function word, number or punctuation), at most MAX_WORDS words.

The analyser then treats each name of two or more words as one thing: the word-level
findings inside it (a rare "myeloid", a misleading "acute", a medical "pulmonary") are
replaced by one finding on the whole name, under the rule of its medical word nearest the
head if it has one (so "squamous cell carcinoma" is medical.carcinoma), else
medical.condition_name (a lone medical rule's finding, which has its plain words, is
kept as it is: "gastric ulcers" -> "stomach ulcers"), unless the text explains the name
right there (a gloss, see matcher.is_explained) or a rule already covers the whole name. Names with
nothing hard in them ("skin cancer", "heart disease") get no finding.
"""

from __future__ import annotations

import re

from jargonfree.core.model import Finding, make_finding

MAX_WORDS = 6
RULE_ID = "medical.condition_name"
MESSAGE = (
    "Few readers will know this name. Say in plain words what it is the first time you "
    "use it, for example 'a cancer of the blood (acute myeloid leukaemia)'."
)
_HEADS = frozenset(
    """disease diseases syndrome syndromes disorder disorders cancer cancers carcinoma
    carcinomas leukaemia leukaemias leukemia leukemias lymphoma lymphomas myeloma sarcoma
    melanoma tumour tumours tumor tumors injury injuries failure palsy paraparesis
    paraplegia sclerosis dystrophy atrophy deficiency anaemia anemia insufficiency
    fibrosis stenosis embolism thrombosis aneurysm hernia infection infections fever
    colitis arthritis hepatitis meningitis encephalitis myelitis dermatitis pancreatitis
    bronchitis neuropathy cardiomyopathy ulcer ulcers dysplasia hyperplasia
    transplant transplantation resection biopsy bypass""".split()
)
_HEAD_ENDINGS = ("itis", "oma", "omas", "osis", "pathy", "aemia", "emia", "ectomy", "otomy",
                 "oscopy", "plasty")
# Words before the head that belong to a name: adjective-like endings, body words, and any
# word the checks found hard; anything else ends the name.
_NAME_ENDINGS = ("al", "ic", "ous", "ive", "ary", "oid", "ar", "ile", "less", "ant", "ent",
                 "ory", "eal", "ial")
_NAME_WORDS = frozenset(
    """acute chronic benign primary secondary cell cells kidney lung liver heart brain skin
    bone marrow blood bowel breast legs leg nerve motor neurone neuron muscle eye ear
    throat mouth stomach spine spinal joint bladder prostate ovarian cervix womb head
    neck chest back hip knee foot feet hand cord tissue gland thyroid pelvis ureter
    stem germ small large non hodgkin type""".split()
)
# Fine in a condition's name ("acute bronchitis", "chronic pain"): a finding on one of them
# inside a name is dropped and does not make the name hard.
_FINE_IN_NAMES = frozenset({"acute", "chronic"})
# Words that end a name when walking back from its head.
_STOP = frozenset(
    """a an the this that these those our your their its his her my we you they he she it
    each every any some no all both other another of in on at to for from by with and or
    as about into within across under over after before during per if when whether than
    is are was were be been being will would can could may might should must do does did
    has have had not get gets got having cause causes caused called known such like
    including include includes treat treated treating treatment treatments diagnosed
    diagnose risk type types kind form stage early late new rare common severe mild
    about people patients person patient""".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A name defined in the sentence that opens with it, past the parts of the body it names:
# "Transitional cell cancer of the renal pelvis and ureter is a disease in which ...".
_DEFINED_AFTER_RE = re.compile(
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[^\W\d_][\w\s'’-]{0,60}?)?\s+(?:is|are)\s+(?:an?|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:disease|condition|disorder|cancer|illness|infection|problem"
    r"|kind|type|form|group|name|tumou?r|growth|injury|syndrome)s?\b",
    re.IGNORECASE,
)


def _is_head(word: str) -> bool:
    w = word.lower()
    return w in _HEADS or (len(w) > 6 and w.endswith(_HEAD_ENDINGS))


def find(text: str, hard: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) of each name of two or more words in a paragraph; `hard` are the spans
    of words the checks found hard (they may be part of a name whatever their form)."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    names = []
    i = 0
    while i < len(words):
        s, e = words[i]
        if not _is_head(text[s:e]):
            i += 1
            continue
        # a run of heads ("renal cell carcinoma"): the name ends at the last one
        j = i
        while j + 1 < len(words) and _is_head(text[words[j + 1][0] : words[j + 1][1]]) and \
                text[words[j][1] : words[j + 1][0]] == " ":
            j += 1
        k = i
        while k > 0 and i - k + 1 < MAX_WORDS:
            ps, pe = words[k - 1]
            gap = text[pe : words[k][0]]
            prev = text[ps:pe]
            low = prev.lower()
            if gap != " " or low in _STOP or (prev[0].isupper() and k - 1 > 0
                                               and text[ps - 2 : ps - 1] not in ".!?"):
                break
            if not (low in _NAME_WORDS or low.endswith(_NAME_ENDINGS)
                    or any(hs <= ps and pe <= he for hs, he in hard)):
                break
            k -= 1
        if k < j:
            names.append((words[k][0], words[j][1]))
        i = j + 1
    return names


def unite(text: str, findings: list[Finding], word_level: frozenset[str]) -> list[Finding]:
    """The paragraph's findings with the word-level ones inside each name replaced by one
    finding on the whole name (or by none when the text explains the name)."""
    from jargonfree.core.matcher import is_explained

    names = find(text, [(f.start, f.end) for f in findings if f.category in word_level])
    if not names:
        return findings
    out = list(findings)
    for s, e in names:
        inside = [f for f in out if f.category in word_level and s <= f.start and f.end <= e
                  and (f.start, f.end) != (s, e)]
        if not inside or any(f.start <= s and e <= f.end and f not in inside for f in out
                             if f.category in word_level):
            continue
        if len(inside) == 1 and inside[0].category == "medical":
            continue  # one rule's finding already, with its plain words ("gastric ulcer")
        out = [f for f in out if f not in inside]
        inside = [f for f in inside if f.text.lower() not in _FINE_IN_NAMES]
        if not inside or is_explained(text, s, e) or _DEFINED_AFTER_RE.match(text, e):
            continue
        name = text[s:e]
        plain = name
        for f in sorted(inside, key=lambda f: -f.start):
            if f.category == "medical" and f.suggestions:
                first = f.suggestions[0]
                if " " not in first and " " not in f.text:  # "carcinoma" -> "cancer"
                    plain = plain[: f.start - s] + first + plain[f.end - s :]
        # The rule of the medical word nearest the head speaks for the name, if any.
        rules = sorted((f for f in inside if f.category == "medical"), key=lambda f: f.end)
        out.append(make_finding(
            text, s, e, rules[-1].rule_id if rules else RULE_ID, "medical",
            rules[-1].message if rules else MESSAGE,
            suggestions=(f"{plain} ({name})",) if plain != name else (),
        ))
    return out

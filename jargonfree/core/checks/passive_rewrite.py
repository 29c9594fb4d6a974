"""The active clause for a passive whose doer is named: "The form was completed by the
nurse." -> "The nurse completed the form." Offered only where it is safe: a short subject
at the start of the sentence, the passive right after it, "by" and a short doer right after
the participle (a person or body, not a time or a means: "by Monday", "by post"), in the
simple past ("was/were done"), the present perfect ("has/have been done") or the past
perfect ("had been done"). Anything else keeps the message with no rewrite.

The suggestion replaces the clause from the subject to the end of the sentence (its full
stop kept), so it pastes cleanly.
"""

from __future__ import annotations

import re

# Past tense of irregular participles (the past of a regular -ed participle is itself).
IRREGULAR_PAST = {
    "given": "gave", "taken": "took", "written": "wrote", "seen": "saw", "done": "did",
    "made": "made", "sent": "sent", "told": "told", "found": "found", "held": "held",
    "paid": "paid", "led": "led", "run": "ran", "brought": "brought", "bought": "bought",
    "built": "built", "chosen": "chose", "drawn": "drew", "driven": "drove", "eaten": "ate",
    "known": "knew", "met": "met", "put": "put", "read": "read", "said": "said", "set": "set",
    "shown": "showed", "spent": "spent", "taught": "taught", "thrown": "threw", "won": "won",
    "kept": "kept", "left": "left", "heard": "heard", "begun": "began", "broken": "broke",
    "caught": "caught", "cut": "cut", "felt": "felt", "fed": "fed", "forgotten": "forgot",
    "hidden": "hid", "hit": "hit", "hurt": "hurt", "let": "let", "lent": "lent",
    "sold": "sold", "shut": "shut", "stolen": "stole", "struck": "struck", "sought": "sought",
    "spoken": "spoke", "understood": "understood", "woken": "woke", "worn": "wore",
}
_SUBJECT_TO_OBJECT = {"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
_OBJECT_TO_SUBJECT = {"me": "I", "him": "he", "her": "she", "us": "we", "them": "they",
                      "you": "you"}
_DETERMINERS = frozenset(
    "the a an our your their his her its this that these those my each every all some".split()
)
# Where the doer ends: the rest of the sentence stays after the object.
_DOER_ENDS = frozenset(
    """on in at for with to from before after during when because if so but as since
    until within without over under into onto about via per than while""".split()
)
_NOT_DOERS = frozenset(
    """email e-mail post phone telephone hand law default mistake chance accident car bus
    train noon then now monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december
    tomorrow today tonight midnight far""".split()
)
_SUBJECT_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*\Z")
_PLURAL_PRONOUNS = frozenset("we they you".split())
_RELATIVE = frozenset("which whom who whose that where when".split())


def rewrite(text: str, words: list[tuple[int, int]], aux: int, part: int,
            sentence_end: int) -> tuple[int, int, str] | None:
    """(start, end, active clause) for the passive whose first auxiliary is word `aux` and
    participle word `part` of a sentence with word spans `words` (offsets into `text`),
    or None when no safe rewrite exists."""
    low = [text[a:b].lower().replace("’", "'") for a, b in words]
    subject = list(range(0, aux))
    if not 1 <= len(subject) <= 5 or part + 2 >= len(words) or low[part + 1] != "by":
        return None
    if any(not _SUBJECT_WORD_RE.match(text[a:b]) for a, b in words[:aux]):
        return None
    if any(w in ("which", "that", "who", "there", "it", "what") for w in low[:aux]):
        return None
    if text[words[0][1] : words[aux][0]].count(",") or "(" in text[words[0][0]:words[part][1]]:
        return None
    first_low = low[0]
    if not (first_low in _DETERMINERS or first_low in _SUBJECT_TO_OBJECT):
        return None  # "Mistakes were made", "Sarah was seen": capitals we cannot judge
    # The doer: after "by", up to punctuation or a word that starts the rest.
    d0 = part + 2
    d1 = d0
    while d1 < len(words) and low[d1] not in _DOER_ENDS and d1 - d0 < 5:
        if d1 > d0 and re.search(r"[,;:()]", text[words[d1 - 1][1] : words[d1][0]]):
            break
        d1 += 1
    doer_low = low[d0:d1]
    if not doer_low or any(w in _NOT_DOERS or w[0].isdigit() for w in doer_low):
        return None
    if d1 - d0 >= 5 and d1 < len(words) and low[d1] not in _DOER_ENDS:
        return None  # a longer doer than we dare move
    doer = text[words[d0][0] : words[d1 - 1][1]]
    pronoun = _OBJECT_TO_SUBJECT.get(doer.lower())
    if pronoun is None and not (doer_low[0] in _DETERMINERS or doer[0].isupper()):
        return None
    if pronoun is not None:
        doer = pronoun
    plural = pronoun in _PLURAL_PRONOUNS or "and" in doer_low or _plural(doer_low[-1])
    verb = _active_verb(low[aux:part], low[part], plural)
    if verb is None:
        return None
    obj = text[words[0][0] : words[aux - 1][1]]
    if obj.lower() in _SUBJECT_TO_OBJECT:
        obj = _SUBJECT_TO_OBJECT[obj.lower()]
    elif obj[:1].isupper() and (first_low in _DETERMINERS):
        obj = obj[0].lower() + obj[1:]  # "The form" -> "the form"; names keep capitals
    start = words[0][0]
    doer_end = words[d1 - 1][1]
    end = doer_end + len(text[doer_end:sentence_end].rstrip())
    rest = text[doer_end:end]
    follow = rest.lower().split()[:2]
    if follow and (follow[0] in _RELATIVE or (len(follow) > 1 and follow[1] in _RELATIVE)):
        return None  # "by a poll in which ...": the clause would hang on the wrong noun
    clause = f"{doer[0].upper()}{doer[1:]} {verb} {obj}{rest}"
    return start, end, clause


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _active_verb(auxes: list[str], participle: str, plural: bool) -> str | None:
    """was completed -> completed; has been completed -> has completed (have, if the doer
    is plural); had been completed -> had completed. Other tenses: None."""
    if auxes in (["was"], ["were"]):
        if participle.endswith("ed"):
            return participle
        return IRREGULAR_PAST.get(participle)
    if auxes in (["has", "been"], ["have", "been"]):
        return f"{'have' if plural else 'has'} {participle}"
    if auxes == ["had", "been"]:
        return f"had {participle}"
    return None

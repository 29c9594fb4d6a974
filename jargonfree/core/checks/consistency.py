"""Several names for the same thing in one text (participants, members, learners...).

Groups come from resources/rules/consistency.toml. A group's words are base forms; each
is matched case-insensitively in the singular and plural, UK and US spelling, and with
hyphen, space or no space between parts (long-term / long term). When a text uses two or
more words of one group, every use of the words other than the most used one is flagged,
with the most used word (in the same number) as the suggestion.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jargonfree.core.checks import lower_same_length
from jargonfree.core.model import Finding, make_finding
from jargonfree.core.text import WORD_RE, Paragraph

IRREGULAR_PLURALS = {
    "person": "people", "child": "children", "man": "men", "woman": "women",
    "foot": "feet", "tooth": "teeth", "analysis": "analyses", "diagnosis": "diagnoses",
    "criterion": "criteria", "phenomenon": "phenomena", "life": "lives", "wife": "wives",
    "half": "halves", "leaf": "leaves", "knife": "knives", "shelf": "shelves",
}
NO_PLURAL = frozenset(
    """staff people personnel elderly information advice feedback support care research
    evidence equipment data""".split()
)
_PREPOSITIONS = frozenset("of by with for at in on from to".split())
# Set phrases that use a group's word for something else ("members of the public").
SET_PHRASES = (
    "member of the public", "members of the public", "member of staff", "members of staff",
    "family member", "family members", "staff member", "staff members",
    "clinical trial", "clinical trials", "drug trial", "drug trials",
    "randomised controlled trial", "randomised controlled trials", "staff survey",
    "staff surveys", "pilot project", "pilot projects", "pilot study", "pilot studies",
    "pilot scheme", "pilot schemes",
)
# A group word right before one of these is a modifier in a compound ("project board",
# "survey form", "project journeys"): the compound names another thing.
COMPOUND_HEADS = frozenset(
    """team teams board boards manager managers lead leads group groups form forms journey
    journeys plan plans site sites report reports meeting meetings officer officers data
    budget budgets funding partner partners staff member members worker workers level
    levels results result question questions document documents design evaluation
    evaluations outputs output management governance office page website phase phases
    timeline cost costs activity activities leader leaders director directors
    coordinator coordinators support""".split()
)
# Before a group word these leave it a plain reference ("the project", "This programme").
_PLAIN_BEFORE = frozenset(
    """a an the this that these those our your their its his her my we each every any
    some no one two three four five six seven eight nine ten several many few all both
    other another same whole new old main first second third last next current previous
    existing future recent local national regional small large big wider joint overall
    such own of in on at to for from by with and or as about into within across under
    over after before during per if when whether than is are was were be been being
    will would can could may might should must do does did has have had not""".split()
)


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    words: tuple[str, ...]
    message: str
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    # (lowercase word tuple, index of the group word, plural?) for every form of every word
    forms: tuple[tuple[tuple[str, ...], int, bool], ...] = ()
    unless: tuple[tuple[str, ...], ...] = ()  # phrases in which a word names something else
    # Only bare uses count ("the programme", "this study"): with any other word before it
    # ("training programme", "learning health system project") the word names another
    # thing of the same kind. For groups of kinds of work, where texts name many.
    bare: bool = False


def plural(term: str) -> str:
    """Plural of a (multi-word) term: the head noun takes it (communities of practice)."""
    words = term.split(" ")
    head = len(words) - 1
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _PREPOSITIONS:
            head = i - 1
            break
    words[head] = _plural_word(words[head])
    return " ".join(words)


def _plural_word(word: str) -> str:
    lower = word.lower()
    last = lower.rsplit("-", 1)[-1]
    if last in NO_PLURAL or (word.isupper() and len(word) > 1 and word.endswith("S")):
        return word
    if last in IRREGULAR_PLURALS:
        return word[: len(word) - len(last)] + IRREGULAR_PLURALS[last]
    if word.isupper() or "&" in word:
        return word + "s"  # GPs, A&Es
    if re.search(r"(?:s|x|z|ch|sh)$", lower):
        return word + "es"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    return word + "s"


def _forms(word: str) -> set[tuple[tuple[str, ...], bool]]:
    """Every spelling, number and hyphenation of a term, as (word tuple, plural?)."""
    from jargonfree.core.spelling import variants as spelling_variants

    out: set[tuple[tuple[str, ...], bool]] = set()
    single = word.lower()
    many = plural(word).lower()
    for form, is_plural in ((single, False), (many, many != single)):
        variants = [""]
        for part in form.split(" "):
            spellings = sorted(spelling_variants(part))
            variants = [f"{v} {x}".strip() for v in variants for x in spellings]
        for v in variants:
            shapes = {v, v.replace("-", " ")}
            if "-" in v:
                shapes.add(v.replace("-", ""))
            if v.count(" ") == 1:
                shapes |= {v.replace(" ", "-"), v.replace(" ", "")}
            for shape in shapes:
                # Split as the text's words are split: "a&e" is the words a, e.
                out.add((tuple(WORD_RE.findall(shape)), is_plural))
    if single in NO_PLURAL:
        out = {(f, False) for f, _ in out}
    return out


def _phrases(phrases: list[str] | tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower() for w in WORD_RE.findall(p)) for p in phrases)


def file_digest(path: Path) -> str:
    """The SHA-256 of a groups file's bytes: the compiled rules keep the bundled groups
    parsed, with this hash of the file they came from."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_groups(path: Path) -> list[Group]:
    """Read consistency.toml; ValueError naming the file and group when it is broken.

    A group may list `unless` phrases in which its words mean something else."""
    import tomllib  # only when the groups are not in the compiled rules

    name = path.name
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{name}: not valid TOML ({exc})") from None
    groups = []
    for i, raw in enumerate(doc.get("group", [])):
        if not isinstance(raw, dict):
            raise ValueError(f"{name}: group {i + 1} is not a table")
        gid = raw.get("id")
        where = f"{name}: group '{gid or i + 1}'"
        words = raw.get("words")
        if not isinstance(gid, str) or not gid:
            raise ValueError(f"{where}: 'id' is missing")
        if not isinstance(words, list) or len(words) < 2 or not all(
            isinstance(w, str) and w.strip() for w in words
        ):
            raise ValueError(f"{where}: 'words' must list at least two words")
        message = raw.get("message")
        if not isinstance(message, str) or not message.strip():
            raise ValueError(f"{where}: 'message' is missing")
        examples = raw.get("examples", {})
        unless = raw.get("unless", [])
        if not isinstance(examples, dict) or not isinstance(unless, list):
            raise ValueError(f"{where}: 'examples' must be a table and 'unless' a list")
        groups.append(Group(
            gid, tuple(words), message.strip(),
            tuple(examples.get("flag", ())), tuple(examples.get("pass", ())),
            tuple(sorted((f, k, p) for k, w in enumerate(words) for f, p in _forms(w))),
            _phrases(unless), raw.get("bare") is True,
        ))
    return groups


class TermIndex:
    """All groups' terms as word tuples, for one pass over a paragraph's words."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.lookup: dict[tuple[str, ...], tuple[int, int, bool]] = {}
        for g, group in enumerate(groups):
            for form, w, is_plural in group.forms:
                self.lookup.setdefault(form, (g, w, is_plural))
        self.longest = max((len(f) for f in self.lookup), default=1)
        self.first_words = frozenset(f[0] for f in self.lookup)
        common = _phrases(SET_PHRASES)
        # group -> word -> the phrases with that word, so most hits check none
        self.unless: list[dict[str, list[tuple[str, ...]]]] = []
        for group in groups:
            by_word: dict[str, list[tuple[str, ...]]] = {}
            for phrase in common + group.unless:
                for w in set(phrase):
                    by_word.setdefault(w, []).append(phrase)
            self.unless.append(by_word)

    def find(self, par: Paragraph) -> tuple[tuple[int, int, int, int], ...]:
        """(group, word * 2 + plural?, start, end) of each term in a paragraph, in the
        offsets its sentences use (paragraph-relative from the analyzer, document ones from
        segment()); judge() reads them."""
        text = par.text
        base = par.start
        low = lower_same_length(text).replace("’", "'")  # slices line up with the text
        first_words = self.first_words
        hits = []
        for sentence in par.sentences:
            spans = sentence.words
            if base:
                spans = [(a - base, b - base) for a, b in spans]
            words = None
            skip_to = 0  # words before this are inside the last term ("community of practice")
            for i, (s, e) in enumerate(spans):
                if i < skip_to or low[s:e] not in first_words:
                    continue
                if e - s == 1 and low[e : e + 1] != "&":
                    continue  # "a" starts a term only as "a&e"
                if words is None:
                    words = [low[a:b] for a, b in spans]
                for n in range(min(self.longest, len(words) - i), 0, -1):
                    key = self.lookup.get(tuple(words[i : i + n]))
                    if key is None:
                        continue
                    start, end = s, spans[i + n - 1][1]
                    if not _in_definition(text, start, end) and not _inside(
                        words, i, n, self.unless[key[0]]
                    ) and not _compound(text, spans, words, i, n) and not (
                        self.groups[key[0]].bare and i > 0
                        and words[i - 1] not in _PLAIN_BEFORE
                        and not text[spans[i - 1][1] : s].strip()
                    ):
                        hits.append((key[0], key[1] * 2 + key[2], start + base, end + base))
                    skip_to = i + n
                    break
        return tuple(hits)


def _in_definition(text: str, start: int, end: int) -> bool:
    """'general practitioner (GP)': a word and its short form name one thing on purpose."""
    return text[max(0, start - 1) : start] == "(" or text[end : end + 2] == " ("


def _compound(text: str, spans, words: list[str], i: int, n: int) -> bool:
    """Is words[i:i+n] part of a compound naming another thing: a one-word noun used as a
    modifier before a known head ("project board", "survey form", "project journeys"), or
    the head after a name ("Innovate UK programme", "the Connected Health Cities project")?"""
    if n == 1 and i + 1 < len(words) and words[i + 1] in COMPOUND_HEADS and _noun_only(words[i]):
        return True
    if i == 0:
        return False
    a, b = spans[i - 1]
    if text[b : spans[i][0]].strip() or words[i - 1] in _PLAIN_BEFORE:
        return False  # punctuation between ("... and, programme"), or "the programme"
    # A capitalised word before it, not at the start of the sentence: part of a name.
    return text[a].isupper() and (i > 1 or b - a > 1 and not text[a + 1 : b].islower())


@lru_cache(maxsize=1)
def _stored_nouns() -> dict[str, bool]:
    """lemminflect's answers for the built-in terms, stored at build time
    (tools/build_consistency_nouns.py), so that a check never imports it for them."""
    from jargonfree.resources import resource_path

    out = {}
    for line in resource_path("data", "consistency_nouns.tsv").read_text(
            encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, flag = line.partition("\t")
            out[word] = flag == "1"
    return out


@lru_cache(maxsize=4096)
def _noun_only(word: str) -> bool:
    """A word lemminflect knows as a noun and not as an adjective (elderly, patient)."""
    stored = _stored_nouns().get(word)
    if stored is not None:
        return stored
    from lemminflect import getAllLemmas

    readings = getAllLemmas(word)
    return "NOUN" in readings and "ADJ" not in readings


def _inside(words: list[str], i: int, n: int, unless: dict[str, list[tuple[str, ...]]]) -> bool:
    """Is words[i:i+n] part of one of the phrases ("members of the public")?"""
    if not unless:
        return False
    phrases = {p for w in words[i : i + n] for p in unless.get(w, ())}
    for phrase in phrases:
        size = len(phrase)
        for start in range(max(0, i + n - size), min(i, len(words) - size) + 1):
            if tuple(words[start : start + size]) == phrase:
                return True
    return False


def judge(text: str, hits, groups: list[Group]) -> list[Finding]:
    """consistency.<group> on each use of the less-used words when a text mixes them.

    `hits` are (group, word * 2 + plural, start, end) from TermIndex.find, in document
    offsets. Ties go to the word listed first in the group."""
    from jargonfree.core.inflect import match_case

    by_group: dict[int, dict[int, list[tuple[int, int, bool]]]] = {}
    for g, wp, s, e in hits:
        by_group.setdefault(g, {}).setdefault(wp // 2, []).append((s, e, bool(wp % 2)))
    findings: list[Finding] = []
    for g, uses in by_group.items():
        if len(uses) < 2:
            continue
        group = groups[g]
        counts = {k: len(spans) for k, spans in uses.items()}
        main = max(counts, key=lambda k: (counts[k], -k))
        # Two of the words in one sentence are two things the writer tells apart ("the
        # programme funds five projects"): that word is not a second name for the main one.
        uses = {k: spans for k, spans in uses.items()
                if k == main or not _same_sentence(text, spans, uses[main])}
        if len(uses) < 2:
            continue
        main_word = group.words[main]
        order = sorted(uses, key=lambda k: (-counts[k], k))  # the words still in play
        note = ", ".join(f"{_shown(text, uses[k])} {counts[k]}" for k in order)
        message = f"{group.message} Most often here: '{_shown(text, uses[main])}'."
        for k, spans in uses.items():
            if k == main:
                continue
            acronym = group.words[k].isupper()  # "GPs" must not make "FAMILY DOCTORS"
            for s, e, is_plural in spans:
                suggestion = plural(main_word) if is_plural else main_word
                findings.append(make_finding(
                    text, s, e, f"consistency.{group.id}", "consistency", message,
                    suggestions=(suggestion if acronym else match_case(suggestion, text[s:e]),),
                    note=f"Used here: {note}.",
                ))
    return findings


def _same_sentence(text: str, one, other) -> bool:
    """Does a span of `one` share a sentence with a span of `other` (no sentence end or
    line break between them)?"""
    for s1, e1, _ in one:
        for s2, e2, _ in other:
            a, b = (e1, s2) if e1 <= s2 else (e2, s1)
            if b - a < 400 and not _SENTENCE_END_RE.search(text, a, b):
                return True
    return False


_SENTENCE_END_RE = re.compile(r"[.!?]\s|\n")


def _shown(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """How the text most often writes a word: 'participants', 'GP'."""
    seen: dict[str, int] = {}
    for s, e, _ in spans:
        form = text[s:e]
        form = form if form.isupper() else form.lower()
        seen[form] = seen.get(form, 0) + 1
    return max(seen, key=lambda f: (seen[f], -len(f)))


def check(text: str, paragraphs: list[Paragraph], groups: list[Group]) -> list[Finding]:
    """The whole check on segment(text); the analyzer runs TermIndex.find per cached
    paragraph and judge once per document instead."""
    index = TermIndex(groups)
    hits = []
    for par in paragraphs:
        hits.extend(index.find(par))
    return judge(text, hits, groups)

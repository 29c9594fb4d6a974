"""The substitution engine: find rule terms in every form and offer rewrites in place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as with_fields
from pathlib import Path

from jargonfree.core.inflect import (
    LAST,
    UNCOUNTABLE,
    article_for,
    expand_phrase,
    inflect_phrase,
    is_listed_plural,
    is_plural_phrase,
    match_case,
    resolve_tag,
    verb_only,
)
from jargonfree.core.model import Finding, make_finding
from jargonfree.core.rules import (
    NEXT_WINDOW,
    Rule,
    RuleSet,
    parse_rules,
    read_own_rule_files,
    read_rule_files,
)
from jargonfree.core.slots import (
    FUNCTION_WORDS,
    VERBS,
    coordinated,
    fit_to_context,
    guess_pos,
    in_a_name,
    in_a_title,
    in_acronym_definition,
    joins_up,
    modifier_ok,
    needs_article,
    noun_follows,
    shared_determiner,
    slot,
    verb_forms,
    with_article,
)

CACHE_VERSION = "11"  # bump when CompiledRules changes shape
# Words with inner apostrophes or & ("patient's", "A&E"), and every other non-space
# character on its own. Rule forms are split the same way, so they always line up.
# A possessive 's is a token of its own, so "the oncologist's report" matches
# "oncologist" and keeps its 's after the suggestion ("the cancer doctor's report").
TOKEN_RE = re.compile(r"[^\W_]+(?:[&'](?!s\b)[^\W_]+)*|'s\b|\S")
DETERMINERS = frozenset("a an the some many much more most few several lots this that".split())
_LOOKBACK_SKIP = frozenset(
    "not n't never already also now just still been being then all ' ’".split()
)
_SENTENCE_END = frozenset(".!?:")
_SENTENCE_STOP = frozenset(".!?;")
# Words a noun phrase may start with: a sense's `next` words look through them.
_NOUN_PHRASE_START = DETERMINERS | frozenset(
    "its their our your his her my these those any each every all no".split())
# Names of treatments, tests and operations, by their last word.
_PROCEDURE_RE = re.compile(
    r"(?:therapy|therapies|test|tests|scan|scans|surgery|surgeries|ectomy|ectomies|scopy"
    r"|scopies|graphy|graphies|plasty|plasties|otomy|otomies|ostomy|ostomies|transplant"
    r"|transplants|biopsy|biopsies)\Z")
_SUBJECT_VERBS = frozenset(
    "is are was were can may might will could should uses works involves means helps".split())
# Categories whose terms need no flag where the text explains them right there.
GLOSSED = frozenset({"medical", "misleading", "jargon"})
_POSSESSOR = frozenset("the a an this that your their our his her its my".split())
REJECT_KEY = "user.reject"

Phrase = tuple[str, ...]  # a form as lowercase tokens


@dataclass(frozen=True, slots=True)
class MatchResult:
    findings: tuple[Finding, ...]
    explained: tuple[tuple[str, int], ...]  # (rule key, offset) where the text explains a term


@dataclass(slots=True)
class Tokens:
    """One paragraph's tokens: offsets into the text and lowercase forms (’ read as ')."""

    starts: list[int]
    ends: list[int]
    lows: list[str]

    @classmethod
    def of(cls, text: str) -> Tokens:
        low = text.replace("’", "'").lower()
        if len(low) != len(text):  # rare letters that lower to two ("İ"): token by token
            starts, ends, lows = [], [], []
            for m in TOKEN_RE.finditer(text.replace("’", "'")):
                starts.append(m.start())
                ends.append(m.end())
                lows.append(m.group().lower())
            return cls(starts, ends, lows)
        matches = list(TOKEN_RE.finditer(low))
        return cls([m.start() for m in matches], [m.end() for m in matches],
                   [m.group() for m in matches])


def _said_twice(phrase: str, lows: list[str], s: int, e: int) -> bool:
    """Would the rewrite repeat the word before or after it ("innovative new projects"
    -> "new new projects")?"""
    words = phrase.lower().split()
    if not words:
        return False
    return (e < len(lows) and words[-1] == lows[e] and words[-1].isalpha()
            or s > 0 and words[0] == lows[s - 1] and words[0].isalpha())


def with_determiner(phrase: str, determiner: str | None) -> str:
    """A rewrite that does not join up on its own, with the article of the noun it is
    joined to ("the tube from the kidney to the bladder"), or "" when there is none."""
    first = phrase.split(" ", 1)[0].lower()
    if determiner is None or first in DETERMINERS or first.endswith("ing"):
        return ""
    if determiner in ("a", "an"):
        determiner = article_for(phrase)
    return f"{determiner} {phrase}"


def _contains(words: list[str], phrases: frozenset[Phrase]) -> bool:
    """Is one of the phrases (token tuples) a run of `words`?"""
    if not phrases:
        return False
    sizes = {len(p) for p in phrases}
    return any(tuple(words[i : i + n]) in phrases
               for n in sizes for i in range(len(words) - n + 1))


def split_form(form: str) -> Phrase:
    return tuple(TOKEN_RE.findall(form.replace("’", "'").lower()))


class PhraseTable:
    """Forms (token tuples) -> entries, with the lengths to try per first token.

    A dictionary look-up per token: most tokens start no form and cost one miss. Every
    match is returned, overlapping or not, as spaCy's PhraseMatcher does; the caller
    picks the longest."""

    def __init__(self) -> None:
        self.entries: dict[Phrase, tuple] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, phrase: Phrase, entry) -> None:
        if not phrase:
            return
        self.entries[phrase] = self.entries.get(phrase, ()) + (entry,)
        lengths = self.lengths.get(phrase[0], ())
        if len(phrase) not in lengths:
            self.lengths[phrase[0]] = tuple(sorted(lengths + (len(phrase),), reverse=True))

    def find(self, lows: list[str]):
        """(entry, first token, end token) for every form in the token list."""
        entries, lengths = self.entries, self.lengths
        n = len(lows)
        for i in [i for i, tok in enumerate(lows) if tok in lengths]:
            for size in lengths[lows[i]]:
                if i + size <= n:
                    hit = entries.get(tuple(lows[i : i + size]))
                    if hit is not None:
                        for entry in hit:
                            yield entry, i, i + size


class Wording(tuple):
    """A rule's replacements put in one form (tag), before case and articles: the pair
    (plain, explained). A plain tuple when read back from a compiled file: both unpack
    the same. (Not a NamedTuple: importing typing cost a few ms of every start.)"""

    __slots__ = ()

    def __new__(cls, plain: tuple[str, ...], explained: str | None) -> Wording:
        return tuple.__new__(cls, (plain, explained))

    @property
    def plain(self) -> tuple[str, ...]:
        return self[0]

    @property
    def explained(self) -> str | None:
        return self[1]


class CompiledRules:
    """Every rule's surface forms as token tuples, and its replacements already put in
    each form those surfaces can take, so matching needs neither spaCy nor lemminflect.
    Kept in the cache folder (see write_compiled), keyed by the rules' hash."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.digest = rules.digest
        self.table = PhraseTable()
        self.unless = PhraseTable()
        self.wording: dict[tuple[str, bool, str], Wording] = {}
        self.verb_only: dict[str, bool] = {}
        self.plural: set[str] = set()  # suggestions that are plural ("new ideas")
        # What each term can be, and its replacements that read right before a noun
        # (the rule's own `modifier` forms first): (plain forms, explained form fits).
        self.pos: dict[str, frozenset[str]] = {}
        self.modifier: dict[str, tuple[tuple[str, ...], bool]] = {}
        self.verbs = verb_forms()  # "the care system met": "met" is no noun
        # [[rule.sense]]: cue words per sense (near, next), and the senses' wordings.
        self.sense_cues: dict[str, tuple[tuple[frozenset, frozenset], ...]] = {}
        self.sense_wording: dict[tuple[str, int, bool, str], Wording] = {}
        self.sense_modifier: dict[tuple[str, int], tuple[str, ...]] = {}
        for rule in rules.rules:
            forms: dict[str, tuple[str, ...]] = {}
            for phrase in rule.match:
                # A plural the rule lists beside its singular ("axilla", "axillae") is a
                # plural: its suggestion is too ("armpits").
                plural = is_listed_plural(phrase, rule.match)
                for form, tags in expand_phrase(phrase).items():
                    forms.setdefault(form, ("NNS",) if plural and tags == ("",) else tags)
            for form, tags in forms.items():
                self.table.add(split_form(form), (rule.key, tags))
            for phrase in rule.unless:
                for form in expand_phrase(phrase, every_form=True):
                    self.unless.add(split_form(form), rule.key)
            self.verb_only[rule.key] = verb_only(_head(rule))
            for tags in set(forms.values()):
                last = tags[0].endswith(LAST)
                for tag in {t.rstrip(LAST) for t in tags}:
                    words = self.wording[rule.key, last, tag] = wording(rule, last, tag)
                    self.plural.update(p for p in (*words.plain, words.explained)
                                       if p and is_plural_phrase(p))
            self.pos[rule.key] = frozenset(rule.pos) or guess_pos(rule.match[0])
            fits = tuple(dict.fromkeys(
                (*rule.modifier,
                 *(r for r in rule.replace if modifier_ok(r, is_plural_phrase(r))))))
            explained_fits = bool(rule.explain) and not rule.modifier and modifier_ok(
                rule.explain, is_plural_phrase(rule.explain))
            self.modifier[rule.key] = (fits, explained_fits)
            if rule.senses:
                self._compile_senses(rule, forms)
        self.plain_words = plain_words(rules, self.wording.values())
        self.groups_digest, self.groups = _bundled_groups()

    def _compile_senses(self, rule: Rule, forms: dict[str, tuple[str, ...]]) -> None:
        """Each sense's cue words in every form, and its replacements in every form the
        term can take, keyed (rule key, sense index, last, tag)."""
        cues = []
        for i, sense in enumerate(rule.senses):
            near = frozenset(split_form(f) for w in sense.near
                             for f in expand_phrase(w, every_form=True))
            nxt = frozenset(split_form(f) for w in sense.next
                            for f in expand_phrase(w, every_form=True))
            cues.append((near, nxt))
            as_rule = with_fields(rule, replace=sense.replace, explain=None,
                                  modifier=sense.modifier)
            for tags in set(forms.values()):
                last = tags[0].endswith(LAST)
                for tag in {t.rstrip(LAST) for t in tags}:
                    words = self.sense_wording[rule.key, i, last, tag] = wording(
                        as_rule, last, tag)
                    self.plural.update(p for p in words.plain if is_plural_phrase(p))
            self.sense_modifier[rule.key, i] = tuple(dict.fromkeys(
                (*sense.modifier,
                 *(r for r in sense.replace if modifier_ok(r, is_plural_phrase(r))))))
        self.sense_cues[rule.key] = tuple(cues)

    @classmethod
    def load(cls, rules: RuleSet, cache_dir: Path | None) -> CompiledRules:
        """Compile, or read the compiled forms from the cache keyed by the rules' hash."""
        return cls._cached(rules.digest, lambda: rules, cache_dir)

    @classmethod
    def load_files(cls, cache_dir: Path | None, directory: Path | None = None,
                   own_dir: Path | None = None) -> tuple[CompiledRules, list[str]]:
        """The rule files (the user's own from `own_dir` first, so theirs win a tie)
        parsed and compiled, or both read from the cache when the files' bytes have not
        changed (parsing 2,000 rules costs more than reading the cache); and a warning
        line for each of the user's files that could not be used."""
        own, warnings = read_own_rule_files(own_dir)
        found, digest = read_rule_files(directory, own=own)
        return cls._cached(digest, lambda: parse_rules(found, digest), cache_dir), warnings

    @classmethod
    def _cached(cls, digest: str, get_rules, cache_dir: Path | None) -> CompiledRules:
        if cache_dir is None:
            return cls(get_rules())
        from jargonfree.core.rule_cache import load_or_build

        return load_or_build(digest, lambda: cls(get_rules()), cache_dir)


def _bundled_groups() -> tuple[str, tuple]:
    """The built-in consistency groups (resources/rules/consistency.toml), parsed, and the
    hash of the file they were parsed from: kept with the compiled rules so that a check
    need not parse TOML (the Analyzer uses them only while the file's hash matches)."""
    from jargonfree.core.checks import consistency
    from jargonfree.core.rules import rules_dir

    path = rules_dir() / "consistency.toml"
    try:
        return consistency.file_digest(path), tuple(consistency.load_groups(path))
    except (OSError, ValueError):
        return "", ()  # missing or broken: the Analyzer reads (and reports) it itself


_PLAIN_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def plain_words(rules: RuleSet, wordings) -> frozenset[str]:
    """Every word the rules offer as a suggestion, in every form offered (lowercase, the
    term kept in brackets by "plain words (term)" left out), less the rules' own terms:
    the uncommon check never flags them, so a pasted suggestion is not flagged again."""
    words: set[str] = set()
    texts = [t for plain, explained in wordings for t in (*plain, explained or "")]
    texts += [m for rule in rules.rules for m in rule.modifier]
    texts += [m for rule in rules.rules for sense in rule.senses
              for m in (*sense.replace, *sense.modifier)]
    for t in texts:
        words.update(_PLAIN_WORD_RE.findall(re.sub(r"\([^()]*\)", " ", t).lower()))
    terms = {w for rule in rules.rules if len(rule.match[0].split()) == 1
             for w in (m.lower() for m in rule.match)}
    return frozenset(words - terms)


def _head(rule: Rule) -> str:
    """The replacement word that takes the form (for 'is it only a verb?')."""
    first = next((r for r in (*rule.replace, *(x for sense in rule.senses
                                                 for x in sense.replace))), "")
    words = first.split(" ")
    return words[min(rule.inflect, len(words) - 1)]


def wording(rule: Rule, last: bool, tag: str) -> Wording:
    """The rule's replacements in the form `tag`. A plural at the end of a phrase
    ("improve outcomes") makes the replacement's last word plural, and so does a verb
    form there ("adversely affected" -> "harmed", unless `inflect` says which word); a
    verb form at its start goes to the word `inflect` names. A plural takes the head noun
    of the replacement ("area of work" -> "areas of work") unless the rule names one."""
    if last:
        index = rule.inflect or -1
    else:
        index = (rule.inflect or -1) if tag == "NNS" else rule.inflect
    plain = tuple(inflect_phrase(r, index, tag) for r in rule.replace)
    explained = inflect_phrase(rule.explain, index, tag) if rule.explain else None
    return Wording(plain, explained)


class Matcher:
    """Runs the rules over one paragraph at a time."""

    def __init__(self, rules: RuleSet, compiled: CompiledRules | None = None) -> None:
        self.rules = rules
        self.compiled = compiled or CompiledRules(rules)
        self._reject_cache: dict[frozenset[str], PhraseTable] = {}

    def _reject_table(self, reject: frozenset[str]) -> PhraseTable:
        if reject not in self._reject_cache:
            table = PhraseTable()
            for word in reject:
                for form in expand_phrase(word):
                    table.add(split_form(form), (REJECT_KEY, ("",)))
            self._reject_cache = {reject: table}
        return self._reject_cache[reject]

    def match(
        self,
        text: str,
        accept: frozenset[str] = frozenset(),
        reject: frozenset[str] = frozenset(),
    ) -> MatchResult:
        """Findings (offsets into `text`) for the rule terms in one paragraph."""
        toks = Tokens.of(text)
        raw = list(self.compiled.table.find(toks.lows))
        if reject:
            raw += self._reject_table(reject).find(toks.lows)
        if not raw:
            return MatchResult((), ())
        blocked: dict[str, list[tuple[int, int]]] = {}
        for key, s, e in self.compiled.unless.find(toks.lows):
            blocked.setdefault(key, []).append((s, e))
        candidates = []
        for (key, tags), s, e in raw:
            if any(bs <= s and e <= be for bs, be in blocked.get(key, ())):
                continue
            candidates.append((key, tags, s, e))
        # Longest match first; user's rejected words win ties; then earliest.
        candidates.sort(key=lambda m: (-(m[3] - m[2]), m[0] != REJECT_KEY, m[2]))
        taken = bytearray(len(toks.lows))
        findings: list[Finding] = []
        explained: list[tuple[str, int]] = []
        for key, tags, s, e in candidates:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            start, end = toks.starts[s], toks.ends[e - 1]
            if text[start:end].lower() in accept:
                continue
            if key == REJECT_KEY:
                findings.append(make_finding(
                    text, start, end, REJECT_KEY, "jargon",
                    "You asked jargonfree to flag this word.",
                ))
                continue
            rule = self.rules.by_key[key]
            if accept and any(m.lower() in accept for m in rule.match):
                continue
            if rule.category in GLOSSED and (
                    is_explained(text, start, end, definitions=False)
                    or rule.category == "medical" and _opens_sentence(text, start)
                    and _TERM_DEFINED_RE.match(text, end)):
                if rule.category == "medical":
                    explained.append((key, start))
                continue
            if (rule.category == "jargon" and "(" in text[end : end + 90]
                    and in_acronym_definition(text, start, end)):
                continue  # "clinical commissioning group (CCG)": a body's name defined
            findings.append(self._finding(text, toks, s, e, rule, tags))
        findings.sort(key=Finding.sort_key)
        return MatchResult(tuple(findings), tuple(explained))

    def _finding(self, text: str, toks: Tokens, s: int, e: int, rule: Rule,
                 tags: tuple[str, ...]) -> Finding:
        lows, starts, ends = toks.lows, toks.starts, toks.ends
        start, end = starts[s], ends[e - 1]
        surface = text[start:end]
        previous = None
        for j in range(s - 1, max(0, s - 4) - 1, -1):
            if lows[j] not in _LOOKBACK_SKIP:
                previous = lows[j]
                break
        following = lows[e] if e < len(lows) else None
        tag = resolve_tag(tags[0], tags, previous, following, self.compiled.verb_only[rule.key])
        last = tags[0].endswith(LAST)
        sense = self._sense(text, toks, s, e, rule) if rule.senses else None
        if sense is None:
            words = self.compiled.wording.get((rule.key, last, tag))
            if words is None:  # only for forms the compiled table did not foresee
                words = wording(rule, last, tag)
            fits, explained_fits = self.compiled.modifier.get(rule.key, ((), False))
            own_modifier = rule.modifier
        else:  # the words around the term say which sense: that sense's rewrites
            words = self.compiled.sense_wording.get((rule.key, sense, last, tag))
            if words is None:
                words = wording(with_fields(rule, replace=rule.senses[sense].replace,
                                            explain=None), last, tag)
            fits = self.compiled.sense_modifier.get((rule.key, sense), ())
            explained_fits, own_modifier = False, rule.senses[sense].modifier
        plain, explained = words  # a Wording, or a plain tuple read from a file
        plain = list(plain)
        where = slot(lows, s, e, tag, self.compiled.pos.get(rule.key, frozenset()),
                     self.compiled.verbs)
        if where:
            # Before a noun: only what reads as a modifier there ("the cancer ward"); a
            # participle used as an adjective takes only the rule's own modifier forms.
            plain = list(own_modifier if where == "participle" else fits)
            if where == "participle" or not explained_fits:
                explained = None
            if s == 0 or lows[s - 1] not in _POSSESSOR:  # "in the baby's death"
                plain = [p for p in plain if not p.endswith(("'s", "’s"))]
                if explained and explained.endswith(("'s", "’s")):
                    explained = None
        if in_a_name(text, starts, ends, lows, s, e) or in_a_title(text, starts, ends, s, e):
            plain, explained = [], None  # "NHS Trusts Information Governance Support"
        pos = self.compiled.pos.get(rule.key, frozenset())
        if (pos == {"adverb"} and s > 0 and lows[s - 1] in ("and", "or")
                and noun_follows(lows, e, self.compiled.verbs)):
            plain, explained = [], None  # "delays and ultimately costs": no rewrite reads
        if pos & {"noun", "adjective"} and tag in ("", "NNS") and coordinated(lows, s, e):
            # "the renal pelvis and ureter": short words only,
            shared = shared_determiner(lows, s)  # or the article of the first noun
            plain = [p if joins_up(p, surface) else with_determiner(p, shared)
                     for p in plain]
            plain = [p for p in plain if p]
            if explained is not None and not joins_up(explained, surface):
                explained = None
        if needs_article(lows, s, e, tag, pos):  # "Onset of symptoms" -> "The start of"
            plain = [with_article(p, UNCOUNTABLE) for p in plain]
            if explained is not None:
                explained = with_article(explained, UNCOUNTABLE)
        after = text[end : end + 40]
        plain = [fit_to_context(p, lows, e, after) for p in plain]
        plain = [p for p in plain if not _said_twice(p, lows, s, e)]  # "new new projects"
        term = surface
        if (surface[:1].isupper() and surface[1:2].islower()
                and (s == 0 or lows[s - 1] in _SENTENCE_END)):
            term = surface[0].lower() + surface[1:]  # "High temperature (pyrexia)"
        if explained is not None:
            plain.append(f"{explained} ({term})")
        if (rule.explain and plain and not plain[0].endswith(")")
                and _PROCEDURE_RE.search(lows[e - 1]) and self._subject(text, toks, s, e)):
            # "Photodynamic therapy uses a drug...": the sentence says what a treatment or
            # test is, and the reader will hear its name again; keep it once, NHS style.
            plain.insert(0, f"{plain[0]} ({term})")
        suggestions = [match_case(p, surface) for p in dict.fromkeys(plain)]
        if s > 0 and lows[s - 1] in ("a", "an") and ends[s - 1] < start:
            art_low = lows[s - 1]
            art_text = text[starts[s - 1] : ends[s - 1]]
            # A suggestion with its own determiner ("a lot of") or a plural one ("an
            # innovation" -> "new ideas") replaces the article rather than taking one.
            own = [p.split(" ", 1)[0].lower() in DETERMINERS
                   or p.split(" (", 1)[0].lower() in self.compiled.plural for p in suggestions]
            needed = [article_for(p) for p in suggestions]
            if any(o or a != art_low for o, a in zip(own, needed, strict=False)):
                # The span takes in the article; a suggestion with its own ("a lot of")
                # replaces it, the others carry the article their sound needs.
                start = starts[s - 1]
                suggestions = [
                    match_case(p, art_text) if o else f"{match_case(a, art_text)} {p}"
                    for o, a, p in zip(own, needed, suggestions, strict=False)
                ]
        return make_finding(
            text, start, end, rule.key, rule.category, rule.message,
            level=rule.level, suggestions=tuple(suggestions), source=rule.source,
        )

    def _subject(self, text: str, toks: Tokens, s: int, e: int) -> bool:
        """Does the term start its sentence, followed by its verb ("Photodynamic therapy
        uses...", "Hypertension is...")?"""
        lows = toks.lows
        if s > 0 and lows[s - 1] not in _SENTENCE_END and "\n" not in text[
                toks.ends[s - 1] : toks.starts[s]]:
            return False
        return e < len(lows) and (lows[e] in _SUBJECT_VERBS or lows[e] in VERBS
                                  or lows[e] in self.compiled.verbs)

    def _sense(self, text: str, toks: Tokens, s: int, e: int, rule: Rule) -> int | None:
        """The first of the rule's senses whose cue words are in this sentence (`near`)
        or among the few words after the term (`next`); None: the rule's own rewrites."""
        lows, starts, ends = toks.lows, toks.starts, toks.ends
        lo = s
        while lo > 0 and lows[lo - 1] not in _SENTENCE_STOP and "\n" not in text[
                ends[lo - 1] : starts[lo]]:
            lo -= 1
        hi = e
        while hi < len(lows) and lows[hi] not in _SENTENCE_STOP and "\n" not in text[
                ends[hi - 1] : starts[hi]]:
            hi += 1
        after: list[str] = []  # up to the first word that is not part of what follows
        for j in range(e, hi):  # ("pathways were planned to": "were", not "to")
            if not lows[j][:1].isalnum() or len(after) == NEXT_WINDOW:
                break
            after.append(lows[j])
            if lows[j] in FUNCTION_WORDS and lows[j] not in _NOUN_PHRASE_START:
                break
        around = lows[lo:s] + ["\0"] + lows[e:hi]
        for i, (near, nxt) in enumerate(self.compiled.sense_cues.get(rule.key, ())):
            if _contains(after, nxt) or _contains(around, near):
                return i
        return None


# How a text glosses a term right after it: "oedema, which means swelling,", "oedema, or
# swelling,", "oedema (also called swelling)", "oedema - swelling caused by fluid -",
# "hypertension is when ...", "X is the medical word for ...".
_GLOSS_AFTER_RE = re.compile(
    r"(?:,\s*|\s+)(?:which|that)\s+(?:means|is|are|is\s+called)\b"
    r"|,?\s*(?:also\s+)?(?:known\s+as|called|termed)\b"
    r"|,?\s*(?:i\.e\.|ie,|that\s+is,)\s"
    r"|,\s*or\s+[^,.;()]{3,60}[,.)]"
    r"|\s*(?:[-–—]|:)\s+[^\W\d_]"
    r"|\s+(?:is|are)\s+(?:when|where|the\s+(?:medical\s+|technical\s+)?"
    r"(?:word|term|name)\s+for)\b"
    # an appositive that says what kind of thing it is: "X, a condition in which ..."
    r"|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:kind|type|form|sort|disease|condition"
    r"|virus|infection|medicine|drug|cancer|test|treatment|part|group)"
    r"\s+(?:of|that|which|who|caused|used|in|where)\b",
    re.IGNORECASE,
)
# A definition: "leukaemia is a cancer of the blood", "COPD is a lung disease.", "X means
# ...", "X is a kind of ...". Used for condition names and rare words, not for rule terms,
# whose own examples use such sentences ("A hysterectomy is a major operation").
_DEFINITION_RE = re.compile(
    r"(?:\s+\([^()]{1,12}\))?,?\s+(?:means|refers\s+to|is\s+short\s+for|meaning"
    r"|(?:is|are)\s+an?\s+(?:(?:kind|type|form|sort)\s+of"
    r"|[\w-]+(?:\s+[\w-]+)?\s*(?:[.;]|(?:of|that|which|where|who|caused|used)\b)))",
    re.IGNORECASE,
)
# ... or just before it: "a swelling called oedema", "also known as oedema".
_GLOSS_BEFORE_RE = re.compile(
    r"\b(?:called|known\s+as|termed|(?:which|that)\s+(?:is|are)\s+called)"
    r"\s+(?:an?\s+|the\s+)?\Z",
    re.IGNORECASE,
)
# A bracket holding only a short form ("acute kidney injury (AKI)") explains the short
# form, not the name.
_ACRONYM_BRACKET_RE = re.compile(r"\(\s*[A-Z][A-Za-z&]*[A-Z]s?\s*\)")


# A bracket that opens with one of these words is an aside, not a gloss: in "jaundice (in
# newborn babies)" or "(for example, neonates)" the last word is not explaining anything.
_ASIDE_RE = re.compile(
    r"\(\s*(?:in|for|on|at|from|with|by|during|after|before|among|especially|mainly|mostly"
    r"|usually|often|including|such\s+as|like|see|e\.g\.?|eg|i\.e\.?|for\s+example)\b[^()]*\Z",
    re.IGNORECASE,
)


# A medical term that opens its sentence and is then said to be a kind of thing in plain
# words: "Oedema is a build-up of fluid", "Dysphagia is a condition where ...", "Sciatica
# is when ...", "Shingles means ...". Not "Hypertension is a major cause of stroke".
_TERM_DEFINED_RE = re.compile(
    r"(?:\s+\([^()]{1,40}\))?,?\s+(?:means\b|(?:is|are)\s+(?:when|where|short\s+for)\b"
    r"|(?:is|are)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:condition|disease|illness|infection"
    r"|problem|build-?up|kind|type|form|sort|swelling|pain|rash|inflammation|tube|organ"
    r"|part|medicine|drug|test|treatment|operation|procedure|scan|virus|growth|lump)s?\b)",
    re.IGNORECASE,
)


def _opens_sentence(text: str, start: int) -> bool:
    """Does a term open its sentence, line or list item? Then "Oedema is a build-up of
    fluid" is the text defining it (a term mid-sentence followed by "is a ..." is more
    often described than defined: "the main sign of oedema is a swelling of the legs")."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    while j > 0 and text[j - 1] in "-*•":  # a list mark
        j -= 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
    return j == 0 or text[j - 1] in ".!?\n:"


def is_explained(text: str, start: int, end: int, definitions: bool = True) -> bool:
    """'high blood pressure (hypertension)', '(stool sample)', 'hypertension (high blood
    pressure)', 'oedema, which means swelling,', 'a swelling called oedema', 'oedema, also
    known as swelling', 'oedema - swelling ...', 'hypertension is when ...': the text
    explains the term. 'name (ACR)' does not explain the name. Looks at most 80 characters
    either side, so a long paragraph costs the same per match."""
    before = text[max(0, start - 80) : start].rstrip()
    after = text[end : end + 80]
    if before.endswith("(") and not _ACRONYM_BRACKET_RE.match(text, start - 1):
        return True
    if after.lstrip().startswith(")") and not _ASIDE_RE.search(before):
        return True
    close = text.find(")", end, end + 80)
    if text[end : end + 2] == " (" and close > end + 3:
        if not _ACRONYM_BRACKET_RE.fullmatch(text, end + 1, close + 1):
            return True
        after = text[close + 1 : close + 81]  # "COPD": a gloss may follow the short form
    return bool(
        _GLOSS_AFTER_RE.match(after) or _GLOSS_BEFORE_RE.search(before + " ")
        or definitions and _DEFINITION_RE.match(text, end, end + 80)
    )

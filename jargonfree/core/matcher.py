"""The substitution engine: find rule terms in every form and offer rewrites in place."""

from __future__ import annotations

import hashlib
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

from jargonfree.core.inflect import (
    LAST,
    verb_only,
    article_for,
    expand_phrase,
    inflect_phrase,
    match_case,
    resolve_tag,
)
from jargonfree.core.model import Finding, make_finding
from jargonfree.core.rules import Rule, RuleSet

CACHE_VERSION = "1"
_SPACE_RE = re.compile(r"\s+")
DETERMINERS = frozenset("a an the some many much more most few several lots this that".split())
_LOOKBACK_SKIP = frozenset("not n't never already also now just still been being then all".split())
REJECT_KEY = "user.reject"


@dataclass(frozen=True, slots=True)
class MatchResult:
    findings: tuple[Finding, ...]
    explained: tuple[tuple[str, int], ...]  # (rule key, offset) where the text explains a term


def _normal(text: str) -> str:
    return _SPACE_RE.sub(" ", text.lower().replace("’", "'")).strip()


class CompiledRules:
    """Every rule's surface forms, ready for spaCy's PhraseMatcher."""

    def __init__(self, rules: RuleSet) -> None:
        self.digest = rules.digest
        self.forms: dict[str, dict[str, tuple[str, ...]]] = {}
        self.unless: dict[str, list[str]] = {}
        for rule in rules.rules:
            forms: dict[str, tuple[str, ...]] = {}
            for phrase in rule.match:
                for form, tags in expand_phrase(phrase).items():
                    forms.setdefault(form, tags)
            self.forms[rule.key] = forms
            if rule.unless:
                unless: set[str] = set()
                for phrase in rule.unless:
                    unless.update(expand_phrase(phrase, every_form=True))
                self.unless[rule.key] = sorted(unless)

    @classmethod
    def load(cls, rules: RuleSet, cache_dir: Path | None) -> CompiledRules:
        """Compile, or read the compiled forms from the cache keyed by the rules' hash."""
        if cache_dir is None:
            return cls(rules)
        key = hashlib.sha256(f"{CACHE_VERSION}:{rules.digest}".encode()).hexdigest()[:24]
        path = cache_dir / f"rules-{key}.pickle"
        try:
            with path.open("rb") as fh:
                compiled = pickle.load(fh)
            if isinstance(compiled, cls) and compiled.digest == rules.digest:
                return compiled
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            pass
        compiled = cls(rules)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a cache we cannot write is only slower
        return compiled


class Matcher:
    """Runs the rules over one paragraph at a time (spaCy tokens, PhraseMatcher on LOWER)."""

    def __init__(self, nlp, rules: RuleSet, compiled: CompiledRules | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.rules = rules
        self.compiled = compiled or CompiledRules(rules)
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._unless = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        for key, forms in self.compiled.forms.items():
            self._phrases.add(key, list(tokenizer.pipe(forms)))
        for key, phrases in self.compiled.unless.items():
            self._unless.add(key, list(tokenizer.pipe(phrases)))
        self._reject_cache: dict[frozenset[str], tuple[object, dict[str, tuple[str, ...]]]] = {}

    def _reject_matcher(self, reject: frozenset[str]):
        if reject not in self._reject_cache:
            from spacy.matcher import PhraseMatcher

            forms: dict[str, tuple[str, ...]] = {}
            for word in reject:
                forms.update(expand_phrase(word))
            matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            if forms:
                matcher.add(REJECT_KEY, list(self.nlp.tokenizer.pipe(forms)))
            self._reject_cache = {reject: (matcher, forms)}
        return self._reject_cache[reject]

    def match(
        self,
        text: str,
        accept: frozenset[str] = frozenset(),
        reject: frozenset[str] = frozenset(),
    ) -> MatchResult:
        """Findings (offsets into `text`) for the rule terms in one paragraph."""
        original = text
        text, back = _squeeze_space(text)  # offsets below are into the squeezed text
        doc = self.nlp.make_doc(text)
        strings = self.nlp.vocab.strings
        raw = [(strings[mid], s, e) for mid, s, e in self._phrases(doc)]
        if reject:
            matcher, _ = self._reject_matcher(reject)
            raw += [(REJECT_KEY, s, e) for _, s, e in matcher(doc)]
        if not raw:
            return MatchResult((), ())
        blocked: dict[str, list[tuple[int, int]]] = {}
        for mid, s, e in self._unless(doc):
            blocked.setdefault(strings[mid], []).append((s, e))
        candidates = []
        for key, s, e in raw:
            if any(bs <= s and e <= be for bs, be in blocked.get(key, ())):
                continue
            candidates.append((key, s, e))
        # Longest match first; user's rejected words win ties; then earliest.
        candidates.sort(key=lambda m: (-(m[2] - m[1]), m[0] != REJECT_KEY, m[1]))
        taken = bytearray(len(doc))
        findings: list[Finding] = []
        explained: list[tuple[str, int]] = []
        for key, s, e in candidates:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            span = doc[s:e]
            surface = span.text
            if surface.lower() in accept:
                continue
            if key == REJECT_KEY:
                findings.append(make_finding(
                    text, span.start_char, span.end_char, REJECT_KEY, "jargon",
                    "You asked jargonfree to flag this word.",
                ))
                continue
            rule = self.rules.by_key[key]
            if accept and any(m.lower() in accept for m in rule.match):
                continue
            if rule.category == "medical" and _is_explained(text, span.start_char, span.end_char):
                explained.append((key, span.start_char))
                continue
            findings.append(self._finding(text, doc, s, e, rule))
        if back is not None:
            explained = [(key, back[offset]) for key, offset in explained]
        findings = [_unsqueeze(f, original, back) for f in findings] if original != text else findings
        findings.sort(key=Finding.sort_key)
        return MatchResult(tuple(findings), tuple(explained))

    def _finding(self, text: str, doc, s: int, e: int, rule: Rule) -> Finding:
        span = doc[s:e]
        surface = span.text
        tags = self.compiled.forms[rule.key].get(_normal(surface), ("",))
        previous = None
        for tok in reversed(doc[max(0, s - 4) : s]):
            low = tok.lower_
            if low in _LOOKBACK_SKIP or tok.is_punct and low in ("'", "’"):
                continue
            previous = low
            break
        following = doc[e].lower_ if e < len(doc) else None
        head = rule.replace[0].split(" ")[min(rule.inflect, len(rule.replace[0].split(" ")) - 1)]
        tag = resolve_tag(tags[0], tags, previous, following, verb_only(head))
        # A plural at the end of a phrase ("improve outcomes") makes the replacement's last
        # word plural, and so does a verb form there ("adversely affected" -> "harmed",
        # unless `inflect` says which word); a verb form at its start goes to the word
        # `inflect` names.
        multiword = " " in rule.match[0].strip()
        if tags[0].endswith(LAST):
            index = rule.inflect or -1
        else:
            # A plural takes the head noun of the replacement ("area of work" -> "areas of
            # work") unless the rule names the word.
            index = (rule.inflect or -1) if tag == "NNS" else rule.inflect
        plain = [inflect_phrase(r, index, tag) for r in rule.replace]
        if rule.explain:
            explained_form = inflect_phrase(rule.explain, index, tag)
            term = surface
            if (surface[:1].isupper() and surface[1:2].islower()
                    and s == _sentence_start(doc, s)):
                term = surface[0].lower() + surface[1:]  # "High temperature (pyrexia)"
            plain.append(f"{explained_form} ({term})")
        suggestions = [match_case(p, surface) for p in dict.fromkeys(plain)]
        start, end = span.start_char, span.end_char
        if s > 0 and doc[s - 1].lower_ in ("a", "an") and doc[s - 1].whitespace_:
            art = doc[s - 1]
            own = [p.split(" ", 1)[0].lower() in DETERMINERS for p in suggestions]
            needed = [article_for(p) for p in suggestions]
            if any(o or a != art.lower_ for o, a in zip(own, needed)):
                # The span takes in the article; a suggestion with its own ("a lot of")
                # replaces it, the others carry the article their sound needs.
                start = art.idx
                suggestions = [
                    match_case(p, art.text) if o else f"{match_case(a, art.text)} {p}"
                    for o, a, p in zip(own, needed, suggestions)
                ]
        return make_finding(
            text, start, end, rule.key, rule.category, rule.message,
            level=rule.level, suggestions=tuple(suggestions), source=rule.source,
        )


_LINE_SPACE = str.maketrans({c: " " for c in "\n\r\t\v\f\u00a0\u2028\u2029"})


def _squeeze_space(text: str) -> tuple[str, list[int] | None]:
    """Make every whitespace run one plain space, as spaCy would otherwise make a token of
    a line break or an extra space and split "in order\nto". Single line breaks and tabs
    become spaces in place (offsets unchanged); only runs of two or more need a map back
    to the old offsets."""
    text = text.translate(_LINE_SPACE)
    if _SURROGATE_RE.search(text):  # spaCy cannot store lone surrogates; same length
        text = _SURROGATE_RE.sub("\ufffd", text)
    if "  " not in text:
        return text, None
    out: list[str] = []
    back: list[int] = []
    pos = 0
    for m in _RUN_RE.finditer(text):
        out.append(text[pos : m.start() + 1])
        back.extend(range(pos, m.start() + 1))
        pos = m.end()
    out.append(text[pos:])
    back.extend(range(pos, len(text) + 1))
    return "".join(out), back


_RUN_RE = re.compile(r"  +")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _unsqueeze(f: Finding, text: str, back: list[int] | None) -> Finding:
    """Put a finding made on the squeezed text back on the original text."""
    start, end = (back[f.start], back[f.end - 1] + 1) if back else (f.start, f.end)
    return Finding(start, end, f.line, f.column, text[start:end], f.rule_id, f.category,
                   f.level, f.message, f.suggestions, f.note, f.source)


def _sentence_start(doc, i: int) -> int:
    """i if token i starts a sentence (first token, or after . ! ? or a line start)."""
    return i if i == 0 or doc[i - 1].text in ".!?:" else -1


def _is_explained(text: str, start: int, end: int) -> bool:
    """'high blood pressure (hypertension)', '(stool sample)' or
    'hypertension (high blood pressure)': the text explains the term."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before.endswith("(") or after.startswith(")"):
        return True
    close = text.find(")", end, end + 80)
    return text[end : end + 2] == " (" and close > end + 3

"""Run every check over a document, paragraph by paragraph, and assemble an Analysis.

Paragraph results are cached by (paragraph text, profile, options), so re-analysing a
document after a one-paragraph edit redoes that paragraph plus the document-level parts
(acronyms, consistency, explained terms, scores), which are cheap.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jargonfree.core.emphasis import shaded_sentences
from jargonfree.core.model import Analysis, Finding, Options
from jargonfree.core.names import inside, name_spans
from jargonfree.core.profiles import Profile, get_profile
from jargonfree.core.rules import RuleSet, rules_dir
from jargonfree.core.text import (
    LineIndex,
    Paragraph,
    analysis_spans,
    is_heading_or_label,
    segment_paragraph,
    skip_spans,
)

CACHE_SIZE = 50_000  # paragraphs kept; a 1M-word document has about 20,000
PARALLEL_MIN_CHARS = 100_000  # about 15,000 words: below this a second process costs more
# Findings a check makes from its own paragraph only (the rest need the whole text).
SIMPLER_WORDS = 3  # substitutes an uncommon-word finding offers
WORD_LEVEL = frozenset({"jargon", "medical", "wordy", "uncommon", "acronym", "misleading"})
RULED_SHORT_FORMS = frozenset({"medical", "jargon", "wordy", "misleading"})
# Findings on words inside a condition's name that give way to one on the whole name.
NAME_PARTS = frozenset({"medical", "uncommon", "misleading"})


@dataclass(frozen=True, slots=True)
class ParagraphResult:
    findings: tuple[Finding, ...]  # paragraph-relative offsets, line/column not set
    explained: tuple[tuple[str, int], ...]
    terms: tuple[tuple[int, int, int, int], ...]  # consistency: (group, word, start, end)
    skips: tuple[tuple[int, int], ...]  # not words: link targets, web and e-mail addresses
    counts: object  # readability.Counts, summed over paragraphs
    jargon_percent: float | None
    reading_age: float | None


class Analyzer:
    """Holds the compiled rules and the paragraph cache."""

    def __init__(
        self,
        rules: RuleSet | None = None,
        *,
        cache_dir: Path | None = None,
        own_rules_dir: Path | None = None,
        consistency_file: Path | None = None,
    ) -> None:
        from jargonfree.core.checks import acronyms, consistency
        from jargonfree.core.matcher import CompiledRules, Matcher

        self.warnings: list[str] = []  # the user's rule files that could not be used
        if rules is None:
            compiled, self.warnings = CompiledRules.load_files(cache_dir, own_dir=own_rules_dir)
            rules = compiled.rules
        else:
            compiled = CompiledRules.load(rules, cache_dir)
        self.rules = rules
        self.matcher = Matcher(rules, compiled)
        self.known_acronyms = acronyms.load_known_acronyms()
        # Words we offer (rule suggestions, acronyms spelled out): never "rare".
        self.plain_words = compiled.plain_words | acronyms.expansion_words()
        groups_file = consistency_file or rules_dir() / "consistency.toml"
        if not groups_file.is_file():
            self.groups = []
        elif consistency_file is None and compiled.groups_digest == consistency.file_digest(
                groups_file):
            self.groups = list(compiled.groups)  # parsed when the rules were compiled
        else:
            self.groups = consistency.load_groups(groups_file)
        self.terms = consistency.TermIndex(self.groups)
        self._cache: OrderedDict[tuple, ParagraphResult] = OrderedDict()
        self._simplifier = None

    @property
    def simplifier(self):
        """The simpler-words engine (core.simplify), built on first use: its table is
        only read when a word needs it."""
        if self._simplifier is None:
            from jargonfree.core.simplify import Simplifier

            self._simplifier = Simplifier(flagged=self._would_flag,
                                          rule_suggestions=self._rule_suggestions)
        return self._simplifier

    def _would_flag(self, words: str, profile: str) -> bool:
        """Would jargonfree flag these words (a candidate replacement) on their own?"""
        from jargonfree.core.matcher import split_form
        from jargonfree.core.simplify import rare_in_table

        if rare_in_table(self.simplifier.lex, words, profile):
            return True  # the cheaper test first
        # Any rule term among the words (their `unless` contexts cannot apply to a few
        # words alone): the phrase table itself, without building findings.
        return next(self.matcher.compiled.table.find(list(split_form(words))), None) is not None

    def _rule_suggestions(self, text: str, start: int, end: int) -> list[str]:
        """The bundled rules' suggestions for exactly text[start:end], read in its paragraph."""
        left = max(text.rfind("\n\n", max(0, start - 2000), start) + 2, max(0, start - 2000))
        right = text.find("\n\n", end, end + 2000)
        right = right if right >= 0 else min(len(text), end + 2000)
        for f in self.matcher.match(text[left:right]).findings:
            if f.start + left == start and f.end + left == end:
                return list(f.suggestions)
        return []

    def analyze(
        self,
        text: str,
        profile: str = "general",
        options: Options | None = None,
        revision: int = 0,
    ) -> Analysis:
        from jargonfree.core.checks import acronyms, consistency, uncommon
        from jargonfree.core.readability import Counts, compute

        options = options or Options()
        if options.markup != "text":  # never check markup as words without saying so
            raise ValueError(f"the analyzer reads plain text; {options.markup} is read by "
                             "jargonfree.formats.documents.analyze_as_written")
        prof = self._profile(profile, options)
        found: list[tuple[Finding, int]] = []  # (finding, offset of its paragraph)
        explained: dict[str, int] = {}
        terms: list[tuple[int, int, int, int]] = []
        skips: list[tuple[int, int]] = []
        total = Counts()
        jargon_weighted = 0.0
        grades = []
        index = LineIndex(text)
        lines = []
        for start, end in analysis_spans(text):
            result = self._paragraph(text[start:end], prof, options)
            found += [(f, start) for f in result.findings]
            for key, offset in result.explained:
                explained.setdefault(key, offset + start)
            terms += [(g, w, s + start, e + start) for g, w, s, e in result.terms]
            skips += [(s + start, e + start) for s, e in result.skips]
            total = total + result.counts
            if result.jargon_percent is not None:
                jargon_weighted += result.jargon_percent * result.counts.words
            label = is_heading_or_label(text[start:end])
            grades.append((start, end, None if label else result.reading_age))
            lines.append(index.line_col(start)[0])

        if "acronym" not in options.disabled:
            short = acronyms.check(text, self.known_acronyms, skips, prof.name)
            if short:
                # A rule that rewrites the short form ("NBM" -> "without food or drink",
                # "OB/GYN") says more than "not explained": one finding, not two.
                ruled = [(f.start + o, f.end + o) for f, o in found
                         if f.category in RULED_SHORT_FORMS]
                found += [(f, 0) for f in short
                          if not any(a < f.end and f.start < b for a, b in ruled)]
        if "consistency" not in options.disabled and terms:
            found += [(f, 0) for f in consistency.judge(text, terms, self.groups)]
        defined = uncommon.defined_terms(text) if any(
            f.category == "uncommon" for f, _ in found
        ) else set()
        found = [(f, o) for f, o in found if not _drop(f, o, explained, defined, options)]
        found = _first_rare_use_only(found)
        placed = [_placed(f, o, *index.line_col(f.start + o)) for f, o in found]
        jargon = round(jargon_weighted / total.words, 1) if total.words else None
        readability = compute(total, prof, jargon)
        return Analysis(tuple(placed), readability, revision, tuple(grades), tuple(lines),
                        shaded_sentences(text, placed))

    def prefill(self, text: str, profile: str = "general", options: Options | None = None) -> None:
        """Check the paragraphs of a long text on two processor cores, keeping the results
        in the paragraph cache, so that analyze() then only assembles them.

        For the command line's batch checks: a forked copy of this process takes the
        second half of the paragraphs while this one does the first. Where fork is not
        available, on one core, or if the copy fails, nothing is lost but the time.
        """
        import os

        if len(text) < PARALLEL_MIN_CHARS:
            return  # before importing multiprocessing (12 ms of a short check's start)
        import multiprocessing as mp

        options = options or Options()
        prof = self._profile(profile, options)
        spans = analysis_spans(text)
        todo = list(dict.fromkeys(
            p for p in (text[a:b] for a, b in spans) if (p, prof.name, options) not in self._cache))
        if (len(text) < PARALLEL_MIN_CHARS or len(todo) < 2 or (os.cpu_count() or 1) < 2
                or len(spans) > CACHE_SIZE  # the results would push each other out
                or "fork" not in mp.get_all_start_methods()):
            return
        half = _balanced_cut(todo)
        fork = mp.get_context("fork")
        receive, send = fork.Pipe(duplex=False)
        child = fork.Process(
            target=_check_in_child, args=(self, todo[half:], prof, options, send), daemon=True)
        try:
            child.start()
        except OSError:
            return  # no process to spare: the caller checks everything itself
        send.close()
        for par in todo[:half]:
            self._paragraph(par, prof, options)
        try:
            results = receive.recv()
        except (EOFError, OSError):
            results = None  # the copy died: analyze() redoes its half
        finally:
            receive.close()
            child.join()
        if results is not None:
            for par, result in zip(todo[half:], results, strict=True):
                self._remember((par, prof.name, options), result)

    def _profile(self, profile: str, options: Options) -> Profile:
        prof = get_profile(profile)
        if thresholds := options.thresholds():
            prof = dataclasses.replace(prof, **thresholds)
        return prof

    def _remember(self, key: tuple, result: ParagraphResult) -> None:
        self._cache[key] = result
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _paragraph(self, text: str, prof: Profile, options: Options) -> ParagraphResult:
        key = (text, prof.name, options)
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        result = self._compute_paragraph(text, prof, options)
        self._remember(key, result)
        return result

    def _compute_paragraph(self, text: str, prof: Profile, options: Options) -> ParagraphResult:
        from jargonfree.core.checks import conditions, passive, sentences, uncommon
        from jargonfree.core.frequency import jargon_percent
        from jargonfree.core.readability import count_paragraph, reading_age

        skips = skip_spans(text)
        par = Paragraph(0, len(text), text, segment_paragraph(text, 0, skips))
        disabled = options.disabled
        matched = self.matcher.match(text, options.accept, options.reject)
        findings = [f for f in matched.findings if f.category not in disabled]
        if "passive" not in disabled:
            findings += passive.check(par)
        if "sentence" not in disabled:
            findings += sentences.check(par, prof)
        if "uncommon" not in disabled and prof.uncommon_words:
            # Characters already under a word-level finding (a mask: a 5 MB paragraph
            # has thousands of findings, and a pairwise test was quadratic).
            taken = bytearray(len(text))
            for f in findings:
                if f.category in WORD_LEVEL:
                    taken[f.start : f.end] = b"\x01" * (f.end - f.start)
            for f in uncommon.check(par, prof, self.plain_words):
                if f.text.lower() in options.accept:
                    continue
                if not any(taken[f.start : f.end]):
                    findings.append(f)
        findings = _outside_names(findings, par, prof)
        findings = conditions.unite(text, findings, NAME_PARTS - disabled)
        # Simpler words for the rare words that are left (not those inside names).
        findings = [self._with_simpler_words(text, f, prof.name)
                    if f.category == "uncommon" and not f.suggestions else f for f in findings]
        counts = count_paragraph(par)
        words = par.word_texts()
        return ParagraphResult(
            tuple(findings),
            matched.explained,
            self.terms.find(par) if "consistency" not in disabled else (),
            tuple(skips),
            counts,
            jargon_percent(words),
            reading_age(counts),
        )

    def _with_simpler_words(self, text: str, f: Finding, profile: str) -> Finding:
        """An uncommon-word finding with the simpler-words engine's first substitutes (the
        span takes in a/an when the first one needs the other article)."""
        start, end, words = self.simplifier.suggest_span(text, f.start, f.end, profile,
                                                         SIMPLER_WORDS, rules=False, sure=True)
        if not words:
            return f
        return Finding(start, end, f.line, f.column, text[start:end], f.rule_id, f.category,
                       f.level, f.message, tuple(words), f.note, f.source)


# Findings that would rewrite words: not inside a proper name ("Riverside Heart Health
# Learning Network" is a name, not jargon to rewrite). Words the user asked to flag are.
RENAMING = frozenset({"jargon", "medical", "wordy", "uncommon", "misleading"})


def _outside_names(findings: list[Finding], par: Paragraph, prof: Profile) -> list[Finding]:
    """Drop rewrites inside names, and lay rewrites of medical terms for specialists."""
    if not prof.lay_medical:
        findings = [f for f in findings if f.category != "medical"]
    if not any(f.category in RENAMING for f in findings):
        return findings
    names = name_spans(par)
    if not names:
        return findings
    return [f for f in findings if f.category not in RENAMING or f.rule_id == "user.reject"
            or not inside(f.start, f.end, names)]


def _balanced_cut(paragraphs: list[str]) -> int:
    """The index that splits the paragraphs into two halves of about equal length."""
    total = sum(map(len, paragraphs))
    done = 0
    for i, par in enumerate(paragraphs):
        done += len(par)
        if done * 2 >= total:
            return max(1, min(i + 1, len(paragraphs) - 1))
    return len(paragraphs) // 2


def _check_in_child(analyzer: Analyzer, paragraphs: list[str], prof: Profile,
                    options: Options, conn) -> None:
    """The forked copy's work: check its paragraphs and send the results back."""
    try:
        conn.send([analyzer._compute_paragraph(p, prof, options) for p in paragraphs])
    finally:
        conn.close()


def _placed(f: Finding, offset: int, line: int, column: int) -> Finding:
    """The paragraph's finding moved to its place in the document (one new object)."""
    return Finding(f.start + offset, f.end + offset, line, column, f.text, f.rule_id,
                   f.category, f.level, f.message, f.suggestions, f.note, f.source)


def _first_rare_use_only(found: list[tuple[Finding, int]]) -> list[tuple[Finding, int]]:
    """A rare word or a condition's name is flagged once, where it is first used: repeats
    add noise, not help.
    Also puts the findings in document order."""
    seen: set[str] = set()
    out = []
    for f, o in sorted(found, key=lambda p: (p[0].start + p[1], p[0].end + p[1], p[0].rule_id)):
        if f.category == "uncommon" or f.rule_id == "medical.condition_name":  # conditions.RULE_ID
            key = f.text.lower()
            if key in seen:
                continue
            seen.add(key)
        out.append((f, o))
    return out


def _drop(f: Finding, offset: int, explained: dict[str, int], defined: set[str],
          options: Options) -> bool:
    """Findings the whole document rules out: explained terms, defined words, turned-off checks."""
    if f.category in options.disabled:
        return True
    if (f.category == "medical" and f.rule_id in explained
            and f.start + offset > explained[f.rule_id]):
        return True
    if f.category == "uncommon" and f.text.lower() in defined:
        return True
    return f.category in WORD_LEVEL and f.rule_id != "user.reject" and (
        f.text.lower() in options.accept
    )


# The one module-level cached object, kept on purpose (the style guide rules singletons
# out): analyze() is the one-call public API for scripts and tests, and building the rules
# takes about a second, which a call each time would repeat. It is built on first use, not
# at import; it holds the bundled rules only (no settings, paths, user files or disk
# cache), so it is the same for every caller. The editor, the worker and the CLI build
# their own Analyzer with the user's folders and pass it down.
@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The bundled rules, no user files: what `analyze()` uses (built on first call)."""
    return Analyzer()


def analyze(
    text: str,
    profile: str = "general",
    *,
    options: Options | None = None,
    revision: int = 0,
) -> Analysis:
    """Analyse `text` for the audience `profile` with the bundled rules."""
    get_profile(profile)  # a bad profile name fails before the slow start-up
    return default_analyzer().analyze(text, profile, options, revision)

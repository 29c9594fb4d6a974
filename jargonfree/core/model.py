"""The result types every layer reads: Finding, Readability, Analysis (frozen)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CATEGORIES = (
    "jargon",
    "medical",
    "wordy",
    "uncommon",
    "acronym",
    "passive",
    "sentence",
    "consistency",
    "misleading",
)
LEVELS = ("suggestion", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: a span of the document, why, and what to write instead."""

    start: int
    end: int
    line: int
    column: int
    text: str
    rule_id: str
    category: str
    level: str
    message: str
    suggestions: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule_id)

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["suggestions"] = list(self.suggestions)
        return d

    def shifted(self, offset: int, line_offset: int, first_line_col_offset: int) -> Finding:
        """Move a paragraph-relative finding into document coordinates."""
        column = self.column + (first_line_col_offset if self.line == 1 else 0)
        return Finding(
            self.start + offset,
            self.end + offset,
            self.line + line_offset,
            column,
            self.text,
            self.rule_id,
            self.category,
            self.level,
            self.message,
            self.suggestions,
            self.note,
            self.source,
        )


@dataclass(frozen=True, slots=True)
class Readability:
    """Document-level scores. A formula that needs more text is None, with a note why."""

    profile: str
    words: int
    sentences: int
    syllables: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    smog_grade: float | None
    gunning_fog: float | None
    coleman_liau: float | None
    automated_readability_index: float | None
    dale_chall: float | None
    reading_age: float | None
    smog_reading_age: float | None
    nhs_band: int | None
    jargon_percent: float | None
    reading_time_seconds: int
    target: tuple[int | None, int | None]
    meets_target: bool | None
    notes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        lo, hi = self.target
        d["target"] = {"min_reading_age": lo, "max_reading_age": hi}
        d["notes"] = dict(self.notes)
        return d


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one run of the checks found, tagged with the editor's revision."""

    findings: tuple[Finding, ...]
    readability: Readability
    revision: int = 0
    paragraph_grades: tuple[tuple[int, int, float | None], ...] = ()  # (start, end, reading age)
    paragraph_lines: tuple[int, ...] = ()  # the first line of each paragraph, 1-based
    # (start, end) of the very hard sentences the editor shades (core/emphasis.py); every
    # sentence finding is marked in the margin, only these are shaded.
    shaded: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "readability": self.readability.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }


def make_finding(
    text: str,
    start: int,
    end: int,
    rule_id: str,
    category: str,
    message: str,
    *,
    level: str = "suggestion",
    suggestions: tuple[str, ...] | list[str] = (),
    note: str | None = None,
    source: str | None = None,
) -> Finding:
    """Build a finding over text[start:end]; line and column are filled in by the analyzer."""
    return Finding(
        start, end, 0, 0, text[start:end], rule_id, category, level, message,
        tuple(suggestions), note, source,
    )


@dataclass(frozen=True, slots=True)
class Options:
    """What the user has chosen: accepted and rejected words, checks turned off, and
    sentence thresholds in place of the profile's (None keeps the profile's)."""

    accept: frozenset[str] = frozenset()  # lowercase words/phrases never flagged
    reject: frozenset[str] = frozenset()  # lowercase words/phrases always flagged
    disabled: frozenset[str] = frozenset()  # categories turned off
    hard_grade: float | None = None  # a sentence above this grade is hard
    very_hard_grade: float | None = None  # ... and above this, very hard
    long_sentence_words: int | None = None  # a sentence with more words is long
    # How the text is written: "text", or "markdown" (formats/markdown.py reads the markup
    # and hands the analyzer the words a reader sees; the analyzer itself reads plain text).
    markup: str = "text"

    def thresholds(self) -> dict[str, float | int]:
        """The sentence thresholds the user set (profile field name -> value)."""
        return {name: value for name in ("hard_grade", "very_hard_grade", "long_sentence_words")
                if (value := getattr(self, name)) is not None}

"""Readability scores in words people understand (used by `score`, the panel and reports)."""

from __future__ import annotations

from jargonfree.core.model import Readability
from jargonfree.core.profiles import get_profile
from jargonfree.core.readability import age_words, is_capped

FLESCH_LABELS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain English"),
    (50, "fairly difficult"),
    (30, "difficult"),
    (float("-inf"), "very difficult"),
)


def flesch_label(score: float | None) -> str:
    if score is None:
        return "not enough text"
    return next(label for floor, label in FLESCH_LABELS if score >= floor)


def nhs_band_words(band: int | None) -> str:
    if band is None:
        return "not enough text to say how many adults can read it"
    return f"about {band}% of UK adults can read this"


def goal_words(target: tuple[int | None, int | None]) -> str:
    """A profile's reading-age target in words: the one wording, for the CLI, the score
    panel and the report."""
    lo, hi = target
    if lo and hi:
        return f"reading age {lo} to {hi}"
    if hi:
        return f"reading age {hi} or under"
    return "no reading-age target"


def target_words(r: Readability) -> str:
    verdict = {True: "met", False: "not met", None: "not enough text to tell"}[r.meets_target]
    return f"{goal_words(r.target)}: {verdict}"


def reading_time_words(seconds: int) -> str:
    if seconds < 60:
        return "under a minute to read"
    minutes = round(seconds / 60)
    return f"about {minutes} minute{'s' if minutes != 1 else ''} to read"


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def reading_age_words(r: Readability, key: str = "reading_age", missing: str = "–") -> str:
    """r.reading_age (or r.smog_reading_age) as shown: "14", "over 21 (university level)"."""
    value = getattr(r, key)
    return missing if value is None else age_words(value, is_capped(r, key))


def describe_readability(r: Readability) -> list[str]:
    """A few plain lines: reading age, SMOG band, Flesch label, target, jargon, the rest."""
    label = get_profile(r.profile).label
    lines = [
        f"Words: {r.words} in {r.sentences} sentence{'s' if r.sentences != 1 else ''} "
        f"({reading_time_words(r.reading_time_seconds)})",
    ]
    if r.reading_age is None:
        why = r.notes.get("flesch_kincaid_grade")
        lines.append("UK reading age: not enough text to score" + (f" ({why})" if why else ""))
    elif is_capped(r):
        lines.append(f"UK reading age: {age_words(r.reading_age, True)}")
    else:
        lines.append(f"UK reading age: {r.reading_age:.0f} "
                     f"(Flesch-Kincaid grade {r.flesch_kincaid_grade:.1f})")
    if r.smog_grade is None:
        lines.append(f"SMOG: {r.notes.get('smog_grade', 'not enough text')}")
    else:
        smog_age = age_words(r.smog_reading_age, is_capped(r, "smog_reading_age"))
        lines.append(
            f"SMOG: grade {r.smog_grade:.1f}, reading age {smog_age}; "
            f"{nhs_band_words(r.nhs_band)}"
        )
    if r.flesch_reading_ease is not None:
        ease = r.flesch_reading_ease
        lines.append(f"Flesch reading ease: {ease:.0f} ({flesch_label(ease)})")
    lines.append(f"Target for {label.lower()}: {target_words(r)}")
    if r.jargon_percent is not None:
        lines.append(f"Jargon score: {r.jargon_percent:.1f}% uncommon words (lower is plainer)")
    lines.append(
        "Other formulas: "
        f"Gunning fog {_fmt(r.gunning_fog)}, Coleman-Liau {_fmt(r.coleman_liau)}, "
        f"ARI {_fmt(r.automated_readability_index)}, Dale-Chall {_fmt(r.dale_chall)}"
    )
    return lines

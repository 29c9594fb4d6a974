"""Audience profiles: who the text is for, the reading-age target and check thresholds."""

from __future__ import annotations

from dataclasses import dataclass


def shown_age(reading_age: float) -> int:
    """A reading age as people see it: whole years, rounded as f"{age:.0f}" rounds."""
    return int(f"{reading_age:.0f}")


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    label: str
    min_reading_age: int | None
    max_reading_age: int | None
    hard_grade: float  # a sentence above this Flesch-Kincaid grade is "hard"
    very_hard_grade: float  # ... and above this, "very hard"
    long_sentence_words: int
    word_limit: int | None
    uncommon_words: bool  # flag rare words (off for specialists)
    description: str
    # Offer everyday words for medical terms ("abdomen" -> "tummy"): not to specialists,
    # for whom the medical term is the plain word.
    lay_medical: bool = True

    @property
    def target(self) -> tuple[int | None, int | None]:
        return (self.min_reading_age, self.max_reading_age)

    def meets(self, reading_age: float | None) -> bool | None:
        """Whether a reading age meets the target, compared as it is shown: in whole
        years (14.1 is shown as "14", and 14 meets "14 or under")."""
        if reading_age is None:
            return None
        if self.max_reading_age is not None and shown_age(reading_age) > self.max_reading_age:
            return False
        return True  # easier than the minimum is never a failure of plain English


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            "general", "General public", None, 14, 10, 14, 25, None, True,
            "GOV.UK and NHS default for public text: reading age 14 or under.",
        ),
        Profile(
            "patient", "Patient information", 9, 11, 8, 11, 20, None, True,
            "Patient Information Forum target for leaflets: reading age 9 to 11.",
        ),
        Profile(
            "bid", "Funding bid summary", None, 14, 10, 14, 25, 350, True,
            "Plain English summary of a funding bid: reading age 14 or under, 350 words.",
        ),
        Profile(
            "specialist", "Specialist", None, 18, 14, 18, 30, None, False,
            "Text for specialists: reading age 18 or under; rare words and medical "
            "terms are not flagged.", lay_medical=False,
        ),
    )
}


def get_profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(
            f"unknown profile {name!r}: choose one of {', '.join(PROFILES)}"
        ) from None

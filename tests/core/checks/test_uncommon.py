"""The rare-word check and the frequency module under it, on real wordfreq data."""

from __future__ import annotations

import pytest

from jargonfree.core.checks import uncommon
from jargonfree.core.frequency import jargon_percent, zipf
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import Paragraph, segment_paragraph


def rare(text: str, profile: str = "general") -> list[str]:
    par = Paragraph(0, len(text), text, segment_paragraph(text, 0))
    return [f.text for f in uncommon.check(par, get_profile(profile))]


@pytest.mark.parametrize(
    "text, profile, expected",
    [
        ("The histology showed dysplasia.", "general", ["histology", "dysplasia"]),
        ("The comparators showed reciprocity.", "general", ["comparators", "reciprocity"]),
        ("Pseudonymised records reduce deprivation.", "general", ["Pseudonymised", "deprivation"]),
        # The patient profile (reading age 9-11) flags mid-frequency long words too.
        ("Read the guidance on prioritisation.", "patient", ["guidance", "prioritisation"]),
        ("We value co-production.", "patient", ["co-production"]),
        ("Histology helps.", "specialist", []),
    ],
)
def test_rare_words_flagged(text, profile, expected):
    assert rare(text, profile) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You can take the tablets with food. Call us if you feel unwell.",
        "The organisation's volunteers were removing the signs.",  # inflected, UK spelling
        "Colours and centres were channelled into programmes.",
        "It felt unhealthy beforehand, and I was unsure.",  # un- and compounds of common words
        "We value co-production and well-being.",  # hyphenated: judged by the parts
        "Dr Okonkwo saw 1,250 people in Scunthorpe.",  # names and numbers
        "Scunthorpe is big. We love Scunthorpe.",  # a name at the start of a sentence
        "The CCG and the NHSX met. DataLab grew.",  # capitals and camel case
        "A swelling (oedema) may appear.",  # explained in brackets
        "Oedema (swelling) may appear.",
        "Take paracetamol or use your inhaler.",  # on the allow list
        "We will share information with organisations.",  # common, however long
    ],
)
def test_plain_words_pass(text):
    assert rare(text) == []


def test_finding_fields():
    [f] = uncommon.check(
        Paragraph(0, 18, "It shows dysplasia", segment_paragraph("It shows dysplasia", 0)),
        get_profile("general"),
    )
    assert (f.start, f.end, f.rule_id, f.category, f.level) == (
        9, 18, "uncommon.rare", "uncommon", "suggestion")
    assert "Many readers" in f.message


@pytest.mark.parametrize(
    "word, low, high",
    [
        ("the", 7.0, 8.0),
        ("organisation", 4.5, 5.5),  # British spelling scores like the American one
        ("organisations", 4.5, 5.5),
        ("vanes", 2.5, 3.5),  # not "van"
        ("channelled", 4.5, 5.5),  # from "channel"
        ("co-production", 4.0, 4.87),  # below "production": the prefix costs a little
        ("socio-economic", 0.0, 4.0),  # the rarest part decides
        ("dysplasia", 0.0, 3.0),
        ("xqzzyv", 0.0, 0.0),
    ],
)
def test_zipf(word, low, high):
    assert low <= zipf(word) <= high


def test_spellings_score_alike():
    assert zipf("organisation") == zipf("organization")
    assert zipf("Organisation’s") == zipf("organisation")


@pytest.mark.parametrize(
    "text, defined",
    [
        ("Dysplasia means cells that look abnormal.", {"dysplasia"}),
        ("Histology (looking at cells) helps.", {"histology"}),
        ("High blood pressure (hypertension) is common.", {"hypertension"}),
        ("A biopsy is a small sample of tissue.", {"biopsy"}),
        ("Oedema, which is swelling, may appear.", {"oedema"}),
        ("Oedema, or swelling, may appear.", {"oedema"}),
        ("You may get a swelling called oedema.", {"oedema"}),
        ("The dysplasia got worse.", set()),
    ],
)
def test_defined_terms(text, defined):
    assert defined <= uncommon.defined_terms(text)
    if not defined:
        assert "dysplasia" not in uncommon.defined_terms(text)


@pytest.mark.parametrize(
    "words, expected",
    [
        ([], None),
        (["2026", "1,250"], None),  # numbers are left out
        (["the", "cat"], 0.0),
        (["the", "histology"], 50.0),  # rare: counted in full
        (["the", "clinic"], 25.0),  # mid-frequency: counted half
        (["the", "cat", "2026"], 0.0),
    ],
)
def test_jargon_percent(words, expected):
    assert jargon_percent(words) == expected


# --- names: capitalised words the paragraph also uses mid-sentence -----------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Scunthorpe is big. We love Scunthorpe.", []),  # the name comes later
        ("We love Scunthorpe. Scunthorpe is big.", []),  # or earlier
        ("Okonkwo is here. We met Dr Okonkwo’s team.", []),  # a possessive names it too
        ("Dysplasia is rare. It was dysplasia.", ["Dysplasia", "dysplasia"]),  # not a name
        ("Dysplasia is rare. Dysplasia again.", ["Dysplasia", "Dysplasia"]),  # first words only
        ("We saw it.\nDysplasia was found.", ["Dysplasia"]),  # after a line break: no name
    ],
)
def test_capitalised_first_words(text, expected):
    assert rare(text) == expected


def _pseudo_word(i: int) -> str:
    """A made-up word wordfreq does not know, different for each i ("Zqubaxe...")."""
    syllables = "ba be bi bo bu da de di do du ka ke ki ko ku ma me mi mo mu".split()
    out = "zqu"
    while True:
        out += syllables[i % 20]
        i //= 20
        if not i:
            return out + "x"


def test_a_two_megabyte_paragraph_finds_names_in_one_pass(monkeypatch):
    """Each rare capitalised first word used to rescan the rest of its paragraph, a step
    per later use (a 2 MB paste took minutes); the capitals used mid-sentence are now
    collected once per paragraph."""
    from jargonfree.core.analyze import analyze

    calls = []
    collect = uncommon._mid_sentence_capitals
    monkeypatch.setattr(uncommon, "_mid_sentence_capitals",
                        lambda par: calls.append(len(par.text)) or collect(par))
    words = [_pseudo_word(i).capitalize() for i in range(20)]
    block = " ".join(f"{w} came in." for w in words)
    names = words[::2]  # also used mid-sentence, once, at the very end: names
    text = " ".join([block] * (2_000_000 // len(block))) + f" We saw {' and '.join(names)}."
    assert len(text) > 2_000_000 and "\n" not in text
    result = analyze(text, "general")
    rare_words = [f.text for f in result.findings if f.category == "uncommon"]
    assert rare_words == words[1::2]  # each flagged once, at its first use
    assert calls == [len(text)]


# --- words the English table cannot judge ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "שלום עולם, זה טקסט בעברית על תוכנית הטיפול.",  # Hebrew
        "مرحبا بالعالم، هذا نص باللغة العربية عن خطة العلاج.",  # Arabic
        "Καλημέρα κόσμε, αυτό είναι ελληνικό κείμενο.",  # Greek
        "Привет мир, это русский текст о плане лечения.",  # Cyrillic
    ],
    ids=["hebrew", "arabic", "greek", "cyrillic"],
)
def test_other_scripts_are_not_rare(text):
    words = text.replace(",", " ").replace("،", " ").replace(".", " ").split()
    assert rare(text) == []
    assert rare(text, "patient") == []
    assert jargon_percent(words) is None  # nothing English to score


def test_other_scripts_next_to_english():
    assert rare("The histology showed שלום and Привет dysplasia.") == ["histology", "dysplasia"]
    assert rare("Café naïve señora histology.") == ["señora", "histology"]  # Latin letters
    assert jargon_percent(["the", "histology", "שלום", "مرحبا"]) == 50.0


# --- very long "words" -----------------------------------------------------------------


def test_a_100000_letter_word_is_not_split_at_every_point(monkeypatch):
    """Closed compounds (beforehand) are split at each point; a pasted 100,000-letter run
    is not a compound, and splitting it was quadratic."""
    import random

    from jargonfree.core import frequency
    from jargonfree.core.analyze import analyze

    lookups = []
    raw = frequency._raw
    monkeypatch.setattr(frequency, "_raw", lambda w, f: lookups.append(len(w)) or raw(w, f))
    rnd = random.Random(100_000)
    word = "".join(rnd.choice("etaoinshrdlu") for _ in range(100_000))  # common heads
    text = f"We saw {word} today. It was beforehand."
    result = analyze(text, "general")
    [f] = [f for f in result.findings if f.category == "uncommon"]
    assert (f.start, f.end) == (7, 7 + len(word))
    assert len(lookups) < 100
    assert zipf("beforehand") >= 4.0  # short compounds are still split

"""Simpler words for any word in its sentence (core.simplify, core.lexicon)."""

from __future__ import annotations

import pytest

from jargonfree import analyze, simpler_words
from jargonfree.core.lexicon import load_lexicon, regular_form

WORD_LEVEL = {"jargon", "medical", "wordy", "uncommon", "acronym", "misleading"}


def words_for(sentence: str, word: str, profile: str = "general", nth: int = 0) -> list[str]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(word, start + 1)
    return simpler_words(sentence, start, start + len(word), profile=profile)


@pytest.mark.parametrize(
    ("sentence", "word", "first"),
    [
        ("The council will purchase three new houses.", "purchase", "buy"),
        ("The remainder of the money went back to the trust.", "remainder", "rest"),
        ("Several physicians met the families.", "physicians", "doctors"),
        ("These measures should diminish the risk.", "diminish", "reduce"),
        ("Attendance at the sessions was sparse.", "sparse", "thin"),
    ],
)
def test_the_plainest_fitting_word_comes_first(sentence, word, first):
    assert words_for(sentence, word)[0] == first


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Last year the trust purchased two buildings.", "purchased", "bought"),  # past
        ("The trust is purchasing two buildings.", "purchasing", "buying"),  # -ing
        ("She purchases her tickets online.", "purchases", "buys"),  # -s, a verb
        ("Several physicians met the families.", "physicians", "doctors"),  # plural
        ("The hospital has purchased new beds.", "purchased", "bought"),  # participle
    ],
)
def test_substitutes_take_the_form_of_the_word(sentence, word, expected):
    assert expected in words_for(sentence, word)


def test_capitals_follow_the_word():
    assert words_for("Purchase your tickets early.", "Purchase")[0] == "Buy"
    assert words_for("PURCHASE YOUR TICKETS EARLY.", "PURCHASE")[0] == "BUY"


def test_after_a_or_an_only_words_that_keep_the_article():
    sentence = "The nurse gave an approximate time for the visit."
    got = words_for(sentence, "approximate")
    assert all(w[0].lower() in "aeiou" for w in got)  # "an rough" would not read


def test_the_finding_takes_in_the_article_when_it_must_change():
    text = "The nurse gave an approximate figure for the wait."
    found = [f for f in analyze(text, profile="patient").findings if "approximate" in f.text]
    assert found and found[0].text == "an approximate"
    assert found[0].suggestions[0].startswith("a ")


@pytest.mark.parametrize(
    ("sentence", "word", "antonyms"),
    [
        ("These measures should diminish the risk.", "diminish", {"increase", "grow", "raise"}),
        ("He was reluctant to leave the ward.", "reluctant", {"willing", "eager", "keen"}),
        ("Attendance at the sessions was sparse.", "sparse", {"dense", "thick", "full"}),
    ],
)
def test_no_antonyms(sentence, word, antonyms):
    assert not antonyms & set(words_for(sentence, word))


def test_the_word_without_its_prefix_is_not_offered():
    got = words_for("The coastal towns are underdeveloped.", "underdeveloped")
    assert "developed" not in got


def test_the_part_of_speech_in_the_sentence_decides():
    assert words_for("Her first novel was published in 1920.", "novel")[0] == "book"
    assert words_for("They tried a novel approach to the problem.", "novel")[0] == "new"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("The cat sat on the mat.", 4, 7),  # already plain
        ("The cat sat on the mat.", 0, 3),  # a function word
        ("We met the xyzzyplugh team.", 11, 20),  # not a word the table knows
        ("We met at 10.30 today.", 10, 15),  # a number
        ("We met, then left.", 6, 8),  # punctuation and space
        ("We met, then left.", 3, 3),  # an empty span
    ],
)
def test_no_words_when_none_fits(text, start, end):
    assert simpler_words(text, start, end) == []


@pytest.mark.parametrize(
    ("start", "end"), [(-1, 3), (5, 2), (0, 99), (30, 31)],
)
def test_a_span_outside_the_text_is_an_error(start, end):
    with pytest.raises(ValueError, match="outside the text"):
        simpler_words("The council will purchase.", start, end)


def test_bad_arguments():
    with pytest.raises(TypeError):
        simpler_words("The council will purchase.", "17", 25)
    with pytest.raises(ValueError):
        simpler_words("The council will purchase.", 17, 25, profile="nobody")
    assert simpler_words("The council will purchase.", 17, 25, limit=0) == []
    assert len(simpler_words("The council will purchase.", 17, 25, limit=1)) == 1


def test_informal_words_only_where_the_profile_allows():
    formal = words_for("Several physicians met the families.", "physicians", "bid")
    assert "docs" not in formal


@pytest.mark.parametrize(
    ("sentence", "word", "profile"),
    [
        ("The council will purchase three new houses.", "purchase", "general"),
        ("These measures should diminish the risk.", "diminish", "patient"),
        ("He was reluctant to leave the ward.", "reluctant", "patient"),
        ("Several physicians met the families.", "physicians", "patient"),
        ("The remainder of the money went back to the trust.", "remainder", "patient"),
    ],
)
def test_pasted_words_are_not_flagged_again(sentence, word, profile):
    start = sentence.index(word)
    for sub in simpler_words(sentence, start, start + len(word), profile=profile):
        pasted = sentence[:start] + sub + sentence[start + len(word):]
        findings = analyze(pasted, profile=profile).findings
        hit = [f for f in findings if f.category in WORD_LEVEL
               and f.start < start + len(sub) and f.end > start]
        assert not hit, (sub, hit)


def test_uncommon_findings_carry_simpler_words():
    text = "The staff will endeavour to ameliorate the lot of older people."
    found = {f.text: f for f in analyze(text, profile="patient").findings}
    assert "ameliorate" in found
    assert found["ameliorate"].category in {"uncommon", "wordy"}
    assert found["ameliorate"].suggestions[:1] == ("improve",)


def test_regular_forms_and_the_table_agree():
    lex = load_lexicon()
    assert regular_form("carry", "VBD") == "carried"
    assert regular_form("make", "VBG") == "making"
    assert lex.form("buy", "VBD") == "bought"
    assert lex.form("hit", "VBD") == "hit"
    assert lex.form("travel", "VBD") == "travelled"  # British doubling
    assert ("buy", "VBD") in lex.bases("bought")
    assert ("physician", "NNS") in lex.bases("physicians")


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # wordfreq finds "notable" rare as written; it only looks common through "not".
        ("She is a notable member of the board.", "notable", "famous"),
    ],
)
def test_words_common_only_through_a_part_get_plainer_words(sentence, word, expected):
    assert words_for(sentence, word)[0] == expected


def test_a_participle_is_read_as_the_verb_first():
    # WordNet's adjective "diverted" means amused; the verb's sense is the likelier here.
    got = words_for("The river was diverted to protect the village.", "diverted")
    assert got[0] == "turned"
    assert got.index("turned") < got.index("amused")


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # WordNet gives these adverbs no synonyms; their adjectives have some.
        ("The room was adequately heated.", "adequately", "sufficiently"),
        ("The form must be completed accurately.", "accurately", "correctly"),
    ],
)
def test_an_adverb_gets_the_adverbs_of_its_adjectives_synonyms(sentence, word, expected):
    assert expected in words_for(sentence, word)[:3]



def test_a_word_before_of_is_read_as_a_noun():
    got = words_for("Functions of the kidney include cleaning the blood.", "Functions")
    assert got[0] == "Roles"
    assert not {"Runs", "Works", "Goes"} & set(got[:3])


def test_no_comparisons_for_a_plain_adverb():
    got = words_for("We will endeavour to respond promptly.", "promptly")
    assert got[0] == "quickly"
    assert not {"faster", "fastest", "quicker"} & set(got)

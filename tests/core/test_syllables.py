"""Syllable counting: the dictionary, the rule-based fallback, and the cases that
docs/ARCHITECTURE.md names.

Accuracy targets (measured on the data files, not timed):
- the fallback alone, with the dictionary switched off, is right on at least 90% of a held-out
  tenth of the CMU dictionary. The tenth is fixed by a hash (not a random state that could
  change between Python versions): crc32("jargonfree-heldout:" + word) % 10 == 0. The rules
  were written and tuned looking only at the other nine tenths.
- the whole counter is right on at least 90% of tests/core/data/syllables_oov.tsv, words the
  dictionary lacks, counted by hand in British pronunciation.
"""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from jargonfree.core import syllables
from jargonfree.core.syllables import count_syllables, guess_syllables

OOV_FILE = Path(__file__).parent / "data" / "syllables_oov.tsv"


def held_out(word: str) -> bool:
    return zlib.crc32(("jargonfree-heldout:" + word).encode()) % 10 == 0


def load_oov() -> list[tuple[str, int]]:
    rows = []
    for line in OOV_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            rows.append((word, int(count)))
    return rows


@pytest.fixture(scope="module")
def held_out_words() -> dict[str, int]:
    """The held-out tenth of the CMU dictionary: word -> syllables."""
    return {w: n for w, n in syllables._dictionary().items() if held_out(w)}


@pytest.fixture
def no_dictionary(monkeypatch):
    """Make any use of the dictionary fail, so only the rules can answer."""

    def refuse() -> dict[str, int]:
        raise AssertionError("the fallback must not use the dictionary")

    monkeypatch.setattr(syllables, "_dictionary", refuse)


def test_fallback_alone_on_held_out_tenth_of_cmu(held_out_words, no_dictionary):
    words = held_out_words
    assert len(words) > 12_000
    right = sum(guess_syllables(w) == n for w, n in words.items())
    accuracy = right / len(words)
    print(f"fallback on {len(words)} held-out CMU words: {accuracy:.1%}")  # 94.8% when written
    assert accuracy >= 0.90


def test_fallback_clearly_beats_pyphen_on_held_out_tenth(held_out_words, no_dictionary):
    import pyphen  # installed with textstat, pinned in the test extra
    hyphenator = pyphen.Pyphen(lang="en_US")  # pyphen's en_GB scores lower still
    words = held_out_words
    ours = sum(guess_syllables(w) == n for w, n in words.items()) / len(words)
    theirs = sum(len(hyphenator.positions(w)) + 1 == n for w, n in words.items()) / len(words)
    print(f"held-out CMU: ours {ours:.1%}, pyphen {theirs:.1%}")  # 94.8% and 60.2% when written
    assert ours >= theirs + 0.20


def test_out_of_dictionary_list_is_big_and_really_out_of_the_dictionary():
    rows = load_oov()
    assert len(rows) >= 150
    lookup = syllables._dictionary()
    present = [w for w, _ in rows if w.lower() in lookup]
    assert present == []
    assert len({w for w, _ in rows}) == len(rows)


def test_whole_counter_on_out_of_dictionary_words():
    rows = load_oov()
    wrong = [(w, n, count_syllables(w)) for w, n in rows if count_syllables(w) != n]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"{len(rows)} out-of-dictionary words: {accuracy:.1%}; wrong: {wrong}")  # 99.7% at first
    assert accuracy >= 0.90


@pytest.mark.parametrize(
    "word, expected",
    [
        # British spellings
        ("utilise", 3), ("utilisation", 5), ("operationalise", 6), ("operationalisation", 8),
        ("oedema", 3), ("anaemia", 4), ("haemorrhage", 3), ("behaviour", 3), ("colour", 2),
        ("centre", 2), ("programme", 2), ("tumour", 2), ("paediatric", 4), ("diarrhoea", 4),
        # compounds, prefixes, suffixes
        ("co-production", 4), ("reorganise", 4), ("coordinate", 4), ("preoperative", 5),
        ("comorbidity", 5), ("prioritisation", 6), ("anticoagulant", 6),
        # numbers said in words
        ("15", 2), ("2026", 5), ("1900", 4), ("2005", 5), ("100", 3), ("1,000,000", 3),
        ("1,250.50", 13), ("3.5", 3), ("21st", 3), ("22nd", 4), ("5mg", 4), ("2.5ml", 7),
        # UK phone services are said digit by digit: "nine nine nine", "one one one"
        ("999", 3), ("111", 3), ("119", 3), ("112", 3), ("110", 5),
        # abbreviations spelled out, W is "double-u"
        ("NHS", 3), ("GP", 2), ("GPs", 2), ("WHO", 5), ("WWW", 9), ("COPD", 4), ("US", 2),
        ("e.g.", 2), ("i.e.", 2), ("p.m.", 2), ("mRNA", 4), ("HbA1c", 5),
        # said as words
        ("NATO", 2), ("NICE", 1), ("COVID", 2), ("DO", 1), ("NOT", 1), ("Dr", 2),
        # apostrophes
        ("don't", 1), ("didn't", 2), ("patient's", 2), ("nurse's", 2), ("nurses'", 2),
        ("it’s", 1),
        # accents
        ("café", 2), ("naïve", 2),
    ],
)
def test_count_syllables(word, expected):
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("utilise", 3), ("operationalise", 6), ("operationalisation", 8), ("oedema", 3),
        ("anaemia", 4), ("haemorrhage", 3), ("behaviour", 3), ("co-production", 4),
        ("reorganise", 4), ("coordinate", 4), ("preoperative", 5), ("2026", 5), ("15", 2),
        ("NHS", 3), ("WWW", 9), ("e.g.", 2), ("don't", 1), ("patient's", 2),
        # suffixes
        ("wanted", 2), ("hoped", 1), ("boxes", 2), ("makes", 1), ("quickly", 2),
        ("statement", 2), ("nation", 2), ("tension", 2), ("precious", 2), ("various", 3),
        ("special", 2), ("media", 3), ("criticism", 4), ("biology", 4), ("arthritis", 3),
        ("leukaemia", 4), ("table", 2), ("cycled", 2), ("hopeful", 2), ("idea", 3),
        ("radio", 3), ("video", 3), ("create", 2), ("quiet", 2), ("being", 2),
    ],
)
def test_guess_syllables_without_dictionary(no_dictionary, word, expected):
    assert guess_syllables(word) == expected


def test_every_word_has_a_syllable():
    assert count_syllables("hmm") == 1  # CMU gives it no vowel
    assert guess_syllables("x") == 1
    assert guess_syllables("'") >= 1
    assert count_syllables("") == 0


def test_counts_are_cached_per_word():
    count_syllables.cache_clear()
    count_syllables("leverage")
    count_syllables("leverage")
    assert count_syllables.cache_info().hits >= 1


def test_nothing_is_loaded_at_import():
    code = (
        "import jargonfree.core.syllables as s\n"
        "assert s._dictionary.cache_info().currsize == 0\n"
        "assert s.dale_chall_easy_words.cache_info().currsize == 0\n"
        "s.count_syllables('leverage')\n"
        "assert s._dictionary.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_easy_words_list():
    easy = syllables.dale_chall_easy_words()
    assert 2900 < len(easy) < 3100
    assert {"doctor", "medicine", "good-looking"} <= easy
    assert "hypertension" not in easy

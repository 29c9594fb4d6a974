"""The bundled word-frequency table (tools/build_frequency.py) holds exactly wordfreq's
English values and order, so reading it instead of importing wordfreq changes no finding."""

from __future__ import annotations

import importlib.metadata

import pytest

from jargonfree.core import frequency
from jargonfree.resources import resource_path


def _built_from() -> str:
    with open(resource_path("data", frequency.TABLE_NAME), encoding="utf-8") as f:
        header = f.readline()
    return header.split("wordfreq ")[1].split()[0]


def test_table_matches_wordfreq():
    wordfreq = pytest.importorskip("wordfreq")
    installed = importlib.metadata.version("wordfreq")
    if installed != _built_from():
        pytest.skip(f"table built from wordfreq {_built_from()}, {installed} installed")
    ours = frequency.FrequencyTable(resource_path("data", frequency.TABLE_NAME).read_bytes())
    theirs = wordfreq.get_frequency_dict("en")
    assert all(ours.get(word) == value for word, value in theirs.items())
    assert ours.ranked() == list(theirs)  # every word, in wordfreq's order
    assert ours.get("zqubaxemol") is None and "zqubaxemol" not in ours
    assert frequency.top_words(30_000) == wordfreq.top_n_list("en", 30_000)


def test_table_values_on_known_words():
    # Zipf 7+ for "the", well under 3 (once in a million words) for a rare one, 0 for a
    # made-up one.
    assert frequency.zipf("the") > 7
    assert 1 < frequency.zipf("perambulation") < 2
    assert frequency.zipf("zqubaxemol") == 0.0
    assert frequency.top_words(3) == ["the", "to", "and"]

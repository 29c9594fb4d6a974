"""Word tables in hashed shards (core.tables): what is written is what is read back, one
shard at a time, and a file of another kind is refused."""

from __future__ import annotations

import pytest

from jargonfree.core import syllables
from jargonfree.core.tables import ShardedTable, table_text


def test_round_trip_parses_only_the_shards_looked_up():
    pairs = [(f"word{i}", str(i)) for i in range(1000)] + [("naïve", "2"), ("co-op", "2")]
    table = ShardedTable(table_text("test table", pairs, 64).encode("utf-8"), "test")
    assert table.raw("word7") == "7" and table.raw("naïve") == "2" and "co-op" in table
    assert table.raw("absent") is None and "absent" not in table
    assert len(table._parsed) <= 5  # four look-ups: at most four shards parsed
    assert sorted(table.raw_items()) == sorted(pairs)


def test_values_and_words_must_fit_the_format():
    with pytest.raises(ValueError):
        table_text("bad", [("two words", "1")], 8)
    with pytest.raises(ValueError):
        ShardedTable(b"no header\nx 1\n", "test")


def test_the_bundled_syllable_table_is_whole():
    table = syllables._dictionary()
    assert table["leverage"] == 3 and table.get("zqubaxemol") is None
    assert sum(1 for _ in table.items()) == 126_052  # every word of the CMU data

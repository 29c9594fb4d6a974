"""Word tables stored as hashed shards of plain text, read without parsing the whole file.

A table file is UTF-8 text: a header line starting with "#", then SHARDS lines, one a
shard: line 2 + k holds the words w with zlib.crc32(w.encode("utf-8")) % SHARDS == k, each
followed by its value, all space-separated. The file is stored uncompressed (a wheel and
an sdist compress it anyway): reading it is one read and one split into lines, and a
shard is parsed into a dictionary the first time one of its words is looked up, so a
short text parses a few percent of the table. Measured (tests/benchmarks/RESULTS.md):
gunzipping the frequency table cost 20-30 ms of every start, parsing the whole syllable
dictionary another 30.
Used for word frequencies (core.frequency) and syllable counts (core.syllables); written
by tools/build_frequency.py and tools/build_syllables.py with `table_text`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator


def shard_of(word: str, shards: int) -> int:
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) % shards


class ShardedTable:
    """word -> value (text), parsed one shard at a time."""

    def __init__(self, data: bytes, name: str) -> None:
        lines = data.split(b"\n")  # decoded a shard at a time, when first needed
        if not lines[0].startswith(b"#") or len(lines) < 3:
            raise ValueError(f"{name} is not a jargonfree word table")
        if lines[-1] == b"":
            lines.pop()
        self._shards: list[bytes] = lines[1:]
        self._parsed: dict[int, dict[str, str]] = {}

    def shard(self, word: str) -> dict[str, str]:
        key = shard_of(word, len(self._shards))
        shard = self._parsed.get(key)
        if shard is None:
            parts = self._shards[key].decode("utf-8").split(" ")
            shard = self._parsed[key] = dict(zip(parts[0::2], parts[1::2], strict=False))
        return shard

    def raw(self, word: str) -> str | None:
        return self.shard(word).get(word)

    def __contains__(self, word: str) -> bool:
        return word in self.shard(word)

    def raw_items(self) -> Iterator[tuple[str, str]]:
        """Every (word, value) pair, shard by shard (parses the whole table)."""
        for line in self._shards:
            if line:
                parts = line.decode("utf-8").split(" ")
                yield from zip(parts[0::2], parts[1::2], strict=True)


def table_text(header: str, pairs: Iterable[tuple[str, str]], shards: int) -> str:
    """A table file's text: `header` (one line, "# " added) and the pairs in shards,
    each shard in alphabetical order, so builds repeat byte for byte."""
    lines: list[list[str]] = [[] for _ in range(shards)]
    for word, value in pairs:
        if not word or " " in word or "\n" in word or " " in value or "\n" in value:
            raise ValueError(f"cannot be stored one per space: {word!r} {value!r}")
        lines[shard_of(word, shards)].append(f"{word} {value}")
    return "\n".join([f"# {header}", *(" ".join(sorted(s)) for s in lines)]) + "\n"

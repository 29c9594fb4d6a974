"""Build jargonfree's word-frequency table (run by a developer, not at run time).

    python tools/build_frequency.py

Writes resources/data/word_frequency.txt from wordfreq's English "best" list (the
large list), so that jargonfree never imports wordfreq (and its langcodes, ftfy, regex
and msgpack) when it checks a text: that import cost about 0.2 s of every start.

Format: jargonfree.core.tables (uncompressed UTF-8 text, laid out so that a check reads
only the words it looks up: a header line starting with "#", then SHARDS lines, one a
shard: line 2 + k holds the words w with zlib.crc32(w.encode("utf-8")) % SHARDS == k, in
alphabetical order), each word followed by its band N (N centibels below 1: a frequency of
10 ** (-N / 100)). The values read back are exactly the ones
`wordfreq.get_frequency_dict("en")` gives; sorting by (band, word) gives the order of
`wordfreq.top_n_list` (wordfreq keeps each band in alphabetical order). It was gzip'd
until gunzipping it was found to cost 20-30 ms of every start.

Data: wordfreq (Robyn Speer and contributors), CC BY-SA 4.0; the file is shared under
the same licence (see NOTICE and resources/data/README.md).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data" / "word_frequency.txt"
SHARDS = 65536  # about 5 words a shard: a short text parses a few percent of the table


def build(out: Path = OUT) -> Path:
    """Write the table to `out` and return its path."""
    import wordfreq

    sys.path.insert(0, str(ROOT))
    from jargonfree.core.tables import table_text

    buckets = wordfreq.get_frequency_list("en")
    pairs = []
    for band, bucket in enumerate(buckets):
        if bucket != sorted(bucket):
            raise ValueError(f"wordfreq's band {band} is not in alphabetical order")
        pairs += [(word, str(band)) for word in bucket]
    version = importlib.metadata.version("wordfreq")
    header = (
        f"jargonfree word frequencies from wordfreq {version} (en, best list), "
        f"CC BY-SA 4.0; {SHARDS} shards by crc32; see tools/build_frequency.py"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(table_text(header, pairs, SHARDS).encode("utf-8"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the table")
    args = parser.parse_args()
    path = build(args.out)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

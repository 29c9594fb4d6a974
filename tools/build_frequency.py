"""Build jargonfree's word-frequency table (run by a developer, not at run time).

    python tools/build_frequency.py

Writes resources/data/word_frequency.txt.gz from wordfreq's English "best" list (the
large list), so that jargonfree never imports wordfreq (and its langcodes, ftfy, regex
and msgpack) when it checks a text: that import cost about 0.2 s of every start.

Format: gzip'd UTF-8 text. The first line is a header starting with "#". Line N after it
(counting from 0) holds the words whose frequency is N centibels below 1, that is
10 ** (-N / 100), separated by single spaces (an empty line: no word at that frequency).
This is wordfreq's own cBpack content as text, in wordfreq's order, so the values read
back are exactly the ones `wordfreq.get_frequency_dict("en")` gives, and the order of
the words is the order of `wordfreq.top_n_list`. gzip mtime is 0 so builds repeat.

Data: wordfreq (Robyn Speer and contributors), CC BY-SA 4.0; the file is shared under
the same licence (see NOTICE and resources/data/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data" / "word_frequency.txt.gz"


def build(out: Path = OUT) -> Path:
    """Write the table to `out` and return its path."""
    import wordfreq

    buckets = wordfreq.get_frequency_list("en")
    for bucket in buckets:
        for word in bucket:
            if not word or " " in word or "\n" in word:
                raise ValueError(f"wordfreq word cannot be stored one per space: {word!r}")
    version = importlib.metadata.version("wordfreq")
    header = (
        f"# jargonfree word frequencies from wordfreq {version} (en, best list), "
        "CC BY-SA 4.0; line N after this one: words at 10**(-N/100)"
    )
    text = "\n".join([header, *(" ".join(bucket) for bucket in buckets)]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0
    ) as gz:
        gz.write(text.encode("utf-8"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the table")
    args = parser.parse_args()
    path = build(args.out)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

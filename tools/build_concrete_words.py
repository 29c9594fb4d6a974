"""Build resources/data/concrete_words.txt: everyday concrete nouns and physical verbs.

A word is listed when the first sense Open English WordNet gives it, for its noun or its
verb, is in one of the lexicographer files of things people handle every day: foods,
man-made things, animals, plants and natural objects (noun.food, noun.artifact,
noun.animal, noun.plant, noun.object) or bodily, contact and motion verbs (verb.body,
verb.contact, verb.motion), and it is at least MIN_ZIPF common (wordfreq, through
jargonfree.core.frequency.zipf). The rare-word check does not flag these words for
patients: on plain NHS patient pages the rare-word flags on such words (kettle, scarf,
wasp, rub, twist) were wrong. noun.body and noun.substance are left out on purpose: they
hold the anatomy and chemistry words (pancreas, ureter, sodium) patients may not know.

    python tools/build_concrete_words.py --oewn ../shared/reference/oewn

Open English WordNet is CC BY 4.0 (see resources/data/README.md); the output is
reproducible for the same OEWN source and frequency table.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# lexicographer file numbers (WordNet's lexnames): the kinds of everyday things
NOUN_FILES = {"13": "noun.food", "06": "noun.artifact", "05": "noun.animal",
              "20": "noun.plant", "17": "noun.object"}
VERB_FILES = {"29": "verb.body", "35": "verb.contact", "38": "verb.motion"}
MIN_ZIPF = 3.0
_LEMMA_RE = re.compile(r"^(?:'([^']+)'|\"([^\"]+)\"|([^\s'\"][^:]*)):\s*$")
_POS_RE = re.compile(r"^  ([nv]):\s*$")
_OTHER_POS_RE = re.compile(r"^  [a-z]:\s*$")
_SENSE_RE = re.compile(r"id: '?[^%']+%(\d):(\d\d):")


def first_senses(folder: Path) -> dict[str, dict[str, str]]:
    """lemma -> {'n': lexfile number of its first noun sense, 'v': ... of its first verb}"""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("entries-*.yaml")):
        lemma = pos = None
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                m = _LEMMA_RE.match(line)
                if m:
                    lemma = next(g for g in m.groups() if g is not None)
                    pos = None
                    continue
                m = _POS_RE.match(line)
                if m:
                    pos = m.group(1)
                    continue
                if _OTHER_POS_RE.match(line):
                    pos = None
                    continue
                if lemma and pos:
                    m = _SENSE_RE.search(line)
                    if m and pos not in out.setdefault(lemma, {}):
                        out[lemma][pos] = m.group(2)
    return out


def main() -> int:
    from jargonfree.core.frequency import zipf

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oewn", type=Path, default=REPO.parent / "shared" / "reference" / "oewn")
    ap.add_argument("--out", type=Path, default=REPO / "resources" / "data" / "concrete_words.txt")
    args = ap.parse_args()
    senses = first_senses(args.oewn / "yaml")
    words = sorted(
        lemma for lemma, pos in senses.items()
        if lemma.isalpha() and lemma.islower()
        and (pos.get("n") in NOUN_FILES or pos.get("v") in VERB_FILES)
        and zipf(lemma) >= MIN_ZIPF
    )
    header = (
        "# Everyday concrete nouns and physical verbs (foods, man-made things, animals, plants,\n"
        "# natural objects; bodily, contact and motion verbs), by the first sense Open English\n"
        "# WordNet gives each, at least Zipf 3.0 common. Made by tools/build_concrete_words.py\n"
        "# from Open English WordNet (CC BY 4.0, (c) the Open English Wordnet team, derived from\n"
        "# Princeton WordNet 3.1); word frequencies from wordfreq (CC BY-SA 4.0).\n"
    )
    args.out.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

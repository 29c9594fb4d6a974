"""Rare-word detection on the CWI 2018 development data (not a test): macro-F1 of the
uncommon-word check against the crowd's binary labels, per genre, beside the length
baseline. Reads ../shared/reference/dev/cwi2018 (relative to the repository); nothing from
it is stored in the repository.

    python tests/benchmarks/bench_cwi.py [--data PATH]

Each target is judged in its sentence by the real check (uncommon.check on the sentence
as one paragraph), so names, acronyms and bracketed words are skipped as in use: a
one-word target is predicted hard when a finding covers it. A target of several words
("stepping stone", 11% of the targets, 79% of them labelled hard) is predicted hard, as the
baseline does: the check judges single words, and it is the phrase, not any one of its
words, that the crowd marked. The "one-word" columns leave those targets out.

Columns: the 8-letter baseline (8 or more characters, or several words), then each
profile's threshold (uncommon.THRESHOLDS).
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from jargonfree.core.checks import uncommon
from jargonfree.core.profiles import get_profile
from jargonfree.core.text import Paragraph, segment_paragraph

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO.parent / "shared" / "reference" / "dev" / "cwi2018"
PROFILES = ("general", "patient")


def macro_f1(gold: list[int], pred: list[bool]) -> float:
    """Mean of the F1 of the 'hard' class and of the 'plain' class."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    tn = len(gold) - tp - fp - fn
    f_pos = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    f_neg = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return (f_pos + f_neg) / 2


def read(path: Path) -> list[tuple[str, int, int, str, int]]:
    """(sentence, start, end, target, label) of each row of one CWI file."""
    with path.open(encoding="utf-8") as fh:
        return [
            (r[1], int(r[2]), int(r[3]), r[4], int(r[9]))
            for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def predictions(rows, profile_name: str) -> list[bool]:
    """Does the check flag each target in its sentence?"""
    profile = get_profile(profile_name)
    flagged: dict[str, list[tuple[int, int]]] = {}
    out = []
    for sentence, start, end, target, _ in rows:
        if " " in target.strip():
            out.append(True)
            continue
        if sentence not in flagged:
            par = Paragraph(0, len(sentence), sentence, segment_paragraph(sentence, 0))
            flagged[sentence] = [(f.start, f.end) for f in uncommon.check(par, profile)]
        out.append(any(s < end and start < e for s, e in flagged[sentence]))
    return out


def baseline(rows) -> list[bool]:
    return [len(target) >= 8 or " " in target.strip() for _, _, _, target, _ in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="folder of CWI .tsv files")
    args = parser.parse_args()
    files = sorted(args.data.glob("*.tsv"))
    if not files:
        parser.error(f"no .tsv files in {args.data}")
    genres: dict[str, list] = defaultdict(list)
    for path in files:
        genres[path.stem.removesuffix("_Dev")] = read(path)
    genres["all"] = [row for rows in list(genres.values()) for row in rows]
    head = ["genre", "targets", "baseline"] + [f"{p} ({uncommon.THRESHOLDS[p]})" for p in PROFILES]
    head += ["one-word baseline"] + [f"one-word {p}" for p in PROFILES]
    print("| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    for name, rows in genres.items():
        gold = [row[4] for row in rows]
        single = [i for i, row in enumerate(rows) if " " not in row[3].strip()]
        base = baseline(rows)
        ours = [predictions(rows, p) for p in PROFILES]
        cells = [name, str(len(rows)), f"{macro_f1(gold, base):.3f}"]
        cells += [f"{macro_f1(gold, pred):.3f}" for pred in ours]
        one_gold = [gold[i] for i in single]
        cells.append(f"{macro_f1(one_gold, [base[i] for i in single]):.3f}")
        cells += [f"{macro_f1(one_gold, [pred[i] for i in single]):.3f}" for pred in ours]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

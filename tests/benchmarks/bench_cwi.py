"""Rare-word detection on the CWI 2018 development data (not a test): macro-F1 of the
uncommon-word check against the crowd labels, per genre, beside the length baseline.
Reads ../shared/reference/dev/cwi2018; nothing from it is stored in the repository.

    python tests/benchmarks/bench_cwi.py [--data PATH]

A target of several words counts as complex when it is (as in the baseline): the check
judges single words, and a phrase a reader must decode is rarely plain.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from jargonfree.core.checks.uncommon import THRESHOLDS, is_uncommon

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parents[2] / "shared" / "reference" / "dev" / "cwi2018"


def macro_f1(gold: list[int], pred: list[bool]) -> float:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    tn = len(gold) - tp - fp - fn
    f_pos = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    f_neg = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return (f_pos + f_neg) / 2


def ours(word: str, setting: tuple[float, float]) -> bool:
    if " " in word.strip():
        return True
    if word[:1].isupper():
        return False  # names are skipped by the check
    return is_uncommon(word, setting)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    print("| genre | targets | length baseline | general profile | patient profile |")
    print("|---|---:|---:|---:|---:|")
    every = []
    for path in sorted(args.data.glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            rows = [(r[4], int(r[9])) for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
        every += rows
        _row(path.stem, rows)
    _row("all", every)


def _row(name: str, rows: list[tuple[str, int]]) -> None:
    gold = [g for _, g in rows]
    base = macro_f1(gold, [len(w) >= 8 or " " in w for w, _ in rows])
    general = macro_f1(gold, [ours(w, THRESHOLDS["general"]) for w, _ in rows])
    patient = macro_f1(gold, [ours(w, THRESHOLDS["patient"]) for w, _ in rows])
    print(f"| {name} | {len(rows)} | {base:.3f} | {general:.3f} | {patient:.3f} |")


if __name__ == "__main__":
    main()

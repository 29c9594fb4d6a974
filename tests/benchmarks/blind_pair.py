"""Two judged-suggestion samples (bench_suggestions.py --sample) shuffled together for one
blind reader, and the reader's verdicts counted back per sample (not a test).

    python tests/benchmarks/blind_pair.py items BEFORE.tsv AFTER.tsv --items ITEMS.tsv --key KEY.tsv
    python tests/benchmarks/blind_pair.py score VERDICTS.tsv --key KEY.tsv

`items` rebuilds each item's sentence from the development texts (as bench_suggestions.py
does; the texts stay outside the repository), shows an item that reads the same in both
samples (same place, same suggestion) only once, shuffles with a fixed seed, and writes
the reader's file (id, sentence, flagged words, suggestion, pasted sentence: nothing says
which sample an item came from) and a separate key (id -> sample, item, category).
`score` counts yes per sample, per category, and for the findings in both samples.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

from bench_suggestions import DEFAULT_DEV, pasted_view, texts

SEED = 20261207


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def make_items(before: Path, after: Path, items: Path, key: Path, dev: Path) -> None:
    text_of = dict(texts(dev))
    shown: dict[tuple, int] = {}
    rows: list[dict] = []
    keys: list[tuple[int, str, str, str, str]] = []
    for label, path in (("before", before), ("after", after)):
        for r in read(path):
            k = (r["file"], r["start"], r["end"], r["suggestion"])
            if k not in shown:
                f = SimpleNamespace(start=int(r["start"]), end=int(r["end"]),
                                    text=r["flagged"])
                sentence, pasted = pasted_view(text_of[r["file"]], f, r["suggestion"])
                shown[k] = len(rows)
                rows.append({"flagged": r["flagged"], "suggestion": r["suggestion"],
                             "sentence": sentence, "pasted": pasted})
            keys.append((shown[k], label, r["item"], r["category"],
                         f"{r['file']}:{r['start']}:{r['end']}"))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    new_id = {old: i for i, old in enumerate(order, 1)}
    with items.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["item", "sentence", "flagged", "suggestion", "pasted"])
        for old in order:
            r = rows[old]
            w.writerow([new_id[old], r["sentence"], r["flagged"], r["suggestion"], r["pasted"]])
    with key.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["item", "sample", "sample_item", "category", "finding"])
        for old, label, item, cat, finding in keys:
            w.writerow([new_id[old], label, item, cat, finding])
    print(f"{len(rows)} items for the reader ({len(keys)} sample items) -> {items}")


def score(verdicts: Path, key: Path) -> None:
    said = {r["item"]: r["pasteable"].strip().lower() in ("yes", "y") for r in read(verdicts)}
    rows = read(key)
    total, yes = Counter(), Counter()
    cats: dict[str, Counter] = defaultdict(Counter)
    per_finding: dict[str, dict[str, bool]] = defaultdict(dict)
    for r in rows:
        ok = said.get(r["item"])
        if ok is None:
            continue
        total[r["sample"]] += 1
        yes[r["sample"]] += ok
        cats[r["sample"]][r["category"], ok] += 1
        per_finding[r["finding"]][r["sample"]] = ok
    for sample in ("before", "after"):
        n = total[sample]
        print(f"{sample}: {yes[sample]}/{n} pasteable ({yes[sample] / max(n, 1):.0%})")
        by = sorted({c for c, _ in cats[sample]})
        counts = cats[sample]
        print("  " + ", ".join(
            f"{c} {counts[c, True]}/{counts[c, True] + counts[c, False]}" for c in by))
    both = [v for v in per_finding.values() if len(v) == 2]
    print(f"findings in both samples: {len(both)}; pasteable before "
          f"{sum(v['before'] for v in both)}, after {sum(v['after'] for v in both)}")
    missing = [r["item"] for r in rows if r["item"] not in said]
    if missing:
        print(f"no verdict for {len(set(missing))} items")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("items")
    a.add_argument("before", type=Path)
    a.add_argument("after", type=Path)
    a.add_argument("--items", type=Path, required=True)
    a.add_argument("--key", type=Path, required=True)
    a.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    s = sub.add_parser("score")
    s.add_argument("verdicts", type=Path)
    s.add_argument("--key", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "items":
        make_items(args.before, args.after, args.items, args.key, args.dev)
    else:
        score(args.verdicts, args.key)


if __name__ == "__main__":
    main()

"""A lead's held-out check on texts no one tuned on (tests/benchmarks/heldout_judge/).

    python tests/benchmarks/bench_heldout.py dump OUT.json       # findings of this checkout
    python tests/benchmarks/bench_heldout.py packet BASE.json NOW.json OUTDIR
    python tests/benchmarks/bench_heldout.py score                # precision, pasteable
    python tests/benchmarks/bench_heldout.py recall               # of the readers' lists

The texts stay outside the repository, in $JARGONFREE_HELDOUT (default: ../heldout beside
the checkout); their sources are in heldout_judge/SOURCES.md. Profiles: ds_ texts general,
nhsbeta_ texts patient.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent / "heldout_judge"
REPO = HERE.parents[2]
TEXTS = Path(os.environ.get("JARGONFREE_HELDOUT", REPO.parent / "heldout"))
WORD_LEVEL = ("jargon", "medical", "wordy", "uncommon", "acronym", "misleading")


def profile_for(stem: str) -> str:
    return "patient" if stem.startswith("nhsbeta_") else "general"


def texts() -> dict[str, str]:
    if not TEXTS.is_dir():
        sys.exit(f"bench_heldout: no texts folder at {TEXTS} (set $JARGONFREE_HELDOUT)")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))}


def bench_real():
    spec = importlib.util.spec_from_file_location("bench_real", HERE.parent / "bench_real.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(out: str) -> None:
    from jargonfree import analyze

    found = {}
    for stem, text in texts().items():
        found[stem] = [{"start": f.start, "end": f.end, "text": f.text, "category": f.category,
                        "message": f.message, "suggestions": list(f.suggestions)}
                       for f in analyze(text, profile_for(stem)).findings
                       if f.category in WORD_LEVEL]
    Path(out).write_text(json.dumps(found), encoding="utf-8")


def packet(base: str, now: str, outdir: str) -> None:
    """Both versions' findings shuffled together; the key says which made each."""
    all_texts = texts()
    context = bench_real().context
    items: dict[tuple, dict] = {}
    for version, path in (("base", base), ("now", now)):
        for stem, found in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for f in found:
                k = (stem, f["start"], f["end"], f["category"], (f["suggestions"] or [""])[0])
                items.setdefault(k, {"stem": stem, "f": f, "versions": set()})
                items[k]["versions"].add(version)
    keys = sorted(items)
    random.Random(20261207).shuffle(keys)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "packet.tsv").open("w") as p, (out / "key.tsv").open("w") as kf:
        p.write("id\taudience\tsentence\tflagged\tcategory\tmessage\tsuggestions\n")
        kf.write("id\tstem\tstart\tend\tcategory\tin_base\tin_now\tfirst_suggestion\n")
        for n, k in enumerate(keys, 1):
            stem, f, versions = items[k]["stem"], items[k]["f"], items[k]["versions"]
            row = [f"f{n:03d}", profile_for(stem),
                   context(all_texts[stem], f["start"], f["end"]), f["text"], f["category"],
                   f["message"].replace("\t", " "), " | ".join(f["suggestions"][:3])]
            p.write("\t".join(row) + "\n")
            kf.write("\t".join([row[0], stem, str(f["start"]), str(f["end"]), f["category"],
                                str("base" in versions), str("now" in versions), k[4]]) + "\n")


def score() -> None:
    def read(name):
        with (HERE / name).open(encoding="utf-8") as fh:
            return {r["id"]: r for r in csv.DictReader(fh, delimiter="\t")}

    key, verdicts = read("key.tsv"), read("verdicts.tsv")
    for version in ("base", "now"):
        right, pasteable = Counter(), Counter()
        for i, k in key.items():
            if k[f"in_{version}"] != "True" or i not in verdicts:
                continue
            groups = ("all", profile_for(k["stem"]), k["category"])
            for g in groups:
                right[g, "n"] += 1
                right[g, "right"] += verdicts[i]["verdict"].strip() == "right"
            ok = verdicts[i]["suggestion_ok"].strip()
            if ok in ("yes", "no"):
                for g in groups:
                    pasteable[g, "n"] += 1
                    pasteable[g, "yes"] += ok == "yes"
        print(f"{version}:")
        for g in sorted({g for g, _ in right}):
            n, r = right[g, "n"], right[g, "right"]
            sn, sy = pasteable[g, "n"], pasteable[g, "yes"]
            share = f" = {sy / sn:.0%}" if sn else ""
            print(f"  {g:12} precision {r}/{n} = {r / n:.0%}; first suggestion pasteable "
                  f"{sy}/{sn}{share}")


def recall() -> None:
    br = bench_real()
    br.AUDIT = HERE / "audit"
    all_texts = texts()
    br.HELD_OUT = tuple(all_texts)
    br.profile_for = profile_for
    found = br.run(all_texts)
    per, _ = br.recall(found, all_texts)
    hits = total = 0
    for stem, (h, n) in per.items():
        words = [f for f in found[stem] if f["category"] in WORD_LEVEL]
        rate = 1000 * len(words) / br.words(all_texts[stem])
        print(f"{stem:34} recall {h}/{n}; word-level findings {len(words)} ({rate:.0f} per 1,000)")
        hits, total = hits + h, total + n
    print(f"all: recall {hits}/{total} = {hits / total:.0%}")


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["score"]
    {"dump": dump, "packet": packet, "score": score, "recall": recall}[command](*args)

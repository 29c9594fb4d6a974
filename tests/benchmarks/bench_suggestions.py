"""Suggestions on real text (not a test): how many word-level findings carry one, whether a
pasted first suggestion is flagged again, and a seeded sample of first suggestions for a
reader to judge against tests/benchmarks/suggestions_rubric.md.

Reads the development texts (../shared/reference/dev/texts, or $JARGONFREE_DEV/texts, or
--dev); nothing from them is stored in the repository: the committed sample names each item
by file and offsets, and this script rebuilds the sentences from the texts.

    python tests/benchmarks/bench_suggestions.py                    # figures
    python tests/benchmarks/bench_suggestions.py --sample OUT.tsv [--pair BEFORE.tsv]
    python tests/benchmarks/bench_suggestions.py --score VERDICTS.tsv --against SAMPLE.tsv

Profiles by genre: chc_, nhs_ and govuk_ texts are checked with "general", medquad_ texts
with "patient". The sample is the 100 findings with a suggestion that rank first by a
seeded hash of (file, start, end, text), so the same finding is drawn again after a change
as long as it still exists and still has a suggestion; --pair adds the items of an earlier
sample that are still there but fell out of the first 100.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
from collections import Counter
from pathlib import Path

from jargonfree.core.analyze import Analyzer
from jargonfree.core.text import segment

HERE = Path(__file__).resolve().parent
DEFAULT_DEV = Path(
    os.environ.get("JARGONFREE_DEV", HERE.parents[2] / "shared" / "reference" / "dev")
)
WORD_LEVEL = ("jargon", "wordy", "medical", "misleading", "uncommon", "acronym")
# Sampled: word-level and passive findings. The before sample (drawn first) also took the
# consistency check's suggestions (5 of its 100 items); they are left out since.
SAMPLED = frozenset(WORD_LEVEL) | {"passive"}
SEED = "slotfit-2026"
SIZE = 100
FIELDS = ("item", "file", "profile", "start", "end", "category", "flagged", "suggestion",
          "sentence", "pasted")


def profile_for(name: str) -> str:
    return "patient" if name.startswith("medquad_") else "general"


def texts(dev: Path) -> list[tuple[str, str]]:
    folder = dev / "texts"
    if not folder.is_dir():
        sys.exit(f"no development texts at {folder}: pass --dev or set JARGONFREE_DEV")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def key(name: str, f) -> str:
    return f"{name}:{f.start}:{f.end}:{f.text}"


def rank(k: str) -> str:
    return hashlib.sha256(f"{SEED}|{k}".encode()).hexdigest()


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    for par in segment(text):
        for sent in par.sentences:
            if sent.start <= start < sent.end or (sent.start < end <= sent.end):
                return min(sent.start, start), max(sent.end, end)
    return start, end


def one_line(s: str) -> str:
    return " ".join(s.split())


def pasted_view(text: str, f, suggestion: str) -> tuple[str, str]:
    s, e = sentence_of(text, f.start, f.end)
    before = text[s : f.start] + "[[" + f.text + "]]" + text[f.end : e]
    after = text[s : f.start] + "[[" + suggestion + "]]" + text[f.end : e]
    return one_line(before), one_line(after)


def is_explained_form(suggestion: str, term: str) -> bool:
    """The NHS "plain words (term)" form keeps the term in brackets on purpose."""
    return suggestion.rstrip().endswith(")") and f"({term.lower()})" in suggestion.lower()


def reflagged(analyzer: Analyzer, text: str, profile: str, f, suggestion: str) -> list:
    """Word-level findings on the pasted words once the suggestion replaces the span."""
    new = text[: f.start] + suggestion + text[f.end :]
    lo, hi = f.start, f.start + len(suggestion)
    before = {(g.rule_id, g.text.lower()) for g in analyzer.analyze(text, profile).findings
              if g != f and f.start <= g.start and g.end <= f.end}  # the writer's own words
    found = []
    for g in analyzer.analyze(new, profile).findings:
        if (g.rule_id, g.text.lower()) in before:
            continue
        if g.category not in WORD_LEVEL or not (g.start < hi and lo < g.end):
            continue
        if is_explained_form(suggestion, f.text) and f.text.lower() in g.text.lower():
            continue
        found.append(g)
    return found


def figures(dev: Path) -> None:
    analyzer = Analyzer()
    total = Counter()
    with_sugg = Counter()
    pasted = 0
    back = Counter()
    examples = []
    for name, text in texts(dev):
        profile = profile_for(name)
        for f in analyzer.analyze(text, profile).findings:
            if f.category not in WORD_LEVEL and not (f.category == "passive" and f.suggestions):
                continue
            if f.category in WORD_LEVEL:
                total[f.category] += 1
                with_sugg[f.category] += bool(f.suggestions)
            if not f.suggestions:
                continue
            pasted += 1
            again = reflagged(analyzer, text, profile, f, f.suggestions[0])
            if again:
                back[f.category] += 1
                examples.append(f"{name}: {f.text!r} -> {f.suggestions[0]!r}: "
                                + "; ".join(f"{g.category} {g.text!r}" for g in again))
    print("## Suggestions on the development texts\n")
    print("| category | word-level findings | with a suggestion | share |")
    print("|---|---:|---:|---:|")
    for cat in WORD_LEVEL:
        if total[cat]:
            share = with_sugg[cat] / total[cat]
            print(f"| {cat} | {total[cat]} | {with_sugg[cat]} | {share:.0%} |")
    t, w = sum(total.values()), sum(with_sugg.values())
    print(f"| all (passive aside) | {t} | {w} | {w / max(t, 1):.0%} |\n")
    b = sum(back.values())
    print(f"First suggestions pasted in place and checked again: {pasted}; "
          f"flagged again on the pasted words: {b} ({b / max(pasted, 1):.1%})")
    for line in examples[:40]:
        print("  " + line)


def population(dev: Path) -> dict[str, dict]:
    analyzer = Analyzer()
    items = {}
    for name, text in texts(dev):
        profile = profile_for(name)
        for f in analyzer.analyze(text, profile).findings:
            if not f.suggestions or f.category not in SAMPLED:
                continue
            before, after = pasted_view(text, f, f.suggestions[0])
            items[key(name, f)] = {
                "file": name, "profile": profile, "start": f.start, "end": f.end,
                "category": f.category, "flagged": f.text, "suggestion": f.suggestions[0],
                "sentence": before, "pasted": after,
            }
    return items


def draw(dev: Path, out: Path, pair: Path | None) -> None:
    items = population(dev)
    chosen = sorted(items, key=rank)[:SIZE]
    extra = []
    if pair:
        with pair.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                k = f"{row['file']}:{row['start']}:{row['end']}:{row['flagged']}"
                if k in items and k not in chosen:
                    extra.append(k)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for i, k in enumerate(chosen + extra, 1):
            w.writerow({"item": i, **items[k]})
    print(f"{len(items)} findings with a suggestion; wrote {len(chosen)} drawn + "
          f"{len(extra)} paired items to {out}")


def score(paths: list[Path], against: Path | None) -> None:
    """Count a reader's verdicts; with the sample, also by category."""
    cats = {}
    if against:
        with against.open(encoding="utf-8") as fh:
            cats = {r["item"]: r["category"] for r in csv.DictReader(fh, delimiter="\t")}
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        drawn = [r for r in rows if int(r["item"]) <= SIZE]
        yes = sum(r["pasteable"].strip().lower() in ("yes", "y") for r in drawn)
        print(f"{path.name}: {yes}/{len(drawn)} first suggestions pasteable as they are "
              f"({yes / max(len(drawn), 1):.0%})")
        by = Counter((cats.get(r["item"], "?"), r["pasteable"].strip().lower(),
                      r.get("problem", "").strip()) for r in drawn)
        for (cat, verdict, problem), n in sorted(by.items()):
            print(f"  {cat:12} {verdict:4} {problem:8} {n}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("--sample", type=Path, help="write the seeded sample to this TSV")
    ap.add_argument("--pair", type=Path, help="an earlier sample whose items to draw again")
    ap.add_argument("--score", type=Path, action="append", help="a verdicts TSV to count")
    ap.add_argument("--against", type=Path, help="the sample the verdicts judge (categories)")
    args = ap.parse_args(argv)
    if args.score:
        score(args.score, args.against)
    elif args.sample:
        draw(args.dev, args.sample, args.pair)
    else:
        figures(args.dev)


if __name__ == "__main__":
    main()

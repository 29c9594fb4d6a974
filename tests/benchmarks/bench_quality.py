"""Quality on the development data (not a test): probe-sentence recall and findings per
1,000 words on real texts. Reads ../shared/reference/dev; nothing from it is stored here.

    python tests/benchmarks/bench_quality.py [--dev PATH] [--show CATEGORY]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from jargonfree import analyze

HERE = Path(__file__).resolve().parent
DEFAULT_DEV = HERE.parents[2] / "shared" / "reference" / "dev"
WORD_LEVEL = ("jargon", "wordy", "medical", "misleading", "uncommon", "acronym")
LABELS = {"J": "network jargon", "W": "wordy", "M": "medical"}


def probe_recall(dev: Path) -> None:
    hit = Counter()
    total = Counter()
    suggested = Counter()
    misses = defaultdict(list)
    for line in (dev / "probe_sentences.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, terms, sentence = (part.strip() for part in line.split("|", 2))
        findings = analyze(sentence).findings
        for item in terms.split(";"):
            term, _, cat = item.strip().rpartition(":")
            start = sentence.lower().index(term.lower())
            end = start + len(term)
            total[cat] += 1
            covering = [
                f for f in findings
                if f.category in WORD_LEVEL and f.start < end and start < f.end
            ]
            if covering:
                hit[cat] += 1
                if any(f.suggestions for f in covering):
                    suggested[cat] += 1
            else:
                misses[cat].append(term)
    print("## Probe sentences: recall by label\n")
    print("| label | terms | flagged | recall | with a suggestion |")
    print("|---|---:|---:|---:|---:|")
    for cat in sorted(total):
        print(f"| {LABELS.get(cat, cat)} | {total[cat]} | {hit[cat]} | "
              f"{hit[cat] / total[cat]:.0%} | {suggested[cat] / total[cat]:.0%} |")
    all_t, all_h = sum(total.values()), sum(hit.values())
    print(f"| all | {all_t} | {all_h} | {all_h / all_t:.0%} | "
          f"{sum(suggested.values()) / all_t:.0%} |\n")
    for cat, terms in sorted(misses.items()):
        print(f"missed ({LABELS.get(cat, cat)}): {', '.join(terms)}")
    print()


def texts_table(dev: Path, show: str | None) -> None:
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((dev / "texts").glob("*.txt")):
        kind = {"chc": "programme reports", "medquad": "patient answers",
                "govuk": "GOV.UK control", "nhs": "NHS service manual"}.get(
            path.name.split("_", 1)[0], "other")
        groups[kind].append(path)
    cats = ("jargon", "wordy", "medical", "misleading", "uncommon", "acronym", "passive",
            "sentence", "consistency")
    print("## Findings per 1,000 words on real texts\n")
    print("| texts | words | " + " | ".join(cats) + " | word-level total |")
    print("|---|---:|" + "---:|" * (len(cats) + 1))
    for kind, paths in groups.items():
        words = 0
        counts = Counter()
        for path in paths:
            result = analyze(path.read_text(encoding="utf-8"))
            words += result.readability.words
            counts.update(f.category for f in result.findings)
            if show:
                for f in result.findings:
                    if f.category == show:
                        print(f"  {path.name}:{f.line}: {f.text!r} -> {list(f.suggestions)}")
        per = {c: 1000 * counts[c] / max(words, 1) for c in cats}
        word_level = sum(per[c] for c in WORD_LEVEL)
        print(f"| {kind} | {words} | " + " | ".join(f"{per[c]:.1f}" for c in cats)
              + f" | {word_level:.1f} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--show", help="print every finding of this category")
    args = parser.parse_args()
    probe_recall(args.dev)
    texts_table(args.dev, args.show)


if __name__ == "__main__":
    main()

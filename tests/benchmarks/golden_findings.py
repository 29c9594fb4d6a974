"""Finding counts per rule id on each benchmark corpus shape: the golden file that pins
findings while the code is made faster.

    python tests/benchmarks/golden_findings.py           # compare with the golden file
    python tests/benchmarks/golden_findings.py --write   # regenerate it

The corpora come from tests/benchmarks/corpus.py (`make_shaped`, our own sentences, no
outside data): "health" (the health-service benchmark text), "long" (long paragraphs of
long sentences) and "lines" (short lines, lists and tables), WORDS words each, analysed
with `analyze()` for the general profile. When a change alters findings on purpose (a
quality issue), regenerate the file with --write and say so in the commit message;
tests/core/test_findings_golden.py fails on any other change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from corpus import SHAPES, make_shaped  # noqa: E402

GOLDEN = HERE / "golden_findings.json"
WORDS = 20_000  # a slice that keeps the test quick; the timing benchmarks use 100,000
PROFILE = "general"


def counts(shape: str, words: int = WORDS) -> dict[str, int]:
    """rule id -> number of findings on the `shape` corpus of `words` words."""
    from jargonfree.core.analyze import analyze

    result = analyze(make_shaped(words, shape), PROFILE)
    return dict(sorted(Counter(f.rule_id for f in result.findings).items()))


def current(words: int = WORDS) -> dict:
    return {"words": words, "profile": PROFILE,
            "shapes": {shape: counts(shape, words) for shape in SHAPES}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="regenerate the golden file")
    args = parser.parse_args()
    now = current()
    if args.write:
        GOLDEN.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN}")
        return
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    print("| shape | rule id | golden | now |\n|---|---|---|---|")
    changed = 0
    for shape in SHAPES:
        old, new = golden["shapes"].get(shape, {}), now["shapes"][shape]
        for rule in sorted(set(old) | set(new)):
            if old.get(rule) != new.get(rule):
                changed += 1
                print(f"| {shape} | {rule} | {old.get(rule, 0)} | {new.get(rule, 0)} |")
    print(f"{changed} differences" if changed else "no differences")


if __name__ == "__main__":
    main()

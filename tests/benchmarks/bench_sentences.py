"""Sentence splitting: the English golden rules, and the splitter's share of a check.

Not a test: a script that prints markdown tables.

- Golden rules: the Pragmatic Segmenter's 48 English golden rules (MIT, as packaged with
  pySBD; read from ../shared/reference/dev/sentences relative to the repository, or
  --golden): how many jargonfree splits right through analyze(), the same measure as
  tests/core/test_golden_rules.py (sentence count, and each sentence ending where the
  rule says). Nothing from that folder is stored in this repository by this script.
- Timing: a 100,000-word text from corpus.py. "splitter" is what analyze() spends on
  sentences and words (paragraph_spans + segment_paragraph for every paragraph); "check"
  is one full analysis in a warm Analyzer with an empty paragraph cache; the medians of
  --runs runs. The share is splitter / check.
- Before and after: --before OLD_TEXT_PY times another version of core/text.py (for example
  `git show 9e18d22:jargonfree/core/text.py > /tmp/text_before.py`, the splitter before the
  golden rules) in the same process, runs interleaved with this one, so that the load of a
  shared machine falls on both alike. The analysis uses that version's segment_paragraph.

    python tests/benchmarks/bench_sentences.py [--runs 5] [--words 100000] [--before FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from corpus import make_text  # noqa: E402

DEFAULT_GOLDEN = REPO.parent / "shared/reference/dev/sentences/english_golden_rules.jsonl"


def golden(path: Path) -> tuple[int, int, list[str]]:
    """(right, total, failures) on the golden rules, judged as the test judges them."""
    from jargonfree import analyze
    from jargonfree.core.text import segment

    rules = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    right, failed = 0, []
    for rule in rules:
        text, expected = rule["text"], rule["sentences"]
        ends, pos = [], 0
        for sentence in expected:
            at = text.index(sentence, pos)
            pos = at + len(sentence)
            ends.append(pos)
        got = [s.end for p in segment(text) for s in p.sentences]
        if analyze(text).readability.sentences == len(expected) and got == ends:
            right += 1
        else:
            failed.append(f"{rule['rule']} ({rule['title']})")
    return right, len(rules), failed


def split_all(text: str, module) -> int:
    """What analyze() does to find sentences and words, for every paragraph."""
    n = 0
    for s, e in module.paragraph_spans(text):
        par = text[s:e]
        n += len(module.segment_paragraph(par, 0))
    return n


def load_text_module(path: Path):
    spec = importlib.util.spec_from_file_location("text_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["text_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def timings(words: int, runs: int, versions: dict) -> dict[str, dict[str, float]]:
    """Median splitter and full-check times for each version of core/text.py, interleaved."""
    import jargonfree.core.analyze as analyze_module
    from jargonfree.core.analyze import Analyzer

    text = make_text(words, seed=1)
    analyzer = Analyzer()
    analyzer.analyze(make_text(5000, seed=99))  # lazy imports and word caches
    times = {name: ([], []) for name in versions}
    sentences = {}
    try:
        for _ in range(runs):
            for name, module in versions.items():
                analyze_module.segment_paragraph = module.segment_paragraph
                t = time.perf_counter()
                split_all(text, module)
                times[name][0].append(time.perf_counter() - t)
                analyzer._cache.clear()  # noqa: SLF001 - the benchmark measures the uncached path
                t = time.perf_counter()
                sentences[name] = analyzer.analyze(text).readability.sentences
                times[name][1].append(time.perf_counter() - t)
    finally:
        from jargonfree.core import text as current

        analyze_module.segment_paragraph = current.segment_paragraph
    out = {}
    for name, (split, check) in times.items():
        s, c = statistics.median(split), statistics.median(check)
        out[name] = {"splitter": s, "check": c, "share": s / c, "sentences": sentences[name]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--before", type=Path, help="another core/text.py to time alongside")
    args = parser.parse_args()
    if args.golden.is_file():
        right, total, failed = golden(args.golden)
        print("| golden rules | right |\n|---|---|")
        print(f"| English (Pragmatic Segmenter) | {right} of {total} |")
        print("\nNot right: " + ("; ".join(failed) if failed else "none") + "\n")
    else:
        print(f"(golden rules not found at {args.golden}: pass --golden)\n")
    from jargonfree.core import text as current

    versions = {"this version": current}
    if args.before:
        versions = {"before": load_text_module(args.before), "after (this version)": current}
    print(f"| {args.words:,} words, median of {args.runs} | splitter | full check | "
          "splitter's share | sentences |")
    print("|---|---|---|---|---|")
    for name, t in timings(args.words, args.runs, versions).items():
        print(f"| {name} | {t['splitter']:.3f} s | {t['check']:.3f} s | "
              f"{100 * t['share']:.1f}% | {t['sentences']:,} |")

if __name__ == "__main__":
    main()

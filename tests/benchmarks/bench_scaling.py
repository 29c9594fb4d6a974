"""How analysis time and memory grow with the text, and what one edit costs.

Not a test: a script that prints markdown tables (docs/ARCHITECTURE.md, "Targets": 10,000 words in
0.1 s, 100,000 in 1 s or less in the warm worker, growing linearly; after an edit in a
10,000-word document, new findings and scores within 50 ms).

- Full analysis: one warm Analyzer (pipeline built, word caches filled on another text),
  its paragraph cache emptied before every run; the median of --runs runs.
- Memory: a fresh process per size builds and warms an Analyzer, reads its resident set,
  analyses the text once, and reports the peak resident set over that baseline (the peak
  is reset through /proc/self/clear_refs first) and the resident set after; then the
  tracemalloc peak of a second, uncached analysis (Python allocations only).
- Edit: the same Analyzer analyses the text, then a sentence is added to the paragraph in
  the middle and the text analysed again (a different sentence each run, so the cache
  cannot answer it); the median of the re-analysis times.

    python tests/benchmarks/bench_scaling.py [--runs 5] [--sizes 1000,10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from corpus import edit_paragraph, make_text  # noqa: E402


def _warm_analyzer():
    from jargonfree.core.analyze import Analyzer

    analyzer = Analyzer()
    analyzer.analyze(make_text(5000, seed=99))  # lazy imports, word and inflection caches
    analyzer._cache.clear()  # noqa: SLF001 - the benchmark measures the uncached path
    return analyzer


def full_times(analyzer, text: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        analyzer._cache.clear()  # noqa: SLF001
        start = time.perf_counter()
        analyzer.analyze(text)
        times.append(time.perf_counter() - start)
    return times


def edit_times(analyzer, text: str, runs: int) -> tuple[list[float], int]:
    analyzer._cache.clear()  # noqa: SLF001
    analyzer.analyze(text)
    paragraphs = text.count("\n\n") + 1
    middle = paragraphs // 2
    times = []
    for run in range(runs):
        edited = edit_paragraph(text, middle, 1000 + run)
        start = time.perf_counter()
        analyzer.analyze(edited, revision=run + 1)
        times.append(time.perf_counter() - start)
    return times, paragraphs


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def memory_child(words: int) -> None:
    """Run in a fresh process: print JSON with baseline, peak and after RSS, tracemalloc."""
    import tracemalloc

    analyzer = _warm_analyzer()
    text = make_text(words)
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM (peak RSS) to now
        resettable = True
    except OSError:
        resettable = False
    base = _rss_kb("VmRSS")
    analyzer.analyze(text)
    peak = _rss_kb("VmHWM")
    after = _rss_kb("VmRSS")
    analyzer._cache.clear()  # noqa: SLF001
    tracemalloc.start()
    analyzer.analyze(text)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"base_kb": base, "peak_kb": peak, "after_kb": after,
                      "traced_peak": traced, "peak_reset": resettable}))


def memory(words: int) -> dict:
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(words)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"Median of {args.runs} runs; Python {sys.version.split()[0]}; "
          f"{time.strftime('%Y-%m-%d')}.\n")
    analyzer = _warm_analyzer()
    rows = []
    for n in sizes:
        print(f"  {n:>8} words ...", file=sys.stderr)
        text = make_text(n)
        full = statistics.median(full_times(analyzer, text, args.runs))
        edits, paragraphs = edit_times(analyzer, text, args.runs)
        findings = len(analyzer.analyze(text).findings)
        rows.append((n, paragraphs, findings, full, statistics.median(edits), memory(n)))

    print("## Full analysis (warm Analyzer, empty paragraph cache)\n")
    print("| words | paragraphs | findings | analysis s | ms per 1,000 words "
          "| peak RSS over baseline MB | RSS after MB | tracemalloc peak MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, paragraphs, findings, full, _, mem in rows:
        print(f"| {n:,} | {paragraphs:,} | {findings:,} | {full:.3f} | "
              f"{1000 * full / (n / 1000):.1f} | {(mem['peak_kb'] - mem['base_kb']) / 1024:.0f} | "
              f"{mem['after_kb'] / 1024:.0f} | {mem['traced_peak'] / 2**20:.0f} |")
    print()
    print("## Re-analysis after a one-paragraph edit (same Analyzer, paragraph cache warm)\n")
    print("| words | re-analysis ms | share of a full analysis |")
    print("|---:|---:|---:|")
    for n, _, _, full, edit, _ in rows:
        print(f"| {n:,} | {1000 * edit:.1f} | {edit / full:.0%} |")
    print()


if __name__ == "__main__":
    main()

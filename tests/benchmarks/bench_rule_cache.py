"""How long reading the compiled rule cache takes (warm cache), and compiling without it.

    python tests/benchmarks/bench_rule_cache.py [--runs N]

Each run is a fresh interpreter that times CompiledRules.load_files() on a cache folder
made by the first run, so the figure is what every start of `jargonfree check` and of
the editor's worker pays to read the rules. Then, in one process and taking turns, the
cache file is read with a plain pickle.load (what was done before the safety checks) and
with the checked read the app uses now (owner and mode checked on the open file, only
rule classes unpickled), to show what the checks cost. Prints tables of medians; not a
test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import json, sys, time
from pathlib import Path
t = time.perf_counter()
from jargonfree.core.matcher import CompiledRules
imported = time.perf_counter()
compiled, _ = CompiledRules.load_files(Path(sys.argv[1]) if sys.argv[1] else None)
done = time.perf_counter()
print(json.dumps({"import_ms": (imported - t) * 1000, "load_ms": (done - imported) * 1000,
                  "forms": len(compiled.table.entries)}))
"""


def one(cache: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", CHILD, cache], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True, timeout=300)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "cache")
        cold = one(cache)  # builds the cache
        warm = [one(cache) for _ in range(args.runs)]
        none = [one("") for _ in range(max(1, args.runs // 3))]
        files = sorted(p.name for p in Path(cache).iterdir())
        size = sum(p.stat().st_size for p in Path(cache).iterdir()) / 1e6
        [cache_file] = Path(cache).glob("rules-*.pickle")
        plain, checked = compare_reads(cache_file, args.runs * 4)
    print(f"cache files: {', '.join(files)} ({size:.1f} MB); {cold['forms']:,} forms")
    print(f"{'fresh process: case':<40}{'load ms (median)':>18}{'min':>8}{'max':>8}")
    for name, rows in (("warm cache (read it)", warm), ("first run (compile and write)", [cold]),
                       ("no cache (compile only)", none)):
        ms = [r["load_ms"] for r in rows]
        print(f"{name:<40}{statistics.median(ms):>18.1f}{min(ms):>8.1f}{max(ms):>8.1f}")
    print()
    print(f"{'one process, taking turns: read':<40}{'ms (median)':>18}{'min':>8}{'max':>8}")
    for name, ms in (("plain pickle.load (before)", plain),
                     ("checked read (now)", checked)):
        print(f"{name:<40}{statistics.median(ms):>18.1f}{min(ms):>8.1f}{max(ms):>8.1f}")
    return 0


def compare_reads(path: Path, runs: int) -> tuple[list[float], list[float]]:
    import gc
    import pickle
    import time

    sys.path.insert(0, str(ROOT))
    from jargonfree.core import matcher

    plain, checked = [], []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        with path.open("rb") as fh:
            a = pickle.load(fh)
        plain.append((time.perf_counter() - t) * 1000)
        del a
        gc.collect()
        t = time.perf_counter()
        b = matcher._read_cache(path)
        checked.append((time.perf_counter() - t) * 1000)
        assert isinstance(b, matcher.CompiledRules), "the checked read refused our own cache"
        del b
    return plain, checked


if __name__ == "__main__":
    sys.exit(main())

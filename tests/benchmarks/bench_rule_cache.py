"""How long reading the compiled rule cache takes (warm cache), and compiling without it.

    python tests/benchmarks/bench_rule_cache.py [--runs N]

Each run is a fresh interpreter that times CompiledRules.load_files() on a cache folder
made by the first run, so the figure is what every start of `jargonfree check` and of
the editor's worker pays to read the rules. Prints a table of medians; not a test.
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
    print(f"cache files: {', '.join(files)} ({size:.1f} MB); {cold['forms']:,} forms")
    print(f"{'case':<34}{'load ms (median)':>18}{'min':>8}{'max':>8}")
    for name, rows in (("warm cache (read it)", warm), ("first run (compile and write)", [cold]),
                       ("no cache (compile only)", none)):
        ms = [r["load_ms"] for r in rows]
        print(f"{name:<34}{statistics.median(ms):>18.1f}{min(ms):>8.1f}{max(ms):>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

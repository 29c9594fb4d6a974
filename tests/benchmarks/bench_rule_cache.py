"""How long reading the compiled rule cache takes (warm cache), and compiling without it.

    python tests/benchmarks/bench_rule_cache.py [--runs N]

Each run is a fresh interpreter that times CompiledRules.load_files() on a cache folder
made by the first run, so the figure is what every start of `jargonfree check` and of
the editor's worker pays to read the rules. Then the same compiled rules in other
formats, each decoded by a fresh interpreter taking turns with the others:

- pickle of the CompiledRules object (the format before: 11,000 dataclass objects rebuilt
  through __setstate__, the garbage collector running meanwhile);
- pickle and marshal of the same plain data (dicts, tuples, strings) as the file now;
- marshal with the collector left on;
- the file as read now: SHA-256 of the body checked, then marshal with the collector off,
  and the Rule objects built (rule_cache.load_compiled);
- SQLite, a table of forms queried token by token, as a memory-mapped or on-disk table
  would be used: the connection and the look-ups a 1,000-word text needs.

Prints tables of medians; not a test.
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
        [cache_file] = Path(cache).glob("rules-*.bin")
        formats = compare_formats(cache_file, Path(tmp), args.runs)
    print(f"cache files: {', '.join(files)} ({size:.1f} MB); {cold['forms']:,} forms")
    print(f"{'fresh process: case':<40}{'load ms (median)':>18}{'min':>8}{'max':>8}")
    for name, rows in (("warm cache (read it)", warm), ("first run (compile and write)", [cold]),
                       ("no cache (compile only)", none)):
        ms = [r["load_ms"] for r in rows]
        print(f"{name:<40}{statistics.median(ms):>18.1f}{min(ms):>8.1f}{max(ms):>8.1f}")
    print()
    print(f"{'fresh process, taking turns: format':<52}{'MB':>6}{'ms (median)':>13}{'min':>8}")
    for name, (mb, ms) in formats.items():
        print(f"{name:<52}{mb:>6.1f}{statistics.median(ms):>13.1f}{min(ms):>8.1f}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    return 0


FORMAT_CHILD = """
import gc, json, marshal, pickle, sys, time
from pathlib import Path
kind, path, text = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
from jargonfree.core import matcher, rule_cache
t = time.perf_counter()
data = path.read_bytes()
if kind == "pickle":
    obj = pickle.loads(data)
elif kind == "marshal-gc":
    obj = marshal.loads(data)
elif kind == "now":
    obj = rule_cache.load_compiled(data)
    assert obj is not None
elif kind == "sqlite":
    import sqlite3
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    lows = matcher.Tokens.of(Path(text).read_text()).lows
    hits = 0
    for i, tok in enumerate(lows):
        row = db.execute("select lengths from first where tok = ?", (tok,)).fetchone()
        if row:
            for size in map(int, row[0].split()):
                key = " ".join(lows[i : i + size])
                hits += db.execute("select count(*) from forms where k = ?", (key,)
                                   ).fetchone()[0]
print(json.dumps({"ms": (time.perf_counter() - t) * 1000}))
"""


def compare_formats(cache_file: Path, tmp: Path, runs: int) -> dict[str, tuple[float, list]]:
    """The same compiled rules written in each format, and fresh-process decode times."""
    import marshal
    import pickle
    import sqlite3

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
    from corpus import make_text

    from jargonfree.core import matcher, rule_cache

    raw = cache_file.read_bytes()
    meta, compiled = rule_cache.load_compiled(raw)
    start = len(rule_cache._HEADER) + 32
    body = marshal.loads(raw[start:])
    compiled.wording = {k: matcher.Wording(*w) for k, w in compiled.wording.items()}
    files = {}
    files["pickle of the objects (before)"] = ("pickle", pickle.dumps(compiled, 5))
    files["pickle of the plain data"] = ("pickle", pickle.dumps(body, 5))
    files["marshal of the plain data, collector on"] = ("marshal-gc", raw[start:])
    files["now: hash checked, marshal, collector off"] = ("now", raw)
    paths = {}
    for name, (kind, data) in files.items():
        paths[name] = (kind, tmp / f"format-{len(paths)}")
        paths[name][1].write_bytes(data)
    db_path = tmp / "forms.sqlite"
    db = sqlite3.connect(db_path)
    db.execute("create table forms (k text primary key, v text)")
    db.execute("create table first (tok text primary key, lengths text)")
    db.executemany("insert into forms values (?, ?)",
                   ((" ".join(k), repr(v)) for k, v in compiled.table.entries.items()))
    db.executemany("insert into first values (?, ?)",
                   ((k, " ".join(map(str, v))) for k, v in compiled.table.lengths.items()))
    db.commit()
    db.close()
    paths["SQLite, queried token by token (1,000 words)"] = ("sqlite", db_path)
    text = tmp / "words.txt"
    text.write_text(make_text(1000), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(runs):
        for name, (kind, path) in paths.items():
            out = subprocess.run([sys.executable, "-c", FORMAT_CHILD, kind, str(path), str(text)],
                                 capture_output=True, text=True, env=env, cwd=ROOT, check=True)
            times[name].append(json.loads(out.stdout)["ms"])
    return {name: (path.stat().st_size / 1e6, times[name]) for name, (_, path) in paths.items()}


if __name__ == "__main__":
    sys.exit(main())

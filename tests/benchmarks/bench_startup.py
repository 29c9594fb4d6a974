"""Where the time of a fresh `jargonfree check` / `score` process goes.

    python tests/benchmarks/bench_startup.py [--runs 5] [--repo PATH] [--top 10]

For each job (check and score of 1,000 words of tests/benchmarks/corpus.py text from a
file; score and check of one sentence from standard input) it runs a fresh Python process
`--runs` times, after one warm-up run that fills the rules cache, and prints medians of:

- wall: the whole process, as the shell sees it;
- start+exit: wall minus the time inside the program (interpreter start-up, site, and
  shutdown); `python -c pass` is printed for reference;
- imports: time inside import statements (top-level ones, as a whole, not counting the
  data loads below when a module loads data as it is imported);
- data load: the compiled rules (cache or shipped file) and the bundled data files
  (word frequencies, syllables, acronyms, simpler-words table...);
- check: everything else inside the program (reading the text, the checks, printing).

Then the top imports of one run of each job by `python -X importtime` (cumulative time of
the top-level imports, that is, with everything they import). The process is the same as
the `jargonfree` command: `jargonfree.cli.main()` with the arguments given, run from the
checkout at --repo (default: this one), with its own empty user folders. Timings include
the small cost of the probe's wrappers. Nothing here is asserted: figures only. Python
bytecode is written and used (PYTHONDONTWRITEBYTECODE is removed from the environment),
as for an installed package, whose modules pip compiles when it installs them.

    python tests/benchmarks/bench_startup.py --against OTHER_CHECKOUT [--runs 9]

runs each job on both checkouts in turn (before/after alternated, the order flipped every
run, each with its own warm cache), and prints both medians and their ratio: on a shared
machine whose load changes from minute to minute, only such paired figures compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import make_text  # noqa: E402

ROOT = HERE.parent.parent
SENTENCE = "The form was signed by the patient and sent to the CCG for approval.\n"

# (module, attribute): functions that load compiled rules or bundled data. Wrapped as soon
# as their module is imported; their time is "data load".
LOADERS = [
    ("jargonfree.core.matcher", "CompiledRules.load_files"),
    ("jargonfree.core.matcher", "CompiledRules.load"),
    ("jargonfree.core.frequency", "frequencies"),
    ("jargonfree.core.frequency", "_buckets"),
    ("jargonfree.core.syllables", "_dictionary"),
    ("jargonfree.core.syllables", "dale_chall_easy_words"),
    ("jargonfree.core.lexicon", "load_lexicon"),
    ("jargonfree.core.simplify", "load_plain_words"),
    ("jargonfree.core.checks.passive", "load_participles"),
    ("jargonfree.core.checks.uncommon", "everyday_words"),
    ("jargonfree.core.checks.acronyms", "load_known_acronyms"),
    ("jargonfree.core.checks.acronyms", "load_expansions"),
    ("jargonfree.core.inflect", "_lemminflect"),
]

# Runs inside the measured process. Time is charged to one phase at a time: a load inside
# an import counts as load, an import inside a load as import.
PROBE = r"""
import time
_t0 = time.perf_counter()
import builtins, json, os, sys
_spent = {"import": 0.0, "load": 0.0, "run": 0.0}
_stack = ["run"]
_mark = [_t0]

def _enter(phase):
    now = time.perf_counter()
    _spent[_stack[-1]] = _spent.get(_stack[-1], 0.0) + now - _mark[0]
    _mark[0] = now
    _stack.append(phase)

def _leave():
    now = time.perf_counter()
    phase = _stack.pop()
    _spent[phase] = _spent.get(phase, 0.0) + now - _mark[0]
    _mark[0] = now

LOADERS = LOADERS_HERE
_done = set()

def _timed(fn, label):
    def wrapper(*args, **kwargs):
        _enter("load:" + label)
        try:
            return fn(*args, **kwargs)
        finally:
            _leave()
    for name in ("cache_clear", "cache_info"):
        if hasattr(fn, name):
            setattr(wrapper, name, getattr(fn, name))
    return wrapper

def _patch():
    for mod, attr in LOADERS:
        if (mod, attr) in _done or mod not in sys.modules:
            continue
        owner = sys.modules[mod]
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if owner is None or not hasattr(owner, name):
            continue
        fn = getattr(owner, name)
        if isinstance(owner, type) and isinstance(owner.__dict__.get(name), classmethod):
            setattr(owner, name, classmethod(_timed(owner.__dict__[name].__func__, attr)))
        else:
            setattr(owner, name, _timed(fn, attr))
        _done.add((mod, attr))

_real_import = builtins.__import__

def _import(*args, **kwargs):
    _enter("import")
    try:
        return _real_import(*args, **kwargs)
    finally:
        _leave()
        if len(_stack) == 1:
            _patch()

builtins.__import__ = _import
from jargonfree.cli import main
_patch()
out = open(os.devnull, "w")
sys.stdout = out
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stdout = sys.__stdout__
_spent["run"] += time.perf_counter() - _mark[0]
total = time.perf_counter() - _t0
_spent["load"] = sum(v for k, v in _spent.items() if k.startswith("load:"))
heavy = ("wordfreq", "lemminflect", "PySide6", "docx")
print("PROBE " + json.dumps({"total": total, **_spent, "code": code,
      "heavy": sorted(m for m in heavy if m in sys.modules)}), file=sys.stderr)
"""


def _env(repo: Path, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo)
    env["HOME"] = str(home)
    for var in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(home / var.lower())
    env.pop("JARGONFREE_DEBUG", None)
    # An installed package's modules are compiled when pip installs it; without this, a
    # checkout run with PYTHONDONTWRITEBYTECODE=1 compiles every module on every start
    # (about 80 ms of a check's start-up here).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _probe_source() -> str:
    return PROBE.replace("LOADERS_HERE", repr(LOADERS))


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(python: str, args: list[str], stdin: str | None, env: dict, cwd: Path) -> dict:
    cpu = _child_cpu()
    start = time.perf_counter()
    proc = subprocess.run([python, "-c", _probe_source(), *args], input=stdin, text=True,
                          capture_output=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    cpu = _child_cpu() - cpu
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("PROBE ")]
    if not lines:
        sys.exit(f"the probe failed for {args}: {proc.stderr.strip()[-500:]}")
    data = json.loads(lines[-1][6:])
    data["wall"] = wall
    data["cpu"] = cpu
    return data


def bare_start(python: str, runs: int, env: dict, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", "pass"], env=env, cwd=cwd, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def top_imports(python: str, args: list[str], stdin: str | None, env: dict, cwd: Path,
                top: int) -> list[tuple[str, float]]:
    """Top-level imports by cumulative time (ms) in one `-X importtime` run of the job."""
    code = "import sys; from jargonfree.cli import main; main(sys.argv[1:])"
    proc = subprocess.run([python, "-X", "importtime", "-c", code, *args], input=stdin,
                          text=True, capture_output=True, env=env, cwd=cwd)
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        name = name[1:]  # one space after the bar; more means nested
        if name.startswith("  "):  # nested: counted in its parent's cumulative time
            continue
        rows.append((name.strip(), int(cum_us) / 1000))
    rows.sort(key=lambda r: -r[1])
    return rows[:top]


def jobs_for(tmp: Path) -> list[tuple[str, list[str], str | None]]:
    text = tmp / "words1000.txt"
    text.write_text(make_text(1000), encoding="utf-8")
    return [
        ("check 1,000 words", ["check", str(text)], None),
        ("score 1,000 words", ["score", str(text)], None),
        ("score 1 sentence (stdin)", ["score", "-"], SENTENCE),
        ("check 1 sentence (stdin)", ["check", "-"], SENTENCE),
    ]


def paired(args) -> None:
    """Each job on --repo and --against in turn; medians of wall time and their ratio."""
    with tempfile.TemporaryDirectory(prefix="jf-startup-") as tmp:
        tmp = Path(tmp)
        envs = {}
        for label, repo in (("this", args.repo), ("other", args.against)):
            home = tmp / f"home-{label}"
            home.mkdir()
            envs[label] = _env(repo.resolve(), home)
        jobs = jobs_for(tmp)
        for env in envs.values():  # fill each cache, warm the page cache
            for _name, job_args, stdin in jobs:
                run_once(args.python, job_args, stdin, env, tmp)
        load = os.getloadavg()[0]
        bare = {label: [] for label in envs}
        walls = {(name, label): [] for name, _, _ in jobs for label in envs}
        cpus = {(name, label): [] for name, _, _ in jobs for label in envs}
        for i in range(args.runs):
            order = ("this", "other") if i % 2 == 0 else ("other", "this")
            for name, job_args, stdin in jobs:
                for label in order:
                    sample = run_once(args.python, job_args, stdin, envs[label], tmp)
                    walls[name, label].append(sample["wall"])
                    cpus[name, label].append(sample["cpu"])
            for label in order:
                bare[label].append(bare_start(args.python, 1, envs[label], tmp))
        print(f"{args.runs} paired runs, medians in ms; load average {load:.1f} at the start, "
              f"{os.getloadavg()[0]:.1f} at the end, on {os.cpu_count()} CPUs")
        print(f"this: {args.repo}\nother: {args.against}\n")
        print("| job | other wall | this wall | this ÷ other | other CPU | this CPU | "
              "this ÷ other |\n|---|---:|---:|---:|---:|---:|---:|")
        a, b = statistics.median(bare["other"]), statistics.median(bare["this"])
        print(f"| python -c pass | {a * 1000:.0f} | {b * 1000:.0f} | {b / a:.2f} | | | |")
        for name, _, _ in jobs:
            a, b = (statistics.median(walls[name, k]) for k in ("other", "this"))
            c, d = (statistics.median(cpus[name, k]) for k in ("other", "this"))
            print(f"| {name} | {a * 1000:.0f} | {b * 1000:.0f} | {b / a:.2f} "
                  f"| {c * 1000:.0f} | {d * 1000:.0f} | {d / c:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs per job")
    parser.add_argument("--repo", type=Path, default=ROOT,
                        help="the jargonfree checkout to measure (default: this one)")
    parser.add_argument("--top", type=int, default=10, help="imports to list per job")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--json", type=Path, help="also write the medians here")
    parser.add_argument("--against", type=Path,
                        help="another checkout: time both, alternating, and print the ratio")
    args = parser.parse_args()
    if args.against:
        paired(args)
        return

    with tempfile.TemporaryDirectory(prefix="jf-startup-") as tmp:
        tmp = Path(tmp)
        home = tmp / "home"
        home.mkdir()
        env = _env(args.repo.resolve(), home)
        jobs = jobs_for(tmp)
        first = run_once(args.python, jobs[0][1], jobs[0][2], env, tmp)  # fills the cache
        bare = bare_start(args.python, args.runs, env, tmp)
        print(f"repo {args.repo}; {args.runs} runs per job, medians in ms; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"python -c pass: {bare * 1000:.0f} ms; first run of '{jobs[0][0]}' with an "
              f"empty cache: {first['wall'] * 1000:.0f} ms\n")
        header = (f"| {'job':<26} | {'wall':>6} | {'start+exit':>10} | {'imports':>7} | "
                  f"{'data load':>9} | {'check':>6} | heavy modules loaded |")
        print(header)
        print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
        results = {}
        for name, job_args, stdin in jobs:
            run_once(args.python, job_args, stdin, env, tmp)  # warm-up (page cache)
            samples = [run_once(args.python, job_args, stdin, env, tmp)
                       for _ in range(args.runs)]
            med = {k: statistics.median(s[k] for s in samples)
                   for k in ("wall", "total", "import", "load", "run")}
            med["start+exit"] = statistics.median(s["wall"] - s["total"] for s in samples)
            heavy = ", ".join(samples[-1]["heavy"]) or "none"
            loads = {k[5:]: statistics.median(s.get(k, 0.0) for s in samples)
                     for k in sorted({k for s in samples for k in s if k.startswith("load:")})}
            med["loads"] = loads
            results[name] = med
            print(f"| {name:<26} | {med['wall'] * 1000:>6.0f} | {med['start+exit'] * 1000:>10.0f} "
                  f"| {med['import'] * 1000:>7.0f} | {med['load'] * 1000:>9.0f} "
                  f"| {med['run'] * 1000:>6.0f} | {heavy} |")
        print("\nData load by loader (median ms; a loader that calls another is not "
              "charged for it):")
        for name, med in results.items():
            parts = ", ".join(f"{k} {v * 1000:.0f}" for k, v in
                              sorted(med["loads"].items(), key=lambda kv: -kv[1]) if v >= 0.001)
            print(f"  {name}: {parts}")
        for name, job_args, stdin in (jobs[0], jobs[2]):
            print(f"\nTop {args.top} imports (-X importtime, cumulative ms, one run): {name}")
            for mod, ms in top_imports(args.python, job_args, stdin, env, tmp, args.top):
                print(f"  {ms:>7.1f}  {mod}")
        if args.json:
            args.json.write_text(json.dumps({"bare": bare, "jobs": results}, indent=1))


if __name__ == "__main__":
    main()

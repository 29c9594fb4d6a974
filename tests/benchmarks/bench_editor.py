"""Editor benchmark (not a test): the real editor and worker, each run a fresh process.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_editor.py [--runs N] [--keys N]

Prints a table of medians over N runs (default 5 launches, 3 stall runs, one run of 20
keystroke episodes):
- launch to window shown: from starting the process (`python editor_driver.py`, which
  runs `jargonfree FILE` through jargonfree.cli.main) to the main window's first expose,
  and to the end of that event-loop turn (painted);
- launch to first highlights: the same process, with the seed health-service text on the
  command line (--seed-text), until the first analysis has been laid onto the editor's
  blocks; and the worker's first answers: "ready" (rules loaded and warmed) and its first
  analysis received by the window; the worker's and the window's memory at that moment;
- with --cold N: N launches after emptying the disk cache (`echo 3 >
  /proc/sys/vm/drop_caches`, which needs root and drops every file's pages, so the first
  read of Python, Qt and the data comes from disk; where that is refused, each file under
  the interpreter's prefixes and the checkout is evicted with posix_fadvise DONTNEED);
- with --fresh N: N more launches, each with a new, empty settings/cache folder (a first
  start after installing; the compiled rules come from jargonfree/compiled when the
  package was built, as a wheel's are, else they are compiled into the empty cache);
- GUI-thread stalls while a 100,000-word text is opened, analysed by the real worker and
  painted: the longest gap and the 99th percentile between 1 ms timer ticks, also the
  longest gap once the text is in (a long text goes into the editor in parts);
- keystroke-to-highlight in a 10,000-word text: " leverage" typed at the end of a middle
  paragraph, from the key that completes the word to its highlight on the block (includes
  the 150 ms debounce); median and 95th percentile;
- resident memory (VmRSS from /proc) of the GUI and the worker with the 100,000-word text
  analysed and painted.
The settings, word lists, autosaves and rule cache live in a temporary XDG folder: the
user's own are never touched. One launch first fills the rule cache, unmeasured.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_editor.py --shading [--dev DIR]

reports instead how much of each development text (DIR/texts/*.txt, default
../shared/reference/dev or $JARGONFREE_DEV) the editor shades at the general profile:
before (every hard, very hard and long sentence shaded, as until 2026-12) and now
(characters the real editor widget paints with a sentence shade), and whether every very
hard sentence is still marked.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DRIVER = HERE / "editor_driver.py"
SEED = ROOT.parent / "shared" / "seed" / "learning-networks-jargon-blog.txt"
DEV = Path(os.environ.get("JARGONFREE_DEV", ROOT.parent / "shared" / "reference" / "dev"))
sys.path.insert(0, str(HERE))


def drive(env: dict, *args: str) -> dict:
    env = dict(env, JF_BENCH_T0=repr(time.monotonic()))
    proc = subprocess.run([sys.executable, str(DRIVER), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    lines = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
    if not lines:
        raise SystemExit(f"driver failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result = json.loads(lines[-1][len("RESULT "):])
    if "error" in result:
        raise SystemExit(f"driver: {result['error']}")
    return result


def drop_disk_cache() -> str:
    """Empty the page cache (how is returned): all of it as root, else the files that a
    launch reads, one by one."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return "drop_caches"
    except OSError:
        pass
    roots = {Path(sys.prefix), Path(sys.base_prefix), ROOT}
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                try:
                    fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)
    return "fadvise"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _union(spans, length: int) -> int:
    mask = bytearray(length)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return sum(mask)


def shading(dev: Path) -> int:
    """Shaded share of each development text, before and now, in the real editor widget."""
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(ROOT))
    from jargonfree import analyze
    from jargonfree.app.editor import Editor
    from jargonfree.app.styles import SHADES, shade
    from jargonfree.core.emphasis import VERY_HARD

    if not list((dev / "texts").glob("*.txt")):
        raise SystemExit(f"no development texts in {dev / 'texts'} (give --dev DIR)")
    app = QApplication.instance() or QApplication([])
    editor = Editor()
    editor.resize(900, 700)
    shades = {shade(rule, False).name() for rule in SHADES}
    print("| text | characters | shaded before | shaded now | very hard sentences | "
          "marked now | shaded now |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0, 0, 0]
    for path in sorted((dev / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        a = analyze(text, "general")
        sentences = [f for f in a.findings if f.category == "sentence"]
        before = _union(((f.start, f.end) for f in sentences), len(text))
        editor.setPlainText(text)
        editor.show_findings(text, a.findings, a.shaded)
        editor.highlighter.finish()
        app.processEvents()
        painted = 0
        block = editor.document().begin()
        while block.isValid():  # every file here is BMP-only: Qt positions = code points
            for r in block.layout().formats():
                if r.format.background().color().name() in shades:
                    painted += r.length
            block = block.next()
        very = {(f.start, f.end) for f in sentences if f.rule_id == VERY_HARD}
        laid = {(h.finding.start, h.finding.end) for h in editor.all_hits()
                if h.finding.rule_id == VERY_HARD}
        shaded_very = len(very & set(a.shaded))
        row = [len(text), before, painted, len(very), len(very & laid), shaded_very]
        totals = [t + r for t, r in zip(totals, row, strict=True)]
        print(f"| {path.stem[:44]} | {len(text):,} | {before / len(text):.1%} | "
              f"{painted / len(text):.1%} | {len(very)} | {len(very & laid)} | {shaded_very} |")
    n, before, painted, very, marked, shaded_very = totals
    print(f"| all {len(list((dev / 'texts').glob('*.txt')))} texts | {n:,} | {before / n:.1%} | "
          f"{painted / n:.1%} | {very} | {marked} | {shaded_very} |")
    editor.deleteLater()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="launches (stall runs: half, at least 3)")
    ap.add_argument("--keys", type=int, default=20, help="keystroke episodes")
    ap.add_argument("--seed-text", type=Path, default=SEED)
    ap.add_argument("--cold", type=int, default=0,
                    help="launches after emptying the disk cache (drop_caches as root)")
    ap.add_argument("--fresh", type=int, default=0,
                    help="launches with a new, empty settings and cache folder each")
    ap.add_argument("--shading", action="store_true",
                    help="report the shaded share of the development texts instead")
    ap.add_argument("--dev", type=Path, default=DEV, help="the development data folder")
    args = ap.parse_args()
    if args.shading:
        return shading(args.dev)
    from corpus import make_text

    tmp = Path(tempfile.mkdtemp(prefix="jf-bench-editor-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{kind}_HOME"] = str(tmp / kind.lower())
    big, small = tmp / "100k.txt", tmp / "10k.txt"
    big.write_text(make_text(100_000), encoding="utf-8")
    small.write_text(make_text(10_000), encoding="utf-8")
    seed = args.seed_text
    seed_words = len(seed.read_text(encoding="utf-8").split())

    drive(env, "launch", str(seed))  # fills the rule cache (and the saved window layout)
    launches = [drive(env, "launch", str(seed)) for _ in range(args.runs)]
    cold, how = [], ""
    for _ in range(args.cold):
        how = drop_disk_cache()
        cold.append(drive(env, "launch", str(seed)))
    fresh = []
    for i in range(args.fresh):
        fresh_env = dict(env)
        for kind in ("CONFIG", "DATA", "STATE", "CACHE"):
            fresh_env[f"XDG_{kind}_HOME"] = str(tmp / f"fresh{i}" / kind.lower())
        fresh.append(drive(fresh_env, "launch", str(seed)))
    stalls = [drive(env, "stall", str(big)) for _ in range(max(3, args.runs // 2 + 1))]
    keys = drive(env, "keys", str(small), str(args.keys))

    def med(rows, key, sub=None):
        return statistics.median(r[key][sub] if sub else r[key] for r in rows)

    lat = keys["latencies"]
    rows = [
        ("launch to window shown (first expose)", f"{med(launches, 'shown_ms'):.0f} ms",
         f"{len(launches)} launches", "1.5 s"),
        ("launch to window painted", f"{med(launches, 'painted_ms'):.0f} ms", "", ""),
        (f"launch to first highlights ({seed.name}, ~{seed_words:,} words)",
         f"{med(launches, 'highlights_ms'):.0f} ms",
         f"{med(launches, 'findings'):.0f} findings", ""),
        ("launch to the worker's \"ready\" (rules loaded, warmed)",
         f"{med(launches, 'ready_ms'):.0f} ms", "", "0.3 s"),
        ("launch to the worker's first analysis received", f"{med(launches, 'answer_ms'):.0f} ms",
         "", ""),
        ("memory at first highlights: worker / GUI (VmRSS)",
         f"{med(launches, 'worker', 'VmRSS'):.0f} / {med(launches, 'gui', 'VmRSS'):.0f} MB",
         f"worker peak {med(launches, 'worker', 'VmHWM'):.0f} MB", ""),
        *([("cold disk cache: window shown / worker ready / first highlights",
            f"{med(cold, 'shown_ms'):.0f} / {med(cold, 'ready_ms'):.0f} / "
            f"{med(cold, 'highlights_ms'):.0f} ms", f"{len(cold)} launches, {how}", "")]
          if cold else []),
        *([("first start, fresh settings and cache folder: window shown / first highlights",
            f"{med(fresh, 'shown_ms'):.0f} / {med(fresh, 'highlights_ms'):.0f} ms",
            f"{len(fresh)} launches; compiled rules "
            + ("shipped" if (ROOT / "jargonfree" / "compiled").is_dir() else "compiled now"),
            "2 s")] if fresh else []),
        ("100,000 words opened, checked, painted: total", f"{med(stalls, 'total_ms'):.0f} ms",
         f"{len(stalls)} runs, {med(stalls, 'findings'):.0f} findings", ""),
        ("  longest GUI stall (gap between 1 ms ticks)", f"{med(stalls, 'worst'):.1f} ms",
         "max of runs " + f"{max(r['worst'] for r in stalls):.1f} ms", "16 ms"),
        ("  longest stall once the text is in", f"{med(stalls, 'worst_after_open'):.1f} ms",
         "max of runs " + f"{max(r['worst_after_open'] for r in stalls):.1f} ms", "16 ms"),
        ("  99th percentile gap", f"{med(stalls, 'p99'):.1f} ms", "", ""),
        ("  the open itself (read, first part into the editor, send)",
         f"{med(stalls, 'open_ms'):.1f} ms", "", ""),
        ("keystroke to highlight, 10,000 words: median", f"{statistics.median(lat):.0f} ms",
         f"{len(lat)} episodes, 150 ms debounce included", ""),
        ("keystroke to highlight: 95th percentile", f"{pct(lat, 0.95):.0f} ms",
         f"longest stall while typing {max(keys['worst_gaps']):.1f} ms", ""),
        ("memory, 100,000 words: GUI process (VmRSS)", f"{med(stalls, 'gui', 'VmRSS'):.0f} MB",
         f"peak {med(stalls, 'gui', 'VmHWM'):.0f} MB", "150 MB"),
        ("memory, 100,000 words: worker process (VmRSS)",
         f"{med(stalls, 'worker', 'VmRSS'):.0f} MB",
         f"peak {med(stalls, 'worker', 'VmHWM'):.0f} MB", "300 MB"),
    ]
    print("| measure | median | notes | target |")
    print("|---|---:|---|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

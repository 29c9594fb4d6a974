"""`jargonfree check` of a Markdown file against the same words as plain text, each in a
fresh process (what a user or a script pays), and where the Markdown time goes.

    python tests/benchmarks/bench_markdown.py [--words 1000] [--runs 15]

Three files are made from corpus.py's text (seeded, so every run checks the same
words): `plain.txt` (the words), `marked.md` (the same words with Markdown added: front
matter, headings, emphasis, links, code spans, a code block and a table) and
`marked.txt` (the .md's bytes read as plain text, markup checked as words). The three
are timed in turn, `--runs` times each after one warm-up that fills the rules cache;
medians of wall time and of processor time are printed (on a busy machine the processor
time is the steadier figure). The script also times, in processor time, importing
markdown-it and building the Markdown view.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import count_words, make_text  # noqa: E402


def to_markdown(text: str, seed: int = 1) -> str:
    """The corpus text with the markup a real .md file has (the words stay the same)."""
    rng = random.Random(seed)
    out = ["---\ntitle: Network report\ntags: [network, patients]\n---"]
    blocks = text.strip().split("\n\n")
    for i, block in enumerate(blocks):
        if block.startswith("## "):
            out.append(block)
        elif "\n- " in block:
            out.append(block)
        else:
            words = block.split(" ")
            for _ in range(max(1, len(words) // 25)):
                k = rng.randrange(len(words))
                if re.fullmatch(r"[A-Za-z-]+", words[k]):
                    words[k] = rng.choice(["**{}**", "*{}*", "_{}_", "{} `--opt`"]).format(
                        words[k])
            k = rng.randrange(max(1, len(words) - 2))
            if all(re.fullmatch(r"[A-Za-z-]+", w) for w in words[k:k + 2]):
                words[k] = f"[{words[k]}"
                words[k + 1] = f"{words[k + 1]}](https://example.org/page-{i}.html)"
            out.append(" ".join(words))
        if i % 7 == 3:
            out.append("```\nleverage = utilise(stakeholders)\n```")
        if i % 9 == 5:
            out.append("| Term | Meaning |\n|---|---|\n| synergies | working together |")
    return "\n\n".join(out) + "\n"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["HOME"] = str(home)
    return env


def run_once(path: Path, env: dict) -> tuple[float, float]:
    """(wall, processor) seconds of one fresh `jargonfree check`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "jargonfree", "check", str(path)],
                          capture_output=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def in_process(md: str, repeats: int = 20) -> tuple[float, float]:
    """Processor seconds of (importing markdown-it in a fresh process that has already
    imported the checker, building the view of `md` once warm): processor time, since a
    busy machine stretches wall time."""
    code = ("import time, jargonfree.cli, jargonfree.formats.documents; "
            "t = time.process_time(); import markdown_it; print(time.process_time() - t)")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                    text=True, check=True, env=env).stdout)
               for _ in range(9)]
    from jargonfree.formats.markdown import read_markdown

    read_markdown(md)
    views = []
    for _ in range(repeats):
        t = time.process_time()
        read_markdown(md)
        views.append(time.process_time() - t)
    return statistics.median(imports), statistics.median(views)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    plain = make_text(args.words)
    md = to_markdown(plain)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {"plain.txt": plain, "marked.md": md, "marked.txt": md}
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        env = _env(folder / "home")
        run_once(folder / "plain.txt", env)  # fills the rules cache
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in files}
        for _ in range(args.runs):
            for name in files:  # in turn, so a busy moment hits all three alike
                times[name].append(run_once(folder / name, env))
    load = os.getloadavg()[0]
    print(f"{count_words(plain)} words; {args.runs} fresh runs each, medians; load average "
          f"{load:.1f}")
    print(f"{'file':<12} {'wall s':>7} {'cpu s':>7} {'wall vs plain.txt':>18}")
    base = statistics.median(w for w, _ in times["plain.txt"])
    for name, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        print(f"{name:<12} {wall:>7.3f} {cpu:>7.3f} {wall / base:>17.2f}x")
    imp, view = in_process(md)
    print(f"processor time: import markdown_it {imp * 1000:.0f} ms (fresh process); "
          f"building the view of marked.md {view * 1000:.1f} ms (warm)")


if __name__ == "__main__":
    main()

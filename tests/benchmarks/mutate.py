"""Mutation run: does the test suite catch deliberate bugs in the engine?

Not a test (pytest does not collect it): a script that prints a markdown table. Each
mutant is one small change to one source file, of the kind that once slipped through (an
Analyzer that drops a category, a check that is never called, a constant in the per-
paragraph grade, inflection that returns the base form, acronym definitions ignored, a
matcher that ignores `unless`). For each, the script copies the working tree to a
temporary folder, makes the change there (never in this tree), runs the tests that
should catch it and records which fail. A run without the change (the baseline) must
pass first, so a failure is the mutant's doing.

    python tests/benchmarks/mutate.py              # every mutant
    python tests/benchmarks/mutate.py --only inflection_base_form
    python tests/benchmarks/mutate.py --list

Exit status 1 if any mutant survives.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Mutant:
    name: str
    what: str  # the bug, in words
    path: str  # file changed, relative to the repository
    old: str  # text that must occur exactly once in the file
    new: str
    tests: tuple[str, ...]  # pytest arguments: the tests that should catch it


MUTANTS = (
    Mutant(
        "analyzer_drops_misleading",
        "the Analyzer drops every 'misleading' finding",
        "jargonfree/core/analyze.py",
        "findings = [f for f in matched.findings if f.category not in disabled]",
        "findings = [f for f in matched.findings if f.category not in disabled"
        " and f.category != 'misleading']",
        ("tests/core/test_rule_examples.py", "-k", "misleading and through_analyze"),
    ),
    Mutant(
        "analyzer_drops_medical",
        "the Analyzer drops every 'medical' finding",
        "jargonfree/core/analyze.py",
        "findings = [f for f in matched.findings if f.category not in disabled]",
        "findings = [f for f in matched.findings if f.category not in disabled"
        " and f.category != 'medical']",
        ("tests/core/test_analyze.py", "tests/test_cli.py", "-k",
         "not rules and not long_text"),
    ),
    Mutant(
        "consistency_not_called",
        "the Analyzer never calls the consistency check",
        "jargonfree/core/analyze.py",
        'if "consistency" not in options.disabled and terms:',
        "if False:",
        ("tests/core/checks/test_consistency_examples.py",),
    ),
    Mutant(
        "paragraph_grade_constant",
        "the per-paragraph reading age (the chart) is a constant",
        "jargonfree/core/analyze.py",
        "            reading_age(counts),\n",
        "            10.0,\n",
        ("tests/core/test_analyze.py", "tests/core/test_readability.py"),
    ),
    Mutant(
        "inflection_base_form",
        "inflection returns the base form",
        "jargonfree/core/inflect.py",
        'if not tag or not word or tag == "VBP":',
        "if True:",
        ("tests/core/test_inflect.py", "tests/core/test_rule_examples.py", "-k",
         "through_analyze or inflect or expand"),
    ),
    Mutant(
        "acronym_definitions_ignored",
        "the acronym check ignores definitions",
        "jargonfree/core/checks/acronyms.py",
        "if m.group(1) not in definitions and _defines(text, m):",
        "if False:",
        ("tests/core/checks/test_acronyms.py",),
    ),
    Mutant(
        "acronym_skips_ignored",
        "the acronym check reads web addresses and link targets",
        "jargonfree/core/checks/acronyms.py",
        "if i >= 0 and start < skips[i][1]:",
        "if False:",
        ("tests/core/checks/test_acronyms.py", "tests/test_cli.py", "-k",
         "acronym or web or link or defined"),
    ),
    Mutant(
        "matcher_ignores_unless",
        "the matcher ignores `unless`",
        "jargonfree/core/matcher.py",
        "for bs, be in blocked.get(key, ()))",
        "for bs, be in ())",
        ("tests/core/test_rule_examples.py", "-k", "through_analyze"),
    ),
)


def copy_tree(dest: Path) -> None:
    """The files git knows (tracked or new, not ignored), as they are in the work tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
        capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if not src.is_file() or name.startswith("tests/benchmarks/real"):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)


def run_tests(tree: Path, args: tuple[str, ...], scratch: Path) -> tuple[int, list[str], float]:
    """(pytest's exit status, the ids of the failed tests, seconds)."""
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen",
               PYTHONDONTWRITEBYTECODE="1")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(scratch / var.lower())
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", "-p",
         "no:randomly", *args], cwd=tree, env=env, capture_output=True, text=True,
    )
    failed = re.findall(r"^FAILED (\S+)", proc.stdout, re.MULTILINE)
    return proc.returncode, failed, time.perf_counter() - start


def mutate(tree: Path, mutant: Mutant) -> None:
    path = tree / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: the text to change is not in {mutant.path} exactly "
                         "once; update the mutant")
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="names of mutants to run")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if args.only is None or m.name in args.only]
    if args.list or not chosen:
        for m in MUTANTS:
            print(f"{m.name}: {m.what} ({m.path})")
        return 0 if chosen else 2
    rows = []
    survived = 0
    with tempfile.TemporaryDirectory(prefix="jf-mutate-") as tmp:
        base = Path(tmp) / "base"
        copy_tree(base)
        for mutant in chosen:
            status, failed, seconds = run_tests(base, mutant.tests, Path(tmp) / "xdg-base")
            if status != 0:
                raise SystemExit(f"{mutant.name}: the tests fail without the mutant "
                                 f"(exit {status}): {failed[:5]}")
            tree = Path(tmp) / mutant.name
            shutil.copytree(base, tree)
            mutate(tree, mutant)
            status, failed, seconds = run_tests(tree, mutant.tests,
                                                Path(tmp) / f"xdg-{mutant.name}")
            caught = status != 0
            survived += not caught
            names = sorted({f.split("[")[0].split("::")[-1] for f in failed})
            rows.append((mutant, caught, len(failed), names, seconds))
            shutil.rmtree(tree)
            print(f"{mutant.name}: {'caught' if caught else 'SURVIVED'} "
                  f"({len(failed)} failed, {seconds:.0f} s)", file=sys.stderr)
    print("| mutant | tests run | caught | failing tests (cases) |")
    print("|---|---|---|---|")
    for mutant, caught, count, names, _seconds in rows:
        shown = ", ".join(f"`{n}`" for n in names[:6]) + (" …" if len(names) > 6 else "")
        print(f"| {mutant.what} (`{mutant.path}`) | `{shlex.join(mutant.tests)}` | "
              f"{'yes' if caught else '**no**'} | {shown} ({count}) |")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())

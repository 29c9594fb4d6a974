"""Start-up: `check` and `score` load only what they need. wordfreq (and its langcodes,
ftfy, regex), lemminflect, PySide6, python-docx and markdown-it stay out of a check of a
plain text:
the word frequencies come from jargonfree's own table (tools/build_frequency.py) and
lemminflect is needed only when rules are compiled, which a warm cache has done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("wordfreq", "langcodes", "ftfy", "regex", "lemminflect", "PySide6", "docx", "tomllib",
         "multiprocessing", "markdown_it")
# What `score` leaves out as well: it prints scores only, so it loads no rules.
RULES = ("jargonfree.core.matcher", "jargonfree.core.analyze", "jargonfree.core.lexicon")
TEXT = (
    "The form was signed by the patient. Ask the PDQ team about the perambulation.\n\n"
    "The programme board met the project team. The programme is new.\n"
)

# Runs the CLI in-process, then reports which heavy modules were imported.
_PROBE = """
import json, sys
import jargonfree.cli
after_import = sorted(m for m in {heavy!r} if m in sys.modules)
code = jargonfree.cli.main(sys.argv[1:])
after_run = sorted(m for m in {heavy!r} if m in sys.modules)
print(json.dumps({{"after_import": after_import, "after_run": after_run}}), file=sys.stderr)
"""


def _run(tmp_path: Path, *args: str, heavy: tuple[str, ...] = HEAVY
         ) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    for var in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[var] = str(tmp_path / var.lower())
    env["HOME"] = str(tmp_path / "home")
    probe = _PROBE.format(heavy=heavy)
    return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=600)


def _modules(proc: subprocess.CompletedProcess) -> dict[str, list[str]]:
    return json.loads(proc.stderr.strip().splitlines()[-1])


def test_check_and_score_import_nothing_heavy(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(TEXT, encoding="utf-8")
    # The first run compiles the built-in rules into the cache (lemminflect may load then).
    warm = _run(tmp_path, "check", "--format", "json", str(path))
    assert warm.returncode in (0, 1), warm.stderr

    proc = _run(tmp_path, "check", "--format", "json", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    rules = {f["rule_id"] for f in json.loads(proc.stdout)[0]["findings"]}
    # The check really ran all three kinds of finding on this text.
    assert {"uncommon.rare", "acronym.undefined", "passive.be"} <= rules
    mods = _modules(proc)
    assert mods == {"after_import": [], "after_run": []}

    score = _run(tmp_path, "score", str(path))
    assert score.returncode in (0, 1), score.stderr
    assert "reading age" in score.stdout.lower()
    assert _modules(score) == {"after_import": [], "after_run": []}


def test_score_loads_no_rules(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(TEXT, encoding="utf-8")
    score = _run(tmp_path, "score", str(path), heavy=RULES)
    assert score.returncode == 0, score.stderr
    assert "reading age" in score.stdout.lower()
    assert _modules(score) == {"after_import": [], "after_run": []}
    check = _run(tmp_path, "check", str(path), heavy=RULES)  # the probe sees them load
    assert "jargonfree.core.matcher" in _modules(check)["after_run"]


def test_markdown_parser_is_loaded_only_for_a_markdown_file(tmp_path):
    path = tmp_path / "short.md"
    path.write_text("# Notes\n\n" + TEXT.replace("perambulation", "*perambulation*"),
                    encoding="utf-8")
    warm = _run(tmp_path, "check", "--format", "json", str(path))
    assert warm.returncode in (0, 1), warm.stderr
    proc = _run(tmp_path, "check", "--format", "json", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    found = json.loads(proc.stdout)[0]["findings"]
    assert {"uncommon.rare", "acronym.undefined", "passive.be"} <= {f["rule_id"] for f in found}
    assert _modules(proc) == {"after_import": [], "after_run": ["markdown_it"]}


def test_the_checker_process_imports_no_qt(tmp_path):
    """The editor's checker is a spawned interpreter: what it imports to start (its module
    and the engine) must not pull in PySide6 (50-300 ms of its first answer)."""
    code = ("import sys, jargonfree.app.worker_child, jargonfree.core.analyze; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    from jargonfree.app import worker, worker_child

    assert worker.WorkerClient.__init__.__kwdefaults__["target"] is worker_child.worker_main

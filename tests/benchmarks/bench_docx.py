"""Word documents: `check` and `fix` on a 100-page .docx and on a folder of 200 leaflets,
against the same text as .txt. Fresh processes, as a user runs them; prints a table.
Then, in this process, the editor's side of the 100 pages: showing the structure on the
editor's blocks (offscreen Qt) and saving edits back (a word, a split and a join; 200
words changed).

    python tests/benchmarks/bench_docx.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import count_words, make_text  # noqa: E402

PAGE_WORDS = 500  # a page of a leaflet or report in Word at 11 pt


def write_docx(path: Path, text: str) -> None:
    """The text as a Word document: lines starting '#' become headings, '- ' list items;
    every tenth block goes into a two-column table, as leaflets do."""
    import docx

    d = docx.Document()
    table_rows: list[str] = []
    for n, block in enumerate(b for b in text.split("\n\n") if b.strip()):
        for line in block.split("\n"):
            if line.startswith("#"):
                d.add_heading(line.lstrip("# "), level=2)
            elif line.startswith(("- ", "* ")):
                d.add_paragraph(line[2:], style="List Bullet")
            elif n % 10 == 9:
                table_rows.append(line)
            else:
                d.add_paragraph(line)
        if len(table_rows) >= 4:
            table = d.add_table(rows=2, cols=2)
            for cell, row in zip(table._cells, table_rows, strict=False):
                cell.text = row
            table_rows = []
    d.save(path)


def timed(cmd: list[str], env: dict, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-400:]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(repo))
    jf = [sys.executable, "-m", "jargonfree"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env["XDG_CACHE_HOME"] = str(tmp / "cache")
        big_text = make_text(100 * PAGE_WORDS, seed=7)
        big_docx, big_txt = tmp / "report.docx", tmp / "report.txt"
        write_docx(big_docx, big_text)
        from jargonfree.formats.docx import read_docx

        big_txt.write_text(read_docx(big_docx).text, encoding="utf-8")  # the same text
        leaflets_docx, leaflets_txt = tmp / "leaflets-docx", tmp / "leaflets-txt"
        leaflets_docx.mkdir()
        leaflets_txt.mkdir()
        for i in range(200):
            text = make_text(400, seed=100 + i)
            write_docx(leaflets_docx / f"leaflet-{i:03}.docx", text)
            (leaflets_txt / f"leaflet-{i:03}.txt").write_text(
                read_docx(leaflets_docx / f"leaflet-{i:03}.docx").text, encoding="utf-8")
        subprocess.run([*jf, "check", str(big_txt)], capture_output=True, env=env)  # cache
        words = count_words(big_txt.read_text(encoding="utf-8"))
        rows = [
            (f"check, 100 pages ({words:,} words), .txt", [*jf, "check", str(big_txt)]),
            ("check, the same as .docx", [*jf, "check", str(big_docx)]),
            ("fix --dry-run, .docx", [*jf, "fix", "--dry-run", str(big_docx)]),
            ("fix (tracked changes), .docx", [*jf, "fix", str(big_docx)]),
            ("check, folder of 200 leaflets as .txt", [*jf, "check", str(leaflets_txt)]),
            ("check, folder of 200 leaflets as .docx", [*jf, "check", str(leaflets_docx)]),
            ("score, folder of 200 leaflets as .docx", [*jf, "score", str(leaflets_docx)]),
            ("fix, folder of 200 leaflets as .docx", [*jf, "fix", str(leaflets_docx)]),
        ]
        print(f"{'job':<48} {'seconds':>8}")
        results = {}
        for name, cmd in rows:
            results[name] = timed(cmd, env, args.runs)
            print(f"{name:<48} {results[name]:>8.2f}", flush=True)
        ratio = results["check, the same as .docx"] / results[rows[0][0]]
        folder = (results["check, folder of 200 leaflets as .docx"]
                  / results["check, folder of 200 leaflets as .txt"])
        print(f"\n.docx / .txt: 100 pages {ratio:.2f}x, 200 leaflets {folder:.2f}x (target 2x)")
        editor_timings(big_docx, args.runs)


def editor_timings(path: Path, runs: int) -> None:
    """The editor's side, in process: best of `runs`."""
    import re

    from jargonfree.formats.docx import docx_bytes, read_docx
    from jargonfree.formats.docx_sync import sync_text

    def save(change) -> float:
        best = float("inf")
        for _ in range(runs):
            doc = read_docx(path)
            new_text = change(doc.text)
            start = time.perf_counter()
            sync_text(doc, new_text, track=True)
            docx_bytes(doc)
            best = min(best, time.perf_counter() - start)
        return best

    def small(text: str) -> str:
        cut = text.index(". ", len(text) // 2) + 2
        text = text[:cut] + "\n\n" + text[cut:]  # Enter in the middle
        join = text.index("\n\n", len(text) // 3)
        text = text[:join] + " " + text[join + 2:]  # a join
        word = re.search(r"\b[a-z]{6,}\b", text[len(text) // 4:])
        at = len(text) // 4 + word.start()
        return text[:at] + "plain" + text[at + len(word.group()):]

    def many(text: str) -> str:
        found = list(re.finditer(r"\b[a-z]{7,}\b", text))
        words = found[::max(1, len(found) // 200)][:200]  # spread through the document
        for m in reversed(words):
            text = text[:m.start()] + "plain" + text[m.end():]
        return text

    print(f"\n{'editor, 100 pages, in process':<48} {'seconds':>8}")
    print(f"{'save: a word, a split and a join (tracked)':<48} {save(small):>8.3f}")
    print(f"{'save: 200 words changed (tracked)':<48} {save(many):>8.3f}")
    def every(text: str) -> str:  # as 'Apply to all' on a common word
        return re.sub(r"\bthe\b", "a", text)

    print(f"{'save: every the replaced by a (tracked)':<48} {save(every):>8.3f}")
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from jargonfree.app.editor import Editor
        from jargonfree.app.wordview import WordView
    except ImportError:
        return
    app = QApplication.instance() or QApplication([])
    editor = Editor()
    doc = read_docx(path)
    editor.setPlainText(doc.text)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        WordView(editor).show(doc, doc.text)
        best = min(best, time.perf_counter() - start)
    app.processEvents()
    print(f"{'show the structure (headings, lists, cells)':<48} {best:>8.3f}")


if __name__ == "__main__":
    main()

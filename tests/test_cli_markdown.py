"""check, score and fix on Markdown files and folders, as a user runs them."""

from __future__ import annotations

import json
import os

NOTES = (
    "---\ntitle: Leverage our stakeholder synergies\n---\n"
    "# We will *leverage* our network\n\n"
    "In order to help, read [the stakeholder guide](https://example.org/leverage) and run\n"
    "`utilise --all`. We will **utilise** it prior to launch.\n\n"
    "```\ncommence = leverage(stakeholder)\n```\n\n"
    "| Term | Meaning |\n|---|---|\n| commence | to *utilise* things |\n"
)


def test_check_a_folder_with_markdown_in_text_and_json(run, tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "notes.md").write_text(NOTES, encoding="utf-8")
    (docs / "sub" / "more.markdown").write_text("See `leverage` and https://x.org/utilise.\n",
                                                 encoding="utf-8")
    (docs / "plain.txt").write_text("Run `utilise` now.\n", encoding="utf-8")
    proc = run("check", docs)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    notes = docs / "notes.md"
    assert f"{notes}:4:12: jargon: 'leverage'" in out
    assert f"{notes}:7:28: wordy: 'utilise'" in out  # **utilise**, not `utilise --all`
    assert "more.markdown" not in out  # code and an address only
    assert f"{docs / 'plain.txt'}:1:6: wordy: 'utilise'" in out  # a .txt is read as text
    proc = run("check", "--format", "json", docs)
    files = json.loads(proc.stdout)
    assert [os.path.basename(d["path"]) for d in files] == ["notes.md", "plain.txt",
                                                           "more.markdown"]
    source = NOTES
    found = files[0]["findings"]
    for f in found:
        assert f["text"] == source[f["start"]:f["end"]]
    words = sorted(f["text"] for f in found if f["category"] != "sentence")
    assert words == ["In order to", "commence", "leverage", "prior to", "stakeholder",
                     "utilise", "utilise"]


def test_fix_markdown_keeps_the_markup(run, tmp_path):
    path = tmp_path / "notes.md"
    path.write_bytes(NOTES.replace("\n", "\r\n").encode("utf-8"))
    proc = run("fix", path)
    assert proc.returncode == 0, proc.stderr
    assert "notes.md: 7 changes (5 wordy, 2 jargon)" in proc.stdout.decode()
    fixed = (tmp_path / "notes.plain.md").read_bytes().decode("utf-8")
    assert fixed == NOTES.replace("\n", "\r\n").replace(
        "*leverage*", "*use*").replace("In order to help", "To help").replace(
        "[the stakeholder guide]", "[the partner guide]").replace(
        "**utilise** it prior to", "**use** it before").replace(
        "| commence | to *utilise*", "| start | to *use*")
    assert path.read_bytes().decode("utf-8") == NOTES.replace("\n", "\r\n")  # untouched


def test_fix_dry_run_of_markdown_prints_a_diff(run, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("We will **utilise** [the stakeholder](https://x.org/utilise) list.\n",
                    encoding="utf-8")
    proc = run("fix", "--dry-run", path)
    out = proc.stdout.decode()
    assert "+We will **use** [the partner](https://x.org/utilise) list." in out
    assert not (tmp_path / "notes.plain.md").exists()


def test_score_reads_markdown_as_a_reader_sees_it(run, tmp_path):
    docs = tmp_path / "leaflets"
    docs.mkdir()
    body = "# Your visit\n\n- Bring your letter\n- Bring your tablets\n"
    (docs / "visit.md").write_text(body, encoding="utf-8")
    (docs / "visit.txt").write_text(body.replace("- ", "").replace("# ", ""), encoding="utf-8")
    proc = run("score", docs / "visit.md")
    assert proc.returncode == 0, proc.stderr
    assert "Words: 8 in 3 sentences" in proc.stdout.decode()
    proc = run("score", docs)
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith("file") and lines[-1].startswith("total")
    assert any(line.startswith(str(docs / "visit.md")) for line in lines)

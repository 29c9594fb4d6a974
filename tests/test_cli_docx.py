"""check, score and fix on Word documents and folders, as a user runs them."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile

import pytest
from docx_builder import build_leaflet, build_simple

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    (docs / "plain.txt").write_text("Come in. Sit down. We will help you.", encoding="utf-8")
    (docs / "notes.md").write_text("# Plan\n\nWe will leverage the network.\n", encoding="utf-8")
    build_leaflet(docs / "sub" / "leaflet.docx")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (docs / ".hidden" / "secret.txt").write_text("Leverage synergies.", encoding="utf-8")
    (docs / "photo.png").write_bytes(b"\x89PNG\r\n")
    return docs


def test_check_a_mixed_folder_in_text_and_json(run, folder):
    proc = run("check", folder)
    assert proc.returncode == 2  # the broken document
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert f"{folder / 'notes.md'}:3:9: jargon" in out
    leaflet = folder / "sub" / "leaflet.docx"
    assert f"{leaflet}:2:9: jargon" in out  # paragraph 2, column 9: "leverage"
    assert "secret" not in out + err and "photo" not in out + err
    assert err.count("\n") == 2, err
    assert "broken.docx: the document is damaged" in err
    assert "1 text box was not checked" in err
    proc = run("check", "--format", "json", folder)
    docs = json.loads(proc.stdout)
    assert [os.path.basename(d["path"]) for d in docs] == ["notes.md", "plain.txt",
                                                          "leaflet.docx"]
    word = docs[2]
    assert word["not_checked"].startswith("1 text box")
    texts = {f["text"] for f in word["findings"]}
    assert {"leverage", "utilise", "In order to", "analgesia", "facilitate"} <= texts


def test_score_a_folder_prints_one_line_a_file_hardest_first(run, tmp_path):
    docs = tmp_path / "leaflets"
    docs.mkdir()
    (docs / "easy.txt").write_text("We can help. Come in. Sit down. " * 5, encoding="utf-8")
    build_simple(docs / "hard.docx", [
        "Notwithstanding organisational considerations, multidisciplinary stakeholders "
        "collaboratively operationalise interdisciplinary methodologies. " * 3])
    proc = run("score", "--profile", "patient", docs)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines[0].split() == ["file", "words", "reading", "age", "SMOG", "band", "target", "met"]
    assert "hard.docx" in lines[1] and lines[1].endswith("no")
    assert "easy.txt" in lines[2] and lines[2].endswith("yes")
    assert lines[3].startswith("total") and "2 files, 1 meets the target" in lines[3]


def test_score_one_docx(run, tmp_path):
    path = build_leaflet(tmp_path / "leaflet.docx")
    proc = run("score", path)
    assert proc.returncode == 0, proc.stderr
    assert "Reading age" in proc.stdout.decode() or "reading age" in proc.stdout.decode()


def _body(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode()


def test_fix_docx_writes_tracked_changes_beside_the_input(run, tmp_path):
    src = build_leaflet(tmp_path / "leaflet.docx")
    original = src.read_bytes()
    proc = run("fix", src)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert re.search(r"leaflet\.docx: \d+ changes \(.*\d+ jargon.*\); reading age", out), out
    assert src.read_bytes() == original  # the input is never written without --in-place
    fixed = (tmp_path / "leaflet.plain.docx").read_bytes()
    body = _body(fixed)
    assert body.count('w:author="jargonfree"') >= 16
    from jargonfree.formats.docx import docx_from_bytes

    text = docx_from_bytes(fixed, "x").text  # the text with all changes accepted
    assert "We will use our links. Please use the form." in text
    assert "leverage" not in text and "utilise" not in text


def test_fix_dry_run_lists_changes_and_writes_nothing(run, tmp_path):
    src = build_leaflet(tmp_path / "leaflet.docx")
    txt = tmp_path / "bid.txt"
    txt.write_text("We will leverage it.\r\nIn order to win.\r\n", encoding="utf-8")
    (tmp_path / "home").mkdir()
    before = sorted(os.listdir(tmp_path))
    proc = run("fix", "--dry-run", src, txt)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert f"{src}:2:9: 'leverage' -> 'use'" in out
    assert "-We will leverage it." in out and "+We will use it." in out
    assert sorted(os.listdir(tmp_path)) == before


def test_fix_in_place_keeps_a_private_backup_and_direct_edits(run, tmp_path):
    src = build_leaflet(tmp_path / "leaflet.docx")
    original = src.read_bytes()
    proc = run("fix", "--in-place", "--no-track-changes", "--only", "wordy", src)
    assert proc.returncode == 0, proc.stderr
    backup = tmp_path / "leaflet.backup.docx"
    assert backup.read_bytes() == original and backup.stat().st_mode & 0o777 == 0o600
    body = _body(src.read_bytes())
    assert 'w:author="jargonfree"' not in body and 'w:author="Ann"' in body
    from jargonfree.formats.docx import read_docx

    text = read_docx(src).text
    assert "To park, ask" in text and "leverage" in text  # wordy only: jargon left


def test_fix_text_file_keeps_line_endings(run, tmp_path):
    txt = tmp_path / "bid.txt"
    txt.write_bytes(b"We will leverage it.\r\nIn order to win.\r\n")
    proc = run("fix", "--rule", "leverage", txt, "--output", tmp_path / "out.txt")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.txt").read_bytes() == b"We will use it.\r\nIn order to win.\r\n"


def test_fix_with_comments_adds_them(run, tmp_path):
    src = build_leaflet(tmp_path / "leaflet.docx")
    proc = run("fix", "--comments", src, "-o", tmp_path / "c.docx")
    assert proc.returncode == 0, proc.stderr
    import docx

    authors = [c.author for c in docx.Document(tmp_path / "c.docx").comments]
    assert "jargonfree" in authors and "Bob" in authors


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_fix_and_check_bad_docx_exit_2_and_write_nothing(run, tmp_path, content):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    for command in ("fix", "check"):
        proc = run(command, bad)
        assert proc.returncode == 2
        err = proc.stderr.decode()
        assert err.count("\n") == 1 and "not a Word document" in err, err
    assert sorted(p for p in os.listdir(tmp_path) if p != "home") == ["bad.docx"]


def test_a_folder_of_many_files_is_checked_on_all_cores_in_order(run, tmp_path):
    docs = tmp_path / "many"
    docs.mkdir()
    words = ["leverage", "utilise", "synergies", "stakeholder", "facilitate", "commence"]
    for i, word in enumerate(words):
        (docs / f"{i:02}.txt").write_text(f"Plain start.\n\nWe {word} it.\n", encoding="utf-8")
    build_simple(docs / "99.docx", ["Plain start.", "We will leverage it."])
    proc = run("check", docs)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    names = [os.path.basename(line.split(":")[0]) for line in lines]
    assert names == sorted(names) and len(set(names)) == 7
    for i, word in enumerate(words):
        assert any(line.startswith(f"{docs / f'{i:02}.txt'}:3:4: ") and f"'{word}'" in line
                   for line in lines), (word, lines)
    assert any(line.startswith(f"{docs / '99.docx'}:2:9: ") for line in lines)


def test_fix_in_place_on_text_keeps_a_private_backup(run, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Plan\n\nWe will leverage the network.\n", encoding="utf-8")
    proc = run("fix", "--in-place", notes)
    assert proc.returncode == 0, proc.stderr
    assert notes.read_text(encoding="utf-8") == "# Plan\n\nWe will use the network.\n"
    backup = tmp_path / "notes.backup.md"
    assert backup.read_text(encoding="utf-8") == "# Plan\n\nWe will leverage the network.\n"
    assert backup.stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "notes.plain.md").exists()

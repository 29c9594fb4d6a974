"""A Word document in the real editor (offscreen): open, check, apply a suggestion, type,
save back to .docx keeping everything else, Save As text, and recover after a crash."""

from __future__ import annotations

import io
import zipfile

import docx
from docx_builder import build_leaflet
from lxml import etree

from jargonfree.formats.docx import read_docx
from jargonfree.settings import Settings

from .conftest import wait_checked

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _hit(window, word: str):
    return next(h for h in window.editor.all_hits() if h.finding.text == word)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _paragraphs(data: bytes) -> list[bytes]:
    root = etree.fromstring(_members(data)["word/document.xml"])
    return [etree.tostring(p, method="c14n") for p in root.iter(f"{W}p")]


def test_open_apply_and_save_a_docx_keeps_the_rest(qtbot, make_window, tmp_path):
    path = build_leaflet(tmp_path / "leaflet.docx")
    original = path.read_bytes()
    w = make_window()
    assert w.files.open_path(path)
    wait_checked(qtbot, w)
    text = w.editor.text()
    assert text.startswith("Your stakeholder guide\n\nWe will leverage our links.")
    assert "1 text box was not checked" in w.statusBar().currentMessage()
    assert w.editor.apply_suggestion(_hit(w, "leverage"), "use")
    wait_checked(qtbot, w)
    assert w.files.save()
    saved = path.read_bytes()
    backup = tmp_path / "leaflet.backup.docx"
    assert backup.read_bytes() == original and backup.stat().st_mode & 0o777 == 0o600
    assert "leaflet.backup.docx" in w.statusBar().currentMessage()
    # one paragraph changed; every other paragraph and zip member as it was
    before, after = _paragraphs(original), _paragraphs(saved)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
    old, new = _members(original), _members(saved)
    assert {n for n in old if old[n] != new[n]} == {"word/document.xml"}
    # the change is a tracked change by default, in the replaced run's formatting
    body = new["word/document.xml"].decode()
    assert body.count('w:author="jargonfree"') == 2
    reread = read_docx(path)  # python-docx's Paragraph.text leaves out inserted runs
    assert reread.paragraphs[1].text == "We will use our links. Please utilise the form."
    ins = etree.fromstring(new["word/document.xml"]).find(f".//{W}ins")
    assert ins.find(f"{W}r/{W}rPr/{W}b") is not None  # bold, as "leverage" was
    # saving again does not make a second backup, and the tracked change stays one
    w.editor.document().setModified(True)
    assert w.files.save()
    assert not (tmp_path / "leaflet.backup-2.docx").exists()
    assert _members(path.read_bytes())["word/document.xml"].count(b'w:author="jargonfree"') == 2


def test_typing_and_enter_twice_without_tracking(qtbot, make_window, tmp_path):
    path = build_leaflet(tmp_path / "leaflet.docx")
    w = make_window(Settings(word_tracked_changes=False))
    assert w.files.open_path(path)
    wait_checked(qtbot, w)
    doc = w.editor.document()
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(doc)
    at = w.editor.text().index(" Please utilise")
    cursor.setPosition(at + 1)
    cursor.insertText("\n\n")  # Enter twice: a new paragraph, in this one's style
    assert w.files.save()
    paras = [p.text for p in docx.Document(path).paragraphs]
    assert "We will leverage our links. " in paras and "Please utilise the form." in paras
    assert b'w:author="jargonfree"' not in _members(path.read_bytes())["word/document.xml"]


def test_save_as_text_from_a_docx(qtbot, make_window, tmp_path):
    path = build_leaflet(tmp_path / "leaflet.docx")
    w = make_window()
    assert w.files.open_path(path)
    out = tmp_path / "leaflet.txt"
    assert w.files.save_as(out)
    assert out.read_text(encoding="utf-8") == w.editor.text()
    assert w.files.word is None  # the text file is the document now
    assert zipfile.is_zipfile(path)  # the .docx is untouched


def test_a_broken_docx_is_one_line_and_keeps_the_text(qtbot, make_window, tmp_path):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    w = make_window()
    w.editor.setPlainText("Keep me")
    assert not w.files.open_path(bad)
    [(title, message)] = w.prompts.told
    assert ".doc files (old Word format) are not supported: save it as .docx" in message
    assert w.editor.text() == "Keep me"


def test_recovery_of_a_docx_saves_back_into_it(qtbot, make_window, paths, tmp_path):
    path = build_leaflet(tmp_path / "leaflet.docx")
    w = make_window()
    assert w.files.open_path(path)
    w.editor.insertPlainText("Extra words. ")  # at the start
    w.files.autosave()
    w.files.flush()
    w.files.close(keep_autosave=True)  # as if it crashed
    w2 = make_window()
    w2.prompts.answer = w2.prompts.answer.Yes
    assert w2.files.offer_recovery()
    assert w2.files.word is not None and w2.editor.text().startswith("Extra words. Your")
    assert w2.files.save()
    assert read_docx(path).paragraphs[0].text == "Extra words. Your stakeholder guide"

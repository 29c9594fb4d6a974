"""Word documents: real .docx files written by python-docx, read, edited and saved."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx_builder import build_leaflet, build_simple
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from jargonfree.core.rewrite import Edit
from jargonfree.formats import ReadError
from jargonfree.formats.docx import docx_bytes, docx_from_bytes, read_docx, write_private_backup
from jargonfree.formats.docx_edit import AUTHOR, add_comments, apply_edits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def leaflet(tmp_path) -> Path:
    return build_leaflet(tmp_path / "leaflet.docx")


def _texts(doc):
    return [(p.where, p.kind, p.text) for p in doc.paragraphs if p.text.strip()]


def test_reads_what_a_reader_sees_in_every_part(leaflet):
    doc = read_docx(leaflet)
    got = _texts(doc)
    assert got[0] == ("body", "heading", "Your stakeholder guide")
    assert ("body", "paragraph", "We will leverage our links. Please utilise the form.") in got
    assert ("body", "paragraph", "See the facilitation page for help.") in got  # hyperlink
    assert ("body", "list", "Treatment will commence soon") in got
    assert ("table", "paragraph", "In order to park, ask at the desk.") in got  # nested table
    assert ("body", "paragraph", "Keep improving the clinic.") in got  # Ann's deletion hidden
    assert ("header", "paragraph", "Clinic stakeholder leaflet") in got
    assert ("footer", "paragraph", "Page 1") in got  # field result, not its code
    assert ("footnote", "paragraph", " Ask your GP to facilitate access.") in got
    assert ("endnote", "paragraph", " Data will be utilised safely.") in got
    assert ("comment", "paragraph", "Check with the team") in got
    assert "optimise" not in doc.text and "Synergies" not in doc.text
    assert doc.warning == "1 text box was not checked (jargonfree reads only text)"
    markers = [p.list_marker for p in doc.paragraphs if p.kind == "list"]
    assert markers == ["1.", "2.", "•"]
    styles = {p.text: p.style for p in doc.paragraphs}
    assert styles["What happens next"] == "Heading 2"
    assert styles["Ask about analgesia"] == "List Bullet"
    for i, p in enumerate(doc.paragraphs):  # offsets map back to paragraphs
        assert doc.text[p.start : p.start + len(p.text)] == p.text
        assert doc.locate(p.start) == (i, 0) or not p.text


def test_headings_and_list_items_are_their_own_sentences(tmp_path):
    from jargonfree import analyze

    path = build_simple(tmp_path / "s.docx", ["Before you come", "Bring your letter",
                                              "Eat as usual"])
    assert analyze(read_docx(path).text).readability.sentences == 3


def _paragraph_c14n(data: bytes, member: str) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read(member))
    return [etree.tostring(p, method="c14n") for p in root.iter(f"{W}p")]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _edit_for(doc, word: str, new: str) -> Edit:
    start = doc.text.index(word)
    return Edit(start, start + len(word), word, new)


def _accept_or_reject(data: bytes, member: str, accept: bool) -> list[str]:
    """Each paragraph's text after accepting or rejecting jargonfree's revisions, done on
    the XML here (independently of the reader)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read(member))
    for tag in ("ins", "del"):
        for el in list(root.iter(f"{W}{tag}")):
            if el.get(f"{W}author") != AUTHOR:
                continue
            keep = (tag == "ins") == accept
            parent = el.getparent()
            if keep:
                for t in el.iter(f"{W}delText"):
                    t.tag = f"{W}t"
                index = parent.index(el)
                for child in list(el):
                    parent.insert(index, child)
                    index += 1
            parent.remove(el)
    out = []
    for p in root.iter(f"{W}p"):
        out.append("".join(t.text or "" for t in p.iter(f"{W}t")
                           if not any(a.tag == f"{W}del" for a in t.iterancestors())))
    return out


def test_tracked_changes_accept_to_the_fix_and_reject_to_the_original(leaflet):
    doc = read_docx(leaflet)
    original = leaflet.read_bytes()
    edits = [_edit_for(doc, "leverage", "use"), _edit_for(doc, "utilise", "use"),
             _edit_for(doc, "In order to", "To"), _edit_for(doc, "commence", "start")]
    changes = apply_edits(doc, edits)
    assert all(c.made for c in changes), changes
    data = docx_bytes(doc)
    accepted = _accept_or_reject(data, "word/document.xml", accept=True)
    rejected = _accept_or_reject(data, "word/document.xml", accept=False)
    assert "We will use our links. Please use the form." in accepted
    assert "To park, ask at the desk." in accepted
    assert "Treatment will start soon" in accepted
    assert rejected == _accept_or_reject(original, "word/document.xml", accept=True)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    root = etree.fromstring(xml)
    ours = [el for el in root.iter(f"{W}ins", f"{W}del") if el.get(f"{W}author") == AUTHOR]
    assert len(ours) == 8
    ids = [el.get(f"{W}id") for el in root.iter() if el.get(f"{W}id") is not None
           and el.tag in (f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))  # unique, and clear of Ann's 901/902
    assert all(el.get(f"{W}date", "").endswith("Z") for el in ours)
    # the inserted "use" keeps the bold, red Arial of the "leverage" run it replaces
    ins = next(el for el in ours if el.tag == f"{W}ins"
               and "".join(el.itertext()) == "use" and el.find(f".//{W}b") is not None)
    rpr = ins.find(f"{W}r/{W}rPr")
    assert rpr.find(f"{W}color").get(f"{W}val") == "C00000"
    assert rpr.find(f"{W}rFonts").get(f"{W}ascii") == "Arial"
    italic_ins = next(el for el in ours if el.tag == f"{W}ins" and el.find(f".//{W}i") is not None)
    assert "".join(italic_ins.itertext()) == "use"


def test_untouched_paragraphs_and_parts_are_kept_exactly(leaflet):
    doc = read_docx(leaflet)
    original = leaflet.read_bytes()
    apply_edits(doc, [_edit_for(doc, "commence", "start")])
    data = docx_bytes(doc)
    before, after = _paragraph_c14n(original, "word/document.xml"), \
        _paragraph_c14n(data, "word/document.xml")
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and b"commence" in before[changed[0]]
    old_members, new_members = _members(original), _members(data)
    assert old_members.keys() == new_members.keys()
    differing = {n for n in old_members if old_members[n] != new_members[n]}
    assert differing == {"word/document.xml"}
    reopened = docx_from_bytes(data, "out.docx")  # python-docx opens it again
    assert "Treatment will start soon" in reopened.text
    import docx

    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 1  # the image survives


def test_edits_in_headers_and_footnotes_are_saved_in_their_parts(leaflet):
    doc = read_docx(leaflet)
    header_start = next(p.start for p in doc.paragraphs if p.where == "header")
    note_start = next(p.start for p in doc.paragraphs if p.where == "footnote")
    edits = [Edit(header_start + 7, header_start + 18, "stakeholder", "partner"),
             Edit(note_start + 16, note_start + 26, "facilitate", "help")]
    assert all(c.made for c in apply_edits(doc, edits, track=False))
    data = docx_bytes(doc)
    text = docx_from_bytes(data, "x").text
    assert "Clinic partner leaflet" in text and "Ask your GP to help access." in text
    old, new = _members(leaflet.read_bytes()), _members(data)
    assert {n for n in old if old[n] != new[n]} == {"word/header1.xml", "word/footnotes.xml"}


def test_direct_edit_keeps_formatting_and_leaves_no_revision(leaflet):
    doc = read_docx(leaflet)
    apply_edits(doc, [_edit_for(doc, "leverage", "use")], track=False)
    import docx

    reopened = docx.Document(io.BytesIO(docx_bytes(doc)))
    para = reopened.paragraphs[1]
    assert para.text == "We will use our links. Please utilise the form."
    run = next(r for r in para.runs if r.text == "use")
    assert run.bold and run.font.name == "Arial" and str(run.font.color.rgb) == "C00000"
    assert b"w:ins " not in docx_bytes(doc).split(b"document.xml")[0]


def test_edit_inside_a_word_splits_the_run_and_keeps_both_sides(tmp_path):
    path = build_simple(tmp_path / "s.docx", ["Staff should utilise the new form today."])
    doc = read_docx(path)
    changes = apply_edits(doc, [_edit_for(doc, "utilise", "use")])
    assert changes[0].made
    reread = docx_from_bytes(docx_bytes(doc), "s")
    assert reread.text == "Staff should use the new form today."


def test_a_span_crossing_a_link_edge_is_changed_on_both_sides(leaflet):
    original = leaflet.read_bytes()
    doc = read_docx(leaflet)
    start = doc.text.index("facilitation page for")
    change = apply_edits(doc, [Edit(start, start + 21, "facilitation page for", "x")])[0]
    assert change.made, change.reason
    data = docx_bytes(doc)
    assert "See the x help." in _accept_or_reject(data, "word/document.xml", accept=True)
    assert _accept_or_reject(data, "word/document.xml", accept=False) == \
        _accept_or_reject(original, "word/document.xml", accept=True)
    link = etree.fromstring(_members(data)["word/document.xml"]).find(f".//{W}hyperlink")
    assert "".join(t.text for t in link.iter(f"{W}t")) == "the x"  # the new words keep the link


def test_a_field_result_is_not_changed_and_says_why(leaflet):
    doc = read_docx(leaflet)
    start = doc.text.index("Page 1") + 5
    change = apply_edits(doc, [Edit(start, start + 1, "1", "2")])[0]
    assert not change.made and "field" in change.reason


def test_comments_are_anchored_on_the_flagged_words(leaflet):
    from types import SimpleNamespace

    doc = read_docx(leaflet)
    start = doc.text.index("Bring your letter")
    note = SimpleNamespace(start=start + 6, end=start + 17, message="Say which letter.")
    assert add_comments(doc, [note]) == 1
    data = docx_bytes(doc)
    import docx

    reopened = docx.Document(io.BytesIO(data))
    texts = [(c.author, c.text) for c in reopened.comments]
    assert (AUTHOR, "Say which letter.") in texts and ("Bob", "Check with the team") in texts
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml").decode()
    assert body.count("commentRangeStart") == 2


def test_backup_is_private(tmp_path, leaflet):
    backup = write_private_backup(leaflet)
    assert backup.name == "leaflet.backup.docx"
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup.read_bytes() == leaflet.read_bytes()
    assert write_private_backup(leaflet).name == "leaflet.backup-2.docx"  # never overwritten


def _ole(extra: bytes) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + extra


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("notes.docx", b"Just some text, not Word.", "not a Word document"),
    ("old.doc", _ole("WordDocument".encode("utf-16-le")), ".doc files (old Word format) are not"),
    ("locked.docx", _ole("EncryptionInfo".encode("utf-16-le")), "protected by a password"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "damaged"),
    ("empty.docx", b"", "not a Word document"),
])
def test_bad_documents_get_one_line(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read_docx(path)
    message = str(info.value)
    assert expected in message and "\n" not in message and name in message


def test_truncated_docx_and_odt_get_one_line(tmp_path, leaflet):
    cut = tmp_path / "cut.docx"
    cut.write_bytes(leaflet.read_bytes()[: leaflet.stat().st_size // 2])
    with pytest.raises(ReadError, match="damaged"):
        read_docx(cut)
    damaged = tmp_path / "damaged.docx"  # a part's compressed bytes overwritten
    data = bytearray(leaflet.read_bytes())
    with zipfile.ZipFile(leaflet) as zf:
        info = zf.getinfo("word/document.xml")
    at = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[at : at + 40] = b"\x00" * 40
    damaged.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="damaged"):
        read_docx(damaged)
    odt = tmp_path / "letter.odt"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ReadError, match=r"\.odt\) are not supported"):
        read_docx(odt)


def test_a_document_with_no_text_reads_as_empty(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(path)
    assert read_docx(path).text.strip() == ""


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install --no-install-recommends libreoffice-writer-nogui")
def test_libreoffice_opens_our_file_and_sees_each_revision(tmp_path, leaflet):
    doc = read_docx(leaflet)
    edits = [_edit_for(doc, "leverage", "use"), _edit_for(doc, "utilise", "use"),
             _edit_for(doc, "commence", "start")]
    assert all(c.made for c in apply_edits(doc, edits))
    out = tmp_path / "fixed.docx"
    out.write_bytes(docx_bytes(doc))
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
         "odt", "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=240)
    odt = tmp_path / "fixed.odt"
    assert odt.exists(), proc.stderr.decode(errors="replace")
    with zipfile.ZipFile(odt) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    regions = content.findall(".//text:changed-region", ns)
    by_us = [r for r in regions if r.findtext(".//dc:creator", namespaces=ns) == AUTHOR]
    kinds = sorted(el.tag.split("}")[1] for r in by_us
                   for el in r.find("text:*", ns).iter() if el.tag.split("}")[1]
                   in ("insertion", "deletion"))
    assert kinds == ["deletion"] * 3 + ["insertion"] * 3
    by_ann = [r for r in regions if r.findtext(".//dc:creator", namespaces=ns) == "Ann"]
    assert len(by_ann) == 2  # someone else's revisions are kept


# --- saving the editor's text back (docx_sync) -------------------------------------------

def _sync(path, change, track=False):
    from jargonfree.formats.docx_sync import sync_text

    doc = read_docx(path)
    new_text = change(doc.text)
    report = sync_text(doc, new_text, track=track)
    data = docx_bytes(doc)
    return doc, report, data, new_text


def test_sync_a_word_keeps_every_other_paragraph_and_member(leaflet):
    original = leaflet.read_bytes()
    _doc, report, data, new_text = _sync(
        leaflet, lambda t: t.replace("We will leverage our", "We will use our"), track=True)
    assert report.changed == 1 and not report.rewritten
    assert docx_from_bytes(data, "x").text == new_text
    before, after = _paragraph_c14n(original, "word/document.xml"), \
        _paragraph_c14n(data, "word/document.xml")
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1
    old, new = _members(original), _members(data)
    assert {n for n in old if old[n] != new[n]} == {"word/document.xml"}
    assert _accept_or_reject(data, "word/document.xml", accept=False) == \
        _accept_or_reject(original, "word/document.xml", accept=True)


def test_sync_enter_twice_splits_and_deleting_the_break_merges(leaflet):
    import docx

    _doc, report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "Please utilise the form.", "\n\nPlease use the form.").replace(
        "Bring your letter\n\nAsk about", "Bring your letter. Ask about"))
    assert report.added == 1 and report.removed == 1
    assert docx_from_bytes(data, "x").text == new_text
    paras = docx.Document(io.BytesIO(data)).paragraphs
    split = next(p for p in paras if p.text == "Please use the form.")
    assert split.style.name == "Normal"
    merged = next(p for p in paras if p.text.startswith("Bring your letter."))
    assert merged.text == "Bring your letter. Ask about analgesia"
    assert merged.style.name == "List Number"


def test_sync_a_table_cell_keeps_the_table_shape(leaflet):
    import docx

    _doc, _report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "\n\nEat as usual.", ""))
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert len(table.rows) == 2 and len(table.columns) == 2
    assert table.cell(0, 1).text == ""
    assert docx_from_bytes(data, "x").text.replace("\n", "") == new_text.replace("\n", "")


def test_sync_through_a_field_rewrites_the_paragraph_and_says_so(leaflet):
    _doc, report, data, new_text = _sync(leaflet, lambda t: t.replace("Page 1", "Sheet 2"))
    assert report.rewritten == 1 and "1 paragraph" in report.line()
    assert "Sheet 2" in docx_from_bytes(data, "x").text


@pytest.mark.parametrize("case, expected", [
    ("pipe", "this is not an ordinary file"),
    ("under_a_file", "part of the path is a file"),
    ("unreadable", "you do not have permission to read this file"),
])
def test_a_docx_that_cannot_be_read_gets_the_same_line_as_a_text_file(
        tmp_path, unreadable, case, expected):
    """.docx and text files share one reader of bytes, so one set of reasons: a named pipe
    is refused at once (reading it would wait for a writer for ever)."""
    import os

    from jargonfree.formats import read_text

    path = tmp_path / "leaflet.docx"
    if case == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(path)
    elif case == "under_a_file":
        (tmp_path / "file.txt").write_text("x", encoding="utf-8")
        path = tmp_path / "file.txt" / "leaflet.docx"
    else:
        build_simple(path, ["We utilise it."])
        unreadable(path)
    messages = []
    for reader in (read_docx, read_text):
        with pytest.raises(ReadError) as info:
            reader(path)
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert expected in messages[0] and str(path) in messages[0]


# --- structure: splits, joins, pastes, someone else's revisions -------------------------

def _resolve(data: bytes, accept: bool) -> list[tuple[str | None, str]]:
    """(style id, text) of each body paragraph once jargonfree's revisions are accepted
    or rejected, paragraph marks and property changes included, done on the XML here.
    Other authors' revisions are left alone (their deleted text is not read)."""
    root = etree.fromstring(_members(data)["word/document.xml"])
    ours = lambda el: el.get(f"{W}author") == AUTHOR  # noqa: E731
    for tag in ("ins", "del"):
        for el in [e for e in root.iter(f"{W}{tag}") if ours(e)]:
            parent = el.getparent()
            if parent.tag == f"{W}rPr":  # a paragraph mark
                p = parent.getparent().getparent()
                parent.remove(el)
                if (tag == "del") == accept:  # the mark goes: join p and the next one
                    nxt = p.getnext()
                    if accept:
                        for child in [c for c in nxt if c.tag != f"{W}pPr"]:
                            p.append(child)
                        nxt.getparent().remove(nxt)
                    else:
                        ppr = nxt.find(f"{W}pPr")
                        at = 1 if ppr is not None else 0
                        for child in [c for c in p if c.tag != f"{W}pPr"]:
                            nxt.insert(at, child)
                            at += 1
                        p.getparent().remove(p)
                continue
            if (tag == "ins") == accept:
                for t in el.iter(f"{W}delText"):
                    t.tag = f"{W}t"
                index = parent.index(el)
                for child in list(el):
                    parent.insert(index, child)
                    index += 1
            parent.remove(el)
    for change in [c for c in root.iter(f"{W}pPrChange") if ours(c)]:
        ppr = change.getparent()
        if not accept:
            for child in [c for c in ppr if c.tag not in (f"{W}rPr", f"{W}sectPr")]:
                if child is not change:
                    ppr.remove(child)
            for i, child in enumerate(list(change.find(f"{W}pPr"))):
                ppr.insert(i, child)
        ppr.remove(change)
    out = []
    for p in root.find(f"{W}body").iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{W}t")
                       if not any(a.tag == f"{W}del" for a in t.iterancestors()))
        out.append((style.get(f"{W}val") if style is not None else None, text))
    return out


def _structural_change(text: str) -> str:
    return (text
            .replace("our links. Please", "our links.\n\nPlease")  # Enter: a split
            .replace("Bring your letter\n\nAsk about", "Bring your letter. Ask about")  # a join
            .replace("plain and short.", "plain\n\nOne pasted.\n\nTwo pasted and short."))


@pytest.mark.parametrize("track", [True, False])
def test_split_join_and_paste_keep_styles_and_runs(leaflet, track):
    import docx

    original = leaflet.read_bytes()
    _doc, report, data, new_text = _sync(leaflet, _structural_change, track=track)
    assert (report.added, report.removed, report.rewritten) == (3, 1, 0)
    if not track:
        assert docx_from_bytes(data, "x").text == new_text
        assert b'w:author="jargonfree"' not in _members(data)["word/document.xml"]
    resolved = _resolve(data, accept=True) if track else _resolve(data, accept=True)
    by_text = dict((text, style) for style, text in resolved)
    assert by_text["We will leverage our links."] is None  # Normal, as before
    assert by_text["Please utilise the form."] is None
    assert by_text["Bring your letter. Ask about analgesia"] == "ListNumber"  # the first's
    assert by_text["One pasted."] is None and by_text["Two pasted and short."] is None
    # the runs moved with their formatting: bold 'leverage' stays bold, italic stays italic
    paras = {p.text: p for p in docx.Document(io.BytesIO(data)).paragraphs}
    if not track:
        first = paras["We will leverage our links."]
        assert [r.text for r in first.runs if r.bold] == ["leverage"]
        second = paras["Please utilise the form."]
        assert [r.text for r in second.runs if r.italic] == ["Please utilise"]
        assert paras["Bring your letter. Ask about analgesia"].style.name == "List Number"
    # untouched paragraphs' XML and every other zip member are as they were
    before = _paragraph_c14n(original, "word/document.xml")
    after = _paragraph_c14n(data, "word/document.xml")
    assert before[0] in after and before[-1] in after
    untouched = [b for b in before if b in after]
    assert len(untouched) >= len(before) - 6
    old, new = _members(original), _members(data)
    assert {n for n in old if old[n] != new[n]} == {"word/document.xml"}
    if track:  # rejecting every revision gives back the original, styles included
        assert _resolve(data, accept=False) == _resolve(original, accept=False)


def test_a_split_heading_stays_a_heading_and_a_list_item_a_list_item(leaflet):
    import docx

    _doc, _report, data, _new = _sync(leaflet, lambda t: t.replace(
        "stakeholder guide", "stakeholder\n\nguide").replace(
        "Treatment will commence", "Treatment\n\nwill commence"))
    paras = {p.text: p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs}
    assert paras["Your stakeholder"] == paras["guide"] == "Heading 1"
    assert paras["Treatment"] == paras["will commence soon"] == "List Number"
    assert [p.list_marker for p in docx_from_bytes(data, "x").paragraphs
            if p.kind == "list"] == ["1.", "2.", "3.", "•"]


@pytest.mark.parametrize("track", [True, False])
def test_editing_beside_and_inside_someone_elses_revision_keeps_it(leaflet, track):
    """'Keep improving the clinic.': Ann deleted 'optimise' and inserted 'improving'."""
    original = leaflet.read_bytes()
    old_root = etree.fromstring(_members(original)["word/document.xml"])
    anns = {el.get(f"{W}id"): etree.tostring(el, method="c14n")
            for el in old_root.iter(f"{W}ins", f"{W}del") if el.get(f"{W}author") == "Ann"}
    _doc, report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "Keep improving the clinic.", "Keep bettering the surgery."), track=track)
    assert report.rewritten == 0 and report.changed == 1
    assert docx_from_bytes(data, "x").text == new_text  # as read: revisions accepted
    root = etree.fromstring(_members(data)["word/document.xml"])
    ann_del = root.find(f".//{W}del[@{W}id='901']")
    assert etree.tostring(ann_del, method="c14n") == anns["901"]  # her deletion untouched
    ann_ins = root.find(f".//{W}ins[@{W}id='902']")
    assert ann_ins is not None and ann_ins.get(f"{W}author") == "Ann"
    if track:
        # our deletion of her word sits inside her insertion; our word beside it
        inner = ann_ins.find(f"{W}del")
        assert inner.get(f"{W}author") == AUTHOR
        assert "".join(inner.itertext()) == "improving"
        assert AUTHOR not in {el.get(f"{W}author") for el in ann_ins.iter(f"{W}ins")}
        rejected = _accept_or_reject(data, "word/document.xml", accept=False)
        assert rejected == _accept_or_reject(original, "word/document.xml", accept=True)
    else:
        assert "".join(ann_ins.itertext()) == "bettering"


def test_a_split_inside_a_word_and_a_join_without_a_space_change_no_words(leaflet):
    """Enter in the middle of a word, Backspace at a paragraph's start: only paragraph
    marks change (tracked), never the words around them."""
    _doc, report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "stakeholder guide", "stakeholder gu\n\nide").replace(
        "Bring your letter\n\nAsk about", "Bring your letterAsk about"), track=True)
    assert (report.added, report.removed) == (1, 1)
    root = etree.fromstring(_members(data)["word/document.xml"])
    ours = [el for el in root.iter(f"{W}ins", f"{W}del") if el.get(f"{W}author") == AUTHOR]
    assert len(ours) == 2 and all(el.getparent().tag == f"{W}rPr" for el in ours)
    texts = [text for _style, text in _resolve(data, accept=True)]
    assert "Your stakeholder gu" in texts and "ide" in texts
    assert "Bring your letterAsk about analgesia" in texts
    assert _resolve(data, accept=False) == _resolve(leaflet.read_bytes(), accept=False)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_sees_a_tracked_split_and_join_and_keeps_anns(tmp_path, leaflet):
    _doc, _report, data, _new = _sync(leaflet, lambda t: t.replace(
        "our links. Please", "our links. \n\nPlease").replace(
        "Bring your letter\n\nAsk about", "Bring your letterAsk about"), track=True)
    out = tmp_path / "structure.docx"
    out.write_bytes(data)
    proc = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=240)
    odt = tmp_path / "structure.odt"
    assert odt.exists(), proc.stderr.decode(errors="replace")
    with zipfile.ZipFile(odt) as zf:
        content = etree.fromstring(zf.read("content.xml"))
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
          "dc": "http://purl.org/dc/elements/1.1/"}
    kinds: dict[str, list[str]] = {}
    for region in content.findall(".//text:changed-region", ns):
        who = region.findtext(".//dc:creator", namespaces=ns)
        kinds.setdefault(who, []).append(region.find("text:*", ns).tag.split("}")[1])
    ours = kinds[AUTHOR]
    assert ours.count("insertion") == 1 and ours.count("deletion") == 1  # a mark each
    assert sorted(kinds["Ann"]) == ["deletion", "insertion"]


def test_a_tracked_join_reads_as_one_paragraph_and_saves_again_cleanly(leaflet):
    """After a tracked join is saved, the file reads as the editor shows it (the
    deleted mark accepted), so saving again neither joins twice nor loses the revision."""
    from jargonfree.formats.docx_sync import sync_text

    original = leaflet.read_bytes()
    _doc, _report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "Bring your letter\n\nAsk about", "Bring your letter. Ask about"), track=True)
    again = docx_from_bytes(data, "x")
    assert again.text == new_text
    joined = next(p for p in again.paragraphs if p.text.startswith("Bring your letter."))
    assert len(joined.elements) == 2 and joined.kind == "list"
    later = new_text.replace("Ask about analgesia", "Ask about pain relief").replace(
        "letter. Ask", "letter.\n\nAsk")  # edit across the joined paragraph, split it again
    report = sync_text(again, later, track=True)
    assert report.rewritten == 0
    data2 = docx_bytes(again)
    assert docx_from_bytes(data2, "x").text == later
    root = etree.fromstring(_members(data2)["word/document.xml"])
    marks = [el for el in root.iter(f"{W}del") if el.getparent().tag == f"{W}rPr"]
    assert len(marks) == 1  # the one deleted mark, not a second
    assert _resolve(data2, accept=False) == _resolve(original, accept=False)
    texts = [t for _s, t in _resolve(data2, accept=True)]
    assert "Bring your letter." in texts and "Ask about pain relief" in texts


@pytest.mark.parametrize("track", [True, False])
def test_enter_at_the_end_of_a_heading_gives_a_normal_paragraph(leaflet, track):
    """As in Word: the heading style's 'next' style (Normal) for what follows; Enter in
    the middle of a heading keeps the heading style for both halves."""
    original = leaflet.read_bytes()
    _doc, report, data, new_text = _sync(leaflet, lambda t: t.replace(
        "What happens next", "What happens next\n\nSoon you will hear from us."),
        track=track)
    assert report.added == 1 and report.rewritten == 0
    assert docx_from_bytes(data, "x").text == new_text
    resolved = _resolve(data, accept=True)
    assert ("Heading2", "What happens next") in resolved
    assert ("Normal", "Soon you will hear from us.") in resolved
    if track:
        assert _resolve(data, accept=False) == _resolve(original, accept=False)
    added = docx_from_bytes(data, "x").paragraphs
    assert next(p for p in added if p.text.startswith("Soon")).kind == "paragraph"


_EDIT = st.tuples(st.sampled_from(["type", "delete", "enter", "join"]),
                  st.floats(min_value=0, max_value=1), st.sampled_from(["plain", "x y", ""]))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_EDIT, min_size=1, max_size=5), st.booleans())
def test_any_edits_save_back_exactly_and_reject_to_the_original(leaflet, edits, track):
    """Random typing, deleting, Enter and joins: the saved file reads back as the text
    (unless a join across table cells had to be kept), and rejecting every tracked
    change gives back the original."""
    from jargonfree.formats.docx_sync import sync_text

    original = leaflet.read_bytes()
    doc = docx_from_bytes(original, "x")
    text = doc.text
    for kind, where, word in edits:
        at = int(where * len(text))
        if kind == "type":
            text = text[:at] + word + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 3:]
        elif kind == "enter":
            text = text[:at] + "\n\n" + text[at:]
        else:
            join = text.find("\n\n", at)
            text = text if join < 0 else text[:join] + text[join + 2:]
    report = sync_text(doc, text, track=track)
    data = docx_bytes(doc)
    if not report.kept and not report.rewritten:
        assert docx_from_bytes(data, "x").text == text
    if track and not report.rewritten:
        assert _resolve(data, accept=False) == _resolve(original, accept=False)

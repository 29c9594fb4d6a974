"""Real .docx files for the tests, written with python-docx: formatted runs, a hyperlink,
headings, numbered and bulleted lists, a nested table, header and footer, a comment, an
image, a footnote and an endnote (written into their own XML parts, which python-docx has
no API for), a text box, a field and someone else's tracked changes."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V_NS = "urn:schemas-microsoft-com:vml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def tiny_png() -> bytes:
    """A valid 2x2 red PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _xml(fragment: str):
    from docx.oxml.parser import parse_xml

    return parse_xml(fragment)


def _notes_part(package, kind: str, text: str):
    """A footnotes or endnotes part with the two separators and one note (id 1)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    tag = kind[:-1]  # footnote / endnote
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{kind} xmlns:w="{W_NS}">'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f'</w:r></w:p></w:{tag}>'
        f'<w:{tag} w:id="1"><w:p><w:pPr><w:pStyle w:val="{tag.capitalize()}Text"/></w:pPr>'
        f'<w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        f'</w:{tag}></w:{kind}>'
    ).encode()
    return Part(PackURI(f"/word/{kind}.xml"), CT + f"{kind}+xml", blob, package)


def build_leaflet(path: Path, *, tracked: bool = True, textbox: bool = True) -> Path:
    """The full sample leaflet; returns its path."""
    import docx
    from docx.shared import Inches, RGBColor

    d = docx.Document()
    d.add_heading("Your stakeholder guide", level=1)
    p = d.add_paragraph("We will ")
    r = p.add_run("leverage")
    r.bold = True
    r.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    r.font.name = "Arial"
    p.add_run(" our links. ")
    it = p.add_run("Please utilise")
    it.italic = True
    p.add_run(" the form.")
    link = d.add_paragraph("See ")
    rid = d.part.relate_to("https://example.org/help", RT + "hyperlink", is_external=True)
    link._p.append(_xml(
        f'<w:hyperlink xmlns:w="{W_NS}" xmlns:r="{R_NS}" r:id="{rid}">'
        f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:u w:val="single"/></w:rPr>'
        f'<w:t xml:space="preserve">the facilitation page</w:t></w:r></w:hyperlink>'))
    link.add_run(" for help.")
    d.add_heading("What happens next", level=2)
    d.add_paragraph("Treatment will commence soon", style="List Number")
    d.add_paragraph("Bring your letter", style="List Number")
    d.add_paragraph("Ask about analgesia", style="List Bullet")
    plain = d.add_paragraph("This sentence is plain and short.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Prior to your visit"
    table.cell(0, 1).text = "Eat as usual."
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "In order to park, ask at the desk."
    d.add_picture(io.BytesIO(tiny_png()), width=Inches(0.5))
    note = d.add_paragraph("Your results are on the portal.")
    note.add_run()._r.append(_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="1"/>'))
    note.add_run()._r.append(_xml(f'<w:endnoteReference xmlns:w="{W_NS}" w:id="1"/>'))
    if tracked:
        tp = d.add_paragraph("Keep ")
        tp._p.append(_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="901" w:author="Ann" w:date="2026-01-02T10:00:00Z">'
            f'<w:r><w:delText>optimise</w:delText></w:r></w:del>'))
        tp._p.append(_xml(
            f'<w:ins xmlns:w="{W_NS}" w:id="902" w:author="Ann" w:date="2026-01-02T10:00:00Z">'
            f'<w:r><w:t>improving</w:t></w:r></w:ins>'))
        tp.add_run(" the clinic.")
    d.add_paragraph("Your letter was sent yesterday.")  # passive with no doer: no suggestion
    if textbox:
        box = d.add_paragraph()
        box._p.append(_xml(
            f'<w:r xmlns:w="{W_NS}" xmlns:v="{V_NS}"><w:pict><v:shape style="width:100pt">'
            f'<v:textbox><w:txbxContent><w:p><w:r><w:t>Synergies</w:t></w:r></w:p>'
            f'</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    d.add_comment(plain.runs, text="Check with the team", author="Bob", initials="B")
    section = d.sections[0]
    section.header.paragraphs[0].text = "Clinic stakeholder leaflet"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    footer._p.append(_xml(
        f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    for kind, text in (("footnotes", "Ask your GP to facilitate access."),
                       ("endnotes", "Data will be utilised safely.")):
        d.part.relate_to(_notes_part(d.part.package, kind, text), RT + kind)
    d.save(path)
    return path


def build_simple(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(path)
    return path

"""Word documents (.docx): the text a reader sees, paragraph by paragraph, mapped back to
the XML it came from, and a save that keeps everything that was not edited byte for byte.

The text checked is every paragraph of the body (headings, list items, table cells,
nested tables, content controls), then the headers and footers, footnotes, endnotes and
comments, joined by blank lines so that each paragraph (a heading, a list item) ends its
own sentences. A paragraph's text is what a reader sees with tracked changes accepted:
inserted text is in, deleted text is out; hyperlinks, smart tags and field results are in,
field codes are out. Text boxes, SmartArt, charts, embedded objects and equations cannot
be checked; they are counted and named in one line, never skipped silently.

python-docx (imported only here) opens the package; footnotes and endnotes have no API
in it, so their parts are parsed from their XML.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from jargonfree.formats.textfile import (
    MAX_BYTES,
    ReadError,
    WriteError,
    read_file_bytes,
    shown,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V = "urn:schemas-microsoft-com:vml"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


SEPARATOR = "\n\n"  # between paragraphs in the checked text: each one ends its sentences
# Containers whose runs a reader sees, walked through inside a paragraph.
_INLINE_CONTAINERS = {w(t) for t in ("hyperlink", "smartTag", "ins", "moveTo", "customXml",
                                     "dir", "bdo", "fldSimple")}
_HIDDEN = {w("del"), w("moveFrom")}  # tracked deletions: a reader with changes accepted
_BLOCK_CONTAINERS = {w(t) for t in ("sdtContent", "customXml", "ins", "moveTo")}
_PARTS = (  # (relationship type, label), in the order they are read after the body
    ("header", "header"), ("footer", "footer"), ("footnotes", "footnote"),
    ("endnotes", "endnote"), ("comments", "comment"),
)
_UNREACHABLE_NAMES = {
    "text box": ("text box", "text boxes"),
    "smartart": ("SmartArt graphic", "SmartArt graphics"),
    "chart": ("chart", "charts"),
    "object": ("embedded object", "embedded objects"),
    "equation": ("equation", "equations"),
}


# Built-in style names as the XML spells them -> as Word shows them (python-docx's table).
_UI_NAMES = {"heading 1": "Heading 1", "heading 2": "Heading 2", "heading 3": "Heading 3",
             "heading 4": "Heading 4", "heading 5": "Heading 5", "heading 6": "Heading 6",
             "heading 7": "Heading 7", "heading 8": "Heading 8", "heading 9": "Heading 9",
             "caption": "Caption", "footer": "Footer", "header": "Header", "title": "Title",
             "subtitle": "Subtitle", "footnote text": "Footnote Text",
             "endnote text": "Endnote Text", "annotation text": "Comment Text",
             "toc 1": "TOC 1", "toc 2": "TOC 2", "toc 3": "TOC 3"}


@dataclass(slots=True)
class Segment:
    """A stretch of a paragraph's text and where it lives: a w:t element (editable) or a
    tab, break or field result (read, not edited)."""

    start: int  # offsets in the paragraph's text
    end: int
    element: object | None  # the w:t element (or w:tab, w:br...: one character), or None
    offset: int = 0  # where the stretch starts in element.text
    editable: bool = True


@dataclass(slots=True)
class DocxParagraph:
    """One paragraph as a reader sees it: a w:p, and the ones after it joined to it by a
    deleted paragraph mark (a tracked join, someone else's or ours), as with the
    revisions accepted."""

    element: object  # the w:p (lxml element)
    part: str  # partname, e.g. /word/document.xml
    where: str  # "body", "table", "header", "footer", "footnote", "endnote", "comment"
    style: str  # the paragraph style's name ("Normal" when none is set)
    kind: str  # "heading", "list", "title" or "paragraph"
    text: str
    segments: list[Segment]
    start: int = 0  # offset of the paragraph in the document's checked text
    list_marker: str = ""  # "•" or "1." for list items (shown by the editor)
    level: int = 0  # heading level (1-9) or list level (0-8)
    field_state: tuple[int, bool] = (0, False)  # open fields where the paragraph starts
    numbering: tuple[str, str, str] | None = None  # (list id, number format, level text)
    container: int = 0  # the body, a table cell, a note...: paragraphs in one can be joined
    joined: list = field(default_factory=list)  # later w:p joined by deleted marks
    next_style: str | None = None  # a heading's "style for the following paragraph" (Normal)

    @property
    def elements(self) -> list:
        return [self.element, *self.joined]

    def reread(self) -> None:
        """Text and segments again from the XML, after an edit."""
        self.text, self.segments = _Walker(*self.field_state).walk(*self.elements)


@dataclass(slots=True)
class DocxDocument:
    path: str
    paragraphs: list[DocxParagraph]
    text: str
    not_checked: dict[str, int]  # kind -> count of parts that could not be read
    package: object  # the python-docx Document
    roots: dict[str, object]  # partname -> root element of every part read
    blob_parts: dict[str, object] = field(default_factory=dict)  # parsed by us, not docx
    edited: set[str] = field(default_factory=set)  # partnames changed since reading
    added_members: set[str] = field(default_factory=set)  # zip members a save must rewrite
    original: bytes = b""

    @property
    def warning(self) -> str | None:
        return not_checked_line(self.not_checked)

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph index, offset in its text) of a checked-text offset."""
        lo, hi = 0, len(self.paragraphs) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraphs[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo, offset - self.paragraphs[lo].start


def not_checked_line(counts: dict[str, int]) -> str | None:
    """'3 text boxes and 1 chart were not checked', or None."""
    parts = []
    for kind, n in counts.items():
        if n:
            one, many = _UNREACHABLE_NAMES[kind]
            parts.append(f"{n} {one if n == 1 else many}")
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    total = sum(counts.values())
    return f"{listed} {'was' if total == 1 else 'were'} not checked (jargonfree reads only text)"


# --- opening -------------------------------------------------------------------------

def sniff_unsupported(data: bytes, label: str) -> None:
    """Raise ReadError with one line for what is not a .docx: .doc, encrypted, .odt..."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # an OLE compound file
        if "EncryptionInfo".encode("utf-16-le") in data[:1 << 20] or \
                "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
            raise ReadError(f"{label}: this document is protected by a password; "
                            "remove the password in Word and try again")
        raise ReadError(f"{label}: .doc files (old Word format) are not supported: "
                        "save it as .docx in Word")
    if data.startswith(b"{\\rtf"):
        raise ReadError(f"{label}: this is an RTF file, not .docx: save it as .docx in Word")
    if not data.startswith(b"PK"):
        raise ReadError(f"{label}: this is not a Word document (.docx files are zip archives)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                kind = zf.read("mimetype")[:80]
                if b"opendocument" in kind:
                    raise ReadError(f"{label}: OpenDocument files (.odt) are not supported: "
                                    "save it as .docx")
            if "[Content_Types].xml" not in names or not any(
                    n.startswith("word/") for n in names):
                raise ReadError(f"{label}: this zip file is not a Word document")
            if sum(i.file_size for i in zf.infolist()) > 20 * MAX_BYTES:
                raise ReadError(f"{label}: the document is too large to open")
    except zipfile.BadZipFile:
        raise ReadError(f"{label}: the document is damaged (not a readable zip archive)") from None
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken zip can raise many things
        raise ReadError(f"{label}: the document is damaged ({type(exc).__name__})") from None


def read_docx(path: str | os.PathLike) -> DocxDocument:
    """Open a .docx; ReadError with one plain line for anything that goes wrong."""
    return docx_from_bytes(read_file_bytes(path), str(path))


def docx_from_bytes(data: bytes, name: str) -> DocxDocument:
    label = shown(name)
    sniff_unsupported(data, label)
    try:
        import docx  # noqa: PLC0415 - python-docx only when a .docx is opened
    except ImportError:
        raise ReadError(f"{label}: reading .docx needs python-docx "
                        "(pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        doc = _Reader(document, name).read()
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError):  # a part's bytes are damaged
        raise ReadError(f"{label}: the document is damaged (part of the zip is corrupt)") from None
    except Exception as exc:  # noqa: BLE001 - malformed XML, missing parts...
        raise ReadError(f"{label}: this Word document could not be read "
                        f"({type(exc).__name__})") from None
    doc.original = data
    return doc


class _Walker:
    """Walks a paragraph's inline content: the text a reader sees, in segments."""

    def __init__(self, field_depth: int = 0, in_code: bool = False):
        self.unreachable = {k: 0 for k in _UNREACHABLE_NAMES}
        self.field_depth = field_depth  # complex fields (TOC, PAGE) can span paragraphs
        self.in_code = in_code

    def walk(self, *paragraphs) -> tuple[str, list[Segment]]:
        segments: list[Segment] = []
        pieces: list[str] = []
        for p in paragraphs:
            self._inline(p, segments, pieces, False)
        return "".join(pieces), segments

    def _inline(self, el, segments, pieces, locked: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                self._run(child, segments, pieces, locked)
            elif tag in _HIDDEN or tag == w("pPr"):
                continue
            elif tag == w("fldSimple"):
                self._inline(child, segments, pieces, True)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, segments, pieces, locked)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, segments, pieces, locked)
            elif tag in (f"{{{M}}}oMath", f"{{{M}}}oMathPara"):
                self.unreachable["equation"] += 1
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._inline(choice, segments, pieces, locked)

    def _add(self, segments, pieces, s: str, element=None, editable=False) -> None:
        pos = segments[-1].end if segments else 0
        pieces.append(s)
        segments.append(Segment(pos, pos + len(s), element, 0, editable))

    def _run(self, r, segments, pieces, locked: bool) -> None:
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.field_depth += 1
                    self.in_code = True
                elif kind == "separate":
                    self.in_code = False
                elif kind == "end":
                    self.field_depth = max(0, self.field_depth - 1)
                    self.in_code = False
            elif self.in_code:
                continue  # a field's code (HYPERLINK "...", PAGE): not shown to a reader
            elif tag == w("t"):
                if child.text:
                    editable = not locked and self.field_depth == 0
                    self._add(segments, pieces, child.text, child, editable)
            elif tag in (w("tab"), w("ptab"), w("br"), w("cr"), w("noBreakHyphen")):
                # One character each; a replacement may take them away with the words.
                shown_as = {w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
                self._add(segments, pieces, shown_as.get(tag, "\t"), child,
                          not locked and self.field_depth == 0)
            elif tag in (w("drawing"), w("pict"), w("object")):
                self._count_unreachable(child)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._count_unreachable(choice)

    def _count_unreachable(self, el) -> None:
        boxes = sum(1 for _ in el.iter(f"{{{WPS}}}txbx", f"{{{V}}}textbox"))
        self.unreachable["text box"] += boxes
        for gd in el.iter(f"{{{A}}}graphicData"):
            uri = gd.get("uri", "")
            if uri.endswith("/diagram"):
                self.unreachable["smartart"] += 1
            elif uri.endswith("/chart"):
                self.unreachable["chart"] += 1
        if el.tag == w("object") or any(True for _ in el.iter(w("object"))):
            self.unreachable["object"] += 1


class _Reader(_Walker):
    def __init__(self, document, name: str):
        super().__init__()
        self.document = document
        self.name = name
        self.paragraphs: list[DocxParagraph] = []
        self.roots: dict[str, object] = {}
        self.blob_parts: dict[str, object] = {}
        self.styles = self._styles()
        self.numbering = _Numbering(document)
        self._containers: dict[int, int] = {}  # id(element) -> number, while reading

    def _styles(self) -> _Styles:
        try:
            return _Styles(self.document.part.styles.element)
        except Exception:  # noqa: BLE001 - a document without a styles part
            return _Styles(None)

    def read(self) -> DocxDocument:
        main = self.document.part
        body = self.document.element.body
        self.roots[str(main.partname)] = self.document.element
        self._blocks(body, str(main.partname), "body")
        seen = set()
        for reltype, label in _PARTS:
            rels = [r for r in main.rels.values()
                    if not r.is_external and r.reltype == RT_BASE + reltype]
            rels.sort(key=lambda r: str(r.target_part.partname))
            for rel in rels:
                part = rel.target_part
                name = str(part.partname)
                if name in seen:
                    continue
                seen.add(name)
                root = self._root_of(part)
                if root is None:
                    continue
                self.roots[name] = root
                self.field_depth, self.in_code = 0, False
                if label in ("footnote", "endnote", "comment"):
                    for note in root:
                        if note.get(w("type")) in ("separator", "continuationSeparator",
                                                   "continuationNotice"):
                            continue
                        self._blocks(note, name, label)
                else:
                    self._blocks(root, name, label)
        pos = 0
        for i, para in enumerate(self.paragraphs):
            if i:
                pos += len(SEPARATOR)
            para.start = pos
            pos += len(para.text)
        text = SEPARATOR.join(p.text for p in self.paragraphs)
        return DocxDocument(self.name, self.paragraphs, text, self.unreachable, self.document,
                            self.roots, self.blob_parts)

    def _root_of(self, part):
        element = getattr(part, "_element", None)
        if element is not None:
            return element
        from docx.oxml.parser import parse_xml  # noqa: PLC0415

        root = parse_xml(part.blob)
        self.blob_parts[str(part.partname)] = part
        return root

    def _blocks(self, container, partname: str, where: str, in_table: bool = False) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child, partname, "table" if in_table and where == "body"
                                else where)
            elif tag == w("tbl"):
                for row in child.iter(w("tr")):
                    if _nearest_table(row) is not child:
                        continue
                    for cell in row:
                        if cell.tag == w("tc"):
                            self._blocks(cell, partname, where, True)
                        elif cell.tag in (w("sdt"), w("customXml")):
                            for tc in cell.iter(w("tc")):
                                if _nearest_table(tc) is child:
                                    self._blocks(tc, partname, where, True)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._blocks(content, partname, where, in_table)
            elif tag in _BLOCK_CONTAINERS:
                self._blocks(child, partname, where, in_table)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._blocks(choice, partname, where, in_table)

    def _paragraph(self, p, partname: str, where: str) -> None:
        field_state = (self.field_depth, self.in_code)
        text, segments = self.walk(p)
        prev = self.paragraphs[-1] if self.paragraphs else None
        if prev is not None and prev.part == partname and mark_deleted(prev.elements[-1]) \
                and prev.element.getparent() is p.getparent():
            # Its mark deleted (a tracked join): with the revision accepted, one paragraph.
            shift = len(prev.text)
            for seg in segments:
                seg.start += shift
                seg.end += shift
            prev.segments.extend(segments)
            prev.text += text
            prev.joined.append(p)
            return
        style_name, kind, level, marker = self._style_of(p)
        next_style = None
        if kind in ("heading", "title"):
            ps = p.find(f"{w('pPr')}/{w('pStyle')}")
            next_style = self.styles.next_plain(ps.get(w("val")) if ps is not None else None)
        container = self._containers.setdefault(id(p.getparent()), len(self._containers) + 1)
        self.paragraphs.append(DocxParagraph(p, partname, where, style_name, kind, text,
                                             segments, list_marker=marker, level=level,
                                             field_state=field_state,
                                             numbering=self.numbering.last if marker else None,
                                             container=container, next_style=next_style))

    def _style_of(self, p) -> tuple[str, str, int, str]:
        ppr = p.find(w("pPr"))
        style_id = None
        num_pr = None
        outline = None
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style_id = ps.get(w("val")) if ps is not None else None
            num_pr = ppr.find(w("numPr"))
            ol = ppr.find(w("outlineLvl"))
            outline = ol.get(w("val")) if ol is not None else None
        name, style_num_pr = self.styles.describe(style_id)
        if num_pr is None:
            num_pr = style_num_pr
        lower = name.lower()
        if lower.startswith("heading") or (outline is not None and outline.isdigit()
                                           and int(outline) < 9):
            digits = "".join(c for c in name if c.isdigit())
            level = int(digits) if digits else int(outline or 0) + 1
            return name, "heading", level, ""
        if lower in ("title", "subtitle"):
            return name, "title", 0, ""
        if num_pr is not None:
            marker, level = self.numbering.marker(num_pr, p)
            if marker is not None:
                return name, "list", level, marker
        return name, "paragraph", 0, ""


class _Styles:
    """Paragraph styles looked up by id as paragraphs use them (reading every style of a
    document cost 3 ms a file): (name as Word shows it, the style's list numbering)."""

    def __init__(self, root):
        self.root = root
        self.cache: dict[str | None, tuple[str, object]] = {}

    def get(self, style_id):
        if self.root is None or style_id is None:
            return None
        for el in self.root.iterchildren(w("style")):
            if el.get(w("styleId")) == style_id:
                name_el = el.find(w("name"))
                name = name_el.get(w("val")) if name_el is not None else style_id
                return (_UI_NAMES.get(name, name) if name else style_id), el
        return None

    def _default(self):
        if self.root is not None:
            for el in self.root.iterchildren(w("style")):
                if el.get(w("type")) == "paragraph" and el.get(w("default")) in ("1", "true"):
                    return self.get(el.get(w("styleId")))
        return None

    def next_plain(self, style_id) -> str | None:
        """The id of the style Word gives a new paragraph after one in `style_id` (Enter
        at its end), when that is another, plain paragraph style; else None."""
        found = self.get(style_id)
        nxt = found[1].find(w("next")) if found is not None else None
        next_id = nxt.get(w("val")) if nxt is not None else None
        if not next_id or next_id == style_id:
            return None
        name, num_pr = self.describe(next_id)
        lower = name.lower()
        if lower.startswith("heading") or lower in ("title", "subtitle") or num_pr is not None:
            return None
        return next_id

    def describe(self, style_id) -> tuple[str, object]:
        if style_id not in self.cache:
            found = self.get(style_id) if style_id is not None else self._default()
            if found is None:
                self.cache[style_id] = (style_id or "Normal", None)
            else:
                self.cache[style_id] = (found[0], _style_num_pr(found[1], self))
        return self.cache[style_id]


def mark_deleted(p) -> bool:
    """Whether a w:p's paragraph mark is a tracked deletion (it joins the next one)."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    return rpr is not None and (rpr.find(w("del")) is not None
                                or rpr.find(w("moveFrom")) is not None)


def _nearest_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent


def _style_num_pr(style_el, styles, depth: int = 0):
    ppr = style_el.find(w("pPr"))
    if ppr is not None and ppr.find(w("numPr")) is not None:
        return ppr.find(w("numPr"))
    based = style_el.find(w("basedOn"))
    if based is not None and depth < 8:
        parent = styles.get(based.get(w("val")))
        if parent is not None and parent[1] is not None:
            return _style_num_pr(parent[1], styles, depth + 1)
    return None


class _Numbering:
    """List markers from the numbering part: '•' for bullets, '1.' counted for numbers."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.last: tuple[str, str, str] | None = None  # the last marker's (id, format, text)
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
            return
        abstract = {}
        for an in root.findall(w("abstractNum")):
            levels = {}
            for lvl in an.findall(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                txt = lvl.find(w("lvlText"))
                levels[int(lvl.get(w("ilvl"), "0"))] = (
                    fmt.get(w("val")) if fmt is not None else "decimal",
                    txt.get(w("val")) if txt is not None else "%1.",
                )
            abstract[an.get(w("abstractNumId"))] = levels
        for num in root.findall(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is None:
                continue
            for ilvl, value in abstract.get(ref.get(w("val")), {}).items():
                self.formats[(num.get(w("numId")), ilvl)] = value

    def marker(self, num_pr, p) -> tuple[str | None, int]:
        num_id_el = num_pr.find(w("numId"))
        ilvl_el = num_pr.find(w("ilvl"))
        num_id = num_id_el.get(w("val")) if num_id_el is not None else None
        ilvl = int(ilvl_el.get(w("val"), "0")) if ilvl_el is not None else 0
        if num_id in (None, "0"):
            return None, 0
        fmt, text = self.formats.get((num_id, ilvl), ("bullet", "•"))
        self.last = (num_id, fmt, text)
        if fmt == "bullet" or fmt == "none":
            return "•", ilvl
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, 0) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        return list_marker(fmt, text, ilvl, self.counters[key]), ilvl


def list_marker(fmt: str, text: str, ilvl: int, n: int) -> str:
    """The marker Word shows for the n-th item (1-based) of a list level: '3.', 'b)', '•'."""
    if fmt in ("bullet", "none"):
        return "•"
    if fmt in ("lowerLetter", "upperLetter"):
        c = chr(ord("a") + (n - 1) % 26)
        value = c.upper() if fmt == "upperLetter" else c
    elif fmt in ("lowerRoman", "upperRoman"):
        value = _roman(n)
        value = value.upper() if fmt == "upperRoman" else value
    else:
        value = str(n)
    return text.replace(f"%{ilvl + 1}", value).replace("%", "") or f"{value}."


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


# --- saving --------------------------------------------------------------------------

def docx_bytes(doc: DocxDocument) -> bytes:
    """The document as .docx bytes: every zip member the edits did not touch is copied byte
    for byte from the original; edited parts are serialised from their XML."""
    from docx.opc.oxml import serialize_part_xml  # noqa: PLC0415

    for name in doc.edited:
        if name in doc.blob_parts:
            doc.blob_parts[name]._blob = serialize_part_xml(doc.roots[name])
    rewritten = {n.lstrip("/") for n in doc.edited} | doc.added_members
    buffer = io.BytesIO()
    doc.package.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(doc.original)) as old, \
            zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as new, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        new_names = set(new.namelist())
        for info in old.infolist():
            if info.filename in rewritten and info.filename in new_names:
                data = new.read(info.filename)
            else:
                data = old.read(info.filename)
            dst.writestr(info, data, compress_type=info.compress_type)
        old_names = set(old.namelist())
        for name in new.namelist():
            if name not in old_names and name in rewritten:
                dst.writestr(new.getinfo(name), new.read(name))
    return out.getvalue()


def save_docx(doc: DocxDocument, path: str | os.PathLike) -> None:
    """Write atomically (temporary file, fsync, rename); WriteError with one line."""
    from jargonfree.formats.textfile import write_bytes_atomic

    write_bytes_atomic(path, docx_bytes(doc))


def backup_path(path: str | os.PathLike) -> Path:
    """Where the original goes when a file is saved over: NAME.backup.EXT beside it, or
    NAME.backup-2.EXT... if that exists (an earlier backup is never overwritten)."""
    p = Path(path)
    n = 1
    while True:
        suffix = ".backup" if n == 1 else f".backup-{n}"
        candidate = p.with_name(f"{p.stem}{suffix}{p.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def write_private_backup(path: str | os.PathLike) -> Path:
    """Copy `path` to a new backup beside it, readable only by its owner (mode 600 from the
    first byte, as every copy of document text jargonfree makes on its own)."""
    source = Path(path)
    label = shown(path)
    try:
        data = source.read_bytes()
        target = backup_path(source)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise WriteError(f"{label}: could not keep a backup ({exc.strerror or exc}); "
                         "nothing was saved") from None
    return target

"""A Word document's structure in the editor, shown without changing its text.

The editor's text stays exactly the checked text (paragraphs separated by a blank line),
so findings, highlights and suggestions work as for plain text. The structure rides on
the blocks' QTextBlockFormat, which Qt copies to a new block on Enter and keeps from the
first block when two are joined, just as the save (formats/docx_sync.py) maps those
edits back to Word:
- headings and titles are drawn larger and bold by the highlighter (a layout format, so
  nothing enters the undo history);
- list items and table cells are indented (the block's left margin, which
  IndentedLayout honours; QPlainTextEdit's own layout ignores it) and a list item's
  marker ("1.", "•"), counted as Word counts it, is painted in that margin; a table
  cell gets a light frame;
- Enter starts a new paragraph (a blank line) in the same style, Shift+Enter a line
  break; Backspace or Delete at a paragraph's edge joins two paragraphs; a deletion that
  would join two table cells (or a note to the text) is refused with a status message.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout

from jargonfree.app.positions import PositionMap

KIND = QTextFormat.Property.UserProperty + 11  # "heading", "title", "list", "cell", "part"
LEVEL = KIND + 1  # heading level (1-9) or list level (0-8)
NUMBERING = KIND + 2  # "list id\tnumber format\tlevel text" (for counting markers)
CONTAINER = KIND + 3  # paragraphs in different ones (table cells, notes) are never joined
PLAIN_NEXT = KIND + 4  # a heading whose style gives a plain paragraph after it (on Enter)
HEADING_SCALE = {0: 1.7, 1: 1.5, 2: 1.3, 3: 1.15}  # 0: a title
REFUSED = ("That would join two table cells (or a note and the text), which a Word table "
           "cannot do: edit the text inside each cell")


def _indent_unit(editor) -> float:
    return editor.fontMetrics().averageCharWidth() * 3.5


class IndentedLayout(QPlainTextDocumentLayout):
    """QPlainTextDocumentLayout that honours a block's left margin (it lays every line
    at the document margin): a block with one is laid out again, narrower, when Qt
    first asks where it is."""

    def blockBoundingRect(self, block):  # noqa: N802 (Qt override)
        rect = super().blockBoundingRect(block)
        indent = block.blockFormat().leftMargin()
        if indent <= 0:
            return rect
        layout = block.layout()
        margin = self.document().documentMargin()
        if layout.lineCount() == 0 or layout.lineAt(0).x() == margin + indent:
            return rect
        width = layout.lineAt(0).width()  # what the plain layout gave the whole line
        layout.beginLayout()
        height = 0.0
        lines = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(max(40.0, width - indent))
            line.setPosition(QPointF(margin + indent, height))
            height += line.height()
            lines += 1
        layout.endLayout()
        if block.lineCount() != lines:
            block.setLineCount(lines)
        return super().blockBoundingRect(block)


def structure_format(block_format: QTextBlockFormat, base: QFont) -> QTextCharFormat | None:
    """The character format a heading or title block is drawn in, or None."""
    kind = block_format.property(KIND)
    if kind not in ("heading", "title"):
        return None
    level = 0 if kind == "title" else int(block_format.property(LEVEL) or 1)
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    if base.pointSizeF() > 0:
        fmt.setFontPointSize(base.pointSizeF() * HEADING_SCALE.get(level, 1.0))
    return fmt


def roles(blocks: list[str]) -> list[str]:
    """Each block's part in the paragraphs of a text made of these lines: "start" (a
    paragraph's first line), "more" (a line after a line break) or "sep" (the blank line
    between two paragraphs), read as the save reads it (split at every blank line)."""
    out: list[str] = []
    paragraphs = "\n".join(blocks).split("\n\n")
    for i, para in enumerate(paragraphs):
        if i:
            out.append("sep")
        out.append("start")
        out.extend("more" for _ in range(para.count("\n")))
    return out


def role_of(empty: bool, blank_before: int, at_start: bool, last: bool = False) -> str:
    """What roles() says of one line, from what lies just around it: whether it is
    blank, how many blank lines come right before it, whether those reach the top of the
    text, and whether it is the last line. (A run of newlines splits into blank-line
    breaks paired from the left, so only the nearest run of blank lines matters, and
    typing stays cheap.)"""
    if not empty:
        if at_start:
            return "start" if blank_before % 2 == 0 else "more"
        return "start" if blank_before % 2 else "more"
    n = blank_before + 1  # its place in its run of blank lines
    if at_start and n == 1:
        return "start"
    opens_pair = n % 2 == 0 if at_start else n % 2 == 1  # the newline before it
    if opens_pair:
        return "more" if last else "sep"
    return "start"


def block_role(block) -> str:
    blank = 0
    prev = block.previous()
    while prev.isValid() and not prev.text():
        blank += 1
        prev = prev.previous()
    return role_of(not block.text(), blank, not prev.isValid(), not block.next().isValid())


class WordView:
    """The structure of the Word document open in an editor."""

    def __init__(self, editor) -> None:
        self.editor = editor
        self._markers: dict[int, str] | None = None  # block number -> list marker
        self._blocks = 0  # the block count the markers were counted for
        editor.document().contentsChange.connect(self._edited)

    def detach(self) -> None:
        try:
            self.editor.document().contentsChange.disconnect(self._edited)
        except (RuntimeError, TypeError):
            pass

    # --- putting the structure on the blocks ------------------------------------------
    def show(self, doc, text: str) -> None:
        """Put the document's paragraph kinds on the editor's blocks (`text` is the
        editor's text; a recovered text is matched to the document's paragraphs)."""
        qdoc = self.editor.document()
        origin = _origins([p.text for p in doc.paragraphs], text.split("\n\n"))
        body = _main_container(doc)
        unit = _indent_unit(self.editor)
        positions = PositionMap(text)
        undo = qdoc.isUndoRedoEnabled()
        qdoc.setUndoRedoEnabled(False)
        start = 0
        for j, para_text in enumerate(text.split("\n\n")):
            i = origin[j]
            fmt = _format_for(doc.paragraphs[i], body, unit) if i is not None else None
            if fmt is not None:
                first = qdoc.findBlock(positions.to_qt(start))
                last = qdoc.findBlock(positions.to_qt(start + len(para_text)))
                block = first
                while block.isValid():
                    QTextCursor(block).setBlockFormat(fmt)
                    if block == last:
                        break
                    block = block.next()
            start += len(para_text) + 2
        qdoc.setUndoRedoEnabled(undo)
        self._markers = None
        self.editor.viewport().update()

    # --- reading it back ----------------------------------------------------------------
    def _edited(self, position: int, removed: int, added: int) -> None:
        if self._markers is None:
            return
        block = self.editor.document().findBlock(position)
        if (self._blocks != self.editor.document().blockCount() or block.length() <= 1
                or block.length() - 1 == added):
            self._markers = None  # paragraphs split, joined, or a line became blank

    def role(self, block) -> str:
        return block_role(block)

    def _count(self) -> None:
        """List markers as Word shows them: counted per list and level, deeper levels
        starting again after a shallower item."""
        from jargonfree.formats.docx import list_marker

        self._markers = {}
        self._blocks = self.editor.document().blockCount()
        counters: dict[tuple[str, int], int] = {}
        blank = 0
        block = self.editor.document().begin()
        first = True
        while block.isValid():
            text = block.text()
            role = role_of(not text, blank, first, not block.next().isValid())
            if text:
                first = False
            blank = 0 if text else blank + 1
            fmt = block.blockFormat()
            if role == "start" and fmt.property(KIND) == "list":
                num_id, kind, marker = (str(fmt.property(NUMBERING)) + "\t\t").split("\t")[:3]
                level = int(fmt.property(LEVEL) or 0)
                key = (num_id, level)
                counters[key] = counters.get(key, 0) + 1
                for deeper in [k for k in counters if k[0] == num_id and k[1] > level]:
                    del counters[deeper]
                self._markers[block.blockNumber()] = list_marker(kind or "bullet", marker,
                                                                 level, counters[key])
            block = block.next()

    def marker(self, block) -> str | None:
        if self._markers is None:
            self._count()
        return self._markers.get(block.blockNumber())

    def paragraph_start(self, block):
        """The first block of the paragraph a block belongs to (a separator: itself)."""
        while block.isValid() and block.previous().isValid() and block_role(block) == "more":
            block = block.previous()
        return block

    def container(self, block) -> int:
        return int(self.paragraph_start(block).blockFormat().property(CONTAINER) or 0)

    # --- keys -----------------------------------------------------------------------------
    def key_pressed(self, event) -> bool:
        """Handle Enter, Shift+Enter, Backspace, Delete and typing over a selection so
        that each maps onto Word's paragraphs; True when handled here."""
        e = self.editor
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        cursor = e.textCursor()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if cursor.hasSelection() and not self._remove(cursor):
                return True
            line_break = mods == Qt.KeyboardModifier.ShiftModifier
            self._new_paragraph(cursor, line_break)
            return True
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and mods in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if not cursor.hasSelection():
                cursor = self._join_range(cursor, backwards=key == Qt.Key.Key_Backspace)
                if cursor is None:
                    return False  # an ordinary character: Qt deletes it
            self._remove(cursor)
            return True
        if event.matches(QKeySequence.StandardKey.Cut):
            e.cut()
            return True
        if event.text() and event.text().isprintable() and not (
                mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            return self.insert_text(event.text())
        return False

    def insert_text(self, text: str) -> bool:
        """Typing or pasting: over a selection, or on the blank line between two
        paragraphs (which makes a new paragraph there). True when handled here."""
        e = self.editor
        cursor = e.textCursor()
        if cursor.hasSelection():
            whole = self._whole(cursor)
            if whole is None:
                return True  # refused, and said why
            cursor = whole
        on_sep = self.role(cursor.block()) == "sep"
        if not cursor.hasSelection() and not on_sep:
            return False
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        if self.role(cursor.block()) == "sep":
            like = cursor.block().previous().blockFormat()
            cursor.insertText("\n")
            cursor.setBlockFormat(like)  # a new paragraph, styled as the one above
            cursor.insertText(text)
            cursor.insertText("\n")
            cursor.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
            sep = cursor.block().next()
            QTextCursor(sep).setBlockFormat(QTextBlockFormat())
        else:
            cursor.insertText(text)
        cursor.endEditBlock()
        e.setTextCursor(cursor)
        self._markers = None
        return True

    def _new_paragraph(self, cursor: QTextCursor, line_break: bool) -> None:
        e = self.editor
        if self.role(cursor.block()) == "sep":  # on the blank line: a paragraph there
            self.insert_text("")
            return
        start = self.paragraph_start(cursor.block()).blockFormat()
        cell = start.property(KIND) == "cell"
        following = cursor.block().next()
        at_end = cursor.atBlockEnd() and not cursor.hasSelection() and (
            not following.isValid() or self.role(following) != "more")
        plain_next = not line_break and at_end and bool(start.property(PLAIN_NEXT))
        cursor.beginEditBlock()
        if line_break:
            cursor.insertText("\n")
        else:
            cursor.insertText("\n\n")  # the new block takes this one's format, as Word
            QTextCursor(cursor.block().previous()).setBlockFormat(QTextBlockFormat())
            if plain_next:  # Enter at the end of a heading: a plain paragraph, as Word
                plain = QTextBlockFormat()
                if start.property(CONTAINER):
                    plain.setProperty(CONTAINER, start.property(CONTAINER))
                cursor.setBlockFormat(plain)
        cursor.endEditBlock()
        e.setTextCursor(cursor)
        e.ensureCursorVisible()
        self._markers = None
        if cell and not line_break:
            e.status_posted.emit("A new paragraph in the same table cell (the table keeps "
                                 "its rows and columns)")

    def _join_range(self, cursor: QTextCursor, backwards: bool) -> QTextCursor | None:
        """Backspace at a paragraph's start, Delete at its end: the whole blank line
        between it and its neighbour, or None for an ordinary character."""
        block = cursor.block()
        at_start = cursor.position() == block.position()
        at_end = cursor.position() == block.position() + block.length() - 1
        if not (at_start if backwards else at_end):
            return None
        role = self.role(block)
        if backwards and (at_start and role in ("start", "sep")):
            first = block if role == "sep" else block.previous()
            if not first.isValid() or self.role(first) != "sep":
                return None
            a, b = first.position() - 1, first.position() + first.length()
        elif not backwards and at_end and (role == "sep" or (
                block.next().isValid() and self.role(block.next()) == "sep")):
            sep = block if role == "sep" else block.next()
            a, b = sep.position() - 1, sep.position() + sep.length()
        else:
            return None
        doc = self.editor.document()
        if a < 0 or b > doc.characterCount() - 1:
            return None
        out = QTextCursor(doc)
        out.setPosition(a)
        out.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return out

    def _whole(self, cursor: QTextCursor) -> QTextCursor | None:
        """A selection grown to whole blank lines at its ends (so deleting across a
        paragraph break joins the two paragraphs), or None when it would join two table
        cells (or a note and the text), after saying so."""
        doc = self.editor.document()
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        first, last = doc.findBlock(a), doc.findBlock(b)
        if first == last:
            return cursor
        if self.role(first) == "sep" and a == first.position():
            a = max(0, first.position() - 1)
        if self.role(last) == "sep":
            b = min(doc.characterCount() - 1, last.position() + last.length())
        first, last = doc.findBlock(a), doc.findBlock(b)
        containers = set()
        block = first
        while block.isValid():
            if self.role(block) != "sep":
                containers.add(self.container(block))
            if block == last:
                break
            block = block.next()
        if len(containers) > 1:
            self.editor.status_posted.emit(REFUSED)
            return None
        out = QTextCursor(doc)
        out.setPosition(a)
        out.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        return out

    def cut_range(self, cursor: QTextCursor) -> QTextCursor | None:
        """The selection Cut should take (None: refused, and said why)."""
        return self._whole(cursor) if cursor.hasSelection() else cursor

    def _remove(self, cursor: QTextCursor) -> bool:
        whole = self._whole(cursor)
        if whole is None:
            return False
        whole.beginEditBlock()
        whole.removeSelectedText()
        whole.endEditBlock()
        self.editor.setTextCursor(whole)
        self._markers = None
        return True

    # --- painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        """Markers beside list items and frames round table cells, for blocks on screen."""
        e = self.editor
        offset = e.contentOffset()
        bottom = e.viewport().height()
        colour = e.palette().placeholderText().color()
        painter.setPen(e.palette().text().color())
        block = e.firstVisibleBlock()
        while block.isValid():
            rect = e.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            fmt = block.blockFormat()
            kind = fmt.property(KIND)
            layout = block.layout()
            if kind == "list" and layout is not None and layout.lineCount():
                marker = self.marker(block)
                if marker:
                    line = layout.lineAt(0)
                    gap = e.fontMetrics().averageCharWidth()
                    box = QRectF(rect.left(), rect.top() + line.y(),
                                 line.x() - gap, line.height())
                    painter.drawText(box, Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter, marker)
            elif kind == "cell" and layout is not None and layout.lineCount() and \
                    self.role(block) != "sep":
                line = layout.lineAt(0)
                painter.save()
                painter.setPen(colour)
                left = rect.left() + line.x() - 6
                painter.drawRect(QRectF(left, rect.top() + 1, rect.width() - left
                                        + rect.left() - 2, rect.height() - 2))
                painter.restore()
            block = block.next()


def _main_container(doc) -> int:
    counts: dict[int, int] = {}
    for p in doc.paragraphs:
        if p.where == "body":
            counts[p.container] = counts.get(p.container, 0) + 1
    return max(counts, key=counts.get) if counts else 0


def _format_for(para, body: int, unit: float) -> QTextBlockFormat | None:
    """The block format that shows a paragraph's kind, or None for a plain one."""
    kind = "cell" if para.where == "table" and para.kind != "list" else para.kind
    if para.where not in ("body", "table"):
        kind = "part"
    if kind == "paragraph" and para.container == body:
        return None
    fmt = QTextBlockFormat()
    fmt.setProperty(KIND, kind)
    fmt.setProperty(LEVEL, para.level)
    fmt.setProperty(CONTAINER, 0 if para.container == body else para.container)
    if para.next_style:
        fmt.setProperty(PLAIN_NEXT, True)
    if kind == "list":
        num_id, number_format, text = para.numbering or ("", "bullet", "•")
        fmt.setProperty(NUMBERING, f"{num_id}\t{number_format}\t{text}")
        depth = para.level + 1 + (1 if para.where == "table" else 0)
        fmt.setLeftMargin(unit * depth)
    elif kind == "cell":
        fmt.setLeftMargin(unit)
    return fmt


def _origins(old: list[str], new: list[str]) -> list[int | None]:
    """For each paragraph of a (recovered) text, the document paragraph whose kind it
    shows: the same one when unchanged, else the one it was typed in."""
    import difflib

    if old == new:
        return list(range(len(old)))
    out: list[int | None] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new,
                                                       autojunk=False).get_opcodes():
        for k in range(j2 - j1):
            if tag == "equal":
                out.append(i1 + k)
            elif i2 > i1:
                out.append(min(i1 + k, i2 - 1))
            else:
                out.append(i1 - 1 if i1 > 0 else (0 if old else None))
    return out

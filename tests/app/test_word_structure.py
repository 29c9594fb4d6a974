"""A Word document's structure in the real editor (offscreen): headings larger, list
markers counted as Word counts them, table cells framed; Enter, Backspace, Delete and
paste map onto Word's paragraphs; a table keeps its shape; someone else's tracked
changes survive an edit next to them. The text stays exactly the checked text."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx_builder import build_leaflet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QColor, QTextCursor

from jargonfree.app.wordview import KIND, LEVEL, role_of, roles
from jargonfree.formats.docx import read_docx
from jargonfree.settings import Settings

from .conftest import wait_checked

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _c14n(data: bytes) -> list[bytes]:
    root = etree.fromstring(_members(data)["word/document.xml"])
    return [etree.tostring(p, method="c14n") for p in root.iter(f"{W}p")]


def _block(w, text: str):
    block = w.editor.document().begin()
    while block.isValid():
        if block.text() == text:
            return block
        block = block.next()
    raise AssertionError(f"no line {text!r}")


def _cursor_at(w, needle: str, offset: int = 0) -> None:
    cursor = w.editor.textCursor()
    cursor.setPosition(w.editor.text().index(needle) + offset)
    w.editor.setTextCursor(cursor)


def _open(qtbot, make_window, tmp_path, track=False):
    path = build_leaflet(tmp_path / "leaflet.docx")
    w = make_window(Settings(word_tracked_changes=track))
    assert w.files.open_path(path)
    wait_checked(qtbot, w)
    return w, path


def _styles(path) -> dict[str, str]:
    return {p.text: p.style.name for p in docx.Document(path).paragraphs}


@given(st.lists(st.sampled_from(["", "a", "b c"]), min_size=1, max_size=12))
def test_a_lines_role_read_from_its_neighbours_is_the_role_the_save_reads(lines):
    """Enter, Backspace and the markers look only at the blank lines just before a line;
    that must agree with splitting the whole text at blank lines (what the save does)."""
    expected = roles(lines)
    got = []
    for n, line in enumerate(lines):
        blank = 0
        while blank < n and not lines[n - 1 - blank]:
            blank += 1
        got.append(role_of(not line, blank, blank == n, n == len(lines) - 1))
    assert got == expected


def test_structure_is_shown_and_the_text_is_the_checked_text(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    assert w.editor.text() == read_docx(path).text  # no marker entered the text
    w.editor.highlighter.finish()
    heading = _block(w, "Your stakeholder guide")
    assert heading.blockFormat().property(KIND) == "heading"
    assert heading.blockFormat().property(LEVEL) == 1
    looks = _looks(heading)
    base = w.editor.document().defaultFont().pointSizeF()
    assert all(weight >= 700 and size > base * 1.3 for weight, size, _ in looks)
    assert _looks(_block(w, "What happens next"))[0][1] < looks[0][1]  # level 2: smaller
    word = w.editor.word
    markers = [word.marker(_block(w, t)) for t in
               ("Treatment will commence soon", "Bring your letter", "Ask about analgesia")]
    assert markers == ["1.", "2.", "•"]
    plain = _block(w, "This sentence is plain and short.")
    item = _block(w, "Bring your letter")
    cell = _block(w, "Prior to your visit")
    w.editor.blockBoundingGeometry(item)  # laid out, as when painted
    w.editor.blockBoundingGeometry(cell)
    assert item.layout().lineAt(0).x() > plain.layout().lineAt(0).x() + 10  # indented
    assert cell.layout().lineAt(0).x() > plain.layout().lineAt(0).x() + 10
    assert cell.blockFormat().property(KIND) == "cell"
    # The marker is painted in the margin left of the item's text.
    w.show()
    qtbot.waitExposed(w)
    w.editor.ensureCursorVisible()
    image = w.editor.viewport().grab().toImage()
    rect = w.editor.blockBoundingGeometry(item).translated(w.editor.contentOffset())
    line = item.layout().lineAt(0)
    background = QColor(image.pixel(2, int(rect.top() + line.height() / 2)))
    inked = sum(1 for x in range(int(rect.left()), int(rect.left() + line.x()))
                for y in range(int(rect.top()), int(rect.top() + line.height()))
                if QColor(image.pixel(x, y)).lightness() < background.lightness() - 80)
    assert inked > 5


def _looks(block) -> list[tuple[int, float, bool]]:
    """(weight, point size, has a background or underline) of each painted range."""
    out = []
    for r in block.layout().formats():
        f = r.format
        out.append((f.fontWeight(), f.fontPointSize(),
                    f.hasProperty(f.Property.BackgroundBrush) or f.fontUnderline()
                    or f.underlineStyle() != f.UnderlineStyle.NoUnderline))
    return out


def test_a_highlight_and_a_suggestion_in_a_heading(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    w.editor.highlighter.finish()
    heading = _block(w, "Your stakeholder guide")
    marked = [look for look in _looks(heading) if look[2]]
    assert marked and all(weight >= 700 for weight, _size, _ in marked)  # merged on it
    hit = next(h for h in w.editor.all_hits() if h.finding.text == "stakeholder")
    assert w.editor.apply_suggestion(hit, "partner")
    wait_checked(qtbot, w)
    assert w.files.save()
    assert _styles(path)["Your partner guide"] == "Heading 1"
    assert read_docx(path).text == w.editor.text()


def test_enter_splits_and_the_new_paragraph_keeps_the_style(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    original = path.read_bytes()
    _cursor_at(w, "commence soon")
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    assert "Treatment will \n\ncommence soon" in w.editor.text()
    word = w.editor.word
    assert [word.marker(_block(w, t)) for t in ("Treatment will ", "commence soon",
                                                "Bring your letter")] == ["1.", "2.", "3."]
    before_enter = w.editor.text().replace("will \n\ncommence", "will commence")
    w.editor.undo()  # one undo step
    assert w.editor.text() == before_enter
    assert word.marker(_block(w, "Bring your letter")) == "2."
    w.editor.redo()
    _cursor_at(w, "guide")
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    assert _block(w, "guide").blockFormat().property(KIND) == "heading"
    assert w.files.save()
    styles = _styles(path)
    assert styles["Treatment will "] == styles["commence soon"] == "List Number"
    assert styles["Your stakeholder "] == styles["guide"] == "Heading 1"
    assert read_docx(path).text == w.editor.text()
    before, after = _c14n(original), _c14n(path.read_bytes())
    assert len(after) == len(before) + 2
    assert sum(1 for p in before if p in after) == len(before) - 2  # the rest untouched
    old, new = _members(original), _members(path.read_bytes())
    assert {n for n in old if old[n] != new[n]} == {"word/document.xml"}


def test_shift_enter_is_a_line_break_in_the_same_paragraph(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    _cursor_at(w, "commence soon")
    qtbot.keyClick(w.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert "Treatment will \ncommence soon\n\nBring" in w.editor.text()
    assert w.files.save()
    item = next(p for p in docx.Document(path).paragraphs if p.text.startswith("Treatment"))
    assert item.text == "Treatment will \ncommence soon"
    assert item._p.find(f".//{W}br") is not None


def test_backspace_at_a_paragraph_start_joins_them(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    _cursor_at(w, "Ask about analgesia")
    qtbot.keyClick(w.editor, Qt.Key.Key_Backspace)
    assert "Bring your letterAsk about" in w.editor.text()
    qtbot.keyClicks(w.editor, ". ")
    _cursor_at(w, "This sentence is plain", -2)  # the end of the joined item
    qtbot.keyClick(w.editor, Qt.Key.Key_Delete)
    assert "analgesiaThis sentence" in w.editor.text()
    assert w.files.save()
    paras = {p.text: p for p in docx.Document(path).paragraphs}
    joined = paras["Bring your letter. Ask about analgesiaThis sentence is plain and short."]
    assert joined.style.name == "List Number"  # the first one's properties
    assert read_docx(path).text == w.editor.text()


def test_a_table_keeps_its_shape(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    text = w.editor.text()
    _cursor_at(w, "Eat as usual.")
    qtbot.keyClick(w.editor, Qt.Key.Key_Backspace)  # would join two cells
    assert w.editor.text() == text
    assert "table cells" in w.statusBar().currentMessage()
    cursor = w.editor.textCursor()
    cursor.setPosition(text.index("your visit"))
    cursor.setPosition(text.index("as usual"), QTextCursor.MoveMode.KeepAnchor)
    w.editor.setTextCursor(cursor)
    qtbot.keyClick(w.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(w.editor, "x")
    assert w.editor.text() == text
    _cursor_at(w, "your visit")
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)  # a new paragraph in the same cell
    assert "same table cell" in w.statusBar().currentMessage()
    assert w.files.save()
    table = docx.Document(path).tables[0]
    assert len(table.rows) == 2 and len(table.columns) == 2
    assert [p.text for p in table.cell(0, 0).paragraphs] == ["Prior to ", "your visit"]
    assert table.cell(0, 1).text == "Eat as usual."


def test_pasted_paragraphs_take_the_current_style(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    _cursor_at(w, "your letter")
    data = QMimeData()
    data.setText("the form\r\n\r\nBring ")
    w.editor.insertFromMimeData(data)
    assert "Bring the form\n\nBring your letter" in w.editor.text()
    assert w.editor.word.marker(_block(w, "Bring your letter")) == "3."
    assert w.files.save()
    styles = _styles(path)
    assert styles["Bring the form"] == styles["Bring your letter"] == "List Number"


def test_typing_on_the_blank_line_makes_a_paragraph_there(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path)
    cursor = w.editor.textCursor()
    cursor.setPosition(w.editor.text().index("\n\nBring your letter") + 1)  # the blank line
    w.editor.setTextCursor(cursor)
    qtbot.keyClicks(w.editor, "Wash")
    assert "commence soon\n\nWash\n\nBring your letter" in w.editor.text()
    assert w.files.save()
    assert _styles(path)["Wash"] == "List Number"


@pytest.mark.parametrize("track", [True, False])
def test_editing_inside_someone_elses_revision_keeps_it(qtbot, make_window, tmp_path, track):
    w, path = _open(qtbot, make_window, tmp_path, track=track)
    original = path.read_bytes()
    root = etree.fromstring(_members(original)["word/document.xml"])
    ann_del = etree.tostring(root.find(f".//{W}del[@{W}id='901']"), method="c14n")
    hit = next(h for h in w.editor.all_hits() if h.finding.text == "leverage")
    assert w.editor.apply_suggestion(hit, "use")
    cursor = w.editor.textCursor()
    at = w.editor.text().index("improving")
    cursor.setPosition(at)
    cursor.setPosition(at + len("improving"), QTextCursor.MoveMode.KeepAnchor)
    w.editor.setTextCursor(cursor)
    qtbot.keyClicks(w.editor, "bettering")
    assert "Keep bettering the clinic." in w.editor.text()
    assert w.files.save()
    saved = path.read_bytes()
    assert "could not be changed" not in w.statusBar().currentMessage()
    root = etree.fromstring(_members(saved)["word/document.xml"])
    assert etree.tostring(root.find(f".//{W}del[@{W}id='901']"), method="c14n") == ann_del
    ann_ins = root.find(f".//{W}ins[@{W}id='902']")
    assert ann_ins is not None and ann_ins.get(f"{W}author") == "Ann"
    assert read_docx(path).text == w.editor.text()
    before, after = _c14n(original), _c14n(saved)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 2
    docx.Document(path)  # python-docx opens it


def test_cut_across_two_cells_is_refused(qtbot, make_window, tmp_path):
    w, _path = _open(qtbot, make_window, tmp_path)
    text = w.editor.text()
    cursor = w.editor.textCursor()
    cursor.setPosition(text.index("your visit"))
    cursor.setPosition(text.index("as usual"), QTextCursor.MoveMode.KeepAnchor)
    w.editor.setTextCursor(cursor)
    w.actions_.all["cut"].trigger()  # Edit > Cut
    assert w.editor.text() == text
    assert "table cells" in w.statusBar().currentMessage()
    # From inside an item to the blank line after it: the blank line goes too, and the
    # item joins the next one (not a line break between them)
    cursor = w.editor.textCursor()
    cursor.setPosition(text.index("your letter"))
    cursor.setPosition(text.index("\n\nAsk about") + 1, QTextCursor.MoveMode.KeepAnchor)
    w.editor.setTextCursor(cursor)
    w.editor.cut()
    assert "\n\nBring Ask about analgesia\n\n" in w.editor.text()


def test_a_tracked_join_saved_twice_stays_one_revision(qtbot, make_window, tmp_path):
    w, path = _open(qtbot, make_window, tmp_path, track=True)
    _cursor_at(w, "Ask about analgesia")
    qtbot.keyClick(w.editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(w.editor, ". ")
    assert w.files.save()
    assert read_docx(path).text == w.editor.text()  # the join reads as one paragraph
    _cursor_at(w, "soon")
    qtbot.keyClicks(w.editor, "very ")
    assert w.files.save()
    assert read_docx(path).text == w.editor.text()
    root = etree.fromstring(_members(path.read_bytes())["word/document.xml"])
    marks = [el for el in root.iter(f"{W}del") if el.getparent().tag == f"{W}rPr"]
    assert len(marks) == 1
    docx.Document(path)


def test_enter_at_the_end_of_a_heading_starts_a_normal_paragraph(qtbot, make_window,
                                                                  tmp_path):
    w, path = _open(qtbot, make_window, tmp_path, track=True)
    _cursor_at(w, "What happens next", len("What happens next"))
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(w.editor, "Soon you will hear from us.")
    assert _block(w, "Soon you will hear from us.").blockFormat().property(KIND) is None
    assert _block(w, "What happens next").blockFormat().property(KIND) == "heading"
    assert w.files.save()
    styles = {p.text: p.style for p in read_docx(path).paragraphs}  # tracked: ins read
    assert styles["What happens next"] == "Heading 2"
    assert styles["Soon you will hear from us."] == "Normal"
    assert read_docx(path).text == w.editor.text()


_KEYS = st.sampled_from([
    ("key", Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    ("key", Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier),
    ("key", Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    ("key", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ("type", "ab ", None),
    ("paste", "one\n\ntwo", None),
])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.booleans(), _KEYS),
                min_size=1, max_size=6), st.booleans())
def test_any_keys_in_the_editor_save_as_shown(qtbot, make_window, tmp_path, actions, track):
    """Random Enter, Shift+Enter, Backspace, Delete, typing and pasting, some over a
    selection, saved half way and at the end (tracked or not): what is saved reads back
    as the editor's text (unless a join across table cells was refused at save), and
    the table keeps its shape."""
    import uuid

    path = build_leaflet(tmp_path / f"{uuid.uuid4().hex}.docx")
    w = make_window(Settings(word_tracked_changes=track))
    assert w.files.open_path(path)
    for n, (where, select, (kind, what, mods)) in enumerate(actions):
        text = w.editor.text()
        cursor = w.editor.textCursor()
        at = int(where * len(text))
        cursor.setPosition(at)
        if select:
            cursor.setPosition(min(len(text), at + 7), QTextCursor.MoveMode.KeepAnchor)
        w.editor.setTextCursor(cursor)
        if kind == "key":
            qtbot.keyClick(w.editor, what, mods)
        elif kind == "type":
            qtbot.keyClicks(w.editor, what)
        else:
            data = QMimeData()
            data.setText(what)
            w.editor.insertFromMimeData(data)
        if n == len(actions) // 2 or n == len(actions) - 1:
            w.editor.document().setModified(True)
            assert w.files.save()
            if "kept" not in w.statusBar().currentMessage():
                assert read_docx(path).text == w.editor.text()
    table = docx.Document(path).tables[0]
    assert len(table.rows) == 2 and len(table.columns) == 2


def test_tracked_changes_are_a_preference_and_the_help_says_what_edits_become(
        qtbot, make_window, paths):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jargonfree.app.preferences import PreferencesDialog

    dialog = PreferencesDialog(Settings(), paths)
    qtbot.addWidget(dialog)
    assert dialog.word_tracked.isChecked()  # on by default
    dialog.word_tracked.setChecked(False)
    assert dialog.result_settings().word_tracked_changes is False
    w = make_window()
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(20, read_and_close)
    w.actions_.all["word_help"].trigger()
    [page] = shown
    for words in ("Enter", "Shift+Enter", "Backspace", "table", "tracked changes"):
        assert words in page, words

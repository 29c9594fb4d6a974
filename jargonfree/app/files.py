"""Opening, saving, autosaving and recovering the document in the editor.

The editor works on "\\n" text; the file's encoding, line endings and byte-order mark
are remembered from reading it and written back on save (atomically, by
jargonfree.formats). Autosaves run on one background thread, so a slow disk (fsync)
never stalls typing; saves, discards and closing are queued on the same thread, in order.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QFileDialog, QWidget

from jargonfree.app.autosave import STALE_DAYS, AutosaveStore, Recovery
from jargonfree.app.checking import Checker
from jargonfree.app.diskwatch import DiskWatcher
from jargonfree.app.editor import Editor
from jargonfree.app.prompts import Button, Prompts
from jargonfree.formats import (
    ReadError,
    TextDocument,
    WriteError,
    normalize_newlines,
    read_text,
    write_text_atomic,
)
from jargonfree.formats.documents import markup_for
from jargonfree.formats.permissions import is_read_only, save_problem
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings, add_recent

AUTOSAVE_MS = 5000
LOAD_PART = 32_000  # characters put into the editor per turn of the event loop
NEW_FILE = TextDocument("", "utf-8", "\n", False)
OPEN_FILTER = ("Documents (*.txt *.md *.markdown *.text *.docx);;Word documents (*.docx);;"
               "Text and Markdown (*.txt *.md *.markdown *.text);;All files (*)")
SAVE_FILTER = "Text (*.txt);;Markdown (*.md)"


class FileActions(QObject):
    """The document's file: where it lives, how it is encoded, and its autosave."""

    document_replaced = Signal()  # a new, opened, pasted or recovered text is in the editor
    saved = Signal(str)  # path
    recent_changed = Signal()
    message_posted = Signal(str)  # for the status bar
    file_state_changed = Signal()  # read-only or not, changed or moved on disk

    def __init__(self, parent: QWidget, editor: Editor, checker: Checker, settings: Settings,
                 paths: AppPaths, prompts: Prompts) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.editor = editor
        self.checker = checker
        self.settings = settings
        self.paths = paths
        self.prompts = prompts
        self.path: Path | None = None
        self.file_format = NEW_FILE
        self.word = None  # a WordFile (app/wordfile.py) when a .docx is open
        self.read_only = False  # the file is marked read-only: Save offers Save As
        self.disk = DiskWatcher(self)
        self.disk.changed.connect(self._changed_on_disk)
        self.disk.removed.connect(self._removed_from_disk)
        self.disk.mode_changed.connect(self._mode_changed_on_disk)
        self.doc_id = uuid.uuid4().hex
        self.store = AutosaveStore(paths.autosave_dir)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jargonfree-autosave")
        self._autosaved_revision = -1
        self._pending: _Load | None = None  # a long text still going into the editor
        self._last_autosave: Future | None = None
        self._closed = False
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    # --- asking -------------------------------------------------------------------------
    def has_unsaved_text(self) -> bool:
        if self._pending is not None:  # half-way into the editor: as it was when opened
            return self._pending.modified
        doc = self.editor.document()
        return doc.isModified() and not doc.isEmpty()

    def maybe_save(self, why: str = "") -> bool:
        """True when the current text may be replaced: saved, discarded, or nothing to lose."""
        if not self.has_unsaved_text():
            return True
        name = self.path.name if self.path else "this text"
        answer = self.prompts.ask(
            "Unsaved changes", f"Save the changes to {name} first?{why}",
            Button.Save | Button.Discard | Button.Cancel, default=Button.Save)
        if answer == Button.Save:
            return self.save()
        if answer == Button.Discard:
            self._discard_autosave()
            return True
        return False

    # --- replacing the text ---------------------------------------------------------
    def set_document(self, text: str, path: Path | None, fmt: TextDocument = NEW_FILE,
                     *, modified: bool = False, doc_id: str | None = None,
                     word=None) -> None:
        """Put a text in the editor; `word`: the WordFile it was read from (its
        structure is shown once the whole text is in)."""
        self._discard_autosave()
        self.doc_id = doc_id or uuid.uuid4().hex
        self.path = path
        self.checker.markup = markup_for(path)  # a .md: its markup is not checked
        self.file_format = fmt
        self.word = word
        self.editor.show_word(None)
        self.read_only = path is not None and is_read_only(path)
        self.disk.watch(path)
        self.editor.hide_card()
        self._pending = None  # a load still going on for an earlier document stops
        self.editor.setReadOnly(False)
        self.editor.document().setUndoRedoEnabled(True)
        if len(text) <= 2 * LOAD_PART:
            self.editor.setPlainText(text)
            self._loaded(modified)
            return
        # A long text goes in part by part, one part per turn of the event loop, so the
        # window keeps painting (setPlainText of 100,000 words held it for 20-27 ms).
        # The editor is read-only meanwhile and the parts are not undo steps.
        self.editor.document().setUndoRedoEnabled(False)
        self.editor.setReadOnly(True)
        cut = _part_end(text, 0)
        self.editor.setPlainText(text[:cut])
        self._pending = _Load(text, cut, modified)
        self.document_replaced.emit()  # the new name and "Checking…" at once
        QTimer.singleShot(0, self._load_part)

    def _load_part(self, everything: bool = False) -> None:
        load = self._pending
        if load is None:
            return
        end = len(load.text) if everything else _part_end(load.text, load.done)
        cursor = QTextCursor(self.editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(load.text[load.done : end])
        self.editor.document().setModified(load.modified)  # no "*" flicker in the title
        load.done = end
        if end < len(load.text):
            QTimer.singleShot(0, self._load_part)
            return
        self._pending = None
        self.editor.setReadOnly(False)
        self.editor.document().setUndoRedoEnabled(True)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self._loaded(load.modified)

    def loading(self) -> bool:
        """Whether a long text is still going into the editor."""
        return self._pending is not None

    def finish_loading(self) -> None:
        """Put the rest of a long text in now (before saving, so no part is lost)."""
        if self._pending is not None:
            self._load_part(everything=True)

    def _loaded(self, modified: bool) -> None:
        if self.word is not None:
            self.editor.show_word(self.word.doc)
        self.editor.document().setModified(modified)
        self._autosaved_revision = -1
        self.checker.new_document()
        self.document_replaced.emit()

    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document("", None)
        return True

    def open_dialog(self) -> bool:
        start = str(self.path.parent) if self.path else ""
        name, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open", start, OPEN_FILTER)
        return bool(name) and self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open a file; on a read error, say so in one line and keep the current text.
        Unsaved work on this file left by a crash is offered first, however the file
        was named (a relative path, File > Open, the recent files)."""
        path = absolute(path)
        if not self.maybe_save():
            return False
        offered = False
        try:
            if _is_word(path):
                offered = True
                return self._offer_for(path, None) or self._open_word(path)
            doc = read_text(path)
        except ReadError as exc:
            if not offered and self._offer_for(path, None):
                return True  # the file is gone, but the unsaved work on it was not
            self.prompts.tell("Could not open the file", str(exc))
            if str(path) in self.settings.recent_files and not path.exists():
                self.settings.recent_files.remove(str(path))
                self.recent_changed.emit()
            return False
        if self._offer_for(path, doc):
            return True
        self.set_document(normalize_newlines(doc.text), path, doc)
        self._remember(path)
        # A decode warning (stray bytes replaced) goes in the status bar, not a dialog.
        self.message_posted.emit(doc.warning or f"Opened {path.name} ({_describe_format(doc)})")
        return True

    def _open_word(self, path: Path) -> bool:
        from jargonfree.app.wordfile import WordFile

        word = WordFile.open(path)  # ReadError: the caller says it in one line
        self.set_document(word.text, path, word=word)
        self._remember(path)
        self.message_posted.emit(word.opened_message())
        return True

    def paste_and_score(self) -> bool:
        """The clipboard's text as a new document, scored at once."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.message_posted.emit("The clipboard has no text to score")
            return False
        if not self.maybe_save(" The pasted text opens as a new document."):
            return False
        self.set_document(normalize_newlines(text), None, modified=True)
        self.message_posted.emit("Scored the text from the clipboard")
        return True

    # --- saving -----------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        problem = save_problem(self.path)
        if problem:
            # A read-only file (mode bits, not only os.access: root may write anything)
            # or a folder nobody may write in: offer a new file instead.
            title = "Read-only file" if is_read_only(self.path) else "Cannot save in this folder"
            answer = self.prompts.ask(
                title, f"{problem}. Save your text as a new file?",
                Button.Save | Button.Cancel, default=Button.Save,
                labels={Button.Save: "Save As…"})
            return answer == Button.Save and self.save_as()
        return self._write(self.path)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            suggested = self.path or Path(QFileDialog().directory().path()) / "Untitled.txt"
            if self.path is not None and save_problem(self.path):
                folder = self.path.parent if not save_problem(
                    self.path.parent / ".jargonfree-probe") else Path.home()
                suggested = folder / f"{self.path.stem} (edited){self.path.suffix}"
            filters = SAVE_FILTER
            if self.word is not None:
                from jargonfree.app.wordfile import SAVE_FILTER as filters
            name, chosen = self.prompts.save_path("Save As", str(suggested), filters)
            if not name:
                return False
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(".md" if "Markdown" in chosen else
                                        ".docx" if "Word" in chosen else ".txt")
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        self.finish_loading()
        fmt = self.file_format
        problem = save_problem(path)
        if problem:
            self.prompts.tell("Could not save", f"{problem}.")
            return False
        if self.word is not None and path.suffix.lower() == ".docx":
            return self._write_word(path)
        try:
            warning = write_text_atomic(path, self.editor.text(), fmt.encoding, fmt.newline,
                                        fmt.bom)
        except WriteError as exc:
            self.prompts.tell("Could not save", str(exc))
            return False
        if self.word is not None:  # saved as text: the text file is the document now
            self.word = None
            self.editor.show_word(None)
        if warning:
            self.file_format = TextDocument("", "utf-8", fmt.newline, False)
            self.prompts.tell("Saved as UTF-8", warning, warning=False)
        self.path = absolute(path)
        self.checker.set_markup(markup_for(self.path))  # saved as .md: read as Markdown
        self.read_only = False
        self.disk.watch(self.path)  # our own save is not a change by another program
        self.editor.document().setModified(False)
        self._discard_autosave()
        self._remember(path)
        self.saved.emit(str(path))
        self.message_posted.emit(f"Saved {path.name}")
        return True

    def _write_word(self, path: Path) -> bool:
        try:
            message = self.word.save(path, self.editor.text(),
                                     track=self.settings.word_tracked_changes)
        except (WriteError, ReadError) as exc:
            self.prompts.tell("Could not save", str(exc))
            return False
        self.path = absolute(path)
        self.read_only = False
        self.disk.watch(self.path)
        self.editor.document().setModified(False)
        self._discard_autosave()
        self._remember(path)
        self.saved.emit(str(path))
        self.message_posted.emit(message)
        return True

    # --- the file changed by another program ---------------------------------------------
    def _changed_on_disk(self) -> None:
        if self.path is None:
            return
        name = self.path.name
        self.disk.paused = True  # one question at a time, however often it changes
        try:
            if self.has_unsaved_text():
                answer = self.prompts.ask(
                    "File changed on disk",
                    f"Another program has changed {name}, and your changes here are not "
                    "saved.", Button.Save | Button.Discard | Button.Cancel, default=Button.Save,
                    labels={Button.Save: "Keep Mine, Save As…", Button.Discard: "Reload Theirs",
                            Button.Cancel: "Keep Mine"},
                    details="Reload loses your changes; Save As keeps both versions.")
            else:
                answer = self.prompts.ask(
                    "File changed on disk",
                    f"Another program has changed {name}. Load the new version?",
                    Button.Discard | Button.Cancel, default=Button.Discard,
                    labels={Button.Discard: "Reload", Button.Cancel: "Keep This Version"})
        finally:
            self.disk.paused = False
        if answer == Button.Discard:
            self.reload()
        elif answer == Button.Save:
            self.save_as()
        else:  # kept: the text here is no longer what the file holds
            self.editor.document().setModified(True)
        self.read_only = is_read_only(self.path) if self.path else False
        self.file_state_changed.emit()

    def _removed_from_disk(self) -> None:
        if self.path is None:
            return
        self.editor.document().setModified(True)
        self.message_posted.emit(f"{self.path.name} was moved or deleted: save to keep this text")
        self.file_state_changed.emit()

    def _mode_changed_on_disk(self) -> None:
        if self.path is not None:
            self.read_only = is_read_only(self.path)
            self.file_state_changed.emit()

    def reload(self) -> bool:
        """Read the file again (its new version), keeping the cursor near where it was."""
        if self.path is None:
            return False
        where = self.editor.textCursor().position()
        try:
            if _is_word(self.path):
                from jargonfree.app.wordfile import WordFile

                word = WordFile.open(self.path)
                self.set_document(word.text, self.path, word=word)
            else:
                doc = read_text(self.path)
                self.set_document(normalize_newlines(doc.text), self.path, doc)
        except ReadError as exc:
            self.prompts.tell("Could not reload the file", str(exc))
            return False
        self.finish_loading()
        cursor = self.editor.textCursor()
        cursor.setPosition(min(where, self.editor.document().characterCount() - 1))
        self.editor.setTextCursor(cursor)
        self.message_posted.emit(f"Reloaded {self.path.name}")
        return True

    def _remember(self, path: Path) -> None:
        if self.settings.remember_recent:
            add_recent(self.settings, str(absolute(path)))
            self.recent_changed.emit()

    # --- autosave and recovery --------------------------------------------------------
    def autosave(self) -> None:
        """Keep unsaved work every few seconds (on the autosave thread)."""
        last = self._last_autosave
        if last is not None and last.done() and last.exception() is not None:
            self._last_autosave = None
            self.message_posted.emit(f"Autosave failed: {last.exception()}")
        if (not self.has_unsaved_text() or self.checker.revision == self._autosaved_revision
                or self.loading()):
            return
        self._autosaved_revision = self.checker.revision
        text, doc_id = self.editor.text(), self.doc_id
        where = str(absolute(self.path)) if self.path else None
        self._last_autosave = self._submit(self.store.save, doc_id, text, where)

    def _submit(self, fn, *args) -> Future | None:
        """Queue work on the autosave thread (nothing once the window has closed)."""
        return None if self._closed else self._pool.submit(fn, *args)

    def flush(self) -> None:
        """Wait for queued autosave work (tests, and before the app exits)."""
        done = self._submit(lambda: None)
        if done is not None:
            done.result()

    def _discard_autosave(self) -> None:
        self._autosaved_revision = -1
        self._submit(self.store.discard, self.doc_id)

    def offer_recovery(self) -> bool:
        """After a crash: offer the unsaved work no running copy holds, newest first,
        until one is recovered (the window holds one document)."""
        for rec in self.store.pending():
            if self._ask_recover(rec, None) == Button.Yes:
                self._recover(rec, None)
                return True
        return False

    def recover_dialog(self) -> bool:
        """File > Recover Unsaved Work: offer what earlier sessions left unsaved."""
        if not self.has_recovery():
            self.message_posted.emit("No unsaved work from earlier sessions is waiting")
            return False
        return self.maybe_save(" Recovered work opens in its place.") and self.offer_recovery()

    def has_recovery(self) -> bool:
        """Whether unsaved work from an earlier session is waiting."""
        return bool(self.store.pending())

    def _offer_for(self, path: Path, doc: TextDocument | None) -> bool:
        """Offer unsaved work on the file being opened; True when it was recovered."""
        for rec in self.store.pending_for(path):
            if self._ask_recover(rec, path) == Button.Yes:
                self._recover(rec, doc, path)
                return True
        return False

    def _ask_recover(self, rec: Recovery, opening: Path | None) -> Button:
        """Show the recovered text and ask: Yes (recover), Discard, or Cancel (later).
        A declined copy is removed; so is a stale one (older than STALE_DAYS) whatever
        the answer, having been offered this last time."""
        name = Path(rec.path).name if rec.path else "an untitled document"
        when = dt.datetime.fromtimestamp(rec.saved_at).strftime("%d %B %Y at %H:%M")
        text = (f"jargonfree closed before your changes to {name} were saved "
                f"(last kept {when}). Open the recovered text?")
        details = []
        if opening is not None:
            details.append("If you do not, the file opens as it is on disk.")
        if rec.path and _changed_since(Path(rec.path), rec.saved_at):
            details.append("The file on disk has been changed since then.")
        buttons = Button.Yes | Button.Discard
        labels = {Button.Yes: "Recover", Button.Discard: "Discard"}
        if rec.stale:
            details.append(f"It is more than {STALE_DAYS} days old: it will be removed "
                           "unless you recover it now.")
        else:
            buttons |= Button.Cancel
            labels[Button.Cancel] = "Decide Later"
        answer = self.prompts.ask("Recover unsaved work?", text, buttons, default=Button.Yes,
                                  labels=labels, details=" ".join(details), preview=rec.text)
        if answer != Button.Yes and (answer == Button.Discard or rec.stale):
            self._submit(self.store.discard, rec.doc_id)
        return answer

    def _recover(self, rec: Recovery, doc: TextDocument | None,
                 path: Path | None = None) -> None:
        """Put recovered text in the editor, unsaved, keeping its autosave (now ours)."""
        if path is None and rec.path:
            path = absolute(rec.path)
        fmt = doc or NEW_FILE
        word = None
        if path is not None and _is_word(path):
            from jargonfree.app.wordfile import WordFile

            try:  # the file as it is on disk is what the recovered text is saved into
                word = WordFile.open(path)
            except ReadError:
                path = None  # the .docx is gone or broken: save the text as a new file
        elif doc is None and path is not None:
            try:
                fmt = read_text(path)  # save back in the original file's encoding
            except ReadError:
                pass
        self.set_document(rec.text, path, TextDocument("", fmt.encoding, fmt.newline, fmt.bom),
                          modified=True, doc_id=rec.doc_id, word=word)
        if path is not None:
            self._remember(path)
        self.autosave()  # held by this copy at once, and no longer stale
        self.message_posted.emit("Recovered your unsaved work: save it to keep it")

    def close(self, keep_autosave: bool = False) -> None:
        """The window is closing: stop the timer, finish the queue, let go of locks."""
        self.timer.stop()
        if self._closed:
            return
        self._closed = True
        if not keep_autosave:
            self._pool.submit(self.store.discard, self.doc_id)
        self._pool.submit(self.store.close)
        self._pool.shutdown(wait=True)


def absolute(path: str | os.PathLike) -> Path:
    """A path that means the same file from any folder (symbolic links kept, so the
    title shows the name the user chose; recovery compares real paths)."""
    return Path(os.path.abspath(path))


def _changed_since(path: Path, when: float) -> bool:
    try:
        return path.stat().st_mtime > when + 1
    except OSError:
        return False


def _describe_format(doc: TextDocument) -> str:
    endings = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[doc.newline]
    return f"{doc.encoding}{' with BOM' if doc.bom else ''}, {endings} line endings"


@dataclass(slots=True)
class _Load:
    text: str
    done: int  # characters already in the editor
    modified: bool


def _part_end(text: str, start: int) -> int:
    """Where the part from `start` ends: after a line break near LOAD_PART characters
    on, so a paragraph is not split between parts unless it is very long."""
    end = start + LOAD_PART
    if end >= len(text):
        return len(text)
    newline = text.find("\n", end)
    if newline != -1 and newline - end < LOAD_PART:
        return newline + 1
    return end


def _is_word(path: Path) -> bool:
    from jargonfree.formats.documents import is_word

    return is_word(path)

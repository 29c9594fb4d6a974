"""A Word document open in the editor: what was read, and saving the edited text back.

The editor holds the document's checked text (paragraphs separated by a blank line);
jargonfree.formats.docx_sync turns the edits into changes of the XML, so everything the
user did not touch is saved exactly as it was. The first save over the file that was
opened keeps a private backup of the original beside it (NAME.backup.docx, mode 600).
"""

from __future__ import annotations

from pathlib import Path

from jargonfree.formats.docx import (
    DocxDocument,
    docx_bytes,
    docx_from_bytes,
    read_docx,
    write_private_backup,
)
from jargonfree.formats.docx_sync import sync_text
from jargonfree.formats.textfile import write_bytes_atomic

OPEN_FILTER = ("Documents (*.txt *.md *.markdown *.text *.docx);;Word documents (*.docx);;"
               "Text and Markdown (*.txt *.md *.markdown *.text);;All files (*)")
SAVE_FILTER = "Word document (*.docx);;Text (*.txt);;Markdown (*.md)"


class WordFile:
    """The .docx behind the editor's text."""

    def __init__(self, doc: DocxDocument, path: Path):
        self.doc = doc
        self.opened_path = Path(path)
        self.backup: Path | None = None  # kept on the first save over the opened file

    @classmethod
    def open(cls, path: Path) -> WordFile:
        return cls(read_docx(path), path)

    @property
    def text(self) -> str:
        return self.doc.text

    def opened_message(self) -> str:
        name = self.opened_path.name
        line = self.doc.warning
        said = f"Opened {name} (Word document; Help > Editing Word Documents says how " \
               "your edits are saved)"
        return said + (f"; {line}" if line else "")

    def save(self, path: Path, text: str, *, track: bool) -> str:
        """Write `text` into the document and save it to `path` (WriteError on failure).
        Returns the status-bar line."""
        report = sync_text(self.doc, text, track=track)
        data = docx_bytes(self.doc)
        path = Path(path)
        if self.backup is None and path.exists() and path.resolve() == self.opened_path.resolve():
            self.backup = write_private_backup(path)
        write_bytes_atomic(path, data)
        # What was saved is the new starting point: untouched parts stay byte for byte.
        self.doc = docx_from_bytes(data, str(path))
        parts = [f"Saved {path.name}"]
        if track and (report.changed or report.added or report.removed):
            parts.append("your edits are tracked changes in Word")
        if self.backup is not None and path.resolve() == self.opened_path.resolve():
            parts.append(f"the original is kept as {self.backup.name}")
        message = "; ".join(parts)
        line = report.line()
        return f"{message}. {line}" if line else message

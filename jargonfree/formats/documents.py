"""Any file a user hands jargonfree: text (.txt and others), Markdown (.md) or Word
(.docx), and folders of them. One `read_document()` for the command line and the editor,
and one `analyze_as_written()` that checks a text as its reader sees it."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from jargonfree.formats.textfile import ReadError, TextDocument, read_text, shown

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".docx")  # what a folder is searched for
MARKDOWN_SUFFIXES = (".md", ".markdown")  # read as Markdown: markup is not checked
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".odt", ".rtf")  # sent to the Word reader


@dataclass(frozen=True, slots=True)
class Document:
    """A file's checked text, and what is needed to write it back."""

    path: str
    text: str
    kind: str  # "text", "markdown" or "docx"
    source: object  # TextDocument or DocxDocument
    warning: str | None = None


class InputProblem(str):
    """A one-line message standing, in the list of inputs, for a folder that could not be
    read or holds nothing to check (so messages come in the order the inputs were given)."""


def is_word(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in WORD_SUFFIXES


def markup_for(path: str | os.PathLike | None) -> str:
    """How a file's text is written, for Options.markup: "markdown" or "text"."""
    if path is None or str(path) == "-":
        return "text"
    return "markdown" if Path(path).suffix.lower() in MARKDOWN_SUFFIXES else "text"


def analyze_as_written(analyzer, text: str, profile: str = "general", options=None,
                       revision: int = 0, *, prefill: bool = False):
    """analyzer.analyze(), reading Markdown markup when options.markup says the text is
    Markdown (findings still index `text`); markdown-it is imported only then."""
    if options is not None and options.markup == "markdown":
        from jargonfree.formats.markdown import analyze_markdown  # noqa: PLC0415

        return analyze_markdown(analyzer, text, profile, options, revision, prefill=prefill)
    if prefill:
        analyzer.prefill(text, profile, options)
    return analyzer.analyze(text, profile, options, revision)


def read_as_written(text: str, kind: str) -> str:
    """The words a reader reads: for Markdown ("markdown"), the text without its markup
    (formats/markdown.py), one block a paragraph; any other text as it is."""
    if kind != "markdown":
        return text
    from jargonfree.formats.markdown import read_markdown  # noqa: PLC0415

    return read_markdown(text).text


def read_document(path: str | os.PathLike) -> Document:
    """Read a text file, a Markdown file or a .docx; ReadError with one plain line."""
    if isinstance(path, InputProblem):
        raise ReadError(str(path))
    if is_word(path):
        from jargonfree.formats.docx import read_docx  # noqa: PLC0415

        doc = read_docx(path)
        return Document(str(path), doc.text, "docx", doc, doc.warning)
    text_doc: TextDocument = read_text(path)
    kind = "markdown" if markup_for(path) == "markdown" else "text"
    return Document(str(path), text_doc.text, kind, text_doc, text_doc.warning)


def expand_inputs(paths: list[str]) -> list[str]:
    """Files named, and the .txt, .md and .docx files inside folders named (sorted, hidden
    folders and files skipped, Word's "~$" lock files too); an InputProblem in place of
    a folder that could not be read or held nothing to check."""
    files: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found, trouble = _walk(path)
            if not found and not trouble:
                trouble = [f"{shown(path)}: no .txt, .md or .docx files in this folder"]
            files.extend(InputProblem(t) for t in trouble)
            files.extend(found)
        else:
            files.append(path)
    return files


def _walk(folder: str) -> tuple[list[str], list[str]]:
    found: list[str] = []
    problems: list[str] = []

    def onerror(exc: OSError) -> None:
        problems.append(f"{shown(exc.filename or folder)}: could not read this folder "
                        f"({exc.strerror or exc})")

    for root, dirs, names in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith((".", "~$")):
                continue
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                found.append(os.path.join(root, name))
    return found, problems


def relocate_findings(findings, doc) -> tuple:
    """For a .docx, a finding's line is its paragraph's number (headings, list items and
    table cells count, then headers, footers, notes and comments) and its column the
    place in that paragraph; offsets still index the checked text."""
    out = []
    for f in findings:
        i, offset = doc.locate(f.start)
        out.append(replace(f, line=i + 1, column=offset + 1))
    return tuple(out)


__all__ = ["Document", "InputProblem", "ReadError", "analyze_as_written", "expand_inputs",
           "markup_for", "read_as_written", "read_document", "relocate_findings"]

"""Text files as people have them: UTF-8 (BOM or not), UTF-16 with BOM, cp1252 from
Word, any line endings; binary files refused with one plain line; atomic saves."""

from __future__ import annotations

import codecs
import errno
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ReadError(Exception):
    """A file that could not be read as text; str() is one plain line naming it."""


class WriteError(Exception):
    """A save that failed; str() is one plain line. The old file is left as it was."""


@dataclass(frozen=True, slots=True)
class TextDocument:
    text: str  # BOM removed, line endings as read
    encoding: str  # codec name to write it back with
    newline: str  # "\n", "\r\n" or "\r": the first line ending in the file
    bom: bool


def _newline(text: str) -> str:
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) > len(sample) * 0.05


def decode_bytes(data: bytes, name: str) -> TextDocument:
    """Decode a file's bytes; ReadError (one line, naming `name`) if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(f"{name}: the file says it is {encoding.upper()} but is not") from None
            if "\x00" in text:
                raise ReadError(f"{name}: this looks like a binary file, not text")
            return TextDocument(text, encoding, _newline(text), True)
    if b"\x00" in data:
        raise ReadError(f"{name}: this looks like a binary file, not text (it has NUL bytes)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data, name)
    if _looks_binary(text):
        raise ReadError(f"{name}: this looks like a binary file, not text")
    return TextDocument(text, encoding, _newline(text), False)


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Text that is not UTF-8: Windows-1252 (what Word and Outlook paste) when it decodes
    cleanly, else what charset-normalizer finds, else a clear refusal."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # a detector failure is only "could not tell"
        best = None
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise ReadError(f"{name}: could not tell how this file's text is encoded")


def read_text(path: str | os.PathLike) -> TextDocument:
    """Read a text file; ReadError with one plain line for anything that goes wrong."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError(f"{name}: this is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"{name}: the file is too large ({size // (1024 * 1024)} MB; the limit is 50 MB)")
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(f"{name}: no such file") from None
    except NotADirectoryError:
        raise ReadError(f"{name}: no such file (a part of the path is a file, not a folder)") from None
    except PermissionError:
        raise ReadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{name}: could not read the file ({exc.strerror or exc})") from None
    return decode_bytes(data, name)


def normalize_newlines(text: str) -> str:
    """All line endings as "\\n" (the editor's form)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _encode(text: str, encoding: str, bom: bool) -> tuple[bytes, str | None]:
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        warning = (f"the text has characters that {encoding} cannot hold, "
                   "so it was saved as UTF-8")
        return text.encode("utf-8"), warning
    if bom:
        prefix = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
                  "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding.lower(), b"")
        data = prefix + data
    return data, None


_WRITE_PROBLEMS = {
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the disk or folder is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}


def write_text_atomic(
    path: str | os.PathLike,
    text: str,
    encoding: str = "utf-8",
    newline: str = "\n",
    bom: bool = False,
) -> str | None:
    """Save `text` ("\\n" line endings) through a temporary file, fsync and rename, so a
    failed save leaves the old file whole. Returns a warning line, or None."""
    p = Path(path)
    if newline != "\n":
        text = normalize_newlines(text).replace("\n", newline)
    data, warning = _encode(text, encoding, bom)
    tmp_name = None
    try:
        mode = p.stat().st_mode & 0o7777 if p.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent or ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, p)
        tmp_name = None
        _fsync_dir(p.parent)
    except OSError as exc:
        problem = _WRITE_PROBLEMS.get(exc.errno, exc.strerror or str(exc))
        raise WriteError(f"{p}: could not save: {problem}; your text is still open") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return warning


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""Text files as people have them: UTF-8 (BOM or not), UTF-16 with BOM, cp1252 from
Word, any line endings; binary files refused with one plain line; atomic saves."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 65536  # how much of a file the binary test looks at
CONTROL_SHARE = 0.05  # more control characters than this and it is not text
# UTF-8 with a few stray bytes (a cp1252 quote pasted into a UTF-8 file) is read as UTF-8,
# the bad bytes replaced, with a warning: up to this many, or 1 in STRAY_SHARE bytes...
STRAY_MAX = 9
STRAY_SHARE = 1000
# ...and only when the file has at least as many good UTF-8 characters beyond ASCII. Text
# with none (cp1252, Latin-1) is decoded as cp1252, as before.
_REPLACEMENT = "\ufffd"
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NAME_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_FOR = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE}


class ReadError(Exception):
    """A file that could not be read as text; str() is one plain line naming it."""


class WriteError(Exception):
    """A save that failed; str() is one plain line. The old file is left as it was."""


@dataclass(frozen=True, slots=True)
class TextDocument:
    """A decoded file and what is needed to write it back the same way."""

    text: str  # BOM removed, line endings as read
    encoding: str  # codec name to write it back with
    newline: str  # "\n", "\r\n" or "\r": the first line ending in the file
    bom: bool
    # One plain line when the text is not exactly what the file holds (stray bytes replaced).
    warning: str | None = None


def shown(path: str | os.PathLike) -> str:
    """A path as it goes into a one-line message: control characters escaped."""
    return _NAME_UNSAFE_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(path))


def _newline(text: str) -> str:
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


def _binary_bytes(data: bytes) -> bool:
    """NUL bytes, or many control bytes, in the first part of a file without a BOM."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample or b"\x00" in data:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * CONTROL_SHARE


def _binary_text(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:SNIFF_BYTES]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) > len(sample) * CONTROL_SHARE


def decode_bytes(data: bytes, name: str) -> TextDocument:
    """Decode a file's bytes; ReadError (one line, naming `name`) if it is not text."""
    label = shown(name)
    binary = ReadError(f"{label}: this looks like a binary file, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(
                    f"{label}: the file says it is {encoding.upper()} but its bytes are not"
                ) from None
            if _binary_text(text):
                raise binary
            return TextDocument(text, encoding, _newline(text), True)
    if _binary_bytes(data):
        raise binary
    warning = None
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, warning = _decode_mostly_utf8(data, label)
        encoding = "utf-8"
        if text is None:
            text, encoding = _decode_legacy(data, label)
    if _binary_text(text):
        raise binary
    return TextDocument(text, encoding, _newline(text), False, warning)


def _decode_mostly_utf8(data: bytes, label: str) -> tuple[str | None, str | None]:
    """UTF-8 with a few stray bytes: the text with each replaced by U+FFFD, and a warning.
    (None, None) when the bytes are not mostly UTF-8."""
    text = data.decode("utf-8", "replace")
    # A U+FFFD the file itself holds is the valid sequence EF BF BD, never part of an error.
    stray = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    if stray > STRAY_MAX and stray * STRAY_SHARE > len(data):
        return None, None
    beyond_ascii = len(text) - len(text.encode("ascii", "ignore")) - stray
    if beyond_ascii < stray:
        return None, None  # cp1252 or Latin-1 text, where UTF-8 sequences are chance
    count, was = ("1 byte", "was") if stray == 1 else (f"{stray} bytes", "were")
    return text, (
        f"{label}: {count} {was} not valid UTF-8 and {was} replaced with {_REPLACEMENT}; "
        "check the text before saving"
    )


def _decode_legacy(data: bytes, label: str) -> tuple[str, str]:
    """Text that is not UTF-8: Windows-1252 (what Word and Outlook paste, and a superset
    of Latin-1's letters) when it decodes, else what charset-normalizer finds."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a detector failure only means "could not tell"
        best = None
    # UTF-16/32 without a BOM is what a detector "finds" in noise; we want a BOM for those.
    if best is not None and best.encoding and not best.encoding.startswith("utf_"):
        return str(best), best.encoding
    raise ReadError(f"{label}: could not tell how this file's text is encoded")


def read_text(path: str | os.PathLike) -> TextDocument:
    """Read a text file; ReadError with one plain line for anything that goes wrong."""
    return decode_bytes(read_file_bytes(path), str(path))


def read_file_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a file to check (text or .docx), or ReadError with one plain line
    naming it: the one place that says why a file cannot be read."""
    label = shown(path)
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{label}: this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise ReadError(f"{label}: this is not an ordinary file")
        if info.st_size > MAX_BYTES:
            megabytes = info.st_size // (1024 * 1024)
            raise ReadError(f"{label}: the file is too large ({megabytes} MB; the limit is 50 MB)")
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(f"{label}: there is no such file") from None
    except NotADirectoryError:
        raise ReadError(
            f"{label}: there is no such file (part of the path is a file, not a folder)"
        ) from None
    except IsADirectoryError:
        raise ReadError(f"{label}: this is a folder, not a file") from None
    except PermissionError:
        raise ReadError(f"{label}: you do not have permission to read this file") from None
    except OSError as exc:
        raise ReadError(f"{label}: could not read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:  # it grew while we read it
        raise ReadError(f"{label}: the file is too large (the limit is 50 MB)")
    return data


def normalize_newlines(text: str) -> str:
    """All line endings as "\\n" (the editor's form)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _encode(text: str, encoding: str, bom: bool, label: str) -> tuple[bytes, str | None]:
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        pass
    else:
        return (_BOM_FOR.get(encoding.lower(), b"") if bom else b"") + data, None
    warning = (f"{label}: the text has characters that {encoding} cannot hold, "
               "so it was saved as UTF-8")
    try:
        return text.encode("utf-8"), warning
    except UnicodeEncodeError:  # a lone surrogate (half an emoji) from a broken paste
        return text.encode("utf-8", "replace"), (
            f"{label}: the text had broken characters, saved as UTF-8 with '?' in their place"
        )


_WRITE_PROBLEMS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk or folder is read-only",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "there is a folder with that name",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _new_file_mode() -> int:
    """What open() would give a new file: 0o666 less the umask (mkstemp gives 0o600)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: read the umask by setting it back at once
    os.umask(mask)
    return 0o666 & ~mask


def write_text_atomic(
    path: str | os.PathLike,
    text: str,
    encoding: str = "utf-8",
    newline: str = "\n",
    bom: bool = False,
    *,
    private: bool = False,
) -> str | None:
    """Save `text` through a temporary file in the same folder, fsync and rename, so a
    failed save leaves the old file whole. "\\n" becomes `newline`; the old file's
    permissions are kept (the umask's for a new file); a symbolic link is written through,
    not replaced. The temporary file is readable by its owner only (0o600) from its first
    byte; with `private` (autosaves, settings: what the app writes on its own) the saved
    file stays so, whatever the old file's mode was.
    Returns a warning line (text saved as UTF-8), or None; raises WriteError."""
    label = shown(path)
    if newline != "\n":
        text = normalize_newlines(text).replace("\n", newline)
    data, warning = _encode(text, encoding, bom, label)
    write_bytes_atomic(path, data, private=private)
    return warning


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, private: bool = False) -> None:
    """Write `data` as write_text_atomic does (temporary file, private from its first
    byte, fsync, rename, the old file's permissions kept unless `private`, a symbolic link
    written through); raises WriteError."""
    p = Path(os.path.realpath(path))
    label = shown(path)
    tmp_name = None
    try:
        if private:
            mode = None
        else:
            try:
                mode = stat.S_IMODE(p.stat().st_mode)
            except FileNotFoundError:
                mode = _new_file_mode()
        # mkstemp creates the file O_EXCL with mode 0o600: nobody else can open it.
        import tempfile  # only when saving: it imports shutil, bz2 and lzma

        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
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
        problem = _WRITE_PROBLEMS.get(exc.errno or 0, exc.strerror or "the system refused")
        raise WriteError(f"{label}: could not save: {problem}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

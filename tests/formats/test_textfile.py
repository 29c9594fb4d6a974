"""Every kind of file docs/ARCHITECTURE.md's "Bad input and faults" lists: it works, or it gets
one plain line naming the file; saves are atomic and never lose the old file."""

from __future__ import annotations

import codecs
import errno
import io
import os
import random
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonfree.formats import (
    ReadError,
    TextDocument,
    WriteError,
    decode_bytes,
    normalize_newlines,
    read_text,
    textfile,
    write_text_atomic,
)

RTL_AND_EMOJI = "שלום עולם, مرحبا بالعالم. 😀 utilise 👩🏽‍⚕️ café naïve\n"


def _one_line_naming(message: str, name: str) -> None:
    assert "\n" not in message and "\r" not in message
    assert name in message
    assert "Traceback" not in message


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- decoding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding", "bom"),
    [
        (b"We will leverage it.\n", "We will leverage it.\n", "utf-8", False),
        (codecs.BOM_UTF8 + b"caf\xc3\xa9\n", "café\n", "utf-8", True),
        (codecs.BOM_UTF16_LE + "café 😀\n".encode("utf-16-le"), "café 😀\n", "utf-16-le", True),
        (codecs.BOM_UTF16_BE + "café 😀\n".encode("utf-16-be"), "café 😀\n", "utf-16-be", True),
        # Word's smart quotes and dashes, as pasted from Outlook into Notepad (cp1252)
        (b"\x93Plain\x94 words \x96 it\x92s \x85", "“Plain” words – it’s …", "cp1252", False),
        # Latin-1 letters: cp1252 is a superset for printable text
        (b"na\xefve caf\xe9 \xa3100 \xbd", "naïve café £100 ½", "cp1252", False),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252-word", "latin1"],
)
def test_encodings_decode_with_bom_removed(data, text, encoding, bom):
    doc = decode_bytes(data, "in.txt")
    assert doc == TextDocument(text, encoding, "\n", bom)
    assert not doc.text.startswith("\ufeff")


def test_invalid_utf8_falls_back_to_cp1252_and_keeps_every_byte():
    data = b"caf\xc3 ok \xff and \xe9"  # a cut multibyte sequence and stray bytes
    doc = decode_bytes(data, "bad.txt")
    assert doc.encoding == "cp1252"
    assert doc.text.encode(doc.encoding) == data


@pytest.mark.parametrize(
    ("data", "text", "stray"),
    [
        # A UTF-8 file with one cp1252 apostrophe pasted in.
        ("The patient’s care plan.".encode() + b" Call us if it\x92s late.",
         "The patient’s care plan. Call us if it\ufffds late.", 1),
        ("“Café” – £5 ½. ".encode() + b"caf\xe9 and \xff\xfe" + " 😀 שלום".encode(),
         "“Café” – £5 ½. caf\ufffd and \ufffd\ufffd 😀 שלום", 3),
        # A U+FFFD the file really holds is text, not a stray byte.
        ("Saved � before; café ".encode() + b"\x96", "Saved � before; café \ufffd", 1),
        # Many stray bytes are fine in a long file (under 1 in 1,000).
        (("é " * 10_000).encode() + b"\x92" * 12, "é " * 10_000 + "\ufffd" * 12, 12),
    ],
    ids=["one-apostrophe", "three", "real-replacement-char", "long-file"],
)
def test_utf8_with_a_few_stray_bytes_is_utf8_with_a_warning(data, text, stray):
    doc = decode_bytes(data, "notes.txt")
    assert (doc.text, doc.encoding, doc.bom) == (text, "utf-8", False)
    _one_line_naming(doc.warning, "notes.txt")
    counted = "1 byte was" if stray == 1 else f"{stray} bytes were"
    assert f"{counted} not valid UTF-8" in doc.warning
    assert "\ufffd" in doc.warning and "check the text before saving" in doc.warning


@pytest.mark.parametrize(
    "data",
    [
        "café ".encode() + b"\x93x\x94 " * 10,  # ten stray bytes in a short file: too many
        b"na\xefve caf\xe9 \xa3100 \xc3\xa9",  # Latin-1 with one chance UTF-8 pair
    ],
    ids=["too-many", "mostly-cp1252"],
)
def test_not_mostly_utf8_is_still_cp1252(data):
    doc = decode_bytes(data, "old.txt")
    assert (doc.encoding, doc.warning) == ("cp1252", None)
    assert doc.text.encode("cp1252") == data


def test_clean_files_have_no_warning(tmp_path):
    assert read_text(_write(tmp_path, "rtl.txt", RTL_AND_EMOJI.encode())).warning is None
    assert decode_bytes(b"\x93Plain\x94", "word.txt").warning is None


def test_read_text_gives_the_warning(tmp_path):
    path = _write(tmp_path, "notes.txt", "The patient’s care plan ".encode() + b"\x92")
    doc = read_text(path)
    assert doc.text == "The patient’s care plan \ufffd"
    assert doc.warning.startswith(f"{path}: 1 byte was not valid UTF-8")


def test_bytes_cp1252_lacks_go_to_the_detector_and_round_trip():
    data = b"Hello \x81 world, this is ordinary text in some old code page.\n"
    doc = decode_bytes(data, "odd.txt")
    assert doc.text.encode(doc.encoding) == data


def test_utf8_bom_with_bad_bytes_is_one_line():
    with pytest.raises(ReadError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"caf\xff", "liar.txt")
    _one_line_naming(str(info.value), "liar.txt")
    assert "UTF-8" in str(info.value)


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document>text</w:document>")
    return buf.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        _zip_bytes(),
        random.Random(1).randbytes(4096),
        random.Random(2).randbytes(4096).replace(b"\x00", b""),  # noise without NULs
        b"Plain text with a NUL\x00 in the middle.\n",
        b"\x01\x02\x03\x04 mostly control \x05\x06\x07\x08\x0e\x0f\x10\x11",
        codecs.BOM_UTF16_LE + b"a\x00\x00\x00b\x00",  # a BOM, then NULs in the text
    ],
    ids=["png", "zip", "random", "random-no-nul", "nul", "controls", "utf16-with-nul"],
)
def test_binary_is_refused_with_one_line(data):
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "report.pdf")
    _one_line_naming(str(info.value), "report.pdf")
    assert "binary" in str(info.value)


def test_tabs_form_feeds_and_an_escape_are_still_text():
    assert decode_bytes(b"a\tb\x0cc\x1b[0m plain words here and more", "t.txt").encoding


@pytest.mark.parametrize(
    ("data", "newline"),
    [(b"a\r\nb\r\n", "\r\n"), (b"a\rb\r", "\r"), (b"a\nb\n", "\n"), (b"a\r\nb\nc\r", "\r\n")],
)
def test_line_endings_are_kept_as_read(data, newline):
    doc = decode_bytes(data, "n.txt")
    assert doc.text == data.decode()
    assert doc.newline == newline


def test_normalize_newlines():
    assert normalize_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"


# --- reading files ---------------------------------------------------------------------


def test_empty_file_is_empty_text(tmp_path):
    assert read_text(_write(tmp_path, "empty.txt", b"")) == TextDocument("", "utf-8", "\n", False)


def test_five_megabyte_single_line(tmp_path):
    line = ("We will leverage our stakeholder network. " * 125_000)[:5_000_000]
    doc = read_text(_write(tmp_path, "big.txt", line.encode()))
    assert doc.text == line and doc.newline == "\n"


def test_rtl_and_emoji_read_back(tmp_path):
    assert read_text(_write(tmp_path, "rtl.txt", RTL_AND_EMOJI.encode())).text == RTL_AND_EMOJI


def _message(path) -> str:
    with pytest.raises(ReadError) as info:
        read_text(path)
    _one_line_naming(str(info.value), str(path))
    return str(info.value)


def test_missing_file(tmp_path):
    assert "no such file" in _message(tmp_path / "gone.txt")


def test_directory(tmp_path):
    assert "folder" in _message(tmp_path)


def test_path_under_a_regular_file(tmp_path):
    """NotADirectoryError: the stand-in for an unreadable path when the tests run as root."""
    parent = _write(tmp_path, "somefile.txt", b"text")
    assert "part of the path is a file" in _message(parent / "child")


def test_unreadable_file(tmp_path, unreadable):
    path = unreadable(_write(tmp_path, "secret.txt", b"text"))
    assert _message(path) == f"{path}: you do not have permission to read this file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not an ordinary file" in _message(fifo)


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(textfile, "MAX_BYTES", 1024 * 1024)
    assert "too large" in _message(_write(tmp_path, "huge.txt", b"a" * (1024 * 1024 + 1)))


def test_binary_file_message_names_the_file(tmp_path):
    assert "binary" in _message(_write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00"))


def test_newline_in_a_file_name_stays_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    with pytest.raises(ReadError) as info:
        read_text(path)
    assert "\n" not in str(info.value) and "two\\x0alines.txt" in str(info.value)


# --- saving ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"line one\nline two\n",
        codecs.BOM_UTF8 + "café\r\nthé\r\n".encode(),
        codecs.BOM_UTF16_LE + "café 😀\r\n".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "café 😀\r".encode("utf-16-be"),
        b"\x93Quoted\x94 \x96 caf\xe9\r\n",
        RTL_AND_EMOJI.encode(),
    ],
    ids=["utf8", "utf8-bom-crlf", "utf16le-crlf", "utf16be-cr", "cp1252-crlf", "rtl-emoji"],
)
def test_round_trip_gives_the_same_bytes(tmp_path, data):
    """Read, normalise for the editor, save with what was read: byte for byte the same."""
    path = _write(tmp_path, "doc.txt", data)
    doc = read_text(path)
    warning = write_text_atomic(
        path, normalize_newlines(doc.text), doc.encoding, doc.newline, doc.bom
    )
    assert warning is None
    assert path.read_bytes() == data


def test_text_cp1252_cannot_hold_is_saved_as_utf8_with_a_warning(tmp_path):
    path = _write(tmp_path, "word.txt", b"\x93old\x94")
    warning = write_text_atomic(path, "“new” 😀 שלום", "cp1252")
    assert warning is not None
    _one_line_naming(warning, "word.txt")
    assert "UTF-8" in warning
    assert read_text(path) == TextDocument("“new” 😀 שלום", "utf-8", "\n", False)


def test_lone_surrogate_is_saved_with_a_warning(tmp_path):
    path = tmp_path / "half.txt"
    warning = write_text_atomic(path, "a\ud83db")
    assert warning and "\n" not in warning
    assert path.read_bytes() == b"a?b"


def test_newlines_are_converted(tmp_path):
    path = tmp_path / "crlf.txt"
    write_text_atomic(path, "a\nb\n", newline="\r\n")
    assert path.read_bytes() == b"a\r\nb\r\n"


def _no_temp_files(folder: Path, *keep: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(keep)


def _fail_with(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize("step", ["os.replace", "os.fsync"])
def test_disk_full_midway_leaves_the_old_file(tmp_path, monkeypatch, step):
    path = _write(tmp_path, "bid.txt", b"the old text")
    module, name = step.split(".")
    monkeypatch.setattr(os, name, _fail_with(errno.ENOSPC))
    with pytest.raises(WriteError) as info:
        write_text_atomic(path, "the new text " * 1000)
    monkeypatch.undo()
    _one_line_naming(str(info.value), "bid.txt")
    assert "disk is full" in str(info.value)
    assert path.read_bytes() == b"the old text"
    _no_temp_files(tmp_path, "bid.txt")


def test_write_failing_halfway_through_the_data(tmp_path, monkeypatch):
    path = _write(tmp_path, "bid.txt", b"the old text")
    real_fdopen = os.fdopen

    class HalfFull(io.RawIOBase):
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.fh.close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfFull(real_fdopen(fd, mode)))
    with pytest.raises(WriteError, match="disk is full"):
        write_text_atomic(path, "new " * 10_000)
    monkeypatch.undo()
    assert path.read_bytes() == b"the old text"
    _no_temp_files(tmp_path, "bid.txt")


def test_read_only_folder_is_one_clear_line(tmp_path, monkeypatch):
    path = _write(tmp_path, "leaflet.txt", b"old")
    monkeypatch.setattr(tempfile, "mkstemp", _fail_with(errno.EROFS))
    with pytest.raises(WriteError) as info:
        write_text_atomic(path, "new")
    _one_line_naming(str(info.value), "leaflet.txt")
    assert "read-only" in str(info.value)
    assert path.read_bytes() == b"old"


def test_missing_folder(tmp_path):
    with pytest.raises(WriteError, match="folder does not exist"):
        write_text_atomic(tmp_path / "nowhere" / "x.txt", "text")


def test_a_folder_in_the_way(tmp_path):
    (tmp_path / "x.txt").mkdir()
    with pytest.raises(WriteError, match="folder with that name"):
        write_text_atomic(tmp_path / "x.txt", "text")


def test_permissions_of_the_old_file_are_kept(tmp_path):
    path = _write(tmp_path, "shared.txt", b"old")
    path.chmod(0o640)
    write_text_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    path = tmp_path / "new.txt"
    write_text_atomic(path, "text")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def _modes_while_writing(monkeypatch) -> list[int]:
    """Record the mode of each file os.fdopen is given, before a byte is written to it."""
    seen: list[int] = []
    real_fdopen = os.fdopen

    def spying(fd, *args, **kwargs):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", spying)
    return seen


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
@pytest.mark.parametrize("private", [False, True])
def test_the_temporary_file_is_private_from_its_first_byte(tmp_path, monkeypatch, private):
    """A save's text never sits in a file others can open, even for a moment."""
    path = _write(tmp_path, "shared.txt", b"old")
    path.chmod(0o644)
    seen = _modes_while_writing(monkeypatch)
    write_text_atomic(path, "Mrs Smith's discharge letter", private=private)
    assert seen == [0o600]
    assert stat.S_IMODE(path.stat().st_mode) == (0o600 if private else 0o644)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_a_private_save_over_a_readable_file_leaves_it_private(tmp_path):
    path = _write(tmp_path, "autosave.json", b"old")
    path.chmod(0o664)  # as an earlier release wrote autosaves
    write_text_atomic(path, "new", private=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == "new"
    new = tmp_path / "new.json"
    write_text_atomic(new, "text", private=True)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_a_users_save_follows_the_umask_and_the_old_files_mode(tmp_path, umask):
    """Files the user saves keep the usual rules: not made private behind their back."""
    old = os.umask(umask)
    try:
        new = tmp_path / "new.txt"
        write_text_atomic(new, "text")
        kept = _write(tmp_path, "kept.txt", b"old")
        kept.chmod(0o664)
        write_text_atomic(kept, "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE(kept.stat().st_mode) == 0o664


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symbolic_link_is_written_through(tmp_path):
    target = _write(tmp_path, "real.txt", b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_text_atomic(link, "new")
    assert link.is_symlink() and target.read_bytes() == b"new"


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\t"),
    max_size=200,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"]),
       newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_round_trips(tmp_path, text, encoding, newline):
    path = tmp_path / "any.txt"
    assert write_text_atomic(path, text, encoding, newline, bom=encoding != "utf-8") is None
    doc = read_text(path)
    assert normalize_newlines(doc.text) == normalize_newlines(text)
    assert doc.encoding == encoding

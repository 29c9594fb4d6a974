"""Reading and writing the user's files: encodings, line endings, atomic saves."""

from jargonfree.formats.textfile import (
    ReadError,
    TextDocument,
    WriteError,
    decode_bytes,
    normalize_newlines,
    read_text,
    shown,
    write_text_atomic,
)

__all__ = [
    "ReadError",
    "TextDocument",
    "WriteError",
    "decode_bytes",
    "normalize_newlines",
    "read_text",
    "shown",
    "write_text_atomic",
]

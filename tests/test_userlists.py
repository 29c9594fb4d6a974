"""The user's accept/reject lists: plain text, notes kept, broken files kept aside."""

from __future__ import annotations

import os
import stat

import pytest

from jargonfree.formats import WriteError
from jargonfree.userlists import (
    add_word,
    load_word_list,
    normal_word,
    remove_word,
    save_word_list,
)


@pytest.fixture
def accept(tmp_path):
    return tmp_path / "data" / "accept.txt"


def test_missing_list_is_empty(accept):
    assert load_word_list(accept) == (frozenset(), None)


def test_words_notes_and_blank_lines(accept):
    accept.parent.mkdir()
    accept.write_text("# my words\nStakeholder\n\n  Co-Production  \nplace   based\n  # note\n")
    assert load_word_list(accept) == (
        frozenset({"stakeholder", "co-production", "place based"}), None
    )


def test_crlf_and_cp1252_lists_load(accept):
    accept.parent.mkdir()
    accept.write_bytes(b"caf\xe9\r\nna\xefve\r\n")
    assert load_word_list(accept)[0] == {"café", "naïve"}


@pytest.mark.parametrize(
    "content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"PK\x03\x04\x14\x00\x00\x00"],
    ids=["png", "zip"],
)
def test_broken_list_is_empty_with_a_warning_and_kept_aside(accept, content):
    accept.parent.mkdir()
    accept.write_bytes(content)
    words, warning = load_word_list(accept)
    assert words == frozenset()
    assert warning and "\n" not in warning and "accept.txt" in warning
    asides = list(accept.parent.glob("accept.txt.broken-*"))
    assert len(asides) == 1 and asides[0].read_bytes() == content
    assert not accept.exists()


def test_save_is_sorted_with_a_header(accept):
    save_word_list(accept, ["Zebra", "apple", "  ", "Apple"])
    lines = accept.read_text().splitlines()
    assert lines[0].startswith("# jargonfree accept list")
    assert lines[1:] == ["apple", "zebra"]
    save_word_list(accept.with_name("reject.txt"), ["x"])
    assert accept.with_name("reject.txt").read_text().startswith("# jargonfree reject list")


def test_add_and_remove_keep_the_users_notes(accept):
    accept.parent.mkdir()
    accept.write_text("# words our trust uses\nstakeholder\n# medical\nhypertension\n")
    assert add_word(accept, "Co-production") == {"stakeholder", "hypertension", "co-production"}
    assert add_word(accept, "co-production") == {"stakeholder", "hypertension", "co-production"}
    assert remove_word(accept, "STAKEHOLDER") == {"hypertension", "co-production"}
    assert accept.read_text() == "# words our trust uses\n# medical\nhypertension\nco-production\n"


def test_add_to_a_missing_list_creates_it(accept):
    assert add_word(accept, "Leverage") == {"leverage"}
    assert load_word_list(accept)[0] == {"leverage"}
    assert remove_word(accept.with_name("reject.txt"), "x") == frozenset()


def test_add_to_a_broken_list_keeps_the_old_file_aside(accept):
    accept.parent.mkdir()
    accept.write_bytes(b"\x00\x01\x02binary")
    assert add_word(accept, "leverage") == {"leverage"}
    assert [p.read_bytes() for p in accept.parent.glob("accept.txt.broken-*")] == [
        b"\x00\x01\x02binary"
    ]


def test_save_into_an_impossible_folder_is_a_write_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteError):
        add_word(tmp_path / "file" / "accept.txt", "word")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("  Place\tBased ", "place based"), ("Cafe\u0301", "café"), ("#tag", ""), ("", "")],
)
def test_normal_word(typed, stored):
    assert normal_word(typed) == stored


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no permission bits here")
def test_word_lists_are_private_an_allowed_word_can_be_a_name(tmp_path):
    path = tmp_path / "data" / "accept.txt"
    add_word(path, "Oyelaran")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

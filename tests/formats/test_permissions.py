"""Read-only by mode bits as well as os.access (the suite runs as root)."""

from __future__ import annotations

import os

from jargonfree.formats.permissions import is_read_only, save_problem


def test_mode_bits_mark_a_file_read_only_even_for_root(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    assert not is_read_only(path) and save_problem(path) is None
    os.chmod(path, 0o444)
    assert is_read_only(path)
    assert save_problem(path) == "The file a.txt is read-only"
    os.chmod(path, 0o644)


def test_a_folder_nobody_may_write_in_is_a_problem_for_new_and_old_files(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "old.txt").write_text("x", encoding="utf-8")
    os.chmod(folder, 0o555)
    try:
        for name in ("old.txt", "new.txt"):
            assert save_problem(folder / name) == f"The folder {folder} cannot be written to"
        assert not is_read_only(folder / "old.txt")
    finally:
        os.chmod(folder, 0o755)


def test_a_missing_file_in_a_writable_folder_may_be_saved(tmp_path):
    assert not is_read_only(tmp_path / "new.txt")
    assert save_problem(tmp_path / "new.txt") is None

"""Settings: typed defaults, only changed keys written, atomic, broken files kept aside."""

from __future__ import annotations

import errno
import json
import os

import pytest

from jargonfree.formats import WriteError
from jargonfree.settings import Settings, add_recent, load_settings, save_settings


@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "config" / "settings.json"


def test_missing_file_is_defaults_without_a_warning(settings_file):
    assert load_settings(settings_file) == (Settings(), None)


def test_round_trip(settings_file):
    s = Settings(profile="patient", disabled_categories=["passive"], word_limit=350,
                 theme="dark", font_size=14, hard_grade=8.5, long_sentence_words=20,
                 recent_files=["/tmp/ä.txt"], window_geometry="AdnQywAD",
                 hidden_categories=["uncommon"])
    save_settings(s, settings_file)
    assert load_settings(settings_file) == (s, None)


def test_only_changed_keys_are_written(settings_file):
    save_settings(Settings(theme="dark"), settings_file)
    assert json.loads(settings_file.read_text()) == {"theme": "dark"}
    save_settings(Settings(), settings_file)
    assert json.loads(settings_file.read_text()) == {}


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\x89PNG\r\n\x1a\n\x00\x00binary", b"[1, 2, 3]", b"", b'"just a string"'],
    ids=["bad-json", "binary", "a-list", "empty", "a-string"],
)
def test_broken_file_is_defaults_a_warning_and_kept_aside(settings_file, content):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(content)
    settings, warning = load_settings(settings_file)
    assert settings == Settings()
    assert warning and "\n" not in warning and str(settings_file) in warning
    asides = list(settings_file.parent.glob("settings.json.broken-*"))
    assert len(asides) == 1 and asides[0].read_bytes() == content
    assert asides[0].name in warning
    # Saving now cannot touch the kept copy.
    save_settings(Settings(theme="light"), settings_file)
    assert asides[0].read_bytes() == content


def test_wrong_types_fall_back_per_key_and_unknown_keys_are_ignored(settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(json.dumps({
        "profile": "patient",              # fine
        "theme": "purple",                 # not a theme
        "font_size": "12",                 # a string, not a number
        "word_limit": True,                # a bool is not a number
        "hard_grade": float("nan"),        # json.dumps writes NaN; json.loads reads it
        "very_hard_grade": 11,             # an int where a float is expected is fine
        "recent_files": ["a.txt", 3],      # not all strings
        "disabled_categories": ["passive", "no-such-check"],
        "from_a_newer_version": {"x": 1},  # unknown: ignored
    }))
    settings, warning = load_settings(settings_file)
    assert settings == Settings(profile="patient", very_hard_grade=11)
    assert warning and "\n" not in warning
    for key in ("theme", "font_size", "word_limit", "hard_grade", "recent_files"):
        assert key in warning
    assert "from_a_newer_version" not in warning
    assert settings_file.exists()  # a readable file with odd values is not moved


def test_unknown_profile_falls_back(settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"profile": "astronauts"}')
    assert load_settings(settings_file)[0].profile == "general"


def test_save_is_atomic(settings_file, monkeypatch):
    save_settings(Settings(theme="dark"), settings_file)
    before = settings_file.read_bytes()

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(WriteError, match="disk is full"):
        save_settings(Settings(theme="light"), settings_file)
    monkeypatch.undo()
    assert settings_file.read_bytes() == before
    assert [p.name for p in settings_file.parent.iterdir()] == ["settings.json"]


def test_save_into_an_impossible_folder_is_a_write_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteError):
        save_settings(Settings(theme="dark"), tmp_path / "file" / "settings.json")


def test_add_recent_moves_to_front_without_duplicates_and_limits():
    s = Settings()
    for name in ["a", "b", "c", "a"]:
        add_recent(s, name, limit=3)
    assert s.recent_files == ["a", "c", "b"]
    add_recent(s, "d", limit=3)
    assert s.recent_files == ["d", "a", "c"]

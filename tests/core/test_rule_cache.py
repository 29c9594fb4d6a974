"""The compiled rule cache cannot be turned against the user: a planted, tampered or
damaged file is never loaded (and never runs code); it is rebuilt instead."""

from __future__ import annotations

import marshal
import os
import pickle
import stat
import textwrap
import time
from pathlib import Path

import pytest

from jargonfree.core import rule_cache
from jargonfree.core.matcher import CompiledRules, Matcher

HAS_OWNERS = hasattr(os, "getuid")
RULES = """
    schema = 1
    category = "jargon"
    [[rule]]
    id = "leverage"
    match = ["leverage"]
    replace = ["use", "build on"]
    message = "Say what you will do."
    examples.flag = ["We will leverage it."]
    examples.pass = ["We will use it."]
"""


@pytest.fixture
def rules_folder(tmp_path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "network.toml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    return folder


def suggestions(cache: Path, rules_folder: Path) -> tuple[str, ...]:
    """What the rules offer for 'leverage', loaded as the analyser loads them."""
    compiled, _ = CompiledRules.load_files(cache, rules_folder)
    [finding] = Matcher(compiled.rules, compiled).match("We will leverage it.").findings
    return finding.suggestions


def cache_file(cache: Path) -> Path:
    [path] = cache.glob(f"rules-*{rule_cache.CACHE_SUFFIX}")
    return path


def plant(path: Path, mode: int = 0o600) -> None:
    """Replace the cache with a tampered copy that suggests 'TAMPERED' for everything
    (a well-formed file, hash and all: what someone who can write the file could make)."""
    meta, compiled = rule_cache.load_compiled(path.read_bytes())
    for key, (_plain, explained) in list(compiled.wording.items()):
        compiled.wording[key] = (("TAMPERED",), explained)
    path.unlink()
    path.write_bytes(rule_cache.dump_compiled(compiled, meta))
    path.chmod(mode)


@pytest.fixture
def cache(tmp_path, rules_folder) -> Path:
    folder = tmp_path / "cache"
    assert suggestions(folder, rules_folder) == ("use", "build on")  # builds the cache
    return folder


def test_the_cache_is_read_back_not_rebuilt(cache, rules_folder):
    before = cache_file(cache).stat().st_ino
    assert suggestions(cache, rules_folder) == ("use", "build on")
    assert cache_file(cache).stat().st_ino == before  # the same file: it was loaded


def test_a_tampered_cache_of_ours_is_loaded_so_the_checks_below_mean_something(
        cache, rules_folder):
    plant(cache_file(cache))
    assert suggestions(cache, rules_folder) == ("TAMPERED",)


@pytest.mark.skipif(not HAS_OWNERS, reason="no owners or permission bits here")
def test_the_cache_and_its_folder_are_private(cache):
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_file(cache).stat().st_mode) == 0o600


@pytest.mark.skipif(not HAS_OWNERS, reason="no owners or permission bits here")
@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602])
def test_a_cache_others_can_write_is_not_loaded_but_rebuilt(cache, rules_folder, mode):
    path = cache_file(cache)
    plant(path, mode)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert suggestions(cache, rules_folder) == ("use", "build on")
    assert stat.S_IMODE(cache_file(cache).stat().st_mode) == 0o600  # rebuilt, ours
    assert suggestions(cache, rules_folder) == ("use", "build on")


@pytest.mark.skipif(not HAS_OWNERS, reason="no owners or permission bits here")
def test_a_cache_owned_by_someone_else_is_not_loaded_but_rebuilt(cache, rules_folder):
    path = cache_file(cache)
    plant(path)
    other = 65534 if os.getuid() != 65534 else 65533  # "nobody"
    try:
        os.chown(path, other, -1)
    except PermissionError:
        pytest.skip("this user cannot give a file to another user (only root can)")
    assert path.stat().st_uid == other
    assert suggestions(cache, rules_folder) == ("use", "build on")
    assert cache_file(cache).stat().st_uid == os.getuid()  # rebuilt, ours


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_cache_that_is_a_link_is_not_followed(cache, rules_folder, tmp_path):
    path = cache_file(cache)
    elsewhere = tmp_path / "elsewhere.bin"
    path.rename(elsewhere)
    plant(elsewhere)
    path.symlink_to(elsewhere)
    assert suggestions(cache, rules_folder) == ("use", "build on")


class _Payload:
    """Unpickling this runs os.mkdir(marker): what a planted cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def test_a_cache_that_would_run_code_runs_nothing(cache, rules_folder, tmp_path):
    """Even in a file of our own with the right mode, nothing is unpickled: a pickle that
    would run code in place of the cache (the old format) is not read but rebuilt."""
    marker = tmp_path / "the-cache-ran-code"
    path = cache_file(cache)
    path.unlink()
    path.write_bytes(pickle.dumps(_Payload(marker)))
    path.chmod(0o600)
    assert suggestions(cache, rules_folder) == ("use", "build on")
    assert not marker.exists()
    assert suggestions(cache, rules_folder) == ("use", "build on")  # rebuilt, loads


def _rewritten(path: Path, change) -> None:
    """Rewrite the cache file's bytes with `change(bytes) -> bytes`, keeping its mode."""
    data = change(path.read_bytes())
    path.unlink()
    path.write_bytes(data)
    path.chmod(0o600)


@pytest.mark.parametrize("damage", [
    pytest.param(lambda b: b[: len(b) // 2], id="cut short"),
    pytest.param(lambda b: b[:-100] + bytes([b[-100] ^ 1]) + b[-99:], id="one bit flipped"),
    pytest.param(lambda b: b"", id="empty"),
    pytest.param(lambda b: b.replace(b"marshal 4", b"marshal 9", 1), id="another format"),
])
def test_a_damaged_cache_is_not_decoded_but_rebuilt(cache, rules_folder, damage):
    """The body's hash is checked before marshal sees a byte: a damaged file is rebuilt."""
    plant(cache_file(cache))  # so that reading the file, not rebuilding, would show
    _rewritten(cache_file(cache), damage)
    assert rule_cache._read_cache(cache_file(cache)) is None
    assert suggestions(cache, rules_folder) == ("use", "build on")
    assert rule_cache._read_cache(cache_file(cache)) is not None  # rebuilt, whole again


def test_a_well_hashed_file_of_other_data_is_not_used(cache, rules_folder):
    """A file with a right hash over the wrong content (another shape of the rules, or a
    marshalled code object) is refused after decoding, and nothing in it is run."""
    plant(cache_file(cache))
    header = rule_cache._HEADER
    for body in ({"rules": "not rules"}, compile("import os", "x", "exec"), [1, 2, 3]):
        data = marshal.dumps(body)
        _rewritten(cache_file(cache),
                   lambda _b, data=data: header + rule_cache.hashlib.sha256(data).digest() + data)
        assert rule_cache._read_cache(cache_file(cache)) is None
    assert suggestions(cache, rules_folder) == ("use", "build on")


@pytest.mark.skipif(not HAS_OWNERS, reason="no owners or permission bits here")
def test_a_loose_cache_folder_is_made_private(tmp_path, rules_folder):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o777)
    suggestions(folder, rules_folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_temporary_file_left_by_a_killed_process_is_cleared(tmp_path, rules_folder):
    folder = tmp_path / "cache"
    folder.mkdir()
    left = folder / "rules-0123456789abcdef01234567.4242.tmp"
    left.write_bytes(b"half a cache")
    recent = folder / "rules-0123456789abcdef01234567.4243.tmp"
    recent.write_bytes(b"another copy writing now")
    os.utime(left, (time.time() - 7200, time.time() - 7200))
    suggestions(folder, rules_folder)
    assert not left.exists() and recent.exists()

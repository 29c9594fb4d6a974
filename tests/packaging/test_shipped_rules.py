"""The built-in rules compiled at build time (hatch_build.py -> jargonfree/compiled/).

"Shipped" in a source checkout means what the build hook makes: write_shipped(), the one
function hatch_build.py calls. With JARGONFREE_WHEEL set to a built wheel (.ci/run sets
it), the file inside that wheel is checked too, so a rule edit without a rebuild fails."""

from __future__ import annotations

import os
import pickle
import shutil
import zipfile
from pathlib import Path

import pytest

from jargonfree.core import matcher, rule_cache
from jargonfree.core.analyze import Analyzer
from jargonfree.core.matcher import CompiledRules
from jargonfree.core.rule_cache import SHIPPED_NAME, compile_builtin, write_shipped
from jargonfree.core.rules import read_rule_files

TEXT = "We will utilise the multidisciplinary team to facilitate your care pathway."


def canonical(compiled: CompiledRules) -> dict:
    """Everything a CompiledRules holds, in a form where equal means the same rules."""
    out = {}
    for name, value in vars(compiled).items():
        if isinstance(value, matcher.PhraseTable):
            value = vars(value)
        elif name == "wording":  # Wording tuples when compiled, plain ones when read back
            value = {k: tuple(w) for k, w in value.items()}
        out[name] = value
    return out


def _loaded(path: Path) -> tuple[dict, CompiledRules]:
    loaded = rule_cache.load_compiled(path.read_bytes())
    assert loaded is not None, f"{path} is not a whole compiled-rules file"
    return loaded


def test_shipped_rules_match_compiling_the_rule_files_now(tmp_path):
    path = write_shipped(tmp_path)
    meta, shipped = _loaded(path)
    assert meta["digest"] == read_rule_files()[1]
    assert canonical(shipped) == canonical(compile_builtin())


@pytest.mark.skipif(not os.environ.get("JARGONFREE_WHEEL"),
                    reason="no built wheel given (.ci/run sets JARGONFREE_WHEEL)")
def test_the_built_wheel_ships_the_rules_as_they_are_now(tmp_path):
    with zipfile.ZipFile(os.environ["JARGONFREE_WHEEL"]) as wheel:
        (tmp_path / SHIPPED_NAME).write_bytes(wheel.read(f"jargonfree/compiled/{SHIPPED_NAME}"))
        names = set(wheel.namelist())
    assert {"jargonfree/NOTICE", "jargonfree/resources/rules/medical.toml",
            "jargonfree/resources/samples/sample.txt"} <= names
    meta, shipped = _loaded(tmp_path / SHIPPED_NAME)
    assert meta["digest"] == read_rule_files()[1], "rules changed since the wheel was built"
    assert canonical(shipped) == canonical(compile_builtin())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """What the build hook writes (compiled once for this module: it takes seconds)."""
    return write_shipped(tmp_path_factory.mktemp("built"))


@pytest.fixture
def shipped(built, tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "package" / "compiled"
    folder.mkdir(parents=True)
    shutil.copyfile(built, folder / SHIPPED_NAME)
    (folder / SHIPPED_NAME).chmod(0o444)  # as installed: read-only
    folder.chmod(0o555)
    monkeypatch.setattr(rule_cache, "SHIPPED_DIR", folder)
    yield folder
    folder.chmod(0o755)


def test_a_fresh_install_uses_the_shipped_rules_and_writes_no_cache(shipped, tmp_path):
    cache = tmp_path / "cache"
    result = Analyzer(cache_dir=cache).analyze(TEXT)
    assert {f.rule_id for f in result.findings} >= {"wordy.utilise", "wordy.facilitate"}
    assert not cache.exists()  # nothing compiled, nothing written


def test_the_users_own_rules_are_compiled_into_the_cache(shipped, tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "mine.toml").write_text(
        'schema = 1\ncategory = "jargon"\nsource = "ours"\n\n'
        '[[rule]]\nid = "synergy"\nmatch = ["synergy"]\n'
        'replace = ["working together"]\nmessage = "Say what people do together."\n',
        encoding="utf-8")
    cache = tmp_path / "cache"
    analyzer = Analyzer(cache_dir=cache, own_rules_dir=own)
    assert not analyzer.warnings
    assert "own.mine.synergy" in {f.rule_id for f in analyzer.analyze("Real synergy.").findings}
    assert len(list(cache.glob(f"rules-*{rule_cache.CACHE_SUFFIX}"))) == 1


def test_shipped_rules_from_other_rule_files_are_not_used(shipped, tmp_path, monkeypatch):
    monkeypatch.setattr(matcher, "CACHE_VERSION", "a later shape")
    cache = tmp_path / "cache"
    Analyzer(cache_dir=cache)
    # compiled afresh, into the user's cache
    assert list(cache.glob(f"rules-*{rule_cache.CACHE_SUFFIX}"))
    assert rule_cache._read_shipped(read_rule_files()[1]) is None
    monkeypatch.undo()
    assert rule_cache._read_shipped("not these rules", shipped) is None


def test_caches_of_older_versions_are_removed(shipped, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    old = [cache / "rules-0123456789abcdef01234567.pickle",
           cache / "rules-0.0.9-0123456789abcdef01234567.pickle",
           cache / "rules-0.0.9-0123456789abcdef01234567.bin",
           cache / f"rules-{rule_cache._version()}-0123456789abcdef01234567.pickle"]
    for path in old:
        path.write_bytes(b"old")
    Analyzer(cache_dir=cache)
    assert not any(path.exists() for path in old)


def test_a_planted_shipped_file_runs_nothing(tmp_path, monkeypatch):
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    folder = tmp_path / "compiled"
    folder.mkdir()
    (folder / SHIPPED_NAME).write_bytes(pickle.dumps(({}, Evil())))
    monkeypatch.setattr(rule_cache, "SHIPPED_DIR", folder)
    Analyzer(cache_dir=tmp_path / "cache")
    assert not marker.exists()

"""Compiled rules on disk: the user's cache and the file shipped in the package.

Compiling 2,000 rules into every form takes seconds, so the result is kept: built into the
wheel by the build hook (jargonfree/compiled/rules.bin, `write_shipped`), else in the
user's cache folder, keyed by the rule files' hash and the code that compiles them. Both
hold marshal data behind a SHA-256 header (`dump_compiled`, `load_compiled`): a damaged,
cut-short, foreign or untrusted file is rebuilt, never decoded. core/matcher.py compiles;
this module only stores and finds what it compiled.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import stat
import time
from dataclasses import fields
from pathlib import Path

from jargonfree.core import matcher
from jargonfree.core.matcher import CACHE_VERSION, CompiledRules, PhraseTable
from jargonfree.core.rules import Rule, RuleSet, Sense, parse_rules, read_rule_files


def load_or_build(digest: str, build, cache_dir: Path) -> CompiledRules:
    """The compiled rules for rule files of this hash: shipped, cached, or `build()`
    and cached for next time."""
    shipped = _read_shipped(digest)
    if shipped is not None:  # the built-in rules, compiled when the package was built
        _clear_other_versions(cache_dir)
        return shipped
    key = hashlib.sha256(f"{_code_key()}:{digest}".encode()).hexdigest()[:24]
    path = cache_dir / f"rules-{_version()}-{key}{CACHE_SUFFIX}"
    compiled = _read_cache(path)
    if compiled is not None and compiled.digest == digest:
        _touch(path)  # recently used: kept when old ones are cleared
        return compiled
    compiled = build()  # none yet, or damaged, foreign or untrusted: rebuilt
    try:
        _private_folder(cache_dir)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(dump_compiled(compiled))
        tmp.replace(path)
        _clear_old(cache_dir, keep=path)
        _clear_other_versions(cache_dir)
    except OSError:
        pass  # a cache we cannot write is only slower
    return compiled


# The built-in rules compiled when the package is built (hatch_build.py calls
# write_shipped), inside the package: jargonfree/compiled/rules.bin. A source checkout
# has none (it is never committed), so there the built-in rules go to the user's cache.
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "compiled"
SHIPPED_NAME = "rules.bin"
CACHE_SUFFIX = ".bin"  # rules-VERSION-KEY.bin in the cache folder (a pickle before)


def compile_builtin() -> CompiledRules:
    """The built-in rule files (resources/rules), parsed and compiled: what is shipped."""
    found, digest = read_rule_files()
    return CompiledRules(parse_rules(found, digest))


def _shipped_meta(digest: str) -> dict[str, str]:
    """What a shipped file must have been built from to be used: this shape of compiled
    rules, this release, these rule files and (where it can be read) this lemminflect."""
    return {"cache_version": matcher.CACHE_VERSION, "version": _version(), "digest": digest,
            "lemminflect": _lemminflect_version()}


def write_shipped(folder: Path) -> Path:
    """Compile the built-in rules into `folder`/rules.bin (the build hook's work; tests
    call it too, so what they compare is made the same way). Returns the file's path."""
    compiled = compile_builtin()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SHIPPED_NAME
    path.write_bytes(dump_compiled(compiled, _shipped_meta(compiled.digest)))
    return path


def _read_shipped(digest: str, folder: Path | None = None) -> CompiledRules | None:
    """The shipped compiled rules when they were built from exactly these rule files by
    this release, else None. The file may belong to another user (a system-wide install)
    but must be an ordinary file no one else can write; it is read as the cache is (data
    only, checked against its own hash before it is decoded)."""
    path = (folder or SHIPPED_DIR) / SHIPPED_NAME
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (
                hasattr(os, "getuid") and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return None
        try:
            loaded = load_compiled(fh.read())
        except OSError:
            return None
    if loaded is None:
        return None
    meta, compiled = loaded
    want = _shipped_meta(digest)
    for name, value in want.items():
        if name == "lemminflect" and not (value and meta.get(name)):
            continue  # a frozen build has no lemminflect source to hash: same bundle
        if meta.get(name) != value:
            return None
    return compiled if compiled.digest == digest else None


def _version() -> str:
    import jargonfree

    return jargonfree.__version__


def _clear_other_versions(cache_dir: Path) -> None:
    """Remove compiled rules left by other releases (named rules-KEY.pickle before 0.1.0,
    rules-VERSION-KEY.pickle, then rules-VERSION-KEY.bin): an upgrade leaves no 3 MB
    files behind."""
    try:
        caches = [*cache_dir.glob("rules-*.pickle"), *cache_dir.glob(f"rules-*{CACHE_SUFFIX}")]
    except OSError:
        return
    ours = f"rules-{_version()}-"
    for old in caches:
        if not old.name.startswith(ours) or old.suffix != CACHE_SUFFIX:
            try:
                old.unlink()
            except OSError:
                pass


# The compiled rules on disk: a header, the SHA-256 of the body, and the body, which is
# marshal data (dicts, tuples, strings, numbers: no classes, nothing that runs). Measured
# against pickle (bench_rule_cache.py): a fresh process decodes it in about a third of the
# time, mostly because pickle rebuilt 11,000 dataclass objects through __setstate__, and
# because the cyclic garbage collector is held off while the million small objects are
# made. marshal trusts its input, so the hash is checked before a byte is decoded: a
# damaged or truncated file, or one written by another version, is rebuilt, never read.
_MAGIC = b"jargonfree compiled rules\n"
_MARSHAL_VERSION = 4  # readable by every Python 3 since 3.4, whoever wrote it
_HEADER = _MAGIC + f"{CACHE_VERSION} marshal {_MARSHAL_VERSION}\n".encode()
_RULE_FIELDS = tuple(f.name for f in fields(Rule))
_PARTS = {  # what the body holds, and the type each part must have
    "meta": dict, "rule_fields": tuple, "rules": tuple, "digest": str, "table": tuple,
    "unless": tuple, "wording": dict, "verb_only": dict, "plural": frozenset, "pos": dict,
    "modifier": dict, "verbs": frozenset, "plain_words": frozenset,
    "sense_cues": dict, "sense_wording": dict, "sense_modifier": dict,
    "groups_digest": str, "groups": tuple,
}
_SENSES = _RULE_FIELDS.index("senses")


def _plain_senses(senses: tuple[Sense, ...]) -> tuple:
    """[[rule.sense]] tables as plain tuples, for marshal."""
    return tuple((x.near, x.next, x.replace, x.modifier) for x in senses)


def _with_senses(values: tuple) -> tuple:
    """A rule's fields read from a file, its senses made Sense objects again."""
    senses = tuple(Sense(*x) for x in values[_SENSES])
    return values[:_SENSES] + (senses,) + values[_SENSES + 1 :]


def dump_compiled(compiled: CompiledRules, meta: dict | None = None) -> bytes:
    """The bytes of a compiled-rules file (the cache's and the shipped file's format)."""
    body = {
        "meta": meta or {},
        "rule_fields": _RULE_FIELDS,
        "rules": tuple(tuple(_plain_senses(getattr(r, f)) if f == "senses" else getattr(r, f)
                             for f in _RULE_FIELDS) for r in compiled.rules.rules),
        "digest": compiled.digest,
        "table": (compiled.table.entries, compiled.table.lengths),
        "unless": (compiled.unless.entries, compiled.unless.lengths),
        "wording": {k: (tuple(w[0]), w[1]) for k, w in compiled.wording.items()},
        "verb_only": compiled.verb_only,
        "plural": frozenset(compiled.plural),
        "pos": compiled.pos,
        "modifier": compiled.modifier,
        "verbs": frozenset(compiled.verbs),
        "plain_words": frozenset(compiled.plain_words),
        "sense_cues": compiled.sense_cues,
        "sense_wording": {k: (tuple(w[0]), w[1]) for k, w in compiled.sense_wording.items()},
        "sense_modifier": compiled.sense_modifier,
        "groups_digest": compiled.groups_digest,
        "groups": tuple(tuple(getattr(g, f.name) for f in fields(g)) for g in compiled.groups),
    }
    data = marshal.dumps(body, _MARSHAL_VERSION)
    return _HEADER + hashlib.sha256(data).digest() + data


def load_compiled(raw: bytes) -> tuple[dict, CompiledRules] | None:
    """(meta, compiled rules) from a file's bytes, or None when they are not a whole,
    undamaged file of this format written by this shape of the code."""
    start = len(_HEADER) + 32
    if len(raw) <= start or not raw.startswith(_HEADER):
        return None
    data = memoryview(raw)[start:]
    if hashlib.sha256(data).digest() != raw[len(_HEADER) : start]:
        return None  # damaged, cut short or edited: not decoded at all
    enabled = gc.isenabled()
    gc.disable()  # a million new containers: no collection passes over them meanwhile
    try:
        body = marshal.loads(data)
        if not isinstance(body, dict) or body.get("rule_fields") != _RULE_FIELDS or any(
                not isinstance(body.get(name), kind) for name, kind in _PARTS.items()):
            return None
        compiled = CompiledRules.__new__(CompiledRules)
        rules = RuleSet(tuple(Rule(*_with_senses(values)) for values in body["rules"]),
                        body["digest"])
        compiled.rules, compiled.digest = rules, rules.digest
        compiled.table, compiled.unless = PhraseTable(), PhraseTable()
        compiled.table.entries, compiled.table.lengths = body["table"]
        compiled.unless.entries, compiled.unless.lengths = body["unless"]
        for name in ("wording", "verb_only", "plural", "pos", "modifier", "verbs",
                     "plain_words", "sense_cues", "sense_wording", "sense_modifier",
                     "groups_digest"):
            setattr(compiled, name, body[name])
        from jargonfree.core.checks.consistency import Group

        compiled.groups = tuple(Group(*values) for values in body["groups"])
        if enabled:
            # A million long-lived objects: left out of every later collection (each full
            # collection walked them all, 8-10 ms a time, several times in a short check).
            gc.freeze()
        return body["meta"], compiled
    except (ValueError, TypeError, EOFError):
        return None
    finally:
        if enabled:
            gc.enable()


def _read_cache(path: Path) -> CompiledRules | None:
    """The cached rules, or None when there are none or they cannot be trusted: on
    systems with owners, the file must be an ordinary file of this user's, writable by no
    one else (the cache folder is private; a file that is not is someone else's doing)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        if not trusted_file(os.fstat(fd)):
            return None
        try:
            loaded = load_compiled(fh.read())
        except OSError:
            return None
    return None if loaded is None else loaded[1]


def _private_folder(folder: Path) -> None:
    """The cache folder, made (or tightened to) 0o700: only its owner may put files there.
    (jargonfree.paths.ensure_private does this for the app's other folders; the core
    keeps its own two lines so that it imports nothing outside itself.)"""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if hasattr(os, "getuid") and info.st_uid == os.getuid() and info.st_mode & 0o077:
        folder.chmod(0o700)


def trusted_file(info: os.stat_result) -> bool:
    """An ordinary file owned by the current user and not writable by group or others."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if not hasattr(os, "getuid"):  # Windows: no owner bits to check
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


KEEP_CACHES = 3  # compiled rule sets kept (with and without the user's rules, say)


def _code_key() -> str:
    """What else the compiled rules depend on: this release's code that builds them and
    lemminflect's version, so an upgrade never serves suggestions built the old way."""
    import jargonfree
    from jargonfree.core import inflect, rules, slots, spelling

    parts = [matcher.CACHE_VERSION, jargonfree.__version__, _lemminflect_version()]
    for module in (__file__, matcher.__file__, inflect.__file__, rules.__file__, slots.__file__,
                   spelling.__file__):
        try:
            parts.append(hashlib.sha256(Path(module).read_bytes()).hexdigest())
        except (OSError, TypeError):
            pass  # a frozen build has no sources; its version says enough
    return ":".join(parts)


def _lemminflect_version() -> str:
    """lemminflect's version without importing it (60 ms) or reading package metadata
    (a scan of every installed package, 50 ms): the hash of its __init__.py."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("lemminflect")
        origin = spec.origin if spec else None
        return hashlib.sha256(Path(origin).read_bytes()).hexdigest()[:16] if origin else ""
    except (ImportError, OSError, ValueError):
        return ""


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _clear_old(cache_dir: Path, keep: Path) -> None:
    """Delete compiled rule sets beyond the KEEP_CACHES most recently used (each edit of
    a rule file makes a new one of about 3 MB)."""
    caches = sorted(cache_dir.glob(f"rules-*{CACHE_SUFFIX}"),
                    key=lambda p: p.stat().st_mtime if p.exists() else 0, reverse=True)
    # A process killed while writing leaves its temporary file: gone after an hour.
    stray = [p for p in cache_dir.glob("rules-*.tmp") if _age_s(p) > 3600]
    for old in [p for p in caches if p != keep][KEEP_CACHES - 1 :] + stray:
        try:
            old.unlink()
        except OSError:
            pass


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0

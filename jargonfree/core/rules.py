"""Load and validate the rule files in resources/rules/*.toml (schema 1)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from jargonfree.core.model import CATEGORIES, LEVELS
from jargonfree.resources import resource_path

SCHEMA = 1
RULE_FILES = ("network", "wordy", "medical", "misleading")  # consistency.toml has groups
ID_RE = re.compile(r"[a-z0-9][a-z0-9_]*\Z")
RULE_KEYS = {
    "id", "match", "replace", "inflect", "unless", "level", "explain", "message", "source",
    "examples", "pos", "modifier", "sense",
}
SENSE_KEYS = {"near", "next", "replace", "modifier"}
NEXT_WINDOW = 3  # `next` looks at this many words after the term
# `pos`: what the matched term is, where lemminflect's guess is not enough. It decides
# which slots the term can fill (a noun or adjective can stand before a noun; a verb's
# participle before a noun is an adjective use). Optional: guessed from the words if left out.
POS_NAMES = ("noun", "verb", "adjective", "adverb")


@dataclass(frozen=True, slots=True)
class Sense:
    """A `[[rule.sense]]` table: where the words around the term say which sense is
    meant, the one-click rewrites for that sense (an empty `replace`: flag it, with the
    message and nothing to paste). `near`: words anywhere in the sentence; `next`: words
    among the NEXT_WINDOW words after the term. Either may hold phrases; any inflection."""

    near: tuple[str, ...] = ()
    next: tuple[str, ...] = ()
    replace: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()


class RuleError(ValueError):
    """A rule file is broken; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class Rule:
    key: str  # "<file stem>.<id>": the finding's rule_id
    id: str
    category: str
    match: tuple[str, ...]
    replace: tuple[str, ...]
    message: str
    inflect: int = 0
    unless: tuple[str, ...] = ()
    level: str = "suggestion"
    explain: str | None = None
    source: str | None = None
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    fix_examples: tuple[tuple[str, str], ...] = ()  # (flagged text, with 1st suggestion)
    pos: tuple[str, ...] = ()  # noun, verb, adjective, adverb; () = guess from the words
    modifier: tuple[str, ...] = ()  # replacements that read right before a noun
    senses: tuple[Sense, ...] = ()  # rewrites that depend on the words around the term


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    digest: str  # hash of the files' bytes: the compiled-matcher cache key
    by_key: dict[str, Rule] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_key.update({r.key: r for r in self.rules})

    def families(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.rules:
            family = r.key.split(".", 1)[0]
            counts[family] = counts.get(family, 0) + 1
        return counts


def rules_dir() -> Path:
    return resource_path("rules")


def _str_list(value: object, where: str, name: str, *, required: bool) -> tuple[str, ...]:
    if value is None:
        if required:
            raise RuleError(f"{where}: '{name}' is missing")
        return ()
    if isinstance(value, str):
        raise RuleError(f"{where}: '{name}' must be a list of strings, not one string")
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{where}: '{name}' must be a list of non-empty strings")
    if required and not value:
        raise RuleError(f"{where}: '{name}' is empty")
    return tuple(v.strip() for v in value)


def _parse_rule(raw: object, stem: str, category: str, default_source: str | None,
                index: int, fname: str) -> Rule:
    where = f"{fname}: rule {index + 1}"
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: each [[rule]] must be a table")
    rid = raw.get("id")
    if not isinstance(rid, str) or not ID_RE.match(rid):
        raise RuleError(f"{where}: 'id' must be lowercase letters, digits and _ (got {rid!r})")
    where = f"{fname}: rule '{rid}'"
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    match = _str_list(raw.get("match"), where, "match", required=True)
    explain = raw.get("explain")
    if explain is not None and (not isinstance(explain, str) or not explain.strip()):
        raise RuleError(f"{where}: 'explain' must be a non-empty string")
    senses = _senses(raw.get("sense"), where)
    # `replace = []`: flagged with the message and nothing to paste, where no plain word
    # keeps the meaning (or only where a sense says which rewrite fits).
    if "replace" not in raw and explain is None:
        raise RuleError(f"{where}: 'replace' is missing (write [] to offer nothing)")
    replace = _str_list(raw.get("replace"), where, "replace", required=False)
    if "replace" not in raw:
        replace = (explain.strip(),)
    if len(replace) > 3:
        raise RuleError(f"{where}: give at most 3 replacements (got {len(replace)})")
    if any("|" in r for r in replace):
        raise RuleError(f"{where}: write replacements as a list, not 'a|b'")
    inflect = raw.get("inflect", 0)
    if not isinstance(inflect, int) or isinstance(inflect, bool) or inflect < 0:
        raise RuleError(f"{where}: 'inflect' must be a word index (0, 1, ...)")
    level = raw.get("level", "suggestion")
    if level not in LEVELS:
        raise RuleError(f"{where}: 'level' must be one of {', '.join(LEVELS)}")
    message = raw.get("message")
    if not isinstance(message, str) or not message.strip():
        raise RuleError(f"{where}: 'message' is missing")
    source = raw.get("source", default_source)
    if source is not None and not isinstance(source, str):
        raise RuleError(f"{where}: 'source' must be a string")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict):
        raise RuleError(f"{where}: 'examples' must be a table with 'flag' and 'pass'")
    flag = _str_list(examples.get("flag"), where, "examples.flag", required=False)
    passes = _str_list(examples.get("pass"), where, "examples.pass", required=False)
    fixes = _fix_pairs(examples.get("fix"), where)
    pos = _str_list(raw.get("pos"), where, "pos", required=False)
    if any(p not in POS_NAMES for p in pos):
        raise RuleError(f"{where}: 'pos' may hold {', '.join(POS_NAMES)}")
    modifier = _str_list(raw.get("modifier"), where, "modifier", required=False)
    if len(modifier) > 3:
        raise RuleError(f"{where}: give at most 3 modifier forms (got {len(modifier)})")
    if any("|" in m for m in modifier):
        raise RuleError(f"{where}: write modifier forms as a list, not 'a|b'")
    return Rule(
        pos=pos, modifier=modifier, senses=senses,
        key=f"{stem}.{rid}", id=rid, category=category, match=match, replace=replace,
        message=message.strip(), inflect=inflect,
        unless=_str_list(raw.get("unless"), where, "unless", required=False),
        level=level, explain=explain.strip() if explain else None, source=source,
        flag_examples=flag, pass_examples=passes, fix_examples=fixes,
    )


def _senses(value: object, where: str) -> tuple[Sense, ...]:
    """[[rule.sense]] tables, checked: each says where it applies (`near` or `next`) and
    what to offer there (`replace`, which may be empty; `modifier`)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise RuleError(f"{where}: 'sense' must be [[rule.sense]] tables")
    out = []
    for i, raw in enumerate(value, 1):
        here = f"{where}: sense {i}"
        unknown = set(raw) - SENSE_KEYS
        if unknown:
            raise RuleError(f"{here}: unknown key(s) {', '.join(sorted(unknown))}")
        near = _str_list(raw.get("near"), here, "near", required=False)
        nxt = _str_list(raw.get("next"), here, "next", required=False)
        if not near and not nxt:
            raise RuleError(f"{here}: give the words that show this sense ('near' or 'next')")
        if "replace" not in raw:
            raise RuleError(f"{here}: 'replace' is missing (write [] to offer nothing)")
        replace = _str_list(raw.get("replace"), here, "replace", required=False)
        modifier = _str_list(raw.get("modifier"), here, "modifier", required=False)
        if len(replace) > 3 or len(modifier) > 3:
            raise RuleError(f"{here}: give at most 3 replacements")
        if any("|" in r for r in replace + modifier):
            raise RuleError(f"{here}: write replacements as a list, not 'a|b'")
        out.append(Sense(near=near, next=nxt, replace=replace, modifier=modifier))
    return tuple(out)


def _fix_pairs(value: object, where: str) -> tuple[tuple[str, str], ...]:
    """examples.fix: [["We leveraged it.", "We used it."], ...], a flagged text and the
    same text with the rule's first suggestion pasted over the finding."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2
        and all(isinstance(t, str) and t.strip() for t in pair)
        for pair in value
    ):
        raise RuleError(f"{where}: 'examples.fix' must be a list of [text, fixed text] pairs")
    return tuple((before, after) for before, after in value)


def parse_rule_file(data: bytes, fname: str, family: str | None = None) -> list[Rule]:
    """Parse one rule file's bytes; RuleError names the file and rule on any problem.
    Rule keys are "<family>.<id>"; the family is the file's stem unless given."""
    import tomllib  # only when rules are compiled: a check reads them compiled

    stem = family or Path(fname).stem
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))  # Notepad may add a BOM
    except UnicodeDecodeError:
        raise RuleError(f"{fname}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{fname}: not valid TOML ({exc})") from None
    if doc.get("schema") != SCHEMA:
        raise RuleError(f"{fname}: 'schema = {SCHEMA}' is missing or wrong")
    category = doc.get("category")
    if category not in CATEGORIES:
        raise RuleError(f"{fname}: 'category' must be one of {', '.join(CATEGORIES)}")
    rules_raw = doc.get("rule", [])
    if not isinstance(rules_raw, list):
        raise RuleError(f"{fname}: rules must be [[rule]] tables")
    default_source = doc.get("source")
    rules = [
        _parse_rule(raw, stem, category, default_source, i, fname)
        for i, raw in enumerate(rules_raw)
    ]
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RuleError(f"{fname}: rule '{r.id}' is defined twice")
        seen.add(r.id)
    return rules


RuleFile = tuple[str, bytes, "str | None"]  # (file name, bytes, family or None: the stem)


def read_rule_files(directory: Path | None = None, files: tuple[str, ...] = RULE_FILES,
                    own: list[RuleFile] | tuple[RuleFile, ...] = (),
                    ) -> tuple[list[RuleFile], str]:
    """The rule files' bytes (missing ones skipped), the user's own first, and their hash,
    without parsing, so a cache of the parsed and compiled rules can be checked first."""
    directory = directory or rules_dir()
    digest = hashlib.sha256(f"schema{SCHEMA}".encode())
    found: list[RuleFile] = []
    for name, data, family in own:
        digest.update(b"own\0" + name.encode() + b"\0" + data)
        found.append((name, data, family))
    for stem in files:
        path = directory / f"{stem}.toml"
        if not path.is_file():
            continue
        data = path.read_bytes()
        digest.update(stem.encode() + b"\0" + data)
        found.append((path.name, data, None))
    return found, digest.hexdigest()


def parse_rules(found: list[RuleFile], digest: str) -> RuleSet:
    rules: list[Rule] = []
    keys: dict[str, str] = {}
    for name, data, family in found:
        for rule in parse_rule_file(data, name, family):
            if rule.key in keys:
                raise RuleError(
                    f"{name}: rule '{rule.id}' has the same id as one in {keys[rule.key]}")
            keys[rule.key] = name
            rules.append(rule)
    return RuleSet(tuple(rules), digest)


def load_rules(directory: Path | None = None, files: tuple[str, ...] = RULE_FILES) -> RuleSet:
    """Load the rule files (missing ones are skipped); raises RuleError on a broken one."""
    return parse_rules(*read_rule_files(directory, files))


OWN_FAMILY = "own"  # the user's rules: rule ids "own.<file>.<id>"


def read_own_rule_files(folder: Path | None) -> tuple[list[RuleFile], list[str]]:
    """The user's own rule files (*.toml in `folder`) that parse, and one warning line
    for each that does not: a broken file is left where it is, untouched, and jargonfree
    goes on with its own rules and the user's other files."""
    if folder is None or not folder.is_dir():
        return [], []
    found: list[RuleFile] = []
    warnings: list[str] = []
    families: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        family = f"{OWN_FAMILY}.{_family_name(path.stem)}"
        if family in families:  # "My Terms.toml" and "my-terms.toml": the same rule ids
            warnings.append(f"your rule file {path} was not used: its name gives the same "
                            f"rule ids as {families[family]}; rename one of them")
            continue
        try:
            data = path.read_bytes()
            parse_rule_file(data, path.name, family)
        except (OSError, RuleError) as exc:
            problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problem = problem.removeprefix(f"{path.name}: ")  # the path is said already
            warnings.append(f"your rule file {path} was not used: {problem}")
            continue
        found.append((path.name, data, family))
        families[family] = path.name
    return found, warnings


def _family_name(stem: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_") or "rules"

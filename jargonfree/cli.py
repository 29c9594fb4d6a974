"""The `jargonfree` command: the editor, and check / score / rules for scripts.

Exit codes: 0 done (findings or not); 1 a finding at or above --fail-on; 2 bad usage or
an input that could not be read. Imports are kept to what each command needs, so
`--version` and `rules` never load the analysis engine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from jargonfree import __version__

COMMANDS = ("check", "score", "fix", "rules")
PROFILE_NAMES = ("general", "patient", "bid", "specialist")


def _reader(path: str, quiet: bool = False):
    """Read one input (text, .docx or standard input) as a formats.Document; raises
    formats.ReadError with a one-line message. A warning (stray bytes replaced, parts of a
    .docx that cannot be checked) goes to standard error (unless quiet: the caller prints
    doc.warning) and the check goes on."""
    from jargonfree.formats import decode_bytes
    from jargonfree.formats.documents import Document, read_document

    if path == "-":
        text_doc = decode_bytes(sys.stdin.buffer.read(), "standard input")
        doc = Document(path, text_doc.text, "text", text_doc, text_doc.warning)
    else:
        doc = read_document(path)
    if doc.warning and not quiet:
        print(f"jargonfree: warning: {doc.warning}", file=sys.stderr)
    return doc


def _user_options(args):
    from jargonfree.core.model import Options

    if getattr(args, "no_user_lists", False):
        return Options()
    from jargonfree.paths import AppPaths
    from jargonfree.userlists import load_word_list

    paths = AppPaths.default()
    accept, warn_a = load_word_list(paths.accept_file)
    reject, warn_r = load_word_list(paths.reject_file)
    for warning in (warn_a, warn_r):
        if warning:
            print(f"jargonfree: warning: {warning}", file=sys.stderr)
    return Options(accept=accept, reject=reject)


def _as_written(options, doc):
    """The user's options, saying how this document's text is written (Markdown or not)."""
    return replace(options, markup="markdown") if doc.kind == "markdown" else options


def _analyzer(args):
    from jargonfree.core.analyze import Analyzer
    from jargonfree.paths import AppPaths

    paths = AppPaths.default()
    own = None if getattr(args, "no_user_lists", False) else paths.rules_dir
    analyzer = Analyzer(cache_dir=paths.cache_dir, own_rules_dir=own)
    for warning in analyzer.warnings:
        print(f"jargonfree: warning: {warning}", file=sys.stderr)
    return analyzer


def _check(args) -> int:
    from jargonfree.batch import worth_forking
    from jargonfree.core.model import level_rank
    from jargonfree.formats import ReadError
    from jargonfree.formats.documents import analyze_as_written, expand_inputs, relocate_findings

    analyzer = None
    options = _user_options(args)
    outputs = []
    status = 0
    worst = -1
    files = expand_inputs(args.files)
    batch = worth_forking(files) and "-" not in files  # many files: on all cores
    if batch:
        analyzer = _analyzer(args)  # warm before the copies are forked

    def check_one(path):
        """(error, warning, (kind, result)) for one input; printing is left to the caller,
        so that lines come out in the order the files were given."""
        nonlocal analyzer
        try:
            doc = _reader(path, quiet=True)
        except ReadError as exc:
            return str(exc), None, None
        analyzer = analyzer or _analyzer(args)
        result = analyze_as_written(analyzer, doc.text, args.profile, _as_written(options, doc),
                                    prefill=not batch)  # long texts: both cores
        if doc.kind == "docx":  # line = paragraph number
            result = replace(result, findings=relocate_findings(result.findings, doc.source))
        return None, doc.warning, (doc.kind, result)

    failed: list[str] = []
    for path, warning, (kind, result) in _readable(files, check_one, batch, failed):
        for f in result.findings:
            worst = max(worst, level_rank(f.level))
        if args.format == "json":
            entry = {"path": path, **result.to_dict()}
            if kind == "docx":
                entry["not_checked"] = warning
            outputs.append(entry)
        else:
            for f in result.findings:
                print(text_line(path, f))
    if failed:
        status = 2
    if args.format == "json":
        json.dump(outputs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if status == 0 and args.fail_on and worst >= level_rank(args.fail_on):
        status = 1
    return status


WORDS_SHOWN = 60  # characters of a finding's words in a text line; longer ones are cut


def text_line(path: str, f) -> str:
    """One finding as a compiler-style line: path:line:column: category: 'words':
    message [suggestion; suggestion]. The first four fields never change, so tools that
    split on them keep working; the words are on one line, long ones cut with "…"."""
    words = " ".join(f.text.split())
    if len(words) > WORDS_SHOWN:
        words = words[: WORDS_SHOWN - 1].rstrip() + "…"
    hint = f" [{'; '.join(f.suggestions)}]" if f.suggestions else ""
    return f"{path}:{f.line}:{f.column}: {f.category}: '{words}': {f.message}{hint}"


def _score(args) -> int:
    from jargonfree.core.describe import describe_readability
    from jargonfree.formats import ReadError

    inputs = args.files or ["-"]
    if len(inputs) > 1 or os.path.isdir(inputs[0]):
        return _score_table(args, inputs)
    from jargonfree.formats.documents import read_as_written

    path = inputs[0]
    try:
        doc = _reader(path)
    except ReadError as exc:
        print(f"jargonfree: {exc}", file=sys.stderr)
        return 2
    from jargonfree.core.scoring import readability_of

    # The scores need no rules and no findings: neither is loaded (analyze() gives the
    # same readability; tests/core/test_scoring.py compares them).
    readability = readability_of(read_as_written(doc.text, doc.kind), args.profile,
                                 _user_options(args))
    name = "standard input" if path == "-" else path
    print(name)
    for line in describe_readability(readability):
        print(f"  {line}")
    return 0


def _score_table(args, inputs: list[str]) -> int:
    """One line a file, the hardest first, and a total: which documents need work."""
    from jargonfree.batch import worth_forking
    from jargonfree.core.scoring import readability_of
    from jargonfree.formats import ReadError
    from jargonfree.formats.documents import expand_inputs, read_as_written

    status = 0
    options = _user_options(args)
    files = expand_inputs(inputs)
    batch = worth_forking(files) and "-" not in files

    def score_one(path):
        try:
            doc = _reader(path, quiet=True)
        except ReadError as exc:
            return str(exc), None, None
        text = read_as_written(doc.text, doc.kind)  # Markdown: without its markup
        return None, doc.warning, readability_of(text, args.profile, options)

    rows, failed = [], []
    for path, _warning, r in _readable(files, score_one, batch, failed):
        rows.append(("standard input" if path == "-" else path, r))
    if failed:
        status = 2
    unknown = float("-inf")
    rows.sort(key=lambda row: (row[1].reading_age if row[1].reading_age is not None
                               else unknown, row[0]), reverse=True)
    width = max([len(name) for name, _ in rows] + [4])
    print(f"{'file':<{width}}  {'words':>7}  {'reading age':>11}  {'SMOG band':>9}  target met")
    for name, r in rows:
        age = "n/a" if r.reading_age is None else f"{r.reading_age:.1f}"
        band = "n/a" if r.nhs_band is None else f"{r.nhs_band}%"
        met = {True: "yes", False: "no", None: "n/a"}[r.meets_target]
        print(f"{name:<{width}}  {r.words:>7}  {age:>11}  {band:>9}  {met}")
    met_count = sum(1 for _, r in rows if r.meets_target)
    words = sum(r.words for _, r in rows)
    print(f"{'total':<{width}}  {words:>7}  {len(rows)} file{'s' if len(rows) != 1 else ''}, "
          f"{met_count} meet{'s' if met_count == 1 else ''} the target")
    return status


def _fix(argv: list[str]) -> int:
    from functools import cache

    from jargonfree.cli_fix import build_parser, run_fix

    args = build_parser(PROFILE_NAMES).parse_args(argv)
    return run_fix(args, cache(lambda: _analyzer(args)), _user_options(args))


def _rules(args) -> int:
    from pathlib import Path

    from jargonfree.core.rules import (
        RuleError,
        load_rules,
        parse_rules,
        read_own_rule_files,
        rules_dir,
    )

    folder = Path(args.folder) if args.folder else rules_dir()
    if not folder.is_dir():
        print(f"jargonfree: {folder}: no such folder of rule files", file=sys.stderr)
        return 2
    try:
        rules = load_rules(folder, _rule_file_stems(args, folder))
        groups = None
        if args.check and (folder / "consistency.toml").is_file():
            from jargonfree.core.checks.consistency import load_groups

            groups = load_groups(folder / "consistency.toml")
    except (RuleError, ValueError, OSError) as exc:
        print(f"jargonfree: broken rule file: {exc}", file=sys.stderr)
        return 2
    families = rules.families()
    own_files, warnings = [], []
    if not args.folder:  # the bundled rules, and the user's own beside them
        from jargonfree.paths import AppPaths

        own_folder = AppPaths.default().rules_dir
        own_files, warnings = read_own_rule_files(own_folder)
        for name, data, family in own_files:
            families[family] = len(parse_rules([(name, data, family)], "").rules)
    width = max((len(f) for f in families), default=5)
    for family, count in families.items():
        print(f"{family:<{width}}  {count:>5} {'rule' if count == 1 else 'rules'}")
    print(f"{'total':<{width}}  {sum(families.values()):>5} rules")
    if groups is not None:
        print(f"{'consistency':<{width}}  {len(groups):>5} groups")
    if not args.folder and (own_files or warnings):
        print(f"Your own rules are read from {own_folder}.")
    if args.check:
        warnings += _examples_failing(args, folder, own_files)
        for warning in warnings:
            print(f"jargonfree: {warning}", file=sys.stderr)
        if warnings:
            return 2
        print("All rule files are valid and their examples do what they say.")
    else:
        for warning in warnings:
            print(f"jargonfree: warning: {warning}", file=sys.stderr)
    return 0


def _rule_file_stems(args, folder) -> tuple[str, ...]:
    """The rule files to read: the bundled families, or every *.toml in a folder given
    (consistency.toml holds groups, not rules)."""
    from jargonfree.core.rules import RULE_FILES

    if not args.folder:
        return RULE_FILES
    return tuple(sorted(p.stem for p in folder.glob("*.toml") if p.stem != "consistency"))


def _examples_failing(args, folder, own_files) -> list[str]:
    """One line per example (flag, pass, fix, match phrase, consistency group) of the
    checked rule files that does not do what it says, run as `check` runs them."""
    from jargonfree.core.analyze import Analyzer
    from jargonfree.core.examples import group_problems, phrase_problems, rule_problems
    from jargonfree.core.rules import parse_rules, read_rule_files

    if args.folder:
        found, digest = read_rule_files(folder, _rule_file_stems(args, folder))
        groups_file = folder / "consistency.toml"
        analyzer = Analyzer(parse_rules(found, digest),
                            consistency_file=groups_file if groups_file.is_file() else None)
    else:
        analyzer = Analyzer(parse_rules(*read_rule_files(own=own_files)))
    problems = []
    for rule in analyzer.rules.rules:
        problems += rule_problems(analyzer, rule) + phrase_problems(analyzer, rule)
    if args.folder and not (folder / "consistency.toml").is_file():
        return problems  # the bundled groups are not this folder's to check
    for group in analyzer.groups:
        problems += group_problems(analyzer, group)
    return problems


def _command_parser(command: str) -> argparse.ArgumentParser:
    prog = f"jargonfree {command}"
    if command == "check":
        p = argparse.ArgumentParser(prog=prog,
                                    description="Check files for jargon and hard text.")
        p.add_argument("files", nargs="+", metavar="FILE",
                       help="text, Markdown (.md) or .docx files, or folders of them; - reads "
                            "standard input")
        p.add_argument("--format", choices=("text", "json"), default="text")
        p.add_argument("--fail-on", choices=("suggestion", "warning", "error"), default=None,
                       help="exit 1 when a finding at or above this level is found")
    elif command == "score":
        p = argparse.ArgumentParser(prog=prog,
                                    description="Print readability scores in plain words.")
        p.add_argument("files", nargs="*", metavar="FILE",
                       help="text, .md or .docx files or folders; - or nothing reads standard "
                            "input; several files or a folder print one line a file, hardest "
                            "first")
    else:
        p = argparse.ArgumentParser(prog=prog, description="List the rule families with counts.")
        p.add_argument("--check", action="store_true",
                       help="validate the rule files and run their examples; exit 2 if any fails")
        p.add_argument("folder", nargs="?", metavar="FOLDER",
                       help="a folder of rule files to use instead of the bundled ones")
        return p
    p.add_argument("--profile", choices=PROFILE_NAMES, default="general",
                   help="who the text is for (default: general)")
    p.add_argument("--no-user-lists", action="store_true",
                   help="ignore your accepted and rejected words and your own rules")
    return p


def _editor_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jargonfree",
        description="Plain-language editor. "
                    "Commands: check, score, fix, rules (see COMMAND --help).",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="a text file to open in the editor")
    p.add_argument("--paste", action="store_true", help="open the editor on the clipboard's text")
    p.add_argument("--version", action="version", version=f"jargonfree {__version__}")
    p.add_argument("--install-desktop", action="store_true",
                   help="add jargonfree to your desktop's menu (entry, icons, software-centre "
                        "data in your own data folder) and say what was installed")
    p.add_argument("--uninstall-desktop", action="store_true",
                   help="remove what --install-desktop installed")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            command = argv[0]
            if command == "fix":
                return _fix(argv[1:])
            args = _command_parser(command).parse_args(argv[1:])
            return {"check": _check, "score": _score, "rules": _rules}[command](args)
        args = _editor_parser().parse_args(argv)
        if args.install_desktop or args.uninstall_desktop:
            from jargonfree import desktop

            try:
                lines = desktop.install() if args.install_desktop else desktop.uninstall()
            except OSError as exc:
                print(f"jargonfree: could not change the desktop files: {exc}", file=sys.stderr)
                return 2
            print("\n".join(lines))
            return 0
        from jargonfree.app.app import run

        editor_args = ([args.file] if args.file else []) + (["--paste"] if args.paste else [])
        return run(editor_args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback in front of a user
        if os.environ.get("JARGONFREE_DEBUG"):
            raise
        print(f"jargonfree: something went wrong: {type(exc).__name__}: {exc} "
              "(set JARGONFREE_DEBUG=1 to see the details)", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())


def _readable(files, job, batch: bool, failed: list):
    """Run `job(path) -> (error, warning, payload)` over the inputs (forked over all cores
    when `batch`), yielding (path, warning, payload) in the order given. An unreadable
    input gets its one line on standard error and is added to `failed`; a warning is
    printed before its file's output."""
    if batch:
        from jargonfree.batch import in_order

        results = in_order(job, files)
    else:
        results = map(job, files)
    for path, (error, warning, payload) in zip(files, results, strict=True):
        if error:
            print(f"jargonfree: {error}", file=sys.stderr)
            failed.append(path)
            continue
        if warning:
            print(f"jargonfree: warning: {warning}", file=sys.stderr)
        yield path, warning, payload

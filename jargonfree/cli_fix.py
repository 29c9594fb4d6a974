"""`jargonfree fix`: apply the first suggestion of each chosen finding to text and Word
files. For .docx the rewrites are Word tracked changes by default (author "jargonfree"),
so the author accepts or rejects each one in Word or LibreOffice.

Uses core/rewrite.apply_suggestions for the text of every file (the .docx's checked
text too, which is what accepting all its tracked changes gives).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from jargonfree.core.model import CATEGORIES


def build_parser(profile_names) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jargonfree fix",
        description="Apply the first suggestion of each finding and write the result "
                    "beside the input as NAME.plain.EXT (or OUT with --output). Findings "
                    "without a suggestion are never applied.")
    p.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md or .docx files")
    p.add_argument("--only", action="append", metavar="CATEGORY", type=_categories,
                   help="apply only findings of this category (repeat it, or give several "
                        f"with commas: {', '.join(CATEGORIES)}); rare words (uncommon) "
                        "are changed only when named here")
    p.add_argument("--rule", action="append", metavar="ID", type=_names,
                   help="apply only this rule (network.leverage, or just leverage; repeat it "
                        "or give several with commas)")
    p.add_argument("--profile", choices=profile_names, default="general",
                   help="who the text is for (default: general)")
    p.add_argument("--dry-run", action="store_true",
                   help="write nothing: print a diff (text) or a list of changes (.docx)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--output", "-o", metavar="OUT", help="write the result here")
    where.add_argument("--in-place", action="store_true",
                       help="save over the input (a private backup, NAME.backup.EXT, is kept)")
    track = p.add_mutually_exclusive_group()
    track.add_argument("--track-changes", dest="track", action="store_true", default=True,
                       help=".docx: write each change as a Word tracked change (the default)")
    track.add_argument("--no-track-changes", dest="track", action="store_false",
                       help=".docx: change the text directly")
    p.add_argument("--comments", action="store_true",
                   help=".docx: add a Word comment on each finding that has no suggestion")
    p.add_argument("--no-user-lists", action="store_true",
                   help="ignore your accepted and rejected words and your own rules")
    return p


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _categories(value: str) -> list[str]:
    names = _names(value)
    for name in names:
        if name not in CATEGORIES:
            raise argparse.ArgumentTypeError(
                f"{name!r} is not a category (choose from {', '.join(CATEGORIES)})")
    return names


# Rare words' suggestions are the simpler-words engine's guesses (right about half the
# time on the development sets): applied to a whole file only with --only uncommon.
ASKED_ONLY = frozenset({"uncommon"})


def chosen(findings, only, rules) -> list:
    """Findings to apply: with a suggestion, in the chosen categories and rules."""
    out = []
    for f in findings:
        if not f.suggestions:
            continue
        if only and f.category not in only:
            continue
        if not only and f.category in ASKED_ONLY:
            continue
        if rules and f.rule_id not in rules and f.rule_id.split(".", 1)[-1] not in rules:
            continue
        out.append(f)
    return out


def _flat(lists) -> set[str]:
    return {name for names in lists or () for name in names}


def output_path(path: str, args) -> str:
    if args.in_place:
        return path
    if args.output:
        return args.output
    p = Path(path)
    return str(p.with_name(f"{p.stem}.plain{p.suffix}"))


def _age(r) -> str:
    return "n/a" if r.reading_age is None else f"{r.reading_age:.1f}"


def run_fix(args, analyzer, options) -> int:
    from jargonfree.core.rewrite import apply_suggestions
    from jargonfree.formats import ReadError, WriteError
    from jargonfree.formats.documents import (
        analyze_as_written,
        expand_inputs,
        read_document,
        shown,
    )

    files = expand_inputs(args.files)
    status = 0
    if args.output and len(files) > 1:
        print("jargonfree: --output takes one input file; without it each result is written "
              "beside its input", file=sys.stderr)
        return 2
    for path in files:
        try:
            doc = read_document(path)
        except ReadError as exc:
            print(f"jargonfree: {exc}", file=sys.stderr)
            status = 2
            continue
        if doc.warning:
            print(f"jargonfree: warning: {doc.warning}", file=sys.stderr)
        analyzer_ = analyzer()
        # Markdown: markup is not checked, and no finding with a suggestion runs across
        # it (formats/markdown.py), so pasting suggestions keeps the markup as it was.
        written = replace(options, markup="markdown") if doc.kind == "markdown" else options
        before = analyze_as_written(analyzer_, doc.text, args.profile, written)
        picks = chosen(before.findings, _flat(args.only), _flat(args.rule))
        fixed_text, edits = apply_suggestions(doc.text, [(f, f.suggestions[0]) for f in picks])
        by_start = {f.start: f for f in picks}
        target = output_path(path, args)
        try:
            if doc.kind == "docx":
                made, fixed_text = _fix_docx(doc, edits, before, args, target, path)
            else:
                made = edits
                _fix_text(doc, fixed_text, args, target, path)
        except WriteError as exc:
            print(f"jargonfree: {exc}", file=sys.stderr)
            status = 2
            continue
        after = analyze_as_written(analyzer_, fixed_text, args.profile, written).readability
        counts = Counter(by_start[e.start].category for e in made if e.start in by_start)
        detail = ", ".join(f"{n} {cat}" for cat, n in counts.most_common())
        n = len(made)
        print(f"{shown(path)}: {n} change{'s' if n != 1 else ''}"
              f"{f' ({detail})' if detail else ''}; reading age {_age(before.readability)}"
              f" -> {_age(after)}")
        if not args.dry_run and n:
            print(f"  wrote {shown(target)}")
        elif not args.dry_run:
            print("  nothing to change; nothing written")
    return status


def _fix_text(doc, fixed_text: str, args, target: str, path: str) -> None:
    from jargonfree.formats import write_text_atomic
    from jargonfree.formats.docx import write_private_backup

    if args.dry_run:
        diff = difflib.unified_diff(
            doc.text.splitlines(keepends=True), fixed_text.splitlines(keepends=True),
            fromfile=path, tofile=target)
        for line in diff:
            sys.stdout.write(line if line.endswith("\n") else line + "\n")
        return
    if fixed_text == doc.text:
        return
    if args.in_place or os.path.exists(target) and os.path.samefile(target, path):
        write_private_backup(path)
    src = doc.source
    warning = write_text_atomic(target, fixed_text, src.encoding, "\n", src.bom)
    if warning:
        print(f"jargonfree: warning: {warning}", file=sys.stderr)


def _fix_docx(doc, edits, before, args, target: str, path: str):
    from jargonfree.formats.docx import docx_bytes, write_private_backup
    from jargonfree.formats.docx_edit import add_comments, apply_edits
    from jargonfree.formats.textfile import write_bytes_atomic

    docx_doc = doc.source
    if args.comments:
        add_comments(docx_doc, [f for f in before.findings if not f.suggestions])
    changes = apply_edits(docx_doc, edits, track=args.track)
    made = [e for e, c in zip(sorted(edits, key=lambda e: e.start), changes, strict=True) if c.made]
    if args.dry_run:
        for c in changes:
            state = "" if c.made else f"  (not changed: {c.reason})"
            print(f"{path}:{c.paragraph + 1}:{c.start + 1}: {c.old!r} -> {c.new!r}{state}")
        return made, _accepted_text(doc.text, made)
    for c in changes:
        if not c.made:
            print(f"jargonfree: {path}:{c.paragraph + 1}:{c.start + 1}: {c.old!r} was not "
                  f"changed: {c.reason}", file=sys.stderr)
    if not made and not args.comments:
        return made, doc.text
    data = docx_bytes(docx_doc)
    if args.in_place or os.path.exists(target) and os.path.samefile(target, path):
        write_private_backup(path)
    write_bytes_atomic(target, data)
    return made, _accepted_text(doc.text, made)


def _accepted_text(text: str, made) -> str:
    parts, pos = [], 0
    for e in sorted(made, key=lambda e: e.start):
        parts += [text[pos:e.start], e.new]
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)

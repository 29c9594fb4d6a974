"""Apply chosen suggestions to a text: `jargonfree fix` and the fix examples of rule files
(core.examples) use this."""

from __future__ import annotations

from dataclasses import dataclass

from jargonfree.core.model import Finding


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # offsets into the original text
    end: int
    old: str
    new: str


class RewriteError(ValueError):
    """A suggestion does not fit the text it is applied to."""


def apply_suggestions(text: str, choices: list[tuple[Finding, str]]) -> tuple[str, list[Edit]]:
    """Replace each finding's span with its chosen suggestion; returns (new text, edits).

    Overlapping choices keep the earlier one; a finding whose text no longer matches
    the span raises RewriteError (the caller analysed a different text).
    """
    edits: list[Edit] = []
    last_end = -1
    for finding, replacement in sorted(choices, key=lambda c: (c[0].start, c[0].end)):
        if text[finding.start : finding.end] != finding.text:
            raise RewriteError(
                f"the text at {finding.line}:{finding.column} is no longer {finding.text!r}"
            )
        if finding.start < last_end:
            continue
        edits.append(Edit(finding.start, finding.end, finding.text, replacement))
        last_end = finding.end
    parts = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.new)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts), edits

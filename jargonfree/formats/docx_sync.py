"""Saving an edited .docx text back into its Word document.

The editor shows a .docx as its checked text: paragraphs separated by a blank line. On
save the new text is compared with the text as read, paragraph by paragraph:
- a changed paragraph gets word-sized replacements in its runs (the rest of every run,
  and every untouched paragraph, is left exactly as it was), as tracked changes or not;
- a blank line typed inside a paragraph (Enter twice) splits it: the new paragraph takes
  the style of the one before it; deleting the blank line between two paragraphs merges
  them (the second one's text joins the first, in the first one's formatting);
- a single line break becomes a Word line break (w:br);
- a paragraph Word would need to keep (the only one in a table cell, a header, a note) is
  emptied, never removed, so the table's shape and the notes stay whole.
A replacement that cannot be made inside the runs (its words cross a tab, a field or a
link's edge) rewrites its paragraph's text in the paragraph's first formatting: nothing
typed is ever lost, and the caller is told how many paragraphs that happened to.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass

from jargonfree.formats.docx import SEPARATOR, DocxDocument, w
from jargonfree.formats.docx_edit import XML_SPACE, apply_edits

_KEEP_ONE = {w(t) for t in ("tc", "hdr", "ftr", "footnote", "endnote", "comment", "txbxContent")}


@dataclass(frozen=True, slots=True)
class Edit:
    """A replacement in the checked text's offsets (what apply_edits takes)."""

    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class SyncReport:
    changed: int  # paragraphs whose text changed
    added: int
    removed: int
    rewritten: int  # paragraphs rewritten whole (their inner formatting could not be kept)

    def line(self) -> str | None:
        if not self.rewritten:
            return None
        n = self.rewritten
        return (f"{n} paragraph{'s' if n != 1 else ''} could not be changed word by word "
                f"(a link, field or tab was in the way) and {'were' if n != 1 else 'was'} "
                "saved with one formatting")


def split_paragraphs(text: str) -> list[str]:
    """The editor's text as paragraphs: a blank line ("\n\n") ends one, as when read
    (empty paragraphs stay, as empty strings)."""
    return text.split(SEPARATOR)


def _word_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Changed stretches (a1, a2, b1, b2) between two paragraph texts, grown to whole words
    and merged, so Word shows 'leverage' -> 'use' rather than letters."""
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    spans = [[a1, a2, b1, b2] for tag, a1, a2, b1, b2 in ops if tag != "equal"]
    for s in spans:
        while s[0] > 0 and s[2] > 0 and old[s[0] - 1].isalnum():
            s[0] -= 1
            s[2] -= 1
        while s[1] < len(old) and s[3] < len(new) and old[s[1]].isalnum():
            s[1] += 1
            s[3] += 1
    merged: list[list[int]] = []
    for s in spans:
        if merged and s[0] <= merged[-1][1]:
            last = merged[-1]
            if s[1] >= last[1]:
                last[1], last[3] = s[1], s[3]
        else:
            merged.append(s)
    for s in merged:  # a pure insertion takes in a neighbouring character
        if s[0] == s[1]:
            if s[0] > 0:
                s[0] -= 1
                s[2] -= 1
            elif s[1] < len(old):
                s[1] += 1
                s[3] += 1
    return [tuple(s) for s in merged]


def _set_run_text(run, text: str) -> None:
    """Fill a run with text, '\\n' as w:br."""
    for i, piece in enumerate(text.split("\n")):
        if i:
            run.append(run.makeelement(w("br"), {}))
        if piece:
            t = run.makeelement(w("t"), {})
            t.text = piece
            if piece[:1].isspace() or piece[-1:].isspace():
                t.set(XML_SPACE, "preserve")
            run.append(t)


def _rewrite_paragraph(p, text: str) -> None:
    """Replace a paragraph's content with one run of `text` in its first run's formatting."""
    first_run = next(iter(p.iter(w("r"))), None)
    rpr = first_run.find(w("rPr")) if first_run is not None else None
    for child in list(p):
        if child.tag != w("pPr"):
            p.remove(child)
    if text:
        run = p.makeelement(w("r"), {})
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        _set_run_text(run, text)
        p.append(run)


def _new_paragraph_after(anchor, text: str):
    """A paragraph after `anchor` with its style (w:pPr) and its last run's formatting."""
    p = anchor.makeelement(w("p"), {})
    ppr = anchor.find(w("pPr"))
    if ppr is not None:
        ppr = copy.deepcopy(ppr)
        for mark in ppr.findall(w("rPr")):  # the paragraph mark's own revision marks
            for rev in mark.findall(w("ins")) + mark.findall(w("del")):
                mark.remove(rev)
        p.append(ppr)
    runs = [r for r in anchor.iter(w("r")) if r.find(w("t")) is not None]
    run = p.makeelement(w("r"), {})
    if runs and runs[-1].find(w("rPr")) is not None:
        run.append(copy.deepcopy(runs[-1].find(w("rPr"))))
    _set_run_text(run, text)
    p.append(run)
    anchor.addnext(p)
    return p


def _remove_paragraph(p) -> None:
    parent = p.getparent()
    if parent.tag in _KEEP_ONE and len(parent.findall(w("p"))) == 1:
        _rewrite_paragraph(p, "")
        return
    parent.remove(p)


def sync_text(doc: DocxDocument, new_text: str, *, track: bool = True,
              author: str = "jargonfree") -> SyncReport:
    """Bring the XML in line with `new_text` (the editor's text); see the module doc."""
    old_paras = [p.text for p in doc.paragraphs]
    new_paras = split_paragraphs(new_text)
    if SEPARATOR.join(old_paras) == new_text:
        return SyncReport(0, 0, 0, 0)
    pairs: list[tuple[int, str]] = []  # (old index, new text) for paragraphs whose text changed
    inserts: list[tuple[int, list[str]]] = []  # (old index to insert after, texts)
    removes: list[int] = []
    matcher = difflib.SequenceMatcher(None, old_paras, new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            if old_paras[i1 + k] != new_paras[j1 + k]:
                pairs.append((i1 + k, new_paras[j1 + k]))
        if j2 - j1 > paired:
            inserts.append((i1 + paired - 1, new_paras[j1 + paired : j2]))
        removes.extend(range(i1 + paired, i2))
    edits: list[Edit] = []
    for i, text in pairs:
        para = doc.paragraphs[i]
        for a1, a2, b1, b2 in _word_spans(para.text, text):
            edits.append(Edit(para.start + a1, para.start + a2, para.text[a1:a2], text[b1:b2]))
    # Elements are taken now: applying edits re-reads paragraphs but keeps their w:p.
    elements = [p.element for p in doc.paragraphs]
    parts = [p.part for p in doc.paragraphs]
    rewritten = 0
    refused = {}
    for change in apply_edits(doc, edits, track=track, author=author):
        if not change.made:
            refused[change.paragraph] = True
    wanted = dict(pairs)
    for i in refused:
        _rewrite_paragraph(elements[i], wanted[i])
        doc.edited.add(parts[i])
        rewritten += 1
    added = 0
    for after, texts in inserts:
        anchor = elements[max(after, 0)] if elements else None
        if anchor is None:
            continue
        if after < 0:  # before the first paragraph: write after it, then swap
            first = anchor
            node = first
            for text in texts:
                node = _new_paragraph_after(node, text)
            first.getparent().remove(first)
            node.addnext(first)
        else:
            node = anchor
            for text in texts:
                node = _new_paragraph_after(node, text)
        doc.edited.add(parts[max(after, 0)])
        added += len(texts)
    for i in removes:
        _remove_paragraph(elements[i])
        doc.edited.add(parts[i])
    return SyncReport(len(pairs), added, len(removes), rewritten)

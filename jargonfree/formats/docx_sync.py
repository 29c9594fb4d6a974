"""Saving an edited .docx text back into its Word document.

The editor shows a .docx as its checked text: paragraphs separated by a blank line. On
save the new text is compared with the text as read: first paragraph by paragraph, then,
inside the stretch that changed, word by word with each paragraph break as one token, so
that a change is understood the way Word itself records it:
- words changed inside a paragraph are replaced in its runs (the rest of every run, and
  every untouched paragraph, is left exactly as it was);
- a paragraph break typed inside a paragraph (Enter) splits it: the runs before the break
  move to a new paragraph with the same paragraph properties (style, list, indents; not
  a section break), the runs after it stay, each keeping its formatting;
- a paragraph break deleted joins two paragraphs: the second one's runs, with their
  formatting, join the first, which keeps its properties. Paragraphs in different table
  cells (or notes, or parts) are never joined: the table keeps its shape;
- pasted paragraphs become paragraphs with the properties of the one pasted into;
- a single line break becomes a Word line break (w:br).
With tracked changes on, these are Word revisions too: a split is an inserted paragraph
mark (w:pPr/w:rPr/w:ins), a join a deleted one (w:del) with the second paragraph's own
properties kept in a w:pPrChange, so that rejecting every change gives back the original.
A replacement that cannot be made inside the runs (its words cross a field's result)
rewrites its paragraph's text in the paragraph's first formatting: nothing typed is ever
lost, and the caller is told how many paragraphs that happened to.
"""

from __future__ import annotations

import copy
import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass

from jargonfree.formats.docx import SEPARATOR, DocxDocument, DocxParagraph, w
from jargonfree.formats.docx_edit import (
    Writer,
    _check_span,
    _cut,
    append_to_paragraph,
    edit_in_paragraph,
    fill_run,
)

_TOKEN = re.compile(r"\w+|\s|[^\w\s]")
_REVISIONS = {w(t) for t in ("ins", "del", "moveTo", "moveFrom")}
# w:pPr's children that come after w:rPr, in schema order
_AFTER_RPR = (w("sectPr"), w("pPrChange"))


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
    added: int  # paragraph breaks added (splits, pasted paragraphs)
    removed: int  # paragraph breaks removed (joined paragraphs)
    rewritten: int  # paragraphs rewritten whole (their inner formatting could not be kept)
    kept: int = 0  # breaks between table cells (or parts) that were not removed

    def line(self) -> str | None:
        said = []
        if self.rewritten:
            n = self.rewritten
            said.append(f"{n} paragraph{'s' if n != 1 else ''} could not be changed word by "
                        f"word (a field was in the way) and {'were' if n != 1 else 'was'} "
                        "saved with one formatting")
        if self.kept:
            n = self.kept
            said.append(f"{n} paragraph break{'s' if n != 1 else ''} between table cells or "
                        f"parts of the document {'were' if n != 1 else 'was'} kept")
        return "; ".join(said) or None


def split_paragraphs(text: str) -> list[str]:
    """The editor's text as paragraphs: a blank line ("\n\n") ends one, as when read
    (empty paragraphs stay, as empty strings)."""
    return text.split(SEPARATOR)


def _sentinel(*texts: str) -> str:
    """A character in none of the texts, standing for a paragraph break."""
    for code in range(0xE000, 0xF8FF):
        ch = chr(code)
        if not any(ch in t for t in texts):
            return ch
    raise ValueError("no free character")  # pragma: no cover - 6,400 candidates


def _refined(region: str, a: int, b: int, text: str, mark: str):
    """A changed stretch as edits: whole words, except that a paragraph break added or
    removed inside a word ('gu|ide', 'letter|Ask') is only that break, the words kept."""
    old = region[a:b]
    if (mark in old) != (mark in text) and old.replace(mark, "") == text.replace(mark, ""):
        ops = difflib.SequenceMatcher(None, old, text, autojunk=False).get_opcodes()
        return [(a + i1, a + i2, text[j1:j2]) for tag, i1, i2, j1, j2 in ops
                if tag != "equal"]
    return [(a, b, text)]


def plan(old: list[str], new: list[str], mark: str):
    """What changed, per paragraph as read: {index: [(start, end, new text)]} where the
    new text holds `mark` for each paragraph break typed, and the set of paragraphs whose
    break to the next one was deleted."""
    edits: dict[int, list[tuple[int, int, str]]] = {}
    joined: set[int] = set()
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if i1 == i2 or j1 == j2:  # whole paragraphs in or out: take in a neighbour
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            elif i2 < len(old) and j2 < len(new):
                i2, j2 = i2 + 1, j2 + 1
            else:
                continue
        if tag == "replace" and i2 - i1 == j2 - j1 and i2 - i1 > 1:
            # Paragraphs changed one for one (a word replaced all through): each pair
            # alone, which keeps the word diffs small (one region of 1,300 paragraphs
            # took 35 s).
            for k in range(i2 - i1):
                _plan_region(old, new, i1 + k, i1 + k + 1, j1 + k, j1 + k + 1, mark, edits,
                             joined)
            continue
        _plan_region(old, new, i1, i2, j1, j2, mark, edits, joined)
    for i in list(edits):
        edits[i] = sorted(e for e in edits[i] if e[0] != e[1] or e[2])
        if not edits[i]:
            del edits[i]
    return edits, joined


def _plan_region(old, new, i1, i2, j1, j2, mark, edits, joined) -> None:
    """One changed stretch of paragraphs, compared word by word (see plan)."""
    region = mark.join(old[i1:i2])
    starts = [0]
    for text in old[i1:i2 - 1]:
        starts.append(starts[-1] + len(text) + 1)
    a_tokens = _TOKEN.findall(region)
    b_tokens = _TOKEN.findall(mark.join(new[j1:j2]))
    offsets = [0]
    for t in a_tokens:
        offsets.append(offsets[-1] + len(t))

    def locate(pos: int, starts=starts) -> tuple[int, int]:
        k = bisect_right(starts, pos) - 1
        return k, pos - starts[k]

    # A long stretch (a paste over many paragraphs) is compared with difflib's
    # heuristic for frequent tokens: less minimal, as correct, and not quadratic.
    big = len(a_tokens) + len(b_tokens) > 20_000
    matcher = difflib.SequenceMatcher(None, a_tokens, b_tokens, autojunk=big)
    changes = []
    for op, ta1, ta2, tb1, tb2 in matcher.get_opcodes():
        if op != "equal":
            changes.extend(_refined(region, offsets[ta1], offsets[ta2],
                                    "".join(b_tokens[tb1:tb2]), mark))
    for a, b, text in changes:
        (p, x), (q, y) = locate(a), locate(b)
        if p == q:
            edits.setdefault(i1 + p, []).append((x, y, text))
            continue
        edits.setdefault(i1 + p, []).append((x, len(old[i1 + p]), text))
        for k in range(p, q):
            joined.add(i1 + k)
        for k in range(p + 1, q):
            edits.setdefault(i1 + k, []).append((0, len(old[i1 + k]), ""))
        edits.setdefault(i1 + q, []).append((0, y, ""))


# --- paragraphs in the XML -------------------------------------------------------------

def _ppr(p, create: bool = True):
    ppr = p.find(w("pPr"))
    if ppr is None and create:
        ppr = p.makeelement(w("pPr"), {})
        p.insert(0, ppr)
    return ppr


def _clean_properties(ppr):
    """A copy of w:pPr for a new paragraph: no section break (it stays with the paragraph
    that ends the section), no revision marks or records of earlier property changes."""
    ppr = copy.deepcopy(ppr)
    for child in list(ppr):
        if child.tag in _AFTER_RPR:
            ppr.remove(child)
    rpr = ppr.find(w("rPr"))
    if rpr is not None:
        for mark in list(rpr):
            if mark.tag in _REVISIONS or mark.tag == w("rPrChange"):
                rpr.remove(mark)
    return ppr


def _mark(p, tag: str, writer: Writer) -> None:
    """Record the paragraph's mark (its end) as inserted or deleted."""
    ppr = _ppr(p)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = ppr.makeelement(w("rPr"), {})
        later = [c for c in ppr if c.tag in _AFTER_RPR]
        (later[0].addprevious if later else ppr.append)(rpr)
    rpr.insert(0, writer.revision(tag, rpr))


def _new_paragraph(like, writer: Writer):
    """An empty w:p with `like`'s paragraph properties (its mark inserted when tracking)."""
    p = like.makeelement(w("p"), {})
    ppr = like.find(w("pPr"))
    if ppr is not None:
        p.append(_clean_properties(ppr))
    if writer.track:
        _mark(p, "ins", writer)
    return p


def _twin(node, writer: Writer):
    """A copy of an inline container without its content (its *Pr children copied)."""
    twin = node.makeelement(node.tag, dict(node.attrib))
    if node.tag in _REVISIONS and node.get(w("id")) is not None:
        twin.set(w("id"), next(writer.ids))
    for child in node:
        if child.tag.endswith("Pr"):
            twin.append(copy.deepcopy(child))
    return twin


def _move_prefix(path: list, dest, writer: Writer) -> None:
    """Move path[-1] up to and including path[0] (a run inside it) into dest."""
    node = path[-1]
    if len(path) == 1:
        dest.append(node)
        return
    on_path = path[-2]
    twin = _twin(node, writer)
    dest.append(twin)
    for child in list(node):
        if child is on_path:
            break
        if not child.tag.endswith("Pr"):
            twin.append(child)
    _move_prefix(path[:-1], twin, writer)
    if all(child.tag.endswith("Pr") for child in node):
        node.getparent().remove(node)


def split_before(p, anchor, writer: Writer):
    """Split paragraph p after `anchor` (a run in it; None: at its start): a new
    paragraph before p takes everything up to the anchor; p keeps the rest and its own
    paragraph mark. Returns the new paragraph."""
    first = _new_paragraph(p, writer)
    p.addprevious(first)
    if anchor is None:
        return first
    path = [anchor]
    while path[-1].getparent() is not p:
        path.append(path[-1].getparent())
    top = path[-1]
    for child in list(p):
        if child is top:
            break
        if child.tag != w("pPr"):
            first.append(child)
    _move_prefix(path, first, writer)
    return first


def _text_runs(p):
    return [r for r in p.iter(w("r")) if r.find(w("t")) is not None
            and not any(a.tag in (w("del"), w("moveFrom")) for a in r.iterancestors())]


def _write_text(p, text: str, like, writer: Writer, at_start: bool) -> None:
    """Put text at the start or the end of paragraph p, in `like`'s run formatting."""
    if not text:
        return
    runs = _text_runs(p)
    if runs:
        writer._put(runs[0] if at_start else runs[-1], text, after=not at_start, like=like)
        return
    if like is None:
        append_to_paragraph(p, text, writer)
        return
    run = writer.new_run(like, text)
    node = writer.wrap_insert(run)
    ppr = p.find(w("pPr"))
    if at_start and ppr is not None:
        ppr.addnext(node)
    elif at_start:
        p.insert(0, node)
    else:
        p.append(node)


def _properties_key(p) -> bytes:
    from lxml import etree

    ppr = p.find(w("pPr"))
    return b"" if ppr is None else etree.tostring(_clean_properties(_drop_rpr(ppr)),
                                                  method="c14n")


def _drop_rpr(ppr):
    ppr = copy.deepcopy(ppr)
    for child in ppr.findall(w("rPr")):
        ppr.remove(child)
    return ppr


def join(p, q, writer: Writer) -> bool:
    """Join paragraph q (the next one) to p: False when they are not in the same table
    cell, note or part (the table's shape must not change)."""
    if p.getparent() is not q.getparent():
        return False
    if writer.track:
        _mark(p, "del", writer)
        if _properties_key(p) != _properties_key(q):
            # Whichever mark Word keeps on accepting, the joined paragraph has p's
            # properties; rejecting gives q its own back.
            old = _drop_rpr(_clean_properties(_ppr(q)))
            ppr = _ppr(q)
            keep = [c for c in ppr if c.tag in (w("rPr"), w("sectPr"))]
            for child in list(ppr):
                ppr.remove(child)
            source = p.find(w("pPr"))
            for child in (_drop_rpr(_clean_properties(source)) if source is not None else []):
                ppr.append(child)
            for child in keep:
                ppr.append(child)
            change = writer.revision("pPrChange", ppr)
            change.append(old)
            ppr.append(change)
        return True
    q_ppr = q.find(w("pPr"))
    section = q_ppr.find(w("sectPr")) if q_ppr is not None else None
    if section is not None:
        p_ppr = _ppr(p)
        if p_ppr.find(w("sectPr")) is not None:
            return False
        change = p_ppr.find(w("pPrChange"))
        (change.addprevious if change is not None else p_ppr.append)(section)
    for child in list(q):
        if child.tag != w("pPr"):
            p.append(child)
    q.getparent().remove(q)
    return True


def set_style(p, style_id: str, writer: Writer, record: bool) -> None:
    """Give paragraph p the style `style_id` and no other paragraph properties (its
    section break and mark kept); `record`: keep the old ones in a w:pPrChange when
    tracking, so rejecting gives them back."""
    ppr = _ppr(p)
    old = _drop_rpr(_clean_properties(ppr))
    keep = [c for c in ppr if c.tag in (w("rPr"), w("sectPr"))]
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(ppr.makeelement(w("pStyle"), {w("val"): style_id}))
    for child in keep:
        ppr.append(child)
    if record and writer.track:
        change = writer.revision("pPrChange", ppr)
        change.append(old)
        ppr.append(change)


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
        fill_run(run, text)
        p.append(run)


def _result(text: str, items) -> str:
    for a, b, new in sorted(items, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def _edit_paragraph(para: DocxParagraph, items, mark: str, writer: Writer) -> list:
    """Make one paragraph's edits, right to left; returns its pieces (w:p elements, the
    original last), or None when an edit cannot be made in the runs."""
    if any(a < b and _check_span(para, a, b) for a, b, _new in items):
        return None
    pieces = para.elements  # w:p joined by deleted marks are one paragraph here
    for a, b, new in sorted(items, reverse=True):
        parts = new.split(mark)
        if len(parts) == 1:
            reason = edit_in_paragraph(para, a, b, new, writer)
            if reason is not None and a == b:
                return None
            continue
        if a < b:
            edit_in_paragraph(para, a, b, "", writer)
        # The run that ends at the break (cut there), and the run after it.
        before = [s for s in para.segments if s.element is not None and s.start < a <= s.end]
        anchor = None
        if before:
            seg = before[-1]
            _cut(seg.element, seg.offset + (a - seg.start))
            anchor = seg.element.getparent()
        right = next(anchor.iterancestors(w("p"))) if anchor is not None else pieces[0]
        right_runs = _text_runs(right)
        like = anchor if anchor is not None else (right_runs[0] if right_runs else None)
        # Enter at the very end of a heading: what follows is in the heading style's
        # "next" style (Normal), as in Word, in plain runs.
        restyle = para.next_style if b == len(para.text) else None
        after = None if restyle else like
        first = split_before(right, anchor, writer)
        _write_text(first, parts[0], like, writer, at_start=False)
        made = [first]
        for text in parts[1:-1]:
            middle = _new_paragraph(right, writer)
            right.addprevious(middle)
            if restyle:
                set_style(middle, restyle, writer, record=False)
            _write_text(middle, text, after, writer, at_start=False)
            made.append(middle)
        if restyle:
            set_style(right, restyle, writer, record=True)
        _write_text(right, parts[-1], after, writer, at_start=True)
        at = pieces.index(right)
        pieces[at:at] = made
    return pieces


def sync_text(doc: DocxDocument, new_text: str, *, track: bool = True,
              author: str = "jargonfree") -> SyncReport:
    """Bring the XML in line with `new_text` (the editor's text); see the module doc."""
    old = [p.text for p in doc.paragraphs]
    if SEPARATOR.join(old) == new_text or not old:
        return SyncReport(0, 0, 0, 0)
    new = split_paragraphs(new_text)
    mark = _sentinel(new_text, *old)
    edits, joined = plan(old, new, mark)
    writer = Writer(doc, track, author)
    pieces: dict[int, list] = {}
    changed = added = removed = rewritten = kept = 0
    for i in sorted(set(edits) | joined, reverse=True):
        para = doc.paragraphs[i]
        items = edits.get(i, [])
        if items:
            changed += 1
            added += sum(new.count(mark) for _a, _b, new in items)
            got = _edit_paragraph(para, items, mark, writer)
            if got is None:  # rewrite it whole, in its first formatting
                texts = _result(para.text, items).split(mark)
                got = []
                for text in texts[:-1]:
                    extra = _new_paragraph(para.element, writer)
                    para.element.addprevious(extra)
                    _rewrite_paragraph(extra, text)
                    got.append(extra)
                _rewrite_paragraph(para.element, texts[-1])
                for extra in para.joined:  # joined to it by deleted marks: emptied
                    _rewrite_paragraph(extra, "")
                got.extend(para.elements)
                rewritten += 1
            pieces[i] = got
            doc.edited.add(para.part)
        if i in joined:
            nxt = pieces.get(i + 1) or [doc.paragraphs[i + 1].element]
            mine = pieces.get(i) or [para.element]
            if join(mine[-1], nxt[0], writer):
                removed += 1
                doc.edited.add(para.part)
                if not track:
                    pieces[i] = mine[:-1] + [mine[-1]]
                    pieces[i + 1] = nxt[1:]
            else:
                kept += 1
    return SyncReport(changed, added, removed, rewritten, kept)

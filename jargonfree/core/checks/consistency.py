"""Several names for the same thing in one text (participants, members, learners...)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from jargonfree.core.model import Finding, make_finding
from jargonfree.core.text import WORD_RE


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    words: tuple[str, ...]
    message: str
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    forms: tuple[tuple[tuple[str, ...], int], ...] = ()  # (lowercase words, word index)


def _plurals(word: str) -> set[str]:
    *head, last = word.split(" ")
    forms = {last}
    if re.search(r"(?:s|x|z|ch|sh)$", last):
        forms.add(last + "es")
    elif re.search(r"[^aeiou]y$", last):
        forms.add(last[:-1] + "ies")
    else:
        forms.add(last + "s")
    if head and head[-1] in ("expert", "member"):  # experts by experience
        pass
    return {" ".join([*head, f]) for f in forms}


def _forms(word: str) -> set[tuple[str, ...]]:
    """Every spelling, number and hyphenation of a (multi-word) term, as word tuples."""
    from jargonfree.core.inflect import spelling_variants

    out: set[tuple[str, ...]] = set()
    for form in _plurals(word.lower()):
        variants: list[tuple[str, ...]] = [()]
        for part in form.split(" "):
            variants = [v + (x,) for v in variants for x in sorted(spelling_variants(part))]
        for v in variants:
            # Split as the text's words are split: "a&e" is the words a, e.
            out.add(tuple(w.lower() for w in WORD_RE.findall(" ".join(v))))
            if len(v) > 1:
                out.add(("-".join(v),))
    return out


def load_groups(path: Path) -> list[Group]:
    """Read consistency.toml; ValueError naming the file and group when it is broken."""
    name = path.name
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{name}: not valid TOML ({exc})") from None
    groups = []
    for i, raw in enumerate(doc.get("group", [])):
        gid = raw.get("id") if isinstance(raw, dict) else None
        where = f"{name}: group '{gid or i + 1}'"
        words = raw.get("words") if isinstance(raw, dict) else None
        if not isinstance(gid, str) or not gid:
            raise ValueError(f"{where}: 'id' is missing")
        if not isinstance(words, list) or len(words) < 2 or not all(isinstance(w, str) for w in words):
            raise ValueError(f"{where}: 'words' must list at least two words")
        message = raw.get("message")
        if not isinstance(message, str) or not message.strip():
            raise ValueError(f"{where}: 'message' is missing")
        examples = raw.get("examples", {})
        groups.append(Group(
            gid, tuple(words), message.strip(),
            tuple(examples.get("flag", ())), tuple(examples.get("pass", ())),
            tuple((f, i) for i, w in enumerate(words) for f in sorted(_forms(w))),
        ))
    return groups


def _in_definition(text: str, start: int, end: int) -> bool:
    """'general practitioner (GP)': a word and its short form name one thing on purpose."""
    return text[max(0, start - 1) : start] == "(" or text[end : end + 2] == " ("


class TermIndex:
    """All groups' terms as word tuples, for one pass over a paragraph's words."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.lookup: dict[tuple[str, ...], tuple[int, int]] = {}
        for g, group in enumerate(groups):
            for form, w in group.forms:
                self.lookup.setdefault(form, (g, w))
        self.longest = max((len(f) for f in self.lookup), default=1)
        self.first_words = frozenset(f[0] for f in self.lookup)

    def find(self, par) -> tuple[tuple[int, int, int, int], ...]:
        """(group, word, start, end) of each term in a paragraph (its own offsets)."""
        text = par.text
        hits = []
        for sentence in par.sentences:
            words = [text[s:e].lower().replace("’", "'") for s, e in sentence.words]
            i = 0
            while i < len(words):
                if words[i] not in self.first_words:
                    i += 1
                    continue
                for n in range(min(self.longest, len(words) - i), 0, -1):
                    key = self.lookup.get(tuple(words[i : i + n]))
                    if key is not None:
                        start, end = sentence.words[i][0], sentence.words[i + n - 1][1]
                        if not _in_definition(text, start, end):
                            hits.append((key[0], key[1], start, end))
                        i += n - 1
                        break
                i += 1
        return tuple(hits)


def judge(text: str, hits, groups: list[Group]) -> list[Finding]:
    """consistency.<group> on each use of the less-used words when a text mixes them.
    `hits` are (group, word, start, end) in document offsets."""
    from jargonfree.core.inflect import match_case

    by_group: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for g, w, s, e in hits:
        by_group.setdefault(g, {}).setdefault(w, []).append((s, e))
    findings: list[Finding] = []
    for g, uses in by_group.items():
        if len(uses) < 2:
            continue
        group = groups[g]
        counts = {i: len(spans) for i, spans in uses.items()}
        main = max(counts, key=lambda i: (counts[i], -i))
        main_word = group.words[main]
        note = ", ".join(
            f"{group.words[i]} {counts[i]}" for i in sorted(counts, key=lambda i: -counts[i])
        )
        for i, spans in uses.items():
            if i == main:
                continue
            for s, e in spans:
                used = text[s:e]
                plural = used.lower() != group.words[i].lower() and used.lower().endswith("s")
                suggestion = sorted(_plurals(main_word) - {main_word})[0] if plural else main_word
                findings.append(make_finding(
                    text, s, e, f"consistency.{group.id}", "consistency",
                    f"{group.message} Most often here: '{main_word}'.",
                    suggestions=(match_case(suggestion, used),), note=f"Used here: {note}.",
                ))
    return findings


def check(text: str, paragraphs, groups: list[Group]) -> list[Finding]:
    """The whole check on a segmented text (the analyzer runs find and judge apart)."""
    index = TermIndex(groups)
    hits = []
    for par in paragraphs:
        hits.extend(index.find(par))  # paragraphs from segment() carry document offsets
    return judge(text, hits, groups)

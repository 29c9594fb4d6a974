"""Several names for the same thing in one text (participants, members, learners...)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from jargonfree.core.model import Finding, make_finding


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    words: tuple[str, ...]
    message: str
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    pattern: re.Pattern | None = None  # one alternation; group name w<i> per word


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


def _word_pattern(word: str) -> str:
    from jargonfree.core.inflect import spelling_variants

    forms = set()
    for form in _plurals(word.lower()):
        parts = form.split(" ")
        variants = [sorted(spelling_variants(p)) for p in parts]
        forms.add(r"[\s-]+".join("(?:" + "|".join(map(re.escape, v)) + ")" for v in variants))
    return "|".join(sorted(forms, key=len, reverse=True))


def _compile(gid: str, words: tuple[str, ...]) -> re.Pattern:
    alternatives = [f"(?P<w{i}>{_word_pattern(w)})" for i, w in enumerate(words)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


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
            _compile(gid, tuple(words)),
        ))
    return groups


def _in_definition(text: str, start: int, end: int) -> bool:
    """'general practitioner (GP)': a word and its short form name one thing on purpose."""
    return text[max(0, start - 1) : start] == "(" or text[end : end + 2] == " ("


def check(text: str, paragraphs, groups: list[Group]) -> list[Finding]:
    """consistency.<group> on each use of the less-used words when a text mixes them."""
    from jargonfree.core.inflect import match_case

    findings: list[Finding] = []
    lowered = text
    for group in groups:
        hits: dict[int, list[tuple[int, int]]] = {}
        for m in group.pattern.finditer(lowered):
            if _in_definition(text, m.start(), m.end()):
                continue
            index = int(m.lastgroup[1:])
            hits.setdefault(index, []).append(m.span())
        if len(hits) < 2:
            continue
        counts = {i: len(spans) for i, spans in hits.items()}
        main = max(counts, key=lambda i: (counts[i], -i))
        main_word = group.words[main]
        note = ", ".join(f"{group.words[i]} {counts[i]}" for i in sorted(counts, key=lambda i: -counts[i]))
        for i, spans in hits.items():
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

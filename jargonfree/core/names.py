"""Proper names in running text: "Riverside Heart Health Learning Network" is the name
of an organisation, and rewriting a word inside it ("Learning Network" -> "group of
people learning together") would change the name, not make it plainer.

A name here is a run of capitalised words (joined by spaces, "&" or the small words of
names: of, and, for, the ...) with at least two capitals that are not explained by the
start of a sentence; words inside a name are left alone only when the name has more
words than the finding (a capitalised jargon phrase on its own is still jargon). A
heading or list item in title case ("Stakeholder Engagement Plan", a whole line of
capitals with no full stop) is not taken for a name.
"""

from __future__ import annotations

import re

from jargonfree.core.text import Paragraph, Sentence

# Small words that may join the capitalised words of a name ("Royal College of Nursing",
# "Department of Health and Social Care", "Friends of the Earth").
JOINERS = frozenset({"of", "and", "for", "the", "in", "on", "at", "de", "la", "du", "von",
                     "van", "upon", "&"})
_GAP_RE = re.compile(r"\s+(?:&\s+)?|-")
_ENDS_SENTENCE = ".!?…:;"


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _runs(text: str, words: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(first, last) word indexes of each run of capitalised words, joiners inside."""
    runs = []
    i, n = 0, len(words)
    while i < n:
        if not _capital(text[words[i][0]:words[i][1]]):
            i += 1
            continue
        last = i
        j = i + 1
        while j < n:
            gap = text[words[j - 1][1]:words[j][0]]
            if not _GAP_RE.fullmatch(gap):
                break
            word = text[words[j][0]:words[j][1]]
            if _capital(word):
                last = j
            elif word.lower() not in JOINERS or i == 0:
                break  # "Join the Network": a sentence's first word takes no joiner
            j += 1
        runs.append((i, last))
        i = max(last, i) + 1
    return runs


def sentence_names(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """(start, end) of the names in one sentence (offsets into `text`)."""
    words = sentence.words
    if len(words) < 2:
        return []
    tail = text[words[-1][1]:sentence.end].strip()
    label = not tail or tail[-1] not in _ENDS_SENTENCE  # a heading, label or list item
    names = []
    for first, last in _runs(text, words):
        capitals = sum(1 for k in range(first, last + 1)
                       if _capital(text[words[k][0]:words[k][1]]))
        if first == 0:
            capitals -= 1  # the first word of a sentence or heading has a capital anyway
        if capitals < 2:
            continue
        if label and first == 0 and last == len(words) - 1:
            continue  # a heading in title case, not a name
        # The sentence's first word may be an ordinary word ("The", "Our"): left out.
        names.append((words[first + 1 if first == 0 else first][0], words[last][1]))
    return names


def name_spans(paragraph: Paragraph) -> list[tuple[int, int]]:
    """(start, end) of every name in a paragraph, in its own offsets."""
    spans = []
    for sentence in paragraph.sentences:
        spans += sentence_names(paragraph.text, sentence)
    return spans


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies inside one of `spans` that has more words than it: a
    name that contains the words. Jargon merely written with capitals ("the Learning
    Healthcare System") is the whole of its run, and is still jargon."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)

"""The simpler-words table (resources/data/simplify.txt.gz, built by tools/build_simplify.py
from Open English WordNet): lemmas, their senses, each sense's substitutes and context
words, and each word's Zipf frequency, syllables and irregular forms.

Read once per process and parsed lazily: the whole file is decompressed (about 20 ms) and
split into lines, and a lemma's or a sense's line is parsed the first time it is asked
for, so a `check` that needs a handful of words pays for those words only.
Neither wordfreq nor lemminflect is needed here: their numbers and forms are in the file.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache

from jargonfree.resources import resource_path

FILE = "simplify.txt.gz"
FORMAT = "jargonfree-simplify 2"
POS = ("n", "v", "a", "r")  # noun, verb, adjective, adverb
# Which inflection tags a part of speech takes.
POS_TAGS = {"n": ("NNS",), "v": ("VBD", "VBN", "VBG", "VBZ"), "a": ("JJR", "JJS"), "r": ()}
RELATIONS = ("syn", "hyper", "similar", "hypo", "derived")
_VOWELS = "aeiou"


def regular_form(word: str, tag: str) -> str:
    """The regular English form of a lowercase base word (rules only; the table stores the
    forms these rules get wrong, so build and run time agree)."""
    if not tag:
        return word
    if tag in ("NNS", "VBZ"):
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
            return word[:-1] + "ies"
        return word + "s"
    if tag in ("VBD", "VBN", "JJR", "JJS"):
        end = "ed" if tag in ("VBD", "VBN") else "er" if tag == "JJR" else "est"
        if word.endswith("e"):
            return word + end[1:]
        if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
            return word[:-1] + "i" + end
        return word + end
    if tag == "VBG":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and len(word) > 2:
            return word[:-1] + "ing"
        return word + "ing"
    return word


# Endings to take off a form to find its base: (ending, what replaces it, tags it marks).
_ENDINGS = (
    ("ies", "y", ("NNS", "VBZ")), ("es", "", ("NNS", "VBZ")), ("s", "", ("NNS", "VBZ")),
    ("ied", "y", ("VBD", "VBN")), ("ed", "", ("VBD", "VBN")), ("ed", "e", ("VBD", "VBN")),
    ("d", "", ("VBD", "VBN")), ("ying", "ie", ("VBG",)), ("ing", "", ("VBG",)),
    ("ing", "e", ("VBG",)), ("ier", "y", ("JJR",)), ("er", "", ("JJR",)), ("r", "", ("JJR",)),
    ("iest", "y", ("JJS",)), ("est", "", ("JJS",)), ("st", "", ("JJS",)),
)


def stem(word: str) -> str:
    """A rough stem for matching a sentence's words with a sense's words (build and run
    time use this same function): common endings off, at most 7 letters."""
    for end in ("ings", "ing", "edly", "ed", "ies", "es", "ly", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            word = word[: -len(end)]
            break
    return word[:7]


@dataclass(frozen=True, slots=True)
class Sense:
    """One WordNet synset as the engine sees it: substitutes by relation, context words."""

    # (word, relation, register: "" or "informal", this synset's rank among the word's senses)
    candidates: tuple[tuple[str, str, str, int], ...]
    context: frozenset[str]


@dataclass(frozen=True, slots=True)
class Word:
    zipf: float  # frequency.zipf: best base form or part, as the rare-word check judges
    syllables: int
    easy: bool  # on the Dale-Chall list of familiar words
    plain_zipf: float  # wordfreq's figure for the word as written (best UK/US spelling)


class Lexicon:
    """The parsed table; look-ups parse their lines on first use."""

    def __init__(self, text: str) -> None:
        head, *parts = text.split("\n=")
        if head.strip() != FORMAT:
            raise ValueError(f"{FILE}: not a {FORMAT} file")
        sections: dict[str, str] = {}
        for part in parts:
            name, _, body = part.partition("\n")
            sections[name.strip()] = body.rstrip("\n")
        # Sorted sections stay one string each, searched by bisection (no parsing at load).
        self._words = sections.get("words", "")
        self._lemma_lines = sections.get("lemmas", "")
        self._senses = sections.get("senses", "").split("\n")
        self.irregular: dict[tuple[str, str], str] = {}
        self.base_of: dict[str, list[tuple[str, str]]] = {}
        for line in sections.get("forms", "").split("\n"):
            if not line:
                continue
            word, *pairs = line.split("\t")
            for pair in pairs:
                tag, form = pair.split("=", 1)
                self.irregular[word, tag] = form
                self.base_of.setdefault(form, []).append((word, tag))
        self._sense_cache: dict[int, Sense] = {}
        self._word_cache: dict[str, Word | None] = {}
        self._lemma_cache: dict[str, dict[str, tuple[int, ...]]] = {}

    def word(self, word: str) -> Word | None:
        if word in self._word_cache:
            return self._word_cache[word]
        line = _find_line(self._words, word)
        info = None
        if line is not None:
            _, z, syl, flags, raw = line.split("\t")
            info = Word(int(z) / 10, int(syl), "e" in flags, int(raw) / 10)
        self._word_cache[word] = info
        return info

    def senses(self, lemma: str) -> dict[str, tuple[int, ...]]:
        """pos -> sense ids in WordNet's order (most used first); {} for an unknown lemma."""
        hit = self._lemma_cache.get(lemma)
        if hit is None:
            hit = {}
            line = _find_line(self._lemma_lines, lemma)
            if line is not None:
                for part in line.split("\t")[1:]:
                    pos, _, ids = part.partition(":")
                    hit[pos] = tuple(int(x) for x in ids.split(","))
            self._lemma_cache[lemma] = hit
        return hit

    def sense(self, i: int) -> Sense:
        hit = self._sense_cache.get(i)
        if hit is None:
            fields = self._senses[i].split("|")
            cands = []
            for rel, field in zip(RELATIONS, fields[: len(RELATIONS)], strict=True):
                for item in field.split(",") if field else ():
                    informal = item.startswith("~")
                    word, _, rank = item.lstrip("~").partition("/")
                    cands.append((word, rel, "informal" if informal else "", int(rank or 0)))
            words = fields[len(RELATIONS)] if len(fields) > len(RELATIONS) else ""
            context = frozenset(words.split(",")) if words else frozenset()
            hit = self._sense_cache[i] = Sense(tuple(cands), context)
        return hit

    def form(self, word: str, tag: str) -> str:
        """One base word in form `tag`; "" for an adjective with no -er/-est form
        (the caller writes "more ..." or "most ...")."""
        if not tag:
            return word
        if tag in ("JJR", "JJS"):
            return self.irregular.get((word, tag), "")
        return self.irregular.get((word, tag)) or regular_form(word, tag)

    def bases(self, form: str) -> list[tuple[str, str]]:
        """(base, tag) pairs the table knows for a lowercase form, the form itself first
        (tag '') when it is a lemma."""
        out: list[tuple[str, str]] = []
        if self.senses(form):
            out.append((form, ""))
        out += self.base_of.get(form, ())
        for end, repl, tags in _ENDINGS:
            if not form.endswith(end) or len(form) - len(end) < 2:
                continue
            stem = form[: len(form) - len(end)] + repl
            stems = [stem]
            if not repl and len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                stems.append(stem[:-1])  # stopped -> stop, travelled -> travel
            for base in stems:
                if not self.senses(base):
                    continue
                for tag in tags:
                    if self.form(base, tag) == form and (base, tag) not in out:
                        out.append((base, tag))
        return out


def _find_line(blob: str, key: str) -> str | None:
    """The line of a sorted block of lines that starts with key and a tab: bisection on
    the string itself, so the block is never split."""
    probe = key + "\t"
    lo, hi = 0, len(blob)
    while lo < hi:
        mid = (lo + hi) // 2
        start = blob.rfind("\n", 0, mid) + 1
        end = blob.find("\n", start)
        end = len(blob) if end < 0 else end
        if blob[start:end] < probe:
            lo = end + 1
        else:
            hi = start
    end = blob.find("\n", lo)
    line = blob[lo : len(blob) if end < 0 else end]
    return line if line.startswith(probe) else None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled table, read once per process."""
    with gzip.open(resource_path("data", FILE), "rt", encoding="utf-8") as f:
        return Lexicon(f.read())

"""Simpler words for any word in its sentence: candidates, ranking, the form for the place.

Candidates come from the bundled rules (their suggestions for this span come first), from
a short list of plain words we wrote (resources/data/plain_words.txt) and from Open English
WordNet (resources/data/simplify.txt.gz, see jargonfree.core.lexicon): the other words of
each sense of the word, and the words of its broader (hypernym), similar and narrower
senses; for an adverb made from an adjective, the adverbs of that adjective's synonyms.
They are ranked by how well they fit the sense used here (WordNet's sense order, whether
the sense is the candidate's own main one, the overlap of the sentence with the sense's
definition, examples and related words, the part of speech the neighbouring words call
for), by how many senses offer them, and by how much plainer they are (Zipf frequency of
the word as written, length, syllables, the Dale-Chall list of familiar words). Rarer or
longer words, antonyms (never in a sense's own words), informal words for formal profiles
and words jargonfree would flag itself are left out. Each is put in the form of the word
it replaces (number, tense, case), and the a/an before it is checked.

The weights were tuned on the lexical-simplification development sets
(../shared/reference/dev/lexsimp: LexMTurk, BenchLS, NNSeval), on one half of each only
(tests/benchmarks/bench_lexsimp.py splits them and reports the other half apart); the
figures are development figures, not held-out results.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from jargonfree.core.inflect import (
    BE_HAVE,
    SUBJECTS,
    article_for,
    match_case,
)
from jargonfree.core.lexicon import Lexicon, load_lexicon, stem
from jargonfree.core.spelling import variants as spelling_variants
from jargonfree.resources import resource_path

# Ranking weights, tuned on the development sets (see the module docstring).
RELATION_WEIGHT = {"syn": 1.0, "hyper": 0.5, "similar": 0.8, "hypo": 0.15, "derived": 0.4,
                   "plain": 1.6}
SENSE_DECAY = 0.9  # the k-th sense (from 0) counts 1 / (1 + k) ** SENSE_DECAY
# A candidate for whom this is its k-th sense counts 1 / (1 + k) ** CANDIDATE_SENSE_DECAY:
# "amuse" is a poor word for "divert" ("the water was diverted"), whose sense it is not.
CANDIDATE_SENSE_DECAY = 0.2
OVERLAP_WEIGHT = 0.2  # each context word the sentence shares with the sense
WRONG_POS = 0.2
# A participle WordNet also lists as an adjective ("diverted": amused) is read as the
# verb's form first: the adjective's senses count this much.
PARTICIPLE_ADJECTIVE = 0.6  # a part of speech the neighbouring words speak against
FREQUENCY_WEIGHT = 0.9  # per Zipf point plainer than the word (capped)
FREQUENCY_CAP = 0.5
PHRASE_WEIGHT = 0.15  # a two- or three-word phrase for one word
RARER_MARGIN = 1.0  # a candidate may be this much rarer (Zipf) only if shorter
EASY_BONUS = 1.15  # on the Dale-Chall list of familiar words
LY_BONUS = 1.5  # an -ly adverb for an -ly adverb
MIN_SHARE = 0.05  # candidates scoring below this share of the best are left out
EASY_GAIN = 0.0  # how much commoner (Zipf) a word must be to replace a Dale-Chall word
FORMAL_PROFILES = frozenset({"general", "bid", "specialist"})
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-‐‑][^\W\d_]+)*\Z")
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ARTICLE_RE = re.compile(r"(?<![\w'’-])(an?|An?|AN?)[ \t]+\Z")
_SENTENCE_END_RE = re.compile(r"[.!?]\s|\n\s*\n")
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some any each every no "
    "another whose".split())
_PREPOSITIONS = frozenset("of in on for with at from by into about".split())
_MODALS = frozenset("will would can could may might must should shall to not n't".split())
# Words too general to stand for another (WordNet's broadest verbs): "moved" -> "been".
_NEVER = frozenset("be have do entity thing object whole".split())
# Informal words WordNet does not mark as such, kept out of formal profiles.
_INFORMAL = frozenset("doc docs guy guys kid kids cop cops okay ok buck bucks nuts stuff "
                      "loads tummy telly fridge".split())
_PRONOUNS = frozenset("i we they you he she who".split())
_COPULAS = frozenset("be is are was were been being become becomes became seem seems "
                     "seemed remain remains remained".split())
_BE_VERBS = frozenset("is are was were has had have be been does did".split())
_STOP = frozenset("""a an the of to in on at by for with from and or but not is are was were be
    been it its this that these those as which who""".split())


@dataclass(frozen=True, slots=True)
class Place:
    """The word to replace and what is around it."""

    word: str  # as written
    low: str
    previous: str  # the word before, lowercased ("" at the start)
    following: str
    context: frozenset[str]  # stems of the sentence's other words


class Simplifier:
    """Ranks plainer words for one word in its sentence. `flagged(word, profile)` says
    whether jargonfree would flag a candidate; `rule_suggestions(text, start, end)` gives
    the bundled rules' suggestions for the span, if any."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        flagged: Callable[[str, str], bool] | None = None,
        rule_suggestions: Callable[[str, int, int], list[str]] | None = None,
        plain_words: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.lex = lexicon or load_lexicon()
        self.flagged = flagged or (lambda word, profile: False)
        self.rule_suggestions = rule_suggestions
        self.plain = load_plain_words() if plain_words is None else plain_words
        self._cache: dict[tuple, tuple[int, int, list[str]]] = {}
        self._flagged: dict[tuple[str, str], bool] = {}

    def suggest(self, text: str, start: int, end: int, profile: str = "general",
                limit: int = 5) -> list[str]:
        """Ranked replacements for text[start:end], ready to paste there; [] if none fits.
        After "a" or "an", words that would need the other article are left out."""
        return self.suggest_span(text, start, end, profile, limit, widen=False)[2]

    def suggest_span(self, text: str, start: int, end: int, profile: str = "general",
                     limit: int = 5, *, widen: bool = True, rules: bool = True,
                     sure: bool = False) -> tuple[int, int, list[str]]:
        """(start, end, replacements): when the best word needs the other article ("an
        elderly" -> "an old" is fine, "an estimate" -> "a guess" is not) and `widen` is
        set, the span takes in the article and every replacement carries its own.
        `rules=False` skips the rules' own suggestions (the checks have asked them).
        `sure=True` keeps only what is safe to offer as a one-click fix (see `ranked`)."""
        key = (text[max(0, start - 200) : end + 200], min(start, 200), end - start, profile,
               limit, widen, rules, sure)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._suggest(text, start, end, profile, limit, widen, rules, sure)
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit[0] + start, hit[1] + start, list(hit[2])

    def _suggest(self, text: str, start: int, end: int, profile: str, limit: int,
                 widen: bool, rules: bool, sure: bool = False) -> tuple[int, int, list[str]]:
        """As suggest_span, with offsets relative to `start`."""
        out: list[str] = []
        if rules and self.rule_suggestions is not None:
            # A rule's words may be rarer than the uncommon check allows for this profile
            # ("diminish" -> "lessen" for patients): those are left out here.
            out += [s for s in self.rule_suggestions(text, start, end)
                    if not self.rare(_outside_brackets(s), profile)]
        place = read_place(text, start, end)
        if place is None:
            return 0, end - start, out[:limit]
        # A few spare words, for those the article before the word rules out.
        ranked = [c for c in self.ranked(place, profile, 2 * limit + 2, sure=sure)
                  if c not in out]
        art = _article_before(text, start)
        if art and ranked and not out:
            article, art_start = art
            if widen and article_for(ranked[0]) != article.lower():
                lead = text[art_start:start]  # "an " or "An\n"
                spaced = [match_case(article_for(c), article) + lead[len(article):] + c
                          for c in ranked[:limit]]
                return art_start - start, end - start, spaced
            ranked = [c for c in ranked if article_for(c) == article.lower()]
        return 0, end - start, (out + ranked)[:limit]

    def ranked(self, place: Place, profile: str, most: int = 12, *,
               sure: bool = False) -> list[str]:
        """WordNet and plain-list candidates in the form of the place, best first.

        `sure=True` is for the suggestions a finding carries, which one click pastes: only
        our own plain list is used. A blind reader judged WordNet's guesses on real text
        wrong about as often as right ("remission" -> "payment", "observations" ->
        "watchings"), and keeping only synonyms of words with one sense still gave
        "defects" -> "deserts" and "consortium" -> "pool". The right-click "Simpler
        words" menu, where the writer chooses among several, gets every candidate."""
        lex = self.lex
        low = place.low.replace("’", "'")
        bases = lex.bases(low)
        if not bases:
            for variant in sorted(spelling_variants(low) - {low}):
                bases = lex.bases(variant)
                if bases:
                    break
        if not bases:
            return []
        tags = {tag for _, tag in bases}
        if "VBD" in tags and "VBN" in tags:  # "purchased": bought, or had bought?
            drop = "VBD" if place.previous in BE_HAVE or place.following == "by" else "VBN"
            bases = [(lemma, tag) for lemma, tag in bases if tag != drop]
        if "NNS" in tags and "VBZ" in tags:  # "concentrates": ores, or focuses?
            prev = place.previous
            drop = ("VBZ" if prev in _DETERMINERS or prev in _PREPOSITIONS
                    else "NNS" if prev in SUBJECTS else "")
            bases = [(lemma, tag) for lemma, tag in bases if tag != drop]
        allowed_pos = guess_pos(place)
        verb_form = any(tag in ("VBD", "VBN", "VBG") for _, tag in bases)
        head = lex.word(bases[0][0])
        easy = head is not None and head.easy  # a familiar word: its everyday sense only
        scores: dict[str, float] = {}
        target = None
        for lemma, tag in bases:
            info = lex.word(lemma)
            if info is not None and (target is None or info.plain_zipf > target.plain_zipf):
                target = info
            senses = lex.senses(lemma)
            for pos, ids in senses.items():
                if not _tag_fits(tag, pos):
                    continue
                if sure:
                    break  # WordNet's guesses are for the menu, not for one click
                pos_weight = 1.0 if pos in allowed_pos else WRONG_POS
                if pos == "a" and not tag and verb_form:
                    pos_weight *= PARTICIPLE_ADJECTIVE  # "diverted": redirected, not amused
                for rank, sid in enumerate(ids[:1] if easy else ids):
                    sense = lex.sense(sid)
                    overlap = len(place.context & sense.context)
                    weight = pos_weight * (1 + OVERLAP_WEIGHT * overlap) / (1 + rank) ** SENSE_DECAY
                    for cand, rel, register, own_rank in sense.candidates:
                        if profile in FORMAL_PROFILES and (register or cand in _INFORMAL):
                            continue
                        fit = RELATION_WEIGHT[rel] / (1 + own_rank) ** CANDIDATE_SENSE_DECAY
                        self._add(scores, cand, pos, tag, lemma, fit * weight)
            for cand in self.plain.get(lemma, ()):
                pos = next((p for p in ("v", "n", "a", "r") if p in senses and _tag_fits(tag, p)),
                           "n")
                weight = RELATION_WEIGHT["plain"] * (1.0 if pos in allowed_pos else WRONG_POS)
                self._add(scores, cand, pos, tag, lemma, weight)
        if target is None:
            return []
        # A familiar word ("cat", "piece") is replaced only by a clearly commoner one.
        least_gain = EASY_GAIN if target.easy else -RARER_MARGIN
        ranked = []
        for (cand, pos, tag), weight in scores.items():
            info = lex.word(cand)
            if info is None:
                continue
            gain = info.plain_zipf - target.plain_zipf
            if gain < least_gain:
                continue
            if gain < 0 and (len(cand) > len(low) or info.syllables > target.syllables):
                continue  # rarer and no shorter: not plainer
            weight *= math.exp(FREQUENCY_WEIGHT * min(gain, FREQUENCY_CAP))
            if " " in cand:
                weight *= PHRASE_WEIGHT
            if info.easy:
                weight *= EASY_BONUS
            if pos == "r" and low.endswith("ly") and cand.endswith("ly"):
                weight *= LY_BONUS  # "entirely" -> "completely", not "all"
            ranked.append((-weight, cand, pos, tag))
        ranked.sort()
        floor = -ranked[0][0] * MIN_SHARE if ranked else 0.0
        out: list[str] = []
        for weight, cand, pos, tag in ranked:
            if -weight < floor:
                break
            form = self.inflect(cand, pos, tag)
            if not form or form == low or form in out:
                continue
            key = (form, profile)
            flagged = self._flagged.get(key)
            if flagged is None:
                flagged = self._flagged[key] = self.flagged(form, profile)
            if flagged:
                continue
            out.append(form)
            if len(out) >= most:
                break
        return [match_case(form, place.word) for form in out]

    def rare(self, words: str, profile: str) -> bool:
        """Would the uncommon-word check flag one of these words for this profile?"""
        return rare_in_table(self.lex, words, profile)

    @staticmethod
    def _add(scores: dict, cand: str, pos: str, tag: str, lemma: str, weight: float) -> None:
        if (cand == lemma or cand in _NEVER or cand.startswith(lemma + " ")
                or _same_family(cand, lemma)):
            return
        key = (cand, pos, tag)
        # Summed over the senses and relations that offer it: a word that stands for the
        # target in several senses is the safer guess when the sense is unclear.
        scores[key] = scores.get(key, 0.0) + weight

    def inflect(self, phrase: str, pos: str, tag: str) -> str:
        """A base phrase in form `tag`: a verb phrase inflects its first word ("cut
        down" -> "cutting down"), a noun phrase its last; "" when it cannot."""
        if not tag:
            return phrase
        words = phrase.split(" ")
        i = 0 if pos == "v" else len(words) - 1
        if tag in ("JJR", "JJS"):
            form = self.lex.form(words[i], tag) if len(words) == 1 else ""
            return form or f"{'more' if tag == 'JJR' else 'most'} {phrase}"
        if tag == "NNS" and pos != "n" or tag.startswith("VB") and pos not in ("v", "a"):
            return ""
        if pos == "a":  # an adjective standing for a participle ("diverted"): as it is
            return phrase
        form = self.lex.form(words[i], tag)
        if form == "-":
            return ""
        words[i] = form
        return " ".join(words)


def _outside_brackets(text: str) -> str:
    """'high blood pressure (hypertension)' -> 'high blood pressure': the bracketed term
    is there on purpose, to explain it."""
    return " ".join(re.sub(r"\([^()]*\)", " ", text).split())


def _tag_fits(tag: str, pos: str) -> bool:
    if not tag:
        return True
    if tag == "NNS":
        return pos == "n"
    if tag in ("JJR", "JJS"):
        return pos == "a"
    return pos == "v"


def _same_family(cand: str, lemma: str) -> bool:
    """'diversion' for 'divert', 'pieces' for 'piece': the same word, no plainer. Also
    the word without its prefix ('developed' for 'underdeveloped', 'happy' for
    'unhappy'), which often means the opposite."""
    if len(cand) >= 4 and (lemma.endswith(cand) or cand.endswith(lemma)):
        return True
    n = min(len(cand), len(lemma))
    if n < 4:
        return False
    common = 0
    while common < n and cand[common] == lemma[common]:
        common += 1
    return common >= max(4, n - 2) and " " not in cand


def guess_pos(place: Place) -> set[str]:
    """Parts of speech the neighbouring words allow (a rough reading, no tagger)."""
    allowed = {"n", "v", "a", "r"}
    prev = place.previous
    if prev in _DETERMINERS or prev in _PREPOSITIONS:
        allowed -= {"v", "r"}
        if not place.following or place.following in _PREPOSITIONS | _BE_VERBS:
            allowed = {"n"}  # "the novel is": a noun
    if place.following in _BE_VERBS and prev not in _MODALS:
        allowed = {"n"}  # "her first novel was": the subject
    if prev in _MODALS or prev in _PRONOUNS:
        allowed = {"v", "r"}
    elif place.following == "of" and prev not in _COPULAS:
        allowed = {"n"}  # "the functions of": a noun
    if place.low.endswith("ly") and len(place.low) > 4:
        allowed = {"r", "a"}
    return allowed


def read_place(text: str, start: int, end: int) -> Place | None:
    """The word at text[start:end] with its neighbours; None if the span is no word."""
    word = text[start:end]
    if not _WORD_RE.match(word):
        return None
    cut = 0
    for m in _SENTENCE_END_RE.finditer(text, max(0, start - 400), start):
        cut = m.end()
    stop = _SENTENCE_END_RE.search(text, end, end + 400)
    sentence_end = stop.start() + 1 if stop else min(len(text), end + 400)
    before = _TOKEN_RE.findall(text[cut:start])
    after = _TOKEN_RE.findall(text[end:sentence_end])
    low = word.lower()
    words = {w.lower() for w in before + after}
    context = frozenset(stem(w) for w in words if w not in _STOP and len(w) > 2 and w != low)
    prev = before[-1].lower() if before else ""
    return Place(word, low, prev, after[0].lower() if after else "", context)


def _article_before(text: str, start: int) -> tuple[str, int] | None:
    """('a' or 'an' as written, where it starts) when that word comes right before."""
    m = _ARTICLE_RE.search(text, max(0, start - 6), start)
    return (m.group(1), m.start(1)) if m else None


def load_plain_words() -> dict[str, tuple[str, ...]]:
    """Our own short list of hard words and their everyday words (plain_words.txt)."""
    out: dict[str, tuple[str, ...]] = {}
    path = resource_path("data", "plain_words.txt")
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        hard, _, plain = line.partition(":")
        out[hard.strip().lower()] = tuple(p.strip() for p in plain.split(",") if p.strip())
    return out


def simpler_words(text: str, start: int, end: int, profile: str = "general",
                  limit: int = 5) -> list[str]:
    """Ranked plainer words for text[start:end] in its sentence, ready to paste over that
    span (already in its form and case); [] when none fits or the span is not a word.
    Raises ValueError for a span outside the text or an unknown profile."""
    from jargonfree.core.analyze import default_analyzer
    from jargonfree.core.profiles import get_profile

    check_span(text, start, end)
    get_profile(profile)
    if limit <= 0:
        return []
    return default_analyzer().simplifier.suggest(text, start, end, profile, limit)


def check_span(text: str, start: int, end: int) -> None:
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if isinstance(start, bool) or isinstance(end, bool) or not (
            isinstance(start, int) and isinstance(end, int)):
        raise TypeError("start and end must be integers")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside the text (0:{len(text)})")


def rare_in_table(lex: Lexicon, phrase: str, profile: str) -> bool:
    """Would the uncommon-word check flag a word of this phrase for this profile? Judged as
    checks/uncommon.py judges (length weight, floor, allow and everyday lists, the
    profile's common and familiar bands), with the table's Zipf values (the same wordfreq
    numbers, stored at build time) so that wordfreq need not be loaded."""
    from jargonfree.core.checks import uncommon

    threshold = uncommon.THRESHOLDS.get(profile, uncommon.THRESHOLDS["general"])
    if threshold is None:
        return False
    common = uncommon.COMMON_FOR.get(profile)
    familiar = uncommon.FAMILIAR_FROM.get(profile)
    for word in phrase.lower().split(" "):
        if len(word) < uncommon.MIN_LETTERS or word in uncommon.ALLOW:
            continue
        z = max((info.zipf for base, _ in lex.bases(word) if (info := lex.word(base))),
                default=None)
        if z is None:
            info = lex.word(word)
            z = info.zipf if info else 0.0
        if z >= uncommon.NEVER_RARE or (common is not None and z >= common):
            continue
        letters = max(len(p) for p in re.split(r"[-']", word))
        score = z - uncommon.LENGTH_WEIGHT * (letters - 6)
        if score >= threshold:
            continue
        if familiar is not None and score >= familiar and uncommon.is_familiar(word):
            continue
        if uncommon.is_everyday(word):
            continue
        return True
    return False

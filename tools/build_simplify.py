"""Build the simpler-words table from Open English WordNet (run by a developer, not at run time).

    python tools/build_simplify.py [--oewn ../shared/reference/oewn] [--out resources/data]

Reads the OEWN YAML source (entries-*.yaml, the synset files and sense-orders.csv; CC BY 4.0,
derived from Princeton WordNet under the WordNet licence) and writes
resources/data/simplify.txt.gz, the only thing jargonfree.core.simplify reads at run time.
PyYAML is needed here only. Zipf values come from wordfreq through the project's own
`frequency.zipf`, syllables from the bundled CMU table, inflected forms from lemminflect
through `inflect.inflect_word` (British doubling: travelled), so that the engine needs
neither wordfreq nor lemminflect when it runs.

What is kept, and changed from the source:
- lemmas of one word (letters, inner hyphens or apostrophes), lowercased, that have at least
  one substitute about as common as themselves or more; at most MAX_SENSES senses each, in
  OEWN's sense order;
- for each of their senses: the other members of the synset, the members of its hypernyms,
  of its similar-to and see-also synsets, and of its most common hyponyms, and for an
  adverb that WordNet derives from an adjective ("accurately": accurate) the adverbs of
  that adjective's synonyms ("correctly", "exactly") and similar adjectives, each kept only
  if it is common enough (Zipf CANDIDATE_ZIPF) and has three words at most; members marked
  as American spellings, names (capitals), trade names, archaisms, obscenities, slurs and
  disparaging words are left out; colloquial and slang members are marked informal;
- each sense's context words: its definition, examples and the members of its hypernyms,
  reduced to rough stems (lexicon.stem), the MAX_CONTEXT least common of them, for the
  overlap with the sentence.

Format (gzip'd UTF-8 text, mtime 0 so builds repeat): a first line "jargonfree-simplify 2",
then sections, each opened by a line "=name":
- words: "word TAB zipf*10 TAB syllables TAB flags TAB plain zipf*10" (flag e: on the
  Dale-Chall easy list), sorted, so that the engine finds a line by bisection without
  parsing the section. The first Zipf value is frequency.zipf's (best base form or part,
  as the rare-word check judges); the last is wordfreq's figure for the word as written
  (its best UK/US spelling), which ranks substitutes: frequency.zipf finds "notable" as
  common as "not" and "thereafter" as "there" and "after";
- forms: "word TAB TAG=form ...": the forms the regular rules of lexicon.regular_form get
  wrong (form "-" where there is none);
- senses: "syn|hyper|similar|hypo|derived|context": comma-separated words (~ marks informal; "/k"
  after a word says that this synset is its k-th sense, from 0, when it is not its first),
  then the context stems; a sense's line number (from 0) is its id;
- lemmas: "lemma TAB pos:id,id,... ...", sorted.
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import io
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jargonfree.core.lexicon import FORMAT, POS_TAGS, regular_form, stem  # noqa: E402

MAX_SENSES = 15
MAX_HYPONYMS = 6
MAX_RANK = 9  # a candidate's own sense rank is stored up to this
MAX_CONTEXT = 12  # context stems a sense keeps: its least common ones
CANDIDATE_ZIPF = 3.3  # rarer words never make a plainer substitute
TARGET_MARGIN = 1.0  # a lemma is kept if some substitute is at most this much rarer
MAX_TARGET_ZIPF = 6.0  # "the", "have": nothing is plainer
OFFENSIVE_DOMAINS = {"disparagement", "obscenity", "ethnic slur"}
LEFT_OUT_DOMAINS = {"archaism", "trademark"}
INFORMAL_DOMAINS = {"colloquialism", "slang", "African American Vernacular English", "Yiddish"}
LEFT_OUT_SENSE_MARKS = ("american_spelling", "trade_name", "trademark", "archaism")
STOP = frozenset(
    """a an the of to in on at by for with from and or but not no is are was were be been being
    it its this that these those as which who whom whose what when where how than then so such
    any some all each every one ones used use especially usually often something someone
    somebody person thing things very more most other another into out up down over about
    having has have had do does did can may might must will would should could""".split()
)
_WORD_RE = re.compile(r"[a-z]+(?:[-'][a-z]+)*\Z")
_MEMBER_RE = re.compile(r"[a-z]+(?:[-'][a-z]+)*(?: [a-z]+(?:[-'][a-z]+)*){0,2}\Z")


def _graded(adverb: str, adjectives: set[str]) -> bool:
    """Is the adverb the comparative or superlative of an adjective ("faster", "best")?"""
    if adverb in ("better", "best", "worse", "worst", "more", "most", "less", "least"):
        return True
    for end in ("er", "est"):
        stem = adverb[: -len(end)]
        if adverb.endswith(end) and len(stem) >= 3:
            bases = {stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else stem}
            if len(stem) > 3 and stem[-1] == stem[-2]:
                bases.add(stem[:-1])  # bigger: big
            if bases & adjectives:
                return True
    return False


def load_oewn(folder: Path) -> tuple[dict, dict]:
    import yaml  # build-time only

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries: dict = {}
    synsets: dict = {}
    for name in sorted(glob.glob(str(folder / "yaml" / "*.yaml"))):
        base = Path(name).name
        if base == "frames.yaml":
            continue
        with open(name, encoding="utf-8") as f:
            data = yaml.load(f, Loader=loader)
        (entries if base.startswith("entries-") else synsets).update(data)
    return entries, synsets


def sense_orders(folder: Path) -> dict[tuple[str, str], list[str]]:
    out = {}
    path = folder / "sense-orders.csv"
    if path.is_file():
        for row in csv.reader(path.open(encoding="utf-8")):
            if len(row) == 3:
                out[row[0], row[1]] = [f"{x}-{row[1]}" for x in row[2].split()]
    return out


def example_text(x) -> str:
    return x["text"] if isinstance(x, dict) else str(x)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--oewn", type=Path, default=ROOT.parent / "shared" / "reference" / "oewn")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "data")
    args = parser.parse_args(argv)

    from jargonfree.core.frequency import frequencies, zipf
    from jargonfree.core.spelling import variants as spelling_variants
    from jargonfree.core.syllables import count_syllables, dale_chall_easy_words

    if not (args.oewn / "yaml").is_dir():
        print(f"build_simplify: no OEWN YAML folder at {args.oewn / 'yaml'} (use --oewn)",
              file=sys.stderr)
        return 2
    entries, synsets = load_oewn(args.oewn)
    orders = sense_orders(args.oewn)
    domains = {sid: d["members"][0] for sid, d in synsets.items()}

    def domain_names(ids) -> set[str]:
        return {domains.get(i, i.split("%")[0]) for i in ids or ()}

    # Members of each synset, with the per-sense marks (spelling, register).
    left_out: set[tuple[str, str]] = set()  # (synset, member lowercased)
    informal: set[tuple[str, str]] = set()
    lemma_senses: dict[str, dict[str, list[str]]] = {}
    sense_of_key: dict[str, tuple[str, str]] = {}  # sense key -> (lemma, synset)
    pertains: dict[str, list[str]] = {}  # adverb synset -> adjective sense keys
    adverb_of: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (adj, synset) -> adverbs
    for lemma, by_pos in entries.items():
        low = lemma.lower()
        for pos, entry in by_pos.items():
            p = pos.split("-")[0]  # "n-1", "n-2": homographs (bow, agora)
            p = "a" if p == "s" else p
            for sense in entry.get("sense", []):
                sid = sense["synset"]
                marks = sense.get("exemplifies") or []
                names = domain_names(marks)
                if any(m.split("%")[0] in LEFT_OUT_SENSE_MARKS for m in marks) or (
                        names & (OFFENSIVE_DOMAINS | LEFT_OUT_DOMAINS)):
                    left_out.add((sid, low))
                if names & INFORMAL_DOMAINS:
                    informal.add((sid, low))
                lemma_senses.setdefault(low, {}).setdefault(p, []).append(sid)
                sense_of_key[sense["id"]] = (low, sid)
                if p == "r":
                    pertains.setdefault(sid, []).extend(sense.get("pertainym", []))
    adjectives = {low for low, by_pos in lemma_senses.items() if "a" in by_pos}
    for adverb_sid, keys in pertains.items():
        for key in keys:
            if key in sense_of_key:
                adjective = sense_of_key[key]
                for m in synsets.get(adverb_sid, {}).get("members", []):
                    adverb_of.setdefault(adjective, []).append((m.lower(), adverb_sid))
    for (low, p), order in orders.items():
        if low in lemma_senses and p in lemma_senses[low]:
            have = lemma_senses[low][p]
            lemma_senses[low][p] = [s for s in order if s in have] + [
                s for s in have if s not in order]
    synset_flag: dict[str, str] = {}
    for sid, d in synsets.items():
        names = domain_names(d.get("exemplifies"))
        if names & (OFFENSIVE_DOMAINS | LEFT_OUT_DOMAINS):
            synset_flag[sid] = "out"
        elif names & INFORMAL_DOMAINS:
            synset_flag[sid] = "informal"
    hyponyms: dict[str, list[str]] = {}
    for sid, d in synsets.items():
        for h in d.get("hypernym", []):
            hyponyms.setdefault(h, []).append(sid)

    zcache: dict[str, float] = {}
    rcache: dict[str, float] = {}
    freqs = frequencies()

    def raw(phrase: str) -> float:
        """wordfreq's Zipf for a phrase as written: its rarest word, best spelling."""
        if phrase not in rcache:
            best = []
            for w in phrase.split(" "):
                values = [freqs.get(v) or 0.0 for v in spelling_variants(w) | {w}]
                best.append(math.log10(max(values) * 1e9) if max(values) else 0.0)
            rcache[phrase] = min(best)
        return rcache[phrase]

    def z(phrase: str) -> float:
        if phrase not in zcache:
            zcache[phrase] = min(zipf(w) for w in phrase.split(" "))
        return zcache[phrase]

    def members(sid: str) -> list[tuple[str, bool]]:
        """(member, informal) for the usable members of a synset."""
        if synset_flag.get(sid) == "out" or sid not in synsets:
            return []
        out = []
        for m in synsets[sid]["members"]:
            low = m.lower()
            if m != low or (sid, low) in left_out or not _MEMBER_RE.match(low):
                continue
            if z(low) < CANDIDATE_ZIPF:
                continue
            out.append((low, (sid, low) in informal or synset_flag.get(sid) == "informal"))
        return out

    def derived_adverbs(sid: str) -> list[list[tuple[str, bool, str]]]:
        """For an adverb synset whose words come from adjectives ("gradually": gradual),
        the adverbs of that adjective's synonyms (syn) and similar adjectives (similar):
        "progressively", "slowly". (word, informal, the adverb's synset) by group."""
        syn: list[tuple[str, bool, str]] = []
        similar: list[tuple[str, bool, str]] = []
        for key in pertains.get(sid, []):
            if key not in sense_of_key:
                continue
            adj_sid = sense_of_key[key][1]
            d = synsets.get(adj_sid, {})
            for group, rel_ids in ((syn, [adj_sid]), (similar, d.get("similar", []))):
                for r in rel_ids:
                    if synset_flag.get(r) == "out" or r not in synsets:
                        continue
                    for m in synsets[r]["members"]:
                        for adverb, adverb_sid in adverb_of.get((m.lower(), r), []):
                            if _graded(adverb, adjectives):
                                continue  # "faster" for "promptly": a comparison
                            if (adverb_sid != sid and _MEMBER_RE.match(adverb)
                                    and (adverb_sid, adverb) not in left_out
                                    and z(adverb) >= CANDIDATE_ZIPF):
                                inf = synset_flag.get(adverb_sid) == "informal"
                                group.append((adverb, inf, adverb_sid))
        return [syn, similar] if syn or similar else []

    def sense_rank(word: str, sid: str) -> int:
        """Where this synset comes among the word's own senses (0: its commonest), at most
        MAX_RANK: "amuse" is a poor word for "divert" unless the sense is amuse's main one."""
        for ids in lemma_senses.get(word, {}).values():
            if sid in ids:
                return min(ids.index(sid), MAX_RANK)
        return MAX_RANK

    def context(sid: str) -> set[str]:
        d = synsets[sid]
        text = " ".join(d["definition"] + [example_text(x) for x in d.get("example", [])])
        for h in d.get("hypernym", []):
            text += " " + " ".join(synsets[h]["members"]) if h in synsets else ""
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())
        return {stem(w) for w in words if w not in STOP and len(w) > 2}

    sense_rows: list[tuple[str, ...]] = []
    sense_ids: dict[str, int] = {}
    vocab: dict[str, int] = {}
    lemma_rows: list[str] = []
    pos_of_word: dict[str, set[str]] = {}

    def wid(word: str, p: str) -> str:
        """Note a word for the vocabulary (its frequency, syllables and forms)."""
        pos_of_word.setdefault(word, set()).add(p)
        vocab[word] = 0
        return word

    for low in sorted(lemma_senses):
        if not _WORD_RE.match(low) or len(low) < 2:
            continue
        zt = raw(low)
        if zt > MAX_TARGET_ZIPF:
            continue
        by_pos = lemma_senses[low]
        keep: dict[str, list[str]] = {}
        useful = False
        for p, sids in by_pos.items():
            sids = list(dict.fromkeys(sids))[:MAX_SENSES]
            keep[p] = sids
            for sid in sids:
                for rel_ids in (
                    [sid], synsets.get(sid, {}).get("hypernym", []),
                    synsets.get(sid, {}).get("similar", []) + synsets.get(sid, {}).get("also", []),
                ):
                    for r in rel_ids:
                        if any(m != low and raw(m) >= zt - TARGET_MARGIN for m, _ in members(r)):
                            useful = True
                if p == "r" and any(raw(m) >= zt - TARGET_MARGIN
                                    for group in derived_adverbs(sid) for m, _, _ in group):
                    useful = True
        if not useful:
            continue
        parts = [low]
        for p in POS_TAGS:
            if p not in keep:
                continue
            ids = []
            for sid in keep[p]:
                if sid not in sense_ids:
                    d = synsets[sid]
                    groups = []
                    rels = (
                        [sid], d.get("hypernym", []), d.get("similar", []) + d.get("also", []),
                        sorted(hyponyms.get(sid, []),
                               key=lambda h: -max([z(m) for m, _ in members(h)] or [0]))
                        [:MAX_HYPONYMS],
                    )
                    for rel_ids in rels:
                        items = []
                        for r in rel_ids:
                            for m, inf in members(r):
                                item = (inf, wid(m, p), sense_rank(m, r))
                                if item not in items:
                                    items.append(item)
                        groups.append(items)
                    groups.append([])  # adverbs of similar adjectives
                    if p == "r":
                        # Adverbs of synonymous adjectives join the synonyms; those of
                        # similar adjectives have their own group (a looser link).
                        for group, extra in zip(groups[0::4], derived_adverbs(sid), strict=False):
                            for m, inf, r in extra:
                                item = (inf, wid(m, p), sense_rank(m, r))
                                if item not in group and m != low:
                                    group.append(item)
                    sense_ids[sid] = len(sense_rows)
                    # The least common stems say most about the sense.
                    stems = sorted(context(sid), key=lambda w: (zipf(w), w))[:MAX_CONTEXT]
                    sense_rows.append((*groups, ",".join(sorted(stems))))
                ids.append(str(sense_ids[sid]))
            parts.append(f"{p}:{','.join(ids)}")
            wid(low, p)
        lemma_rows.append("\t".join(parts))

    sense_lines = []
    for *groups, ctx in sense_rows:
        fields = [",".join(("~" if inf else "") + w + (f"/{rank}" if rank else "")
                           for inf, w, rank in items) for items in groups]
        sense_lines.append("|".join([*fields, ctx]))
    easy = dale_chall_easy_words()
    word_rows = []
    for word in sorted(vocab):
        syl = sum(count_syllables(w) for w in word.split(" "))
        flags = "e" if word in easy else ""
        word_rows.append(f"{word}\t{round(z(word) * 10)}\t{syl}\t{flags}\t{round(raw(word) * 10)}")
    form_rows = forms_table(vocab, pos_of_word)

    buf = io.StringIO()
    buf.write(FORMAT + "\n=words\n")
    buf.write("\n".join(word_rows) + "\n=forms\n")
    buf.write("\n".join(form_rows) + "\n=senses\n")
    buf.write("\n".join(sense_lines) + "\n=lemmas\n")
    buf.write("\n".join(lemma_rows) + "\n")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "simplify.txt.gz"
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="", compresslevel=9) as f:
        f.write(buf.getvalue().encode("utf-8"))
    print(f"{path}: {len(lemma_rows)} lemmas, {len(sense_rows)} senses, {len(vocab)} words, "
          f"{len(form_rows)} irregular words, {path.stat().st_size:,} bytes")
    return 0


def forms_table(vocab: dict[str, int], pos_of_word: dict[str, set[str]]) -> list[str]:
    """Each word's forms that lexicon.regular_form gets wrong (lemminflect through
    inflect.inflect_word, which keeps uncountable nouns as they are and doubles British
    l: travelled). The head word of a phrase inflects: the first of a verb phrase, the
    last of a noun phrase."""
    import lemminflect

    from jargonfree.core.inflect import UNCOUNTABLE, inflect_word

    heads: dict[str, set[str]] = {}
    for word, poses in pos_of_word.items():
        tokens = word.split(" ")
        for p in poses:
            head = tokens[0] if p == "v" else tokens[-1]
            heads.setdefault(head, set()).add(p)
    rows = []
    for word in sorted(heads):
        pairs = []
        for p in sorted(heads[word]):
            for tag in POS_TAGS[p]:
                if tag in ("JJR", "JJS"):
                    # Stored whenever lemminflect has one (bigger); none means "more ...".
                    forms = lemminflect.getAllInflections(word, upos="ADJ").get(tag)
                    if forms:
                        pairs.append(f"{tag}={forms[0]}")
                    continue
                form = inflect_word(word, tag)
                upos = "NOUN" if tag == "NNS" else "VERB"
                known = lemminflect.getAllInflections(word, upos=upos).get(tag, ())
                if form == word and not (word in UNCOUNTABLE or word in known):
                    continue  # lemminflect does not know it: the regular rules apply
                if form != regular_form(word, tag):
                    pairs.append(f"{tag}={form}")
        if pairs:
            rows.append("\t".join([word, *dict.fromkeys(pairs)]))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())

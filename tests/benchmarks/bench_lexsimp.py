"""Lexical simplification on the development sets (not a test): how often jargonfree's
simpler words match the words people offered. Reads ../shared/reference/dev/lexsimp
(relative to the repository; --data, $JARGONFREE_DEV (the dev folder) or
$JARGONFREE_DEV_DATA to change it); nothing from it is stored in the repository.

    python tests/benchmarks/bench_lexsimp.py [--data PATH] [--sets lexmturk,benchls,...]

Two ways in, in one run:
(a) simpler_words() on each target span in its sentence (--profile, general by default);
(b) end to end: analyze(sentence, profile="patient"), the word-level finding that covers
    the target (if the checks flag it at all) and its first suggestions.
Measures per set: coverage (share of items with any substitute), ACC@1 (the first is in
the gold list), Potential@3 (one of the first three is), MAP@3, and the mean time per
word for (a), warm (the table is loaded before the clock starts; answers remembered
for a span are forgotten before each item, since the sets share sentences). Words are compared in
lower case; a suggestion that carries its article ("a drug") is compared without it.

These sets were used to tune the engine's weights (jargonfree/core/simplify.py): the
figures are development figures, not held-out results. To keep the tuning honest each
set is split in two halves by a seeded hash of the item (its sentence's letters and
digits and the target, so an item shared by LexMTurk and BenchLS falls in the same half
of both): changes are tuned on the "tune" half only and kept only if the "held" half
does not get worse; both halves and the whole are reported. The published figures beside
them are from the papers (on other data or other splits): read them as scale only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT = REPO.parent / "shared" / "reference" / "dev" / "lexsimp"
SETS = ("lexmturk", "benchls", "nnseval", "tsar-trial")
FILES = {"lexmturk": "lex.mturk.txt", "benchls": "BenchLS.txt", "nnseval": "NNSeval.txt",
         "tsar-trial": "tsar2022_en_trial_gold.tsv"}
# Published figures, as given in the data's README (for scale; not the same test data).
PUBLISHED = {
    "lexmturk": "WordNet generators: precision of first choices about 0.2-0.3 (BenchLS/LexMTurk)",
    "benchls": "WordNet generators about 0.2-0.3; LSBert about 0.6 of first choices",
    "nnseval": "(see BenchLS: NNSeval is its non-native subset)",
    "tsar-trial": "TSAR-2022 test (not used): TUNER ACC@1 0.34 P@3 0.43; LSBert 0.60 / 0.82",
}
K = 3
SPLIT_SEED = "jargonfree-lexsimp-split-1"
HALVES = ("all", "tune", "held")


def half(text: str, start: int, end: int) -> str:
    """'tune' or 'held': a seeded hash of the item, the same in every set."""
    key = re.sub(r"[^a-z0-9]", "", text.lower()) + "\t" + text[start:end].lower()
    digest = hashlib.sha256(f"{SPLIT_SEED}\t{key}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def read_set(folder: Path, name: str) -> list[tuple[str, int, int, list[str]]]:
    """(text, start, end, gold substitutes lowercased) for each item of one set."""
    path = folder / FILES[name]
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    items = []
    for n, line in enumerate(lines):
        parts = line.rstrip("\t").split("\t")
        if len(parts) < 3 or (name == "lexmturk" and n == 0):
            continue
        sentence, target = parts[0].strip().strip('"'), parts[1].strip()
        if name in ("benchls", "nnseval"):
            tokens = sentence.split(" ")
            index = int(parts[2])
            gold = [p.split(":", 1)[1].strip().lower() for p in parts[3:] if ":" in p]
            if index < len(tokens) and tokens[index].lower() == target.lower():
                start = len(" ".join(tokens[:index])) + (1 if index else 0)
            else:
                start = _find(sentence, target)
        else:
            gold = [p.strip().lower() for p in parts[2:] if p.strip()]
            start = _find(sentence, target)
        if start < 0:
            continue
        items.append((sentence, start, start + len(target), gold))
    return items


def _find(sentence: str, target: str) -> int:
    m = re.search(rf"(?<!\w){re.escape(target)}(?!\w)", sentence, re.IGNORECASE)
    return m.start() if m else -1


def scores(ranked: list[list[str]], golds: list[list[str]]) -> dict[str, float]:
    n = len(golds)
    cov = acc = pot = ap_sum = 0.0
    for subs, gold in zip(ranked, golds, strict=True):
        gold_set = set(gold)
        top = [_bare(s) for s in subs[:K]]
        cov += bool(top)
        acc += bool(top) and top[0] in gold_set
        pot += any(s in gold_set for s in top)
        hits = 0
        ap = 0.0
        for i, s in enumerate(top):
            if s in gold_set:
                hits += 1
                ap += hits / (i + 1)
        ap_sum += ap / K
    return {"coverage": cov / n, "acc1": acc / n, "pot3": pot / n, "map3": ap_sum / n}


def _bare(s: str) -> str:
    s = s.lower()
    return re.sub(r"^(?:a|an) ", "", s)


def end_to_end(analyze, text: str, start: int, end: int) -> list[str]:
    """The suggestions of the word-level finding covering the target (patient profile)."""
    for f in analyze(text, profile="patient").findings:
        if f.category in ("passive", "sentence", "consistency"):
            continue
        if f.start <= start and end <= f.end:
            return list(f.suggestions)
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # The dev folder, as for the other benchmarks ($JARGONFREE_DEV_DATA kept for old scripts).
    env = os.environ.get("JARGONFREE_DEV") or os.environ.get("JARGONFREE_DEV_DATA")
    parser.add_argument("--data", type=Path, default=Path(env) / "lexsimp" if env else DEFAULT)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--profile", default="general",
                        help="profile for (a) (simpler_words' default); (b) is always patient")
    parser.add_argument("--no-end-to-end", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"bench_lexsimp: no data folder at {args.data} (use --data)")
        return 2
    from jargonfree import analyze, simpler_words
    from jargonfree.core.analyze import default_analyzer

    simpler_words("The test was conducted.", 9, 18)  # load the table before timing
    analyze("Warm up.", profile="patient")
    print(f"(a) simpler_words(profile={args.profile!r}); (b) analyze(profile='patient')")
    print("halves: 'tune' (the weights were tuned on it), 'held' (left alone), 'all'")
    print(f"{'set':<11} {'way':<4} {'half':<5} {'items':>5} {'cover':>6} {'ACC@1':>6} "
          f"{'Pot@3':>6} {'MAP@3':>6} {'ms/word':>8}  published (scale only)")
    for name in args.sets.split(","):
        items = read_set(args.data, name)
        halves = [half(text, start, end) for text, start, end, _ in items]
        ranked, times = [], []
        spans = default_analyzer().simplifier._cache  # noqa: SLF001
        for text, start, end, _ in items:
            spans.clear()  # time the work, not the answer remembered from another set
            t0 = time.perf_counter()
            ranked.append(simpler_words(text, start, end, profile=args.profile, limit=K))
            times.append(time.perf_counter() - t0)
        _report(name, "(a)", items, halves, ranked, times)
        if not args.no_end_to_end:
            ranked = [end_to_end(analyze, t, a, b) for t, a, b, _ in items]
            _report(name, "(b)", items, halves, ranked, None)
    return 0


def _report(name, way, items, halves, ranked, times) -> None:
    for which in HALVES:
        keep = [i for i, h in enumerate(halves) if which in ("all", h)]
        s = scores([ranked[i] for i in keep], [items[i][3] for i in keep])
        ms = f"{statistics.mean(times[i] for i in keep) * 1000:>8.2f}" if times else " " * 8
        note = PUBLISHED[name] if which == "all" and way == "(a)" else ""
        print(f"{name:<11} {way:<4} {which:<5} {len(keep):>5} {s['coverage']:>6.3f} "
              f"{s['acc1']:>6.3f} {s['pot3']:>6.3f} {s['map3']:>6.3f} {ms}  {note}".rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

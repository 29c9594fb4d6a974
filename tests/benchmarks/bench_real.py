"""Findings on real documents (not a test): how many, of what kind, how many are right
(judged by a reader), and how many of a blind reader's flags jargonfree finds.

    python tests/benchmarks/bench_real.py [--texts PATH]           # the tables
    python tests/benchmarks/bench_real.py --snapshot FILE.json     # save every finding
    python tests/benchmarks/bench_real.py --draw FILE.tsv [--seed N] [--per-category N]
            [--exclude-judged] [--exclude-sampled] [--new-only] [--packet-dir DIR]
    python tests/benchmarks/bench_real.py --before FILE.json       # before/after table

The texts are read from ../shared/reference/dev/texts (relative to the repository; or
$JARGONFREE_DEV_TEXTS, or --texts); nothing from them is stored in the repository. Each
text is checked with the profile its genre calls for: chc_, nhs_ and govuk_ texts with
`general` (programme reports and public guidance), medquad_ texts with `patient` (answers
written for patients).

Held-out half: the eight texts in HELD_OUT were chosen before any tuning; a blind reader
(tests/benchmarks/audit/RUBRIC.md) listed what a plain-language editor would flag in each,
without seeing jargonfree's output (tests/benchmarks/audit/<stem>.tsv). Rules were not
tuned on these texts.

Precision: a seeded, category-stratified sample of word-level findings (and consistency
findings) was drawn on the code of the day before tuning and judged by a reader who did
not write the rules (rubric: tests/benchmarks/real_judge/JUDGE_RUBRIC.md; verdicts:
tests/benchmarks/real_judge/verdicts_*.tsv). A finding is keyed by (text, start, end);
before_keys.tsv lists every finding the code made before tuning. Findings still made
after tuning keep their verdicts: the before sample's items still present are a random
subsample of them. Findings that are new after tuning were drawn (--new-only) and judged
in a second round. Per category, the two parts' precisions are weighted by their sizes.

Recall: a reader's term is found when a finding overlaps it: the term's words are looked
up, case-insensitively, at or after the reader's line (then anywhere in the text), and
the term counts as found when any present finding (any category except passive and
sentence) overlaps the span of that occurrence, or when a finding's lemma-free lower
text equals, contains or is contained in the term (so "renal pelvis" is found by a
finding on "renal", and "the ureter" by a finding on "ureter"). A term the reader listed
that is not in the text verbatim is matched by its longest word of 4+ letters.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from jargonfree import analyze  # noqa: E402

DEFAULT = Path(os.environ.get(
    "JARGONFREE_DEV_TEXTS", REPO.parent / "shared" / "reference" / "dev" / "texts"))
AUDIT = REPO / "tests" / "benchmarks" / "audit"
JUDGE = REPO / "tests" / "benchmarks" / "real_judge"
HELD_OUT = (
    "chc_care-pathway-durham-planned-and-unplanned-care",
    "chc_public-engagement-and-ethics",
    "chc_sustainability-model",
    "nhs_service_manual_health-literacy",
    "medquad_cancergov_transitional-cell-cancer-of-the-renal-pe_information",
    "medquad_nhlbi_restless-legs-syndrome_exams-and-tests",
    "medquad_ninds_tropical-spastic-paraparesis_information",
    "medquad_nihseniorhealth_balance-problems_information",
)
CONTROL = "govuk_help-users-prepare-change"
WORD_LEVEL = ("jargon", "medical", "wordy", "uncommon", "acronym", "misleading")
JUDGED = WORD_LEVEL + ("consistency",)
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def profile_for(stem: str) -> str:
    return "patient" if stem.startswith("medquad_") else "general"


def load_texts(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        sys.exit(f"bench_real: no texts folder at {folder} (use --texts or $JARGONFREE_DEV_TEXTS)")
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def run(texts: dict[str, str]) -> dict[str, list[dict]]:
    """Every finding of every text, as dicts (text stem -> findings)."""
    out = {}
    for stem, text in texts.items():
        result = analyze(text, profile_for(stem))
        out[stem] = [
            {"start": f.start, "end": f.end, "text": f.text, "category": f.category,
             "rule_id": f.rule_id, "message": f.message, "suggestions": list(f.suggestions)}
            for f in result.findings
        ]
    return out


def words(text: str) -> int:
    return len(WORD_RE.findall(text))


def context(text: str, start: int, end: int) -> str:
    """The sentence (roughly) around a span, the span in [[ ]]."""
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, start - 200)
    b_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    b = min(b_candidates + [end + 200, len(text)])
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end : b + 1]).strip().replace(
        "\t", " ").replace("\n", " ")


# ---------------------------------------------------------------------------- tables


def category_table(found: dict[str, list[dict]], texts: dict[str, str], stems=None) -> dict:
    stems = stems or list(texts)
    n_words = sum(words(texts[s]) for s in stems)
    per = Counter()
    with_sugg = Counter()
    for s in stems:
        for f in found.get(s, []):
            per[f["category"]] += 1
            with_sugg[f["category"]] += bool(f["suggestions"])
    return {"words": n_words, "count": per, "with_suggestion": with_sugg}


def print_category_table(title: str, table: dict) -> None:
    n = table["words"]
    print(f"\n{title} ({n} words)")
    print(f"{'category':<12} {'findings':>8} {'per 1,000':>9} {'suggested':>9}")
    word_total = 0
    for cat in WORD_LEVEL + ("consistency", "passive", "sentence"):
        c = table["count"][cat]
        if cat in WORD_LEVEL:
            word_total += c
        share = f"{100 * table['with_suggestion'][cat] / c:.0f}%" if c else "-"
        print(f"{cat:<12} {c:>8} {1000 * c / n:>9.1f} {share:>9}")
    print(f"{'word-level':<12} {word_total:>8} {1000 * word_total / n:>9.1f}")


def key(stem: str, f: dict) -> tuple[str, int, int]:
    return (stem, int(f["start"]), int(f["end"]))


def load_verdicts() -> dict[tuple[str, int, int], dict]:
    """Judged items: (stem, start, end) -> {'verdict': right/wrong, 'stratum', 'weight'}."""
    judged = {}
    for path in sorted(JUDGE.glob("verdicts_*.tsv")):
        sample = {}
        spath = JUDGE / path.name.replace("verdicts_", "sample_")
        if spath.is_file():
            with spath.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    sample[row["id"]] = row
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                item = sample.get(row["id"])
                if item is None:
                    continue
                v = row["verdict"].strip().lower()
                if v not in ("right", "wrong"):
                    continue
                judged[(item["file"], int(item["start"]), int(item["end"]))] = {
                    "verdict": v, "category": item["category"],
                    "round": path.stem.replace("verdicts_", ""),
                    "suggestion": row.get("suggestion_ok", "").strip().lower(),
                }
    return judged


def load_before_keys() -> set[tuple[str, int, int]]:
    """(text, start, end) of every finding the code of the day before tuning made."""
    path = JUDGE / "before_keys.tsv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as fh:
        return {(r["file"], int(r["start"]), int(r["end"]))
                for r in csv.DictReader(fh, delimiter="\t")}


def precision(found: dict[str, list[dict]], judged: dict, stems) -> dict[str, tuple]:
    """Per category: (estimated precision, judged items present, present findings,
    present findings with no verdict).

    The present findings are split in two: those the code before tuning also made (their
    precision is estimated from the "before" sample's items still present: a random
    subsample of them) and new ones (estimated from the "after" sample, drawn from the new
    findings only). The two estimates are weighted by how many findings each part has."""
    before = load_before_keys()
    present = defaultdict(list)  # category -> keys
    for s in stems:
        for f in found.get(s, []):
            if f["category"] in JUDGED:
                present[f["category"]].append(key(s, f))
    out = {}
    all_right = all_n = 0.0
    all_j = all_p = all_u = 0
    for cat in JUDGED:
        keys = present[cat]
        if not keys:
            continue
        parts = []
        n_judged = 0
        for part in ([k for k in keys if k in before], [k for k in keys if k not in before]):
            if not part:
                continue
            verdicts = [judged[k]["verdict"] == "right" for k in part if k in judged]
            n_judged += len(verdicts)
            parts.append((len(part), sum(verdicts) / len(verdicts) if verdicts else None))
        unjudged = sum(1 for k in keys if k not in judged)
        known = [(n, p) for n, p in parts if p is not None]
        if not known:
            out[cat] = (None, 0, len(keys), unjudged)
            continue
        # a part with no verdicts at all is estimated at the other part's precision
        weight = sum(n for n, _ in parts)
        p = sum(n * (q if q is not None else known[0][1]) for n, q in parts) / weight
        out[cat] = (p, n_judged, len(keys), unjudged)
        if cat not in WORD_LEVEL:
            continue  # consistency is reported, not counted in the word-level figure
        all_right += p * len(keys)
        all_n += len(keys)
        all_j += n_judged
        all_p += len(keys)
        all_u += unjudged
    if all_n:
        out["word-level"] = (all_right / all_n, all_j, all_p, all_u)
    return out


def print_precision(title: str, prec: dict) -> None:
    print(f"\n{title}")
    print(f"{'category':<12} {'precision':>9} {'judged':>7} {'present':>8} {'unjudged':>9}")
    for cat, (p, j, n, u) in prec.items():
        ps = f"{100 * p:.0f}%" if p is not None else "-"
        print(f"{cat:<12} {ps:>9} {j:>7} {n:>8} {u:>9}")


def read_audit(stem: str) -> list[dict]:
    path = AUDIT / f"{stem}.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    out = []
    for r in rows[1:]:
        if not r or not r[0].strip():
            continue
        line = int(r[2]) if len(r) > 2 and r[2].strip().isdigit() else 1
        out.append({"term": r[0].strip(), "category": r[1].strip() if len(r) > 1 else "",
                    "line": line})
    return out


def term_spans(text: str, term: str, line: int) -> list[tuple[int, int]]:
    """Where the reader's term occurs: from its line on first, then anywhere."""
    low = text.lower()
    t = term.lower()
    line_start = 0
    for _ in range(max(0, line - 1)):
        nxt = low.find("\n", line_start)
        if nxt == -1:
            break
        line_start = nxt + 1
    pattern = re.compile(r"(?<!\w)" + re.escape(t) + r"(?!\w)")
    spans = [(m.start(), m.end()) for m in pattern.finditer(low)]
    if not spans:
        longest = max((w for w in WORD_RE.findall(t)), key=len, default="")
        if len(longest) >= 4:
            pattern = re.compile(r"(?<!\w)" + re.escape(longest) + r"(?!\w)")
            spans = [(m.start(), m.end()) for m in pattern.finditer(low)]
    after = [s for s in spans if s[0] >= line_start]
    return after + [s for s in spans if s[0] < line_start]


def recall(found: dict[str, list[dict]], texts: dict[str, str]) -> tuple[dict, list]:
    per = {}
    misses = []
    for stem in HELD_OUT:
        terms = read_audit(stem)
        if not terms or stem not in texts:
            continue
        text = texts[stem]
        fs = [f for f in found.get(stem, []) if f["category"] not in ("passive", "sentence")]
        hit = 0
        for t in terms:
            spans = term_spans(text, t["term"], t["line"])
            tl = t["term"].lower()
            ok = any(f["start"] < e and s < f["end"] for s, e in spans for f in fs) or any(
                f["text"].lower() in tl or tl in f["text"].lower() for f in fs
                if len(f["text"]) >= 3 and re.search(
                    r"(?<!\w)" + re.escape(f["text"].lower()) + r"(?!\w)", tl)
            )
            hit += ok
            if not ok:
                misses.append((stem, t["term"], t["category"]))
        per[stem] = (hit, len(terms))
    return per, misses


def print_recall(per: dict, misses: list, show_misses: bool) -> None:
    print("\nRecall of the blind readers' lists (held-out texts)")
    th = tn = 0
    for stem, (h, n) in per.items():
        th += h
        tn += n
        print(f"{stem[:60]:<60} {h:>3}/{n:<3} {100 * h / n:>4.0f}%")
    if tn:
        print(f"{'all held-out':<60} {th:>3}/{tn:<3} {100 * th / tn:>4.0f}%")
    if show_misses:
        for stem, term, cat in misses:
            print(f"  missed: {stem[:40]}  {term!r} ({cat})")


# ---------------------------------------------------------------------------- drawing


def draw(found: dict[str, list[dict]], texts: dict[str, str], out: Path, seed: int,
         per_category: int, exclude: set, packet_dir: Path) -> None:
    """A seeded sample stratified by category: up to per_category findings of each judged
    category (all of them when fewer), over every text."""
    rng = random.Random(seed)
    pools = defaultdict(list)
    for stem in sorted(found):
        for f in found[stem]:
            if f["category"] in JUDGED and key(stem, f) not in exclude:
                pools[f["category"]].append((stem, f))
    rows = []
    for cat in JUDGED:
        pool = pools[cat]
        pick = pool if len(pool) <= per_category else rng.sample(pool, per_category)
        rows += [(cat, len(pool), stem, f) for stem, f in pick]
    rng.shuffle(rows)
    round_name = out.stem.replace("sample_", "")
    out.parent.mkdir(parents=True, exist_ok=True)
    packet_dir.mkdir(parents=True, exist_ok=True)
    packet = packet_dir / f"packet_{round_name}.tsv"  # has context: never in the repo
    with out.open("w", encoding="utf-8", newline="") as fh, packet.open(
            "w", encoding="utf-8", newline="") as ph:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        p = csv.writer(ph, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "file", "profile", "start", "end", "term", "category", "rule_id",
                     "stratum_size", "suggestions"])
        p.writerow(["id", "audience", "flagged", "category", "message", "suggestions",
                    "context"])
        for i, (cat, size, stem, f) in enumerate(rows, 1):
            iid = f"{round_name}-{i:03d}"
            sugg = " | ".join(f["suggestions"])
            w.writerow([iid, stem, profile_for(stem), f["start"], f["end"], f["text"], cat,
                        f["rule_id"], size, sugg])
            p.writerow([iid, profile_for(stem), f["text"], cat, f["message"], sugg,
                        context(texts[stem], f["start"], f["end"])])
    print(f"drew {len(rows)} findings into {out} (judge packet with context: {packet})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=DEFAULT)
    ap.add_argument("--snapshot", type=Path, help="save every finding as JSON")
    ap.add_argument("--before", type=Path, help="a snapshot to compare against")
    ap.add_argument("--draw", type=Path, help="draw a sample to judge into this TSV")
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--per-category", type=int, default=40)
    ap.add_argument("--exclude-judged", action="store_true",
                    help="when drawing, leave out findings already judged")
    ap.add_argument("--exclude-sampled", action="store_true",
                    help="when drawing, leave out findings in any sample already drawn")
    ap.add_argument("--new-only", action="store_true",
                    help="when drawing, only findings the code before tuning did not make")
    ap.add_argument("--packet-dir", type=Path, default=Path("/tmp"),
                    help="where the judge's packet (with each finding's sentence) goes")
    ap.add_argument("--misses", action="store_true", help="list the readers' terms missed")
    args = ap.parse_args(argv)

    texts = load_texts(args.texts)
    found = run(texts)
    if args.snapshot:
        args.snapshot.write_text(json.dumps(found, indent=0, ensure_ascii=False), "utf-8")
    if args.draw:
        exclude = set(load_verdicts()) if args.exclude_judged else set()
        if args.new_only:
            exclude |= load_before_keys()
        if args.exclude_sampled:
            for path in JUDGE.glob("sample_*.tsv"):
                with path.open(encoding="utf-8") as fh:
                    exclude |= {(r["file"], int(r["start"]), int(r["end"]))
                                for r in csv.DictReader(fh, delimiter="\t")}
        draw(found, texts, args.draw, args.seed, args.per_category, exclude, args.packet_dir)
        return 0

    all_table = category_table(found, texts)
    print_category_table("All development texts", all_table)
    for name, stems in (
        ("Patient answers (medquad_, profile patient)",
         [s for s in texts if s.startswith("medquad_")]),
        ("Programme reports and guidance (chc_, nhs_, govuk_, profile general)",
         [s for s in texts if not s.startswith("medquad_")]),
    ):
        print_category_table(name, category_table(found, texts, stems))
    if CONTROL in texts:
        t = category_table(found, texts, [CONTROL])
        wl = sum(t["count"][c] for c in WORD_LEVEL)
        print(f"\nGOV.UK control: {wl} word-level findings, {1000 * wl / t['words']:.1f} per "
              f"1,000 words (target 6 or fewer)")
    if args.before:
        before = json.loads(args.before.read_text("utf-8"))
        bt = category_table(before, texts)
        print("\nBefore / after, findings per 1,000 words, all development texts")
        print(f"{'category':<12} {'before':>7} {'after':>7}")
        n = all_table["words"]
        for cat in WORD_LEVEL + ("consistency", "passive", "sentence"):
            print(f"{cat:<12} {1000 * bt['count'][cat] / n:>7.1f} "
                  f"{1000 * all_table['count'][cat] / n:>7.1f}")
    judged = load_verdicts()
    if judged:
        for name, stems in (
            ("Precision, all development texts", list(texts)),
            ("Precision, patient profile", [s for s in texts if s.startswith("medquad_")]),
            ("Precision, general profile", [s for s in texts if not s.startswith("medquad_")]),
        ):
            print_precision(name, precision(found, judged, stems))
    per, misses = recall(found, texts)
    if per:
        print_recall(per, misses, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

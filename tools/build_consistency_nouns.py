"""Build resources/data/consistency_nouns.tsv (run by a developer, not at run time).

    python tools/build_consistency_nouns.py

The consistency check asks, for a one-word term before a word such as "board" or "team",
whether the term is a noun and not an adjective ("project board" names another thing).
lemminflect answers that, but importing it costs about 60 ms (more under load), so the
answers for every one-word term of resources/rules/consistency.toml are stored here:
one line a word, "word<TAB>1" when lemminflect knows it as a noun and not as an
adjective, "word<TAB>0" otherwise. Words not in the file (a user's own consistency
file) are still asked of lemminflect. tests/core/checks/test_consistency_nouns.py checks
that the file matches the rules and lemminflect.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "resources" / "data" / "consistency_nouns.tsv"


def one_word_terms() -> list[str]:
    from jargonfree.core.checks import consistency
    from jargonfree.core.rules import rules_dir

    index = consistency.TermIndex(consistency.load_groups(rules_dir() / "consistency.toml"))
    return sorted({form[0] for form in index.lookup if len(form) == 1})


def answers(words: list[str]) -> dict[str, bool]:
    from lemminflect import getAllLemmas

    out = {}
    for word in words:
        readings = getAllLemmas(word)
        out[word] = "NOUN" in readings and "ADJ" not in readings
    return out


def main() -> None:
    lines = ["# one-word consistency terms: 1 = a noun and not an adjective (lemminflect); "
             "made by tools/build_consistency_nouns.py"]
    lines += [f"{w}\t{int(v)}" for w, v in answers(one_word_terms()).items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 1} words)")


if __name__ == "__main__":
    main()

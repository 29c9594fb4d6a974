"""The user's own rule files: used beside the bundled ones, theirs winning a tie; a broken
one is reported in one line, left untouched, and costs nothing else."""

from __future__ import annotations

import textwrap

from jargonfree.core.analyze import Analyzer

OWN = textwrap.dedent("""
    schema = 1
    category = "jargon"
    source = "Our trust's style guide"

    [[rule]]
    id = "ics"
    match = ["integrated care system"]
    replace = ["local health and care partnership"]
    message = "Readers do not know what an ICS is."
    examples.flag = ["The integrated care system met."]
    examples.pass = ["The care system met."]

    [[rule]]
    id = "leverage"
    match = ["leverage"]
    replace = ["make the most of"]
    message = "Our guide's word for it."
""")


def rules_of(result):
    return [(f.text, f.rule_id, f.suggestions) for f in result.findings
            if f.category in ("jargon", "wordy")]


def test_own_rules_are_used_and_win_a_tie(tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "My Trust.toml").write_text(OWN, encoding="utf-8")
    analyzer = Analyzer(cache_dir=tmp_path / "cache", own_rules_dir=own)
    assert analyzer.warnings == []
    found = rules_of(analyzer.analyze("Integrated care systems will leverage data."))
    assert found == [
        ("Integrated care systems", "own.my_trust.ics", ("Local health and care partnerships",)),
        ("leverage", "own.my_trust.leverage", ("make the most of",)),
    ]
    # The bundled rules are all still there.
    assert rules_of(analyzer.analyze("We will utilise it."))[0][1] == "wordy.utilise"


def test_a_broken_own_file_is_reported_left_alone_and_the_rest_still_work(tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "good.toml").write_text(OWN, encoding="utf-8")
    broken = own / "broken.toml"
    broken_bytes = b'schema = 1\ncategory = "jargon"\n[[rule]]\nid = "x"\nmatch = "oops\n'
    broken.write_bytes(broken_bytes)
    analyzer = Analyzer(cache_dir=tmp_path / "cache", own_rules_dir=own)
    [warning] = analyzer.warnings
    assert "broken.toml" in warning and "not used" in warning and "\n" not in warning
    assert broken.read_bytes() == broken_bytes  # never moved or rewritten
    found = rules_of(analyzer.analyze("The integrated care system will leverage it."))
    assert [rule for _, rule, _ in found] == ["own.good.ics", "own.good.leverage"]


def test_editing_an_own_file_takes_effect_at_the_next_start(tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    path = own / "trust.toml"
    path.write_text(OWN, encoding="utf-8")
    cache = tmp_path / "cache"
    first = Analyzer(cache_dir=cache, own_rules_dir=own)
    assert rules_of(first.analyze("We leverage it."))[0][2] == ("make the most of",)
    path.write_text(OWN.replace("make the most of", "use well"), encoding="utf-8")
    second = Analyzer(cache_dir=cache, own_rules_dir=own)
    assert rules_of(second.analyze("We leverage it."))[0][2] == ("use well",)
    path.unlink()
    third = Analyzer(cache_dir=cache, own_rules_dir=own)
    assert rules_of(third.analyze("We leverage it."))[0][1] == "network.leverage"


def test_two_files_giving_the_same_rule_ids_keep_the_first(tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "My Terms.toml").write_text(OWN, encoding="utf-8")
    (own / "my-terms.toml").write_text(OWN.replace("make the most of", "use"), encoding="utf-8")
    analyzer = Analyzer(cache_dir=None, own_rules_dir=own)
    [warning] = analyzer.warnings
    assert "my-terms.toml" in warning and "My Terms.toml" in warning
    assert rules_of(analyzer.analyze("We leverage it."))[0][2] == ("make the most of",)


def test_an_own_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    own = tmp_path / "rules"
    own.mkdir()
    (own / "notepad.toml").write_bytes(b"\xef\xbb\xbf" + OWN.encode())
    analyzer = Analyzer(cache_dir=None, own_rules_dir=own)
    assert analyzer.warnings == []
    assert rules_of(analyzer.analyze("We leverage it."))[0][1] == "own.notepad.leverage"


def test_old_compiled_rules_are_cleared_and_new_code_recompiles(tmp_path, monkeypatch):
    import jargonfree.core.rule_cache as rule_cache

    own = tmp_path / "rules"
    own.mkdir()
    cache = tmp_path / "cache"
    for n in range(5):  # each edit of a rule file makes a new compiled set
        (own / "mine.toml").write_text(OWN.replace("make the most of", f"use {n}"),
                                       encoding="utf-8")
        Analyzer(cache_dir=cache, own_rules_dir=own)
    assert len(list(cache.glob("rules-*.bin"))) == rule_cache.KEEP_CACHES
    before = set(cache.glob("rules-*.bin"))
    # A release whose code builds suggestions differently does not reuse the old set.
    monkeypatch.setattr(rule_cache, "_code_key", lambda: "a newer release")
    Analyzer(cache_dir=cache, own_rules_dir=own)
    assert set(cache.glob("rules-*.bin")) - before


def test_prefill_leaves_texts_longer_than_the_paragraph_cache_to_analyze(monkeypatch):
    import jargonfree.core.analyze as analyze_module

    monkeypatch.setattr(analyze_module, "CACHE_SIZE", 100)
    text = "".join(f"Paragraph {i} says we will leverage the network in order to grow.\n\n"
                   for i in range(2000))
    analyzer = Analyzer()
    calls = []
    original = Analyzer._compute_paragraph
    monkeypatch.setattr(Analyzer, "_compute_paragraph",
                        lambda self, *a: calls.append(1) or original(self, *a))
    analyzer.prefill(text)
    assert calls == []  # its results would have pushed each other out of the cache

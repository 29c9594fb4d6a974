"""The substitution engine on a small rule set of its own (the bundled rules have their
own example tests): forms, spellings, hyphens, case, tense, a/an, unless, longest match."""

from __future__ import annotations

import textwrap

import pytest

from jargonfree.core.matcher import CompiledRules, Matcher, PhraseTable, Tokens, split_form
from jargonfree.core.rules import load_rules

RULES = {
    "network.toml": """
        schema = 1
        category = "jargon"
        source = "GOV.UK words to avoid"
        [[rule]]
        id = "leverage"
        match = ["leverage"]
        replace = ["use", "build on"]
        unless = ["financial leverage"]
        message = "Say what you will do."
        [[rule]]
        id = "stakeholder"
        match = ["stakeholder"]
        replace = ["partner"]
        message = "Say who."
        [[rule]]
        id = "key_stakeholder"
        match = ["key stakeholder"]
        replace = ["main partner"]
        inflect = 1
        message = "Say who."
        [[rule]]
        id = "initiative"
        match = ["initiative"]
        replace = ["project", "scheme"]
        message = "Say what it is."
        [[rule]]
        id = "co_production"
        match = ["co-production", "knowledge sharing"]
        replace = ["working together"]
        message = "Say what you mean."
    """,
    "wordy.toml": """
        schema = 1
        category = "wordy"
        [[rule]]
        id = "utilise"
        match = ["utilise"]
        replace = ["use"]
        message = "Say 'use'."
        [[rule]]
        id = "commence"
        match = ["commence"]
        replace = ["begin", "start"]
        message = "Say 'start'."
        [[rule]]
        id = "facilitate"
        match = ["facilitate"]
        replace = ["help"]
        message = "Say 'help'."
        [[rule]]
        id = "endeavour"
        match = ["endeavour"]
        replace = ["try"]
        message = "Say 'try'."
        [[rule]]
        id = "in_order_to"
        match = ["in order to"]
        replace = ["to"]
        message = "Say 'to'."
    """,
    "medical.toml": """
        schema = 1
        category = "medical"
        [[rule]]
        id = "hypertension"
        match = ["hypertension"]
        explain = "high blood pressure"
        message = "Say 'high blood pressure'."
        [[rule]]
        id = "oedema"
        match = ["oedema"]
        explain = "swelling"
        message = "Say 'swelling'."
    """,
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    for name, body in RULES.items():
        (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    rules = load_rules(folder)
    return Matcher(rules)


def found(matcher, text):
    return [(f.text, f.rule_id, f.suggestions) for f in matcher.match(text).findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We will leverage our links.", [("leverage", "network.leverage", ("use", "build on"))]),
        ("Leveraged well.", [("Leveraged", "network.leverage", ("Used", "Built on"))]),
        ("It facilitates talks.", [("facilitates", "wordy.facilitate", ("helps",))]),
        ("Work has commenced.", [("commenced", "wordy.commence", ("begun", "started"))]),
        ("Work commenced.", [("commenced", "wordy.commence", ("began", "started"))]),
        ("We endeavoured to call.", [("endeavoured", "wordy.endeavour", ("tried",))]),
        ("We endeavored to call.", [("endeavored", "wordy.endeavour", ("tried",))]),
        ("UTILISE IT", [("UTILISE", "wordy.utilise", ("USE",))]),
        ("Utilized daily.", [("Utilized", "wordy.utilise", ("Used",))]),
        ("Utilising data.", [("Utilising", "wordy.utilise", ("Using",))]),
        ("Our key stakeholders met.",
         [("key stakeholders", "network.key_stakeholder", ("main partners",))]),
        ("Stakeholders met.", [("Stakeholders", "network.stakeholder", ("Partners",))]),
        ("knowledge-sharing",
         [("knowledge-sharing", "network.co_production", ("working together",))]),
        ("Coproduction works.", [("Coproduction", "network.co_production", ("Working together",))]),
        ("co production", [("co production", "network.co_production", ("working together",))]),
        ("in order to", [("in order to", "wordy.in_order_to", ("to",))]),
        ("In  order\nto", [("In  order\nto", "wordy.in_order_to", ("To",))]),
        ("It has edema.", [("edema", "medical.oedema", ("swelling", "swelling (edema)"))]),
    ],
)
def test_matches_in_every_form(matcher, text, expected):
    assert found(matcher, text) == expected


def test_article_changes_with_the_sound(matcher):
    [f] = matcher.match("It is an initiative.").findings
    assert f.text == "an initiative"
    assert f.suggestions == ("a project", "a scheme")
    [f] = matcher.match("An initiative began.").findings
    assert f.suggestions == ("A project", "A scheme")


def test_article_kept_when_sound_is_the_same(matcher):
    [f] = matcher.match("a stakeholder").findings
    assert f.text == "stakeholder"


def test_unless_context_is_fine(matcher):
    assert found(matcher, "The bank's financial leverage grew.") == []
    assert found(matcher, "Financial leveraging grew.") == []
    assert found(matcher, "We leverage financial ties.")[0][1] == "network.leverage"


def test_offsets_are_code_points(matcher):
    text = "😀 é utilise"
    [f] = matcher.match(text).findings
    assert text[f.start : f.end] == "utilise"


def test_explained_medical_term_not_flagged(matcher):
    result = matcher.match("You have high blood pressure (hypertension).")
    assert result.findings == ()
    assert result.explained[0][0] == "medical.hypertension"
    result = matcher.match("Hypertension (high blood pressure) is common.")
    assert result.findings == ()


def test_accept_and_reject_lists(matcher):
    assert found(matcher, "We leverage it.") and not matcher.match(
        "We leverage it.", accept=frozenset({"leverage"})
    ).findings
    assert not matcher.match("Leveraged it.", accept=frozenset({"leverage"})).findings
    [f] = matcher.match("The synergy is real.", reject=frozenset({"synergy"})).findings
    assert (f.text, f.rule_id, f.category) == ("synergy", "user.reject", "jargon")


def test_compiled_rules_cache_round_trip(tmp_path, matcher):
    rules = matcher.rules
    first = CompiledRules.load(rules, tmp_path)
    assert list(tmp_path.glob("rules-*.bin"))
    second = CompiledRules.load(rules, tmp_path)
    assert second.table.entries == first.table.entries
    (next(tmp_path.glob("rules-*.bin"))).write_bytes(b"garbage")
    assert CompiledRules.load(rules, tmp_path).table.entries == first.table.entries


def test_wrapped_lines_and_double_spaces_keep_offsets(matcher):
    text = "Blood  pressure\nhigh  (hypertension)  and\n\tknowledge\nsharing"
    result = matcher.match(text)
    [f] = result.findings
    assert text[f.start : f.end] == f.text == "knowledge\nsharing"
    assert result.explained and text[result.explained[0][1] :].startswith("hypertension")


def test_phrase_table_returns_every_overlapping_form():
    table = PhraseTable()
    table.add(split_form("key stakeholder"), "long")
    table.add(split_form("stakeholder"), "short")
    table.add(split_form("key"), "key")
    hits = sorted(table.find(Tokens.of("Our key stakeholders and key stakeholder.").lows))
    assert hits == [("key", 1, 2), ("key", 4, 5), ("long", 4, 6), ("short", 5, 6)]


def test_tokens_keep_offsets_when_lowercasing_changes_length():
    text = "İstanbul and the patient’s leverage"
    toks = Tokens.of(text)
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends, strict=False)] == [
        "İstanbul", "and", "the", "patient", "’s", "leverage"]
    assert toks.lows[3:5] == ["patient", "'s"]  # a possessive 's is a token of its own


def test_curly_and_straight_apostrophes_match_alike(matcher):
    table = PhraseTable()
    table.add(split_form("patient's journey"), "x")
    assert list(table.find(Tokens.of("The patient’s journey").lows)) == [("x", 1, 4)]


def test_suggestions_are_precompiled_so_no_inflection_at_run_time(matcher, monkeypatch):
    import jargonfree.core.matcher as m

    def forbidden(*args):
        raise AssertionError("inflected at run time")

    monkeypatch.setattr(m, "inflect_phrase", forbidden)
    monkeypatch.setattr(m, "wording", forbidden)
    assert found(matcher, "They leveraged it and have leveraged it; it leverages.") == [
        ("leveraged", "network.leverage", ("used", "built on")),
        ("leveraged", "network.leverage", ("used", "built on")),
        ("leverages", "network.leverage", ("uses", "builds on")),
    ]


def test_rule_files_and_their_compiled_forms_come_from_one_cache(tmp_path, matcher):
    rules_folder = tmp_path / "rules"
    rules_folder.mkdir()
    for name, body in RULES.items():
        (rules_folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    cache = tmp_path / "cache"
    first, _ = CompiledRules.load_files(cache, rules_folder)
    assert [r.key for r in first.rules.rules] == [r.key for r in matcher.rules.rules]
    again, _ = CompiledRules.load_files(cache, rules_folder)
    assert again.table.entries == first.table.entries
    assert again.rules.digest == first.rules.digest
    # An edited file is read again, not served from the cache.
    net = rules_folder / "network.toml"
    net.write_text(net.read_text(encoding="utf-8").replace('"partner"', '"ally"'),
                   encoding="utf-8")
    edited, _ = CompiledRules.load_files(cache, rules_folder)
    assert edited.rules.digest != first.rules.digest
    assert Matcher(edited.rules, edited).match("Every stakeholder.").findings[0].suggestions == (
        "ally",)

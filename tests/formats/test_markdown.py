"""Markdown: markup is never checked as words, and findings index the original file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jargonfree.core.model import Options
from jargonfree.core.text import LineIndex
from jargonfree.formats.documents import analyze_as_written
from jargonfree.formats.markdown import COPY, analyze_markdown, read_markdown


@pytest.fixture(scope="module")
def analyzer():
    from jargonfree.core.analyze import Analyzer

    return Analyzer()


def _check(analyzer, source: str):
    result = analyze_markdown(analyzer, source)
    index = LineIndex(source)
    for f in result.findings:
        assert f.text == source[f.start:f.end], f
        assert (f.line, f.column) == index.line_col(f.start), f
    return result


def _texts(result, category=None) -> list[str]:
    return [f.text for f in result.findings if category is None or f.category == category]


# Every word below is flagged when it is checked as words; each test puts it where it is
# markup, and checks that it is left alone there.
JARGON = "We will leverage our stakeholder network to utilise co-production."


def test_code_is_never_checked(analyzer):
    source = (
        "Run `utilise --leverage` first.\n\n"
        "```python\nstakeholder = leverage(utilise)\n```\n\n"
        "    indented code: commence prior to leverage\n\n"
        "~~~\nIn order to utilise\n~~~\n\n"
        "We will leverage it.\n"
    )
    result = _check(analyzer, source)
    assert _texts(result, "jargon") == ["leverage"]
    assert result.findings[0].start == source.rindex("leverage")
    assert not any(f.text in ("utilise", "commence", "prior to", "In order to")
                   for f in result.findings)


def test_urls_link_targets_images_and_html_are_never_checked(analyzer):
    source = (
        "See https://example.org/leverage/stakeholder and www.utilise.example/commence.\n"
        "Read [the guide](https://example.org/utilise \"Leverage it\") or <https://x.org/leverage>.\n"
        "![a chart](images/stakeholder-leverage.png) and [ref link][guide].\n"
        "Write to <a href=\"/utilise\">us</a> or <!-- leverage this --> today.\n\n"
        "<div class=\"leverage\">\nWe will utilise stakeholder synergies.\n</div>\n\n"
        "[guide]: https://example.org/commence \"Utilise\"\n"
    )
    result = _check(analyzer, source)
    words = [f for f in result.findings if f.category != "sentence"]
    assert words == [], [(f.text, f.start) for f in words]
    assert result.readability.words > 15  # the prose around them is still counted


def test_front_matter_is_never_checked(analyzer):
    source = ("---\ntitle: Leverage stakeholder synergies\ntags: [utilise, co-production]\n---\n"
              "# A plan\n\nWe will leverage it.\n")
    result = _check(analyzer, source)
    assert [(f.text, f.line) for f in result.findings] == [("leverage", 7)]
    toml = "+++\ntitle = \"Utilise\"\n+++\nWe will utilise it.\n"
    assert [f.line for f in _check(analyzer, toml).findings if f.text == "utilise"] == [4]
    ruled = "---\n\nWe will leverage it.\n\n---\n"  # two rules, not front matter
    assert [f.text for f in _check(analyzer, ruled).findings] == ["leverage"]


def test_words_in_markup_are_found_at_their_place_in_the_file(analyzer):
    source = (
        "# We will *leverage* our **stakeholder** network\n\n"
        "> Staff will __utilise__ the [knowledge sharing](https://x.org) hub.\n"
        "> Treatment will ~~commence~~ begin\n\n"
        "1. First we *facilitate* it.\n"
        "2. Then we stop &amp; utilise it.\n\n"
        "| Term | Meaning |\n|---|---|\n| co-production | working *together* |\n"
    )
    result = _check(analyzer, source)
    found = {f.text for f in result.findings if f.category != "sentence"}
    assert {"leverage", "stakeholder", "utilise", "knowledge sharing", "commence",
            "facilitate", "co-production"} <= found
    for f in result.findings:
        if f.category != "sentence":
            assert not set(f.text) & set("*_~[]()#>|&"), f.text
    first = result.findings[0]
    assert (first.text, first.line, first.column) == ("leverage", 1, 12)


def test_headings_list_items_and_table_cells_are_sentences_of_their_own(analyzer):
    source = ("# Your visit\nCome in at the front door\n\n- Bring your letter\n- Bring your "
              "tablets\n\n| When | Where |\n|---|---|\n| Monday | Ward 4 |\n")
    result = _check(analyzer, source)
    # Heading, the paragraph, two list items, four table cells.
    assert result.readability.sentences == 8
    assert result.readability.words == 19
    as_text = analyze_as_written(analyzer, source, options=Options())
    assert as_text.readability.sentences == 5  # read as plain text, a table row is one


def test_markup_across_words_keeps_the_finding_but_offers_no_paste(analyzer):
    source = "We will do it **in order** to help, and prior to `x` lunch.\n"
    result = _check(analyzer, source)
    wordy = [f for f in result.findings if f.category == "wordy"]
    assert [(f.text, f.suggestions) for f in wordy] == [("in order** to", ()),
                                                        ("prior to", ("before",))]
    # Words that only meet once code, a note mark or a link target is taken out are not
    # a phrase: nothing is made of them.
    source = "We met prior `x` to lunch, in order[^1] to eat [in order](x.html) to rest.\n"
    assert _texts(_check(analyzer, source), "wordy") == []


def test_link_words_that_name_their_definition_are_not_rewritten(analyzer):
    source = ("Read [knowledge sharing][], [stakeholder] and [utilise][how].\n\n"
              "[knowledge sharing]: https://x.org/a\n[stakeholder]: https://x.org/b\n"
              "[how]: https://x.org/c\n")
    result = _check(analyzer, source)
    offered = {f.text: f.suggestions for f in result.findings}
    # Rewriting "[stakeholder]" would leave it naming no definition: no paste offered.
    assert offered["knowledge sharing"] == () and offered["stakeholder"] == ()
    assert offered["utilise"] == ("use",)  # "[words][how]": the name is "how"


def test_a_hard_sentence_with_a_link_keeps_its_whole_span(analyzer):
    words = " ".join(["the comprehensive multidisciplinary organisational"] * 8)
    source = f"Intro.\n\nWe read [{words}](https://example.org/a) and {words} again today.\n"
    result = _check(analyzer, source)
    sentences = [f for f in result.findings if f.category == "sentence"]
    assert sentences and sentences[0].text.startswith("We read [")
    assert sentences[0].text.endswith("again today.")


def test_the_view_copies_the_file_exactly_where_it_copies(analyzer):
    source = "A *b* [c](d) `e` f\r\n> g\r\n> h &eacute; i\\* j\r\n"
    view = read_markdown(source)
    assert view.text == "A b c  f\n\ng\nh é i* j"  # the quote's "> " dropped
    for p in view.pieces:
        if p.kind == COPY:
            assert view.text[p.view_start:p.view_end] == source[p.src_start:p.src_end]


def test_crlf_and_tabs_keep_offsets(analyzer):
    source = "Title\r\n=====\r\n\r\n-\tWe will\tleverage it.\r\n\r\n😀 utilise **this**\r\n"
    result = _check(analyzer, source)
    assert {f.text for f in result.findings} >= {"leverage", "utilise"}


# --- the property: any Markdown, every finding's text is source[start:end] ---------------

WORDS = ["we", "will", "leverage", "utilise", "stakeholder", "in order to", "prior to",
         "the", "patient", "hypertension", "co-production", "commence", "NHS", "GP",
         "network", "was", "given", "by", "facilitate", "é", "😀", "it", "a"]
# Content that must never be flagged: put where a reader never sees it as words.
HIDDEN = st.sampled_from(["leverage", "utilise stakeholder", "in order to", "commence"])


@st.composite
def inline(draw, hidden: list):
    """A run of words and inline markup; `hidden` collects (offset, text) of the parts
    that must not be flagged, relative to the run's start."""
    out = ""
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(
            ["word", "word", "word", "em", "strong", "code", "link", "image", "auto", "url",
             "html", "entity", "escape", "note", "punct", "strike", "split"]))
        word = draw(st.sampled_from(WORDS))
        secret = draw(HIDDEN)
        sep = "" if not out else draw(st.sampled_from([" ", " ", "\n", ", "]))
        out += sep
        if kind == "word":
            out += word
        elif kind == "em":
            out += f"*{word}*"
        elif kind == "strong":
            out += f"__{word}__"
        elif kind == "strike":
            out += f"~~{word}~~"
        elif kind == "split":  # a phrase with marks inside it (or a quote's line break)
            out += draw(st.sampled_from(["in **order** to", "*prior* to", "in order _to_",
                                         "in\norder to", "prior\nto"]))
        elif kind == "code":
            hidden.append((len(out), f"`{secret}`"))
            out += f"`{secret}`"
        elif kind == "link":
            target = f"(https://example.org/{secret.replace(' ', '-')})"
            out += f"[{word}]"
            hidden.append((len(out), target))
            out += target
        elif kind == "image":
            path = f"({secret.replace(' ', '_')}.png)"
            out += f"![{word}]"
            hidden.append((len(out), path))
            out += path
        elif kind == "auto":
            hidden.append((len(out), f"<https://x.org/{secret.replace(' ', '/')}>"))
            out += hidden[-1][1]
        elif kind == "url":
            hidden.append((len(out), f"https://x.org/{secret.replace(' ', '-')}"))
            out += hidden[-1][1]
        elif kind == "html":
            hidden.append((len(out), f'<span title="{secret}">'))
            out += hidden[-1][1] + word + "</span>"
        elif kind == "entity":
            out += "&amp;"
        elif kind == "escape":
            out += "\\*"
        elif kind == "note":
            out += "[^1]"
        else:
            out += draw(st.sampled_from([".", "!", "?", ":", "*", "_", "[", "]", "<"]))
    return out


@st.composite
def markdown(draw):
    hidden: list[tuple[int, str]] = []
    out = ""
    if draw(st.booleans()):
        secret = draw(HIDDEN)
        out += f"---\ntitle: {secret}\n---\n"
        hidden.append((4, f"title: {secret}"))
    for _ in range(draw(st.integers(1, 6))):
        block = draw(st.sampled_from(
            ["para", "para", "heading", "list", "quote", "fence", "indent", "table", "setext",
             "html"]))
        local: list[tuple[int, str]] = []
        text = draw(inline(local))
        prefix = ""
        if block == "heading":
            text = text.replace("\n", " ")
            prefix = "#" * draw(st.integers(1, 6)) + " "
        elif block == "list":
            prefix = draw(st.sampled_from(["- ", "* ", "1. ", "+ "]))
            local = [(o + 2 * text[:o].count("\n"), s) for o, s in local]
            text = text.replace("\n", "\n  ")
        elif block == "quote":
            prefix = "> "
            local = [(o + 2 * text[:o].count("\n"), s) for o, s in local]
            text = text.replace("\n", "\n> ")
        elif block == "table":
            text = text.replace("\n", " ").replace("|", "")
            local = [(o, s) for o, s in local if "|" not in s]
            prefix = "| A | B |\n|---|---|\n| x | "
            text += " |"
        elif block in ("fence", "indent", "html"):
            secret = draw(HIDDEN)
            # (an indented block straight after a list item would belong to the item)
            code = {"fence": f"```\n{secret}\n```", "indent": f"Code:\n\n    {secret}",
                    "html": f"<div>\n{secret}\n</div>"}[block]
            hidden.append((len(out) + code.index(secret), secret))
            out += code + "\n\n"
            continue
        elif block == "setext":
            text = text.replace("\n", " ") + "\n---"
        base = len(out) + len(prefix)
        hidden += [(base + o, s) for o, s in local]
        out += prefix + text + "\n\n"
    if draw(st.booleans()):
        # CRLF line endings: every offset after a line break moves by one per break.
        crlf = out.replace("\n", "\r\n")
        hidden = [(o + out[:o].count("\n"), s.replace("\n", "\r\n")) for o, s in hidden]
        out = crlf
    return out, hidden


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown())
def test_every_finding_indexes_the_file_and_skips_markup(analyzer, case):
    source, hidden = case
    for offset, secret in hidden:
        assert source[offset:offset + len(secret)] == secret  # the generator's own check
    view = read_markdown(source)
    for p in view.pieces:
        if p.kind == COPY:
            assert view.text[p.view_start:p.view_end] == source[p.src_start:p.src_end]
    result = _check(analyzer, source)
    for f in result.findings:
        if f.category == "sentence":
            continue
        for offset, secret in hidden:
            assert not (f.start < offset + len(secret) and offset < f.end), (f, secret)
    for start, end, _age in result.paragraph_grades:
        assert 0 <= start <= end <= len(source)


PIECES = ["leverage", "utilise", " ", " ", "in order to", "\n", "\n\n", "\r\n", "\t", "*", "**",
          "_", "`", "``", "[", "]", "(", ")", "![", "<", ">", "# ", "- ", "1. ", "> ", "|",
          "---", "```", "    ", "\\", "&amp;", "&#x41;", "[^1]", "https://x.org/a", "<b>",
          "</b>", "<!--", "-->", "~~", "é", "😀", ".", "=", "+++", "\0"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_text_maps_back_to_the_file(analyzer, source):
    view = read_markdown(source)
    for p in view.pieces:
        assert 0 <= p.src_start <= p.src_end <= len(source)
        if p.kind == COPY:
            assert view.text[p.view_start:p.view_end] == source[p.src_start:p.src_end]
    _check(analyzer, source)


def test_unclosed_markup_in_a_long_block_is_read_in_one_pass(analyzer):
    # Thousands of brackets, backtick runs, "](" and "<!--" that never close: each is
    # text, and reading them must not search to the end of the block once per mark.
    ticks = " ".join("`" * k for k in range(1, 60))  # runs of different lengths: no pairs
    source = "We will leverage " + "[a](b <!-- [^c " * 3000 + ticks + " it.\n"
    view = read_markdown(source)
    assert view.text == source.rstrip("\n")  # all of it is text
    words = [f.text for f in _check(analyzer, source).findings if f.category != "sentence"]
    assert words[:1] == ["leverage"]
    # A quote of thousands of lines, each with its marks: each line is placed once.
    quote = "> " + "\n> ".join(f"line *{i}* with `code` and [a](b) text" for i in range(5000))
    assert read_markdown(quote).text.count("\n") == 4999


def _markup(source: str) -> list[str]:
    view = read_markdown(source)
    return [source[p.src_start:p.src_end] for p in view.pieces
            if p.kind in ("markup", "hard") and p.src_end > p.src_start]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown())
def test_pasting_every_suggestion_keeps_every_mark(analyzer, case):
    from jargonfree.core.rewrite import apply_suggestions

    source, _hidden = case
    findings = [f for f in _check(analyzer, source).findings if f.suggestions]
    fixed, _edits = apply_suggestions(source, [(f, f.suggestions[0]) for f in findings])
    assert _markup(fixed) == _markup(source)


def test_public_analyze_reads_markdown_when_asked(analyzer):
    from jargonfree import analyze

    source = "Run `leverage --all`, then **leverage** it."
    found = analyze(source, options=Options(markup="markdown")).findings
    assert [(f.start, f.text) for f in found] == [(source.index("**lev") + 2, "leverage")]
    assert len(analyze(source).findings) == 2  # as plain text, both
    with pytest.raises(ValueError, match="plain text"):  # never markup checked as words
        analyzer.analyze(source, options=Options(markup="markdown"))

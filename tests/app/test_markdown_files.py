"""A Markdown file in the real editor (offscreen), checked by the real engine: the source
is shown as it is, markup is never highlighted, and a suggestion keeps the markup."""

from __future__ import annotations

from functools import cache

from jargonfree.formats.documents import analyze_as_written

from .conftest import wait_checked
from .sync_client import SyncEngineClient

SOURCE = (
    "# We will *leverage* our network\n\n"
    "Read [the guide](https://example.org/leverage) and run `utilise --all`.\n"
    "We will **utilise** it.\n"
)


@cache
def _analyzer():
    from jargonfree.core.analyze import Analyzer

    return Analyzer()


def real(text, profile, options, revision):
    return analyze_as_written(_analyzer(), text, profile, options, revision)


def _hits(window) -> list[tuple[int, str]]:
    return [(h.finding.start, h.finding.text) for h in window.editor.all_hits()
            if h.finding.category != "sentence"]


def test_open_a_markdown_file_check_and_apply_keeping_markup(qtbot, make_window, tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(SOURCE, encoding="utf-8")
    w = make_window(client=SyncEngineClient(real))
    assert w.files.open_path(path)
    wait_checked(qtbot, w)
    assert w.editor.text() == SOURCE  # the file as written, markup and all
    assert _hits(w) == [(SOURCE.index("leverage"), "leverage"),
                        (SOURCE.index("**utilise**") + 2, "utilise")]
    hit = next(h for h in w.editor.all_hits() if h.finding.text == "utilise")
    assert w.editor.apply_suggestion(hit, hit.finding.suggestions[0])
    wait_checked(qtbot, w)
    assert "We will **use** it." in w.editor.text()
    assert w.files.save()
    assert path.read_text(encoding="utf-8") == SOURCE.replace("**utilise**", "**use**")


def test_text_saved_as_markdown_is_then_read_as_markdown(qtbot, make_window, tmp_path):
    w = make_window(client=SyncEngineClient(real))
    w.editor.setPlainText("Run `utilise` today.\n")
    w.checker.check_now()
    wait_checked(qtbot, w)
    assert [t for _, t in _hits(w)] == ["utilise"]  # plain text: the backticks are text
    assert w.files.save_as(tmp_path / "notes.md")
    wait_checked(qtbot, w)
    assert _hits(w) == []  # now Markdown: a code span
    assert w.files.save_as(tmp_path / "notes.txt")
    wait_checked(qtbot, w)
    assert [t for _, t in _hits(w)] == ["utilise"]

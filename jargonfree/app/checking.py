"""Between the editor and the checker: revisions, the debounce, and what to ignore.

Every edit (and every change of audience or word list) bumps the revision; the text is
sent 150 ms after the last keystroke; an answer made for an older revision is dropped,
since its offsets belong to a text that no longer exists. "Ignore here" is held by a
QTextCursor over the words, which Qt keeps on them as the text around changes.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from jargonfree.app.cards import Hit
from jargonfree.app.editor import Editor
from jargonfree.app.positions import PositionMap
from jargonfree.core.model import Analysis, Options

DEBOUNCE_MS = 150
STATE_WORDS = {
    "stopped": "Getting ready…",
    "starting": "Getting ready…",
    "ready": "Up to date",
    "busy": "Checking…",
    "restarting": "Restarting checker…",
}


class Checker(QObject):
    """Sends the editor's text to the client and lays fresh answers on the editor."""

    analysis_applied = Signal(object)  # Analysis, ignored findings taken out
    state_described = Signal(str)  # the worker's state in words, for the status bar
    problem_reported = Signal(str)  # one line

    def __init__(self, client, editor: Editor, profile: str, options: Options,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.editor = editor
        self.profile = profile
        self.options = options
        self.markup = "text"  # how the document is written: "text" or "markdown"
        self.revision = 0
        self.analysis: Analysis | None = None  # the last fresh one, ignored findings out
        self.baseline: Analysis | None = None  # the first one for this document
        self.words = 0  # the checker's count (core.text's rules): the word limit's count
        self._sent: tuple[int, str] | None = None  # (revision, text) last sent
        self._here: list[tuple[QTextCursor, str]] = []  # ignored here: (cursor, rule_id)
        self._document: set[tuple[str, str]] = set()  # ignored everywhere: (rule_id, text)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        editor.document().contentsChange.connect(self._edited)
        client.analysis_ready.connect(self.on_analysis)
        client.state_changed.connect(lambda _: self._describe())
        client.error.connect(self.problem_reported)
        self._simpler: dict[int, object] = {}  # request number -> SimplerRequest waiting
        self._simpler_count = 0
        editor.simpler_words_wanted.connect(self.find_simpler_words)
        if hasattr(client, "simpler_ready"):
            client.simpler_ready.connect(self._on_simpler_words)

    # --- sending -----------------------------------------------------------------------
    def _edited(self, _position: int, removed: int, added: int) -> None:
        if removed or added:
            self.revision += 1
            self._debounce.start()
            self._describe()

    def up_to_date(self) -> bool:
        return self.analysis is not None and self.analysis.revision == self.revision

    def check_now(self) -> None:
        """Send the current text now (the debounce calls this)."""
        self._debounce.stop()
        text = self.editor.text()
        self._sent = (self.revision, text)
        options = self.options
        if self.markup != options.markup:
            options = dataclasses.replace(options, markup=self.markup)
        self.client.submit(self.revision, text, self.profile, options)
        self._describe()

    def recheck(self) -> None:
        """The audience or the word lists changed: the old answers no longer count."""
        self.revision += 1
        self.check_now()

    def set_profile(self, profile: str) -> None:
        if profile != self.profile:
            self.profile = profile
            self.recheck()

    def set_options(self, options: Options) -> None:
        if options != self.options:
            self.options = options
            self.recheck()

    def set_markup(self, markup: str) -> None:
        """The document is now Markdown ("markdown") or not ("text"), e.g. after Save As."""
        if markup != self.markup:
            self.markup = markup
            self.recheck()

    def new_document(self) -> None:
        """A different document is in the editor: forget ignores and the baseline."""
        self.baseline = None
        self.analysis = None
        self._here.clear()
        self._document.clear()
        self.recheck()

    # --- answers -----------------------------------------------------------------------
    def on_analysis(self, analysis: Analysis) -> None:
        if analysis.revision != self.revision or self._sent is None:
            return  # made for an older text: a newer answer is on its way
        revision, text = self._sent
        if revision != analysis.revision:
            return
        analysis = self._without_ignored(analysis, text)
        self.analysis = analysis
        self.words = analysis.readability.words
        if self.baseline is None:
            self.baseline = analysis
        self.editor.show_findings(text, analysis.findings, analysis.shaded)
        self._describe()
        self.analysis_applied.emit(analysis)

    def _without_ignored(self, analysis: Analysis, text: str) -> Analysis:
        if not self._here and not self._document:
            return analysis
        here = set()
        live = []
        for cursor, rule_id in self._here:
            if cursor.hasSelection():
                here.add((cursor.selectionStart(), cursor.selectionEnd(), rule_id))
                live.append((cursor, rule_id))
        self._here = live  # an ignored word edited away no longer needs its cursor
        positions = PositionMap(text)
        kept = tuple(
            f for f in analysis.findings
            if (f.rule_id, f.text.lower()) not in self._document
            and (positions.to_qt(f.start), positions.to_qt(f.end), f.rule_id) not in here
        )
        return dataclasses.replace(analysis, findings=kept)

    # --- choices from the editor ------------------------------------------------------
    def ignore(self, hit: Hit, scope: str) -> None:
        f = hit.finding
        if scope == "document":
            key = (f.rule_id, f.text.lower())
            self._document.add(key)
            self._drop(lambda g: (g.rule_id, g.text.lower()) == key)
        else:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
            self._here.append((cursor, f.rule_id))
            self._drop(lambda g: g is f)

    def forget_word(self, word: str) -> None:
        """A word was added to the accept list: take its marks off now, before the
        checker answers with the new options."""
        key = word.lower()
        self._drop(lambda g: g.category != "sentence" and g.text.lower() == key)

    def _drop(self, unwanted) -> None:
        self.editor.highlighter.drop(unwanted)
        if self.analysis is not None:
            kept = tuple(g for g in self.analysis.findings if not unwanted(g))
            self.analysis = dataclasses.replace(self.analysis, findings=kept)
            self.analysis_applied.emit(self.analysis)

    # --- simpler words for any word (the right-click menu) ------------------------------
    def find_simpler_words(self, request) -> None:
        """Ask the checker for plainer words for the word a SimplerRequest selects."""
        from jargonfree.app.simpler import fill

        text = self.editor.text()
        positions = PositionMap(text)
        start = positions.from_qt(request.cursor.selectionStart())
        end = positions.from_qt(request.cursor.selectionEnd())
        self._simpler_count += 1
        number = self._simpler_count
        self._simpler = {number: (request, text)}  # only the newest menu is still open
        ask = getattr(self.client, "ask_simpler", None)
        if ask is None or not ask(number, text, start, end, self.profile):
            self._simpler.pop(number, None)
            fill(request, self.editor, 0, 0, None)

    def _on_simpler_words(self, number: int, answer) -> None:
        from jargonfree.app.simpler import fill

        waiting = self._simpler.pop(number, None)
        if waiting is None:
            return
        request, text = waiting
        start, end, words = answer
        positions = PositionMap(text)
        fill(request, self.editor, positions.to_qt(start), positions.to_qt(end), list(words))

    # --- state -------------------------------------------------------------------------
    def state_words(self) -> str:
        state = self.client.state
        if state.startswith("error"):
            return "Checker problem"
        if state == "ready" and not self.up_to_date():
            return "Checking…"
        return STATE_WORDS.get(state, state)

    def _describe(self) -> None:
        self.state_described.emit(self.state_words())

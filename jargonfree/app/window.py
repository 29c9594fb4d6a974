"""The main window: editor, side panel, menus, files, autosave, and the worker's answers."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.autosave import AutosaveStore
from jargonfree.app.editor import Editor
from jargonfree.app.panels import FindingsList, ScorePanel
from jargonfree.core.model import Analysis, Finding, Options, Readability
from jargonfree.formats import ReadError, TextDocument, WriteError, read_text, write_text_atomic
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings, add_recent, save_settings
from jargonfree.userlists import add_word, load_word_list

DEBOUNCE_MS = 150
AUTOSAVE_MS = 5000
STATE_WORDS = {"starting": "Getting ready…", "ready": "Up to date", "busy": "Checking…",
               "restarting": "Restarting the checker…", "stopped": "Checker stopped"}


class MainWindow(QMainWindow):
    def __init__(self, client, settings: Settings, paths: AppPaths, *, ask=None) -> None:
        super().__init__()
        self.client = client
        self.settings = settings
        self.paths = paths
        self.ask = ask or self._ask  # injectable for tests: (title, text, buttons) -> button
        self.autosave = AutosaveStore(paths.autosave_dir)
        self.doc_id = uuid.uuid4().hex
        self.path: Path | None = None
        self.file_format = TextDocument("", "utf-8", "\n", False)
        self.revision = 0
        self.analysis: Analysis | None = None
        self.baseline: Readability | None = None
        self.ignored_here: set[tuple[str, str, int]] = set()
        self.ignored_doc: set[tuple[str, str]] = set()
        accept, _ = load_word_list(paths.accept_file)
        reject, _ = load_word_list(paths.reject_file)
        self.options = Options(accept, reject, frozenset(settings.disabled_categories))
        self.hidden = set(settings.hidden_categories)

        self.editor = Editor()
        self.panel = ScorePanel()
        self.findings = FindingsList()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.panel)
        side_layout.addWidget(self.findings, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.counts = QLabel()
        self.reading = QLabel()
        self.worker_state = QLabel(STATE_WORDS["starting"])
        for w in (self.counts, self.reading, self.worker_state):
            self.statusBar().addPermanentWidget(w)
        self.setAcceptDrops(True)
        self.editor.setAcceptDrops(False)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.request_analysis)
        self._autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._autosave)
        self._autosave_timer.start()
        # contentsChange also fires when highlights are painted (0 removed, 0 added):
        # only real edits bump the revision.
        self.editor.document().contentsChange.connect(
            lambda _pos, removed, added: (removed or added) and self._text_changed()
        )
        self.editor.ignore_requested.connect(self._ignore)
        self.editor.word_listed.connect(self._list_word)
        self.findings.finding_activated.connect(self.editor.select_finding)
        self.panel.set_profile(settings.profile)
        self.panel.profile_changed.connect(self._profile_changed)
        for cat, box in self.panel.boxes.items():
            box.setChecked(cat not in self.hidden)
        self.panel.categories_changed.connect(self._filter)
        self.editor.highlighter.set_hidden(self.hidden)
        client.analysis_ready.connect(self.on_analysis)
        client.state_changed.connect(self._on_state)
        client.error.connect(lambda m: self.statusBar().showMessage(f"Checker problem: {m}", 8000))
        self._build_actions()
        self._restore_layout()
        self._update_title()
        self._update_counts()

    # --- actions -------------------------------------------------------------------------
    def _action(self, menu, text, slot, shortcut=None, name=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        if name:
            setattr(self, name, act)
        return act

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        bar = self.menuBar()
        file = bar.addMenu("&File")
        tools = self.addToolBar("Main")
        tools.setObjectName("main-toolbar")
        for text, slot, key in (("&New", self.new_document, S.New), ("&Open…", self.open_dialog, S.Open),
                                ("&Save", self.save, S.Save), ("Save &As…", self.save_as, S.SaveAs)):
            tools.addAction(self._action(file, text, slot, key))
        self.recent_menu = file.addMenu("Open &Recent")
        self._fill_recent()
        paste = self._action(file, "&Paste and Score", self.paste_and_score, "Ctrl+Shift+V")
        tools.addAction(paste)
        export = self._action(file, "&Export Report…", self.export_report, "Ctrl+E")
        tools.addAction(export)
        file.addSeparator()
        self._action(file, "&Quit", self.close, S.Quit)
        edit = bar.addMenu("&Edit")
        self._action(edit, "&Undo", self.editor.undo, S.Undo)
        self._action(edit, "&Redo", self.editor.redo, S.Redo)
        self._action(edit, "&Find…", self.find_text, S.Find)
        edit.addSeparator()
        self._action(edit, "Next Finding", lambda: self.editor.next_finding(), "F8")
        self._action(edit, "Previous Finding", lambda: self.editor.next_finding(True), "Shift+F8")
        self._action(edit, "Apply First Suggestion", self.editor.apply_first_at_cursor, "Ctrl+Return")
        edit.addSeparator()
        self._action(edit, "&Preferences…", self.preferences, "Ctrl+,")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_files:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, p=p: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # --- analysis ------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.revision += 1
        self.analysis = None
        self._update_counts()
        self._update_title()
        self._debounce.start()

    def request_analysis(self) -> None:
        self.client.submit(self.revision, self.editor.toPlainText(), self.settings.profile, self.options)

    def on_analysis(self, analysis: Analysis) -> None:
        if analysis.revision != self.revision:
            return  # made for older text: drop it, a newer one is on its way
        analysis = self._without_ignored(analysis)
        self.analysis = analysis
        if self.baseline is None:
            self.baseline = analysis.readability
        self.editor.show_analysis(analysis, self.editor.toPlainText())
        self.panel.set_analysis(analysis, self.baseline)
        self.findings.set_findings(analysis.findings, self.hidden)
        r = analysis.readability
        self.reading.setText("" if r.reading_age is None else f"Reading age {r.reading_age:.0f}")

    def _without_ignored(self, analysis: Analysis) -> Analysis:
        if not self.ignored_here and not self.ignored_doc:
            return analysis
        text = self.editor.toPlainText()
        kept = tuple(f for f in analysis.findings
                     if (f.rule_id, f.text.lower()) not in self.ignored_doc
                     and (f.rule_id, f.text, _occurrence(text, f)) not in self.ignored_here)
        return Analysis(kept, analysis.readability, analysis.revision, analysis.paragraph_grades)

    def _ignore(self, f: Finding, scope: str) -> None:
        if scope == "document":
            self.ignored_doc.add((f.rule_id, f.text.lower()))
        else:
            self.ignored_here.add((f.rule_id, f.text, _occurrence(self.editor.toPlainText(), f)))
        if self.analysis is not None:
            self.on_analysis(self.analysis)

    def _list_word(self, word: str, kind: str) -> None:
        path = self.paths.accept_file if kind == "accept" else self.paths.reject_file
        words = add_word(path, word)
        if kind == "accept":
            self.options = Options(words, self.options.reject - {word}, self.options.disabled)
        else:
            self.options = Options(self.options.accept - {word}, words, self.options.disabled)
        self.revision += 1
        self.request_analysis()

    def _profile_changed(self, name: str) -> None:
        self.settings.profile = name
        self.revision += 1
        self.request_analysis()

    def _filter(self, hidden: set[str]) -> None:
        self.hidden = hidden
        self.settings.hidden_categories = sorted(hidden)
        self.editor.highlighter.set_hidden(hidden)
        if self.analysis is not None:
            self.findings.set_findings(self.analysis.findings, hidden)

    def _on_state(self, state: str) -> None:
        words = STATE_WORDS.get(state, state.replace("error: ", "Checker problem: "))
        self.worker_state.setText(words)
        if state == "ready" and self.analysis is None:
            self.request_analysis()

    def _update_counts(self) -> None:
        text = self.editor.toPlainText()
        words = len(text.split())
        limit = self.settings.word_limit
        if limit is None and self.settings.profile == "bid":
            limit = 350
        count = f"{words} / {limit} words" if limit else f"{words} words"
        self.counts.setText(f"{count}, {len(text)} characters")
        over = limit is not None and words > limit
        self.counts.setStyleSheet("color: #c62828; font-weight: bold;" if over else "")

    # --- files ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.path.name if self.path else "Untitled"
        self.setWindowModified(self.editor.document().isModified())
        self.setWindowTitle(f"{name}[*] – jargonfree")

    def _ask(self, title: str, text: str, buttons) -> QMessageBox.StandardButton:
        return QMessageBox.question(self, title, text, buttons)

    def maybe_save(self) -> bool:
        """True when it is safe to drop the current text (saved, discarded, or empty)."""
        if not self.editor.document().isModified() or not self.editor.toPlainText().strip():
            return True
        B = QMessageBox.StandardButton
        answer = self.ask("Unsaved changes", "Save your changes first?", B.Save | B.Discard | B.Cancel)
        if answer == B.Save:
            return self.save()
        return answer == B.Discard

    def set_text(self, text: str, path: Path | None, fmt: TextDocument | None = None) -> None:
        self.autosave.discard(self.doc_id)
        self.doc_id = uuid.uuid4().hex
        self.path = path
        self.file_format = fmt or TextDocument("", "utf-8", "\n", False)
        self.baseline = None
        self.ignored_here.clear()
        self.ignored_doc.clear()
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self._update_title()

    def new_document(self) -> None:
        if self.maybe_save():
            self.set_text("", None)

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open", "", "Text (*.txt *.md);;All files (*)")
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            doc = read_text(path)
        except ReadError as exc:
            QMessageBox.warning(self, "Could not open", str(exc))
            return False
        from jargonfree.formats import normalize_newlines

        self.set_text(normalize_newlines(doc.text), path, doc)
        add_recent(self.settings, str(path))
        self._fill_recent()
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, "Save As", str(self.path or "untitled.txt"),
                                              "Text (*.txt);;Markdown (*.md)")
        return bool(name) and self._write(Path(name))

    def _write(self, path: Path) -> bool:
        fmt = self.file_format
        try:
            warning = write_text_atomic(path, self.editor.toPlainText(), fmt.encoding,
                                        fmt.newline, fmt.bom)
        except WriteError as exc:
            QMessageBox.warning(self, "Could not save", str(exc))
            return False
        if warning:
            self.file_format = TextDocument("", "utf-8", fmt.newline, False)
            QMessageBox.information(self, "Saved as UTF-8", warning)
        self.path = path
        self.editor.document().setModified(False)
        self.autosave.discard(self.doc_id)
        add_recent(self.settings, str(path))
        self._fill_recent()
        self._update_title()
        return True

    def _autosave(self) -> None:
        if self.editor.document().isModified() and self.editor.toPlainText():
            try:
                self.autosave.save(self.doc_id, self.editor.toPlainText(),
                                   str(self.path) if self.path else None)
            except (OSError, WriteError):
                self.statusBar().showMessage("Autosave failed: the state folder is not writable", 5000)

    def offer_recovery(self) -> None:
        B = QMessageBox.StandardButton
        for rec in self.autosave.pending():
            where = rec.path or "an unsaved document"
            answer = self.ask("Recover unsaved work?",
                              f"jargonfree closed before your changes to {where} were saved. "
                              "Open the recovered text?", B.Yes | B.No)
            if answer == B.Yes:
                self.set_text(rec.text, Path(rec.path) if rec.path else None)
                self.editor.document().setModified(True)
                self._update_title()
            self.autosave.discard(rec.doc_id)
            break

    def paste_and_score(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard has no text", 4000)
            return
        if self.maybe_save():
            self.set_text(text, None)
            self.editor.document().setModified(True)
            self.revision += 1
            self.request_analysis()

    def find_text(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        needle, ok = QInputDialog.getText(self, "Find", "Find:")
        if ok and needle and not self.editor.find(needle):
            cursor = self.editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            if not self.editor.find(needle):
                self.statusBar().showMessage(f"“{needle}” not found", 4000)

    def export_report(self) -> None:
        from jargonfree.app.report import export_html, export_pdf

        if self.analysis is None:
            self.statusBar().showMessage("Wait a moment: the text is still being checked", 4000)
            return
        base = (self.path.with_suffix("") if self.path else Path("report")).name + "-readability"
        name, chosen = QFileDialog.getSaveFileName(self, "Export Report", f"{base}.pdf",
                                                   "PDF (*.pdf);;HTML (*.html)")
        if not name:
            return
        title = self.path.name if self.path else "Untitled"
        try:
            if name.lower().endswith(".html") or "HTML" in chosen:
                export_html(Path(name), title, self.editor.toPlainText(), self.analysis)
            else:
                export_pdf(Path(name), title, self.editor.toPlainText(), self.analysis)
        except (OSError, WriteError) as exc:
            QMessageBox.warning(self, "Could not export", str(exc))

    def preferences(self) -> None:
        from jargonfree.app.dialogs import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.paths, self)
        if dialog.exec():
            self.settings = dialog.result_settings()
            accept, _ = load_word_list(self.paths.accept_file)
            reject, _ = load_word_list(self.paths.reject_file)
            self.options = Options(accept, reject, frozenset(self.settings.disabled_categories))
            self.panel.set_profile(self.settings.profile)
            self._apply_font()
            self._update_counts()
            self.revision += 1
            self.request_analysis()

    def _apply_font(self) -> None:
        font = self.editor.font()
        if self.settings.font_size:
            font.setPointSize(self.settings.font_size)
        self.editor.setFont(font)

    # --- window state ----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        s = self.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        else:
            self.resize(1200, 800)
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        if s.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(s.splitter_state.encode()))
        self._apply_font()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(Path(urls[0].toLocalFile()))

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        s = self.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        s.window_state = bytes(self.saveState().toBase64()).decode()
        s.splitter_state = bytes(self.splitter.saveState().toBase64()).decode()
        try:
            save_settings(s, self.paths.settings_file)
        except (OSError, WriteError):
            pass  # losing window sizes is no reason to refuse to close
        self.autosave.discard(self.doc_id)
        self.client.shutdown()
        event.accept()


def _occurrence(text: str, f: Finding) -> int:
    """Which occurrence of its text a finding is (stable while other parts are edited)."""
    return text.count(f.text, 0, f.start) if f.text else 0

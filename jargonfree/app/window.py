"""The main window: the editor, the score and findings panels, and what joins them.

Widgets stay dumb: the Checker sends text and lays answers on the editor, FileActions
looks after the file, and the core decides what is a finding and what it scores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jargonfree.app.actions import Actions
from jargonfree.app.checking import Checker
from jargonfree.app.editor import Editor
from jargonfree.app.files import FileActions
from jargonfree.app.findbar import FindBar
from jargonfree.app.findings import FindingsPanel
from jargonfree.app.icons import app_icon
from jargonfree.app.positions import PositionMap
from jargonfree.app.preferences import PreferencesDialog, options_for
from jargonfree.app.prompts import Prompts
from jargonfree.app.report import build_html, export_html, export_pdf, report_name
from jargonfree.app.scores import ScorePanel
from jargonfree.app.theme import ThemeManager
from jargonfree.core.describe import goal_words, reading_age_words
from jargonfree.core.model import Analysis
from jargonfree.core.profiles import get_profile
from jargonfree.formats import WriteError
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings, save_settings
from jargonfree.userlists import add_word, load_word_list, remove_word

REPORT_FILTER = "PDF document (*.pdf);;Web page (*.html)"


class MainWindow(QMainWindow):
    def __init__(self, client, settings: Settings, paths: AppPaths, *,
                 prompts: Prompts | None = None, theme: ThemeManager | None = None) -> None:
        super().__init__()
        self.client = client
        self.settings = settings
        self.paths = paths
        self.prompts = prompts or Prompts(self)
        self.theme = theme or ThemeManager(QApplication.instance(), self)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.warnings: list[str] = []
        self.shown: Analysis | None = None  # the analysis the panels show
        self._size_docks = False  # first show without a saved layout: give the docks room

        self.editor = Editor()
        self.find_bar = FindBar(self.editor)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.editor, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.checker = Checker(client, self.editor, settings.profile, self._options(), self)
        self.files = FileActions(self, self.editor, self.checker, settings, paths, self.prompts)
        self.panel = ScorePanel()
        self.findings_panel = FindingsPanel()
        self.findings = self.findings_panel.view
        self.legend = self.findings_panel.legend
        self.legend_disabled = frozenset(settings.disabled_categories)
        self.scores_dock = self._dock("Scores", "scores-dock", self._scroll(self.panel))
        self.findings_dock = self._dock("Findings", "findings-dock", self.findings_panel)
        # Scores on the right, findings on the left: both get the full height, and the
        # text column stays in the middle, as on a page.
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.scores_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.findings_dock)

        self.counts = self._status_label("Word and character count")
        self.reading = self._status_label("Reading age")
        self.worker_state = self._status_label("Checker")
        self.worker_state.setText(self.checker.state_words())

        self.actions_ = Actions(self)
        self.actions_.finish_view_menu([self.scores_dock, self.findings_dock])
        self._fill_recent()
        self._connect()
        self.panel.set_profile(settings.profile)
        self.legend.set_hidden(settings.hidden_categories)
        self.editor.set_hidden(frozenset(settings.hidden_categories))
        self.panel.show_waiting("Checking starts as soon as the checker is ready…")
        self._restore_layout()
        self._apply_font()
        self._update_title()
        self._update_counts()

    # --- building -----------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        return dock

    def _scroll(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _status_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setAccessibleName(name)
        em = self.fontMetrics().averageCharWidth()
        label.setContentsMargins(em, 0, em, 0)
        self.statusBar().addPermanentWidget(label)
        return label

    def _connect(self) -> None:
        c, e, f = self.checker, self.editor, self.files
        # Queued: the panels update on the next turn of the event loop, so taking in a
        # 20,000-finding answer and redrawing the panels never share one frame.
        c.analysis_applied.connect(self._show_analysis, Qt.ConnectionType.QueuedConnection)
        c.state_described.connect(self.worker_state.setText)
        c.state_described.connect(lambda _: self._update_counts())
        c.problem_reported.connect(lambda m: self.statusBar().showMessage(f"Checker: {m}", 10000))
        e.ignore_requested.connect(c.ignore)
        e.word_listed.connect(self.list_word)
        e.files_dropped.connect(lambda paths: self.files.open_path(paths[0]))
        e.finding_reached.connect(self._finding_reached)
        e.document().modificationChanged.connect(lambda _: self._update_title())
        f.document_replaced.connect(self._document_replaced)
        f.recent_changed.connect(self._fill_recent)
        f.saved.connect(lambda _: self._update_title())
        f.file_state_changed.connect(self._update_title)
        f.message_posted.connect(lambda m: self.statusBar().showMessage(m, 6000))
        e.status_posted.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.findings.finding_activated.connect(self._go_to)
        self.panel.profile_chosen.connect(self.set_profile)
        self.panel.paragraph_clicked.connect(self._go_to_offset)
        self.legend.filters_changed.connect(self._filter)
        self.theme.theme_applied.connect(self._theme_applied)

    def _options(self):
        accept, w1 = load_word_list(self.paths.accept_file)
        reject, w2 = load_word_list(self.paths.reject_file)
        self.warnings += [w for w in (w1, w2) if w]
        return options_for(self.settings, accept, reject)

    # --- answers from the checker ---------------------------------------------------
    def _show_analysis(self, analysis: Analysis) -> None:
        if analysis is not self.checker.analysis:
            return  # a newer one came in while this one was queued
        self.shown = analysis
        self.panel.set_analysis(analysis, self.checker.baseline, self.word_limit())
        self.findings.set_findings(analysis.findings, self.editor.hidden)
        self.legend.set_counts(Counter(f.category for f in analysis.findings),
                               self.legend_disabled)
        shown = sum(1 for f in analysis.findings if f.category not in self.editor.hidden)
        self.findings_dock.setWindowTitle(f"Findings ({shown:,})")
        r = analysis.readability
        self.reading.setText("" if r.reading_age is None else
                             f"Reading age {reading_age_words(r)}")
        self._update_counts()

    def word_limit(self) -> int | None:
        return self.settings.word_limit or get_profile(self.settings.profile).word_limit

    def _update_counts(self) -> None:
        # characterCount is O(1) (UTF-16 units plus the final paragraph mark); copying a
        # 100,000-word text out on every keystroke to count it exactly would take 7 ms.
        words, chars = self.checker.words, self.editor.document().characterCount() - 1
        if self.editor.document().isEmpty():
            words = 0
        limit = self.word_limit()
        text = f"{words:,} / {limit:,} words" if limit else f"{words:,} words"
        over = limit is not None and words > limit
        if over:
            text += f" ({words - limit:,} over)"
        self.counts.setText(f"{text} · {chars:,} characters")
        font = self.counts.font()
        font.setBold(over)
        self.counts.setFont(font)

    # --- choices ------------------------------------------------------------------------
    def set_profile(self, name: str) -> None:
        changed = name != self.settings.profile
        self.settings.profile = name
        self.panel.set_profile(name)
        self.checker.set_profile(name)
        self._update_counts()
        if changed:
            p = get_profile(name)
            self.statusBar().showMessage(
                f"Audience: {p.label}. The target is now {goal_words(p.target)}.", 8000)

    def _filter(self, hidden: frozenset[str]) -> None:
        self.settings.hidden_categories = sorted(hidden)
        self.editor.set_hidden(hidden)
        if self.checker.analysis is not None:
            self._show_analysis(self.checker.analysis)

    def list_word(self, word: str, kind: str) -> None:
        """Always allow (accept list) or always flag (reject list) a word, then re-check."""
        ours, theirs = ((self.paths.accept_file, self.paths.reject_file) if kind == "accept"
                        else (self.paths.reject_file, self.paths.accept_file))
        try:
            add_word(ours, word)
            if word.lower() in load_word_list(theirs)[0]:
                remove_word(theirs, word)
        except WriteError as exc:
            self.prompts.tell("Could not save the word list", str(exc))
            return
        if kind == "accept":
            self.checker.forget_word(word)
            self.statusBar().showMessage(f"“{word}” will not be flagged again", 6000)
        else:
            self.statusBar().showMessage(f"“{word}” will always be flagged", 6000)
        self.checker.set_options(self._options())

    def paste_and_score(self) -> None:
        if self.files.paste_and_score():
            self.scores_dock.show()
            self.scores_dock.raise_()

    def go_to_finding(self, backwards: bool) -> None:
        if self.editor.next_finding(backwards) is None:
            self.statusBar().showMessage("No highlights to go to", 4000)
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _finding_reached(self, hit, number: int, total: int, wrapped: bool) -> None:
        where = f"Highlight {number:,} of {total:,}"
        if wrapped and number == 1:
            where = f"Reached the end: back to the first highlight ({where.lower()})"
        elif wrapped:
            where = f"Reached the start: on to the last highlight ({where.lower()})"
        self.statusBar().showMessage(where, 6000)

    def apply_first(self) -> None:
        if not self.editor.apply_first_at_cursor():
            self.statusBar().showMessage("No suggestion here: press F8 to go to a highlight", 4000)

    def _go_to(self, finding) -> None:
        if not self.editor.select_finding(finding):
            self.statusBar().showMessage("That text has changed since it was checked", 4000)

    def _go_to_offset(self, offset: int) -> None:
        position = PositionMap(self.editor.text()).to_qt(offset)
        cursor = self.editor.textCursor()
        cursor.setPosition(min(position, self.editor.document().characterCount() - 1))
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_next_pane(self) -> None:
        order = [self.editor, self.panel.profile, self.findings]
        order = [w for w in order if w.isVisible()]
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + 1) % len(order)].setFocus(Qt.FocusReason.TabFocusReason)

    def zoom(self, step: int) -> None:
        if step == 0:
            self.settings.font_size = None
        else:
            size = round(self.editor.font().pointSizeF()) + step
            self.settings.font_size = max(6, min(48, size))
        self._apply_font()

    def _apply_font(self) -> None:
        self.editor.set_text_size(self.settings.font_size, QApplication.font())

    # --- reports ------------------------------------------------------------------------
    def export_report(self) -> None:
        if not self.checker.up_to_date():
            self.statusBar().showMessage("Finishing the check first…", 4000)
            self.checker.analysis_applied.connect(self._export_when_checked)
            self.checker.check_now()
            return
        when = dt.date.today()
        folder = self.files.path.parent if self.files.path else Path.home()
        suggested = folder / report_name(self.files.path, when, ".pdf")
        name, chosen = QFileDialog.getSaveFileName(self, "Export Report", str(suggested),
                                                   REPORT_FILTER)
        if name:
            path = Path(name)
            if path.suffix.lower() not in (".pdf", ".html", ".htm"):
                path = path.with_suffix(".html" if "html" in chosen else ".pdf")
            self.export_report_to(path)

    def _export_when_checked(self, _analysis) -> None:
        self.checker.analysis_applied.disconnect(self._export_when_checked)
        QTimer.singleShot(0, self.export_report)

    def export_report_to(self, path: Path) -> bool:
        """Write the report for the current text (PDF or HTML by the file's suffix)."""
        analysis = self.checker.analysis
        if analysis is None or not self.checker.up_to_date():
            return False
        title = self.files.path.name if self.files.path else "Untitled"
        page = build_html(title, self.editor.text(), analysis, word_limit=self.word_limit())
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if path.suffix.lower() == ".pdf":
                export_pdf(path, page, title)
            else:
                export_html(path, page)
        except (OSError, WriteError) as exc:
            QApplication.restoreOverrideCursor()
            self.prompts.tell("Could not save the report", str(exc))
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Report saved: {path.name}", 8000)
        return True

    # --- preferences and looks ----------------------------------------------------------
    def preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self.paths, self)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, new: Settings) -> None:
        for field in dataclasses.fields(Settings):
            setattr(self.settings, field.name, getattr(new, field.name))
        if not self.settings.remember_recent:
            self.settings.recent_files = []
        self._fill_recent()
        self.theme.apply(self.settings.theme)
        self._apply_font()
        self.panel.set_profile(self.settings.profile)
        self.legend_disabled = frozenset(self.settings.disabled_categories)
        self.checker.profile = self.settings.profile
        self.checker.options = self._options()
        self.checker.recheck()
        self._update_counts()
        self._save_settings()

    def _theme_applied(self, dark: bool) -> None:
        self.editor.set_dark(dark)
        self.actions_.retint()
        self.findings.refresh_icons()

    # --- window state -------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.actions_.fill_recent(self.settings.recent_files, self.files.open_path)

    def clear_recent(self) -> None:
        """File > Open Recent > Clear Recent Files: forgotten at once, on disk too."""
        self.settings.recent_files = []
        self._fill_recent()
        self._save_settings()
        self.statusBar().showMessage("The list of recent files is cleared", 6000)

    def _document_replaced(self) -> None:
        self._update_title()
        self._update_counts()
        self.panel.readability = None
        self.panel.show_waiting("Checking…")

    def _update_title(self) -> None:
        name = self.files.path.name if self.files.path else "Untitled"
        if self.files.read_only:
            name += " (read-only)"
        self.setWindowModified(self.editor.document().isModified())
        self.setWindowTitle(f"{name}[*] – jargonfree")
        self.setWindowFilePath(str(self.files.path) if self.files.path else "")

    def _restore_layout(self) -> None:
        s = self.settings
        restored = s.window_geometry and self.restoreGeometry(
            QByteArray.fromBase64(s.window_geometry.encode()))
        if not restored:
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1500, screen.width() * 9 // 10), min(940, screen.height() * 9 // 10))
            self._size_docks = True
        if s.window_state and self.restoreState(QByteArray.fromBase64(s.window_state.encode())):
            self._size_docks = False

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings, self.paths.settings_file)
        except (OSError, WriteError) as exc:
            self.statusBar().showMessage(f"Settings not saved: {exc}", 8000)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._size_docks:  # only a laid-out window can share its width out
            self._size_docks = False
            em = self.fontMetrics().height()
            QTimer.singleShot(0, lambda: self.resizeDocks(
                [self.findings_dock, self.scores_dock], [em * 22, em * 24],
                Qt.Orientation.Horizontal))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files.open_path(files[0])

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.files.maybe_save():
            event.ignore()
            return
        s = self.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        s.window_state = bytes(self.saveState().toBase64()).decode()
        self._save_settings()
        self.editor.highlighter.cancel()
        self.files.close()
        self.client.shutdown()
        event.accept()

"""The window's menus, toolbar and shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar, QWidget

from jargonfree.app.help import SCORES_HELP, WORD_HELP, privacy_help
from jargonfree.app.icons import icon

if TYPE_CHECKING:
    from jargonfree.app.window import MainWindow

S = QKeySequence.StandardKey

SHORTCUTS_HELP = """\
F8 or Ctrl+.	next highlight (in text order; goes round at the end)
Shift+F8	previous highlight
Ctrl+Enter or Alt+Enter	use the first suggestion for the highlight at the cursor
Menu key or Shift+F10	all suggestions and choices for the highlight at the cursor
Esc	close a suggestion card or the find bar
Ctrl+Z	undo
Ctrl+Y or Ctrl+Shift+Z	redo
Ctrl+Shift+V	paste and score
Shift+Enter	a line break in a Word document (Enter: a new paragraph)
Ctrl+F, F3, Shift+F3	find, find next, find previous
F6	move between the text, the scores and the findings
Ctrl++ / Ctrl+- / Ctrl+0	larger text, smaller text, usual size"""


def _keys(*keys) -> list[QKeySequence]:
    out = []
    for k in keys:
        if isinstance(k, QKeySequence.StandardKey):
            out += QKeySequence.keyBindings(k)
        else:
            out.append(QKeySequence(k))
    # A key given twice would make Qt call the shortcut ambiguous and do nothing.
    unique: dict[str, QKeySequence] = {}
    for k in out:
        if not k.isEmpty():
            unique.setdefault(k.toString(), k)
    return list(unique.values())


class Actions:
    """Every QAction of the window, by name; menus and the toolbar share them."""

    def __init__(self, w: MainWindow) -> None:
        self.window = w
        self.all: dict[str, QAction] = {}
        e, f = w.editor, w.files
        add = self._add
        add("new", "&New", f.new_document, S.New, icon_name="new")
        add("open", "&Open…", f.open_dialog, S.Open, icon_name="open")
        add("save", "&Save", f.save, S.Save, icon_name="save")
        add("save_as", "Save &As…", lambda: f.save_as(), S.SaveAs)
        add("recover", "Recover &Unsaved Work…", f.recover_dialog,
            tip="Open work left unsaved when jargonfree last closed without saving it")
        add("paste_score", "&Paste and Score", w.paste_and_score, "Ctrl+Shift+V",
            icon_name="paste-score", icon_text="Paste and score",
            tip="Replace the text with the clipboard's and score it at once")
        add("export", "&Export Report…", w.export_report, "Ctrl+E", icon_name="export",
            icon_text="Report",
            tip="Save a report (PDF or web page) to attach to a sign-off form or a bid")
        add("quit", "&Quit", w.close, S.Quit)
        add("undo", "&Undo", e.undo, S.Undo, icon_name="undo")
        # Ctrl+Y as in Word and LibreOffice, Ctrl+Shift+Z as in most Linux programs:
        # both on every platform (the platform's own list has only one on some).
        add("redo", "&Redo", e.redo, "Ctrl+Y", "Ctrl+Shift+Z", S.Redo, icon_name="redo")
        add("cut", "Cu&t", e.cut, S.Cut)
        add("copy", "&Copy", e.copy, S.Copy)
        add("paste", "&Paste", e.paste, S.Paste)
        add("select_all", "Select &All", e.selectAll, S.SelectAll)
        add("find", "&Find…", w.find_bar.open_bar, S.Find, icon_name="find")
        add("find_next", "Find &Next", w.find_bar.find_next, S.FindNext)
        add("find_previous", "Find Pre&vious", w.find_bar.find_previous, S.FindPrevious)
        add("preferences", "Pre&ferences…", w.preferences, S.Preferences, "Ctrl+,",
            icon_name="preferences")
        add("next", "&Next Highlight", lambda: w.go_to_finding(False), "F8", "Ctrl+.",
            icon_name="next", icon_text="Next", tip="Go to the next highlight (F8)")
        add("previous", "&Previous Highlight", lambda: w.go_to_finding(True), "Shift+F8",
            icon_name="previous", icon_text="Previous",
            tip="Go to the previous highlight (Shift+F8)")
        add("apply_first", "&Use First Suggestion", w.apply_first, "Ctrl+Return", "Alt+Return",
            "Ctrl+Enter", "Alt+Enter")
        add("check_now", "&Check Again", w.checker.recheck, "F5")
        add("focus_next", "Move to Next &Pane", w.focus_next_pane, "F6")
        add("zoom_in", "&Larger Text", lambda: w.zoom(1), S.ZoomIn, "Ctrl+=")
        add("zoom_out", "&Smaller Text", lambda: w.zoom(-1), S.ZoomOut)
        add("zoom_reset", "&Usual Text Size", lambda: w.zoom(0), "Ctrl+0")
        add("shortcuts", "&Keyboard Shortcuts", lambda: show_shortcuts(w))
        add("privacy", "&Privacy", lambda: show_privacy(w, w.paths))
        add("about", "&About jargonfree", lambda: show_about(w))
        add("scores_help", "How to Read the &Scores", lambda: show_scores_help(w))
        add("word_help", "Editing &Word Documents", lambda: show_word_help(w))
        for name in ("undo", "redo"):
            self.all[name].setEnabled(False)
        e.undoAvailable.connect(self.all["undo"].setEnabled)
        e.redoAvailable.connect(self.all["redo"].setEnabled)
        self._menus()
        self.toolbar = self._toolbar()

    def _add(self, name: str, text: str, slot, *keys, icon_name: str | None = None,
             icon_text: str | None = None, tip: str | None = None) -> QAction:
        act = QAction(text, self.window)
        act.setObjectName(f"action-{name}")
        shortcuts = _keys(*keys)
        if shortcuts:
            act.setShortcuts(shortcuts)
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            act.setIcon(icon(icon_name, self.window.palette()))
            act.setData(icon_name)
        if icon_text:
            act.setIconText(icon_text)
        label = text.replace("&", "").rstrip("…")
        native = QKeySequence.SequenceFormat.NativeText
        hint = f" ({shortcuts[0].toString(native)})" if shortcuts else ""
        act.setToolTip(tip or f"{label}{hint}")
        act.setStatusTip(tip or label)
        act.triggered.connect(lambda _=False: slot())
        self.window.addAction(act)  # shortcuts work with the menu bar hidden, too
        self.all[name] = act
        return act

    def _menus(self) -> None:
        w, a = self.window, self.all
        bar = w.menuBar()
        file = bar.addMenu("&File")
        for name in ("new", "open"):
            file.addAction(a[name])
        self.recent = file.addMenu("Open &Recent")
        self.recent.setAccessibleName("Recent files")
        for name in ("save", "save_as", "recover", None, "paste_score", "export", None, "quit"):
            file.addSeparator() if name is None else file.addAction(a[name])
        edit = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "cut", "copy", "paste", "select_all", None, "find",
                     "find_next", "find_previous", None, "preferences"):
            edit.addSeparator() if name is None else edit.addAction(a[name])
        review = bar.addMenu("&Review")
        for name in ("next", "previous", "apply_first", None, "check_now"):
            review.addSeparator() if name is None else review.addAction(a[name])
        self.view = bar.addMenu("&View")
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["scores_help"])
        help_menu.addAction(a["word_help"])
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["privacy"])
        help_menu.addAction(a["about"])

    def finish_view_menu(self, docks) -> None:
        """The View menu, once the docks exist (their toggle actions go in it)."""
        view, a = self.view, self.all
        for dock in docks:
            view.addAction(dock.toggleViewAction())
        view.addAction(self.toolbar.toggleViewAction())
        view.addSeparator()
        for name in ("focus_next", None, "zoom_in", "zoom_out", "zoom_reset"):
            view.addSeparator() if name is None else view.addAction(a[name])

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Toolbar", self.window)
        bar.setObjectName("main-toolbar")
        bar.setAccessibleName("Toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        em = self.window.fontMetrics().height()
        bar.setIconSize(QSize(em + em // 3, em + em // 3))
        bar.setMovable(False)
        for name in ("new", "open", "save", None, "undo", "redo", None, "paste_score", None,
                     "previous", "next", None, "find", "export", "preferences"):
            bar.addSeparator() if name is None else bar.addAction(self.all[name])
        for name in ("new", "open", "save", "undo", "redo", "find", "preferences"):
            button = bar.widgetForAction(self.all[name])
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def retint(self) -> None:
        """Re-draw the icons in the palette's colours (after a theme change)."""
        for act in self.all.values():
            name = act.data()
            if name:
                act.setIcon(icon(name, self.window.palette()))

    def fill_recent(self, files: list[str], open_path) -> None:
        menu: QMenu = self.recent
        menu.clear()
        for n, path in enumerate(files, start=1):
            act = menu.addAction(f"&{n % 10}  {Path(path).name}" if n <= 10 else Path(path).name)
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: open_path(Path(p)))
        if files:
            menu.addSeparator()
            clear = menu.addAction("&Clear Recent Files", self.window.clear_recent)
            clear.setObjectName("action-clear-recent")
        menu.setEnabled(bool(files))


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>"
                   for k, v in (line.split("\t") for line in SHORTCUTS_HELP.splitlines()))
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table>{rows}</table>")


def show_privacy(parent: QWidget, paths) -> None:
    """What jargonfree keeps on this computer, where, for how long, how to remove it."""
    box = QMessageBox(QMessageBox.Icon.Information, "Privacy", privacy_help(paths),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName("Privacy")
    box.exec()


def show_scores_help(parent: QWidget) -> None:
    """What each number in the scores panel means, in plain words."""
    box = QMessageBox(QMessageBox.Icon.Information, "How to read the scores", SCORES_HELP,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName("How to read the scores")
    box.exec()


def show_word_help(parent: QWidget) -> None:
    """What each edit in a Word document becomes in Word."""
    box = QMessageBox(QMessageBox.Icon.Information, "Editing Word documents", WORD_HELP,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName("Editing Word documents")
    box.exec()


def show_about(parent: QWidget) -> None:
    """Version, the no-network promise and the credits (the NOTICE file, in full under
    "Show Details")."""
    from jargonfree import __version__
    from jargonfree.resources import notice_text

    box = QMessageBox(QMessageBox.Icon.NoIcon, "About jargonfree", "",
                      QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<p><b>jargonfree {__version__}</b></p>"
        "<p>jargonfree helps you write health and public-service text that people can "
        "read. <b>It never connects to the internet:</b> your text stays on this "
        "computer.</p>"
        "<p>Built with data from the CMU Pronouncing Dictionary (BSD-style), Open English "
        "WordNet (CC BY 4.0) and Princeton WordNet (WordNet licence), wordfreq (data CC "
        "BY-SA 4.0), lemminflect (MIT), and public sector information under the Open "
        "Government Licence v3.0 (GOV.UK and NHS writing guides). Qt and PySide6 are used "
        "under the LGPL v3. \"Show Details\" lists every source and licence.</p>")
    box.setDetailedText(notice_text())
    box.setAccessibleName("About jargonfree")
    box.exec()

"""Patient text at rest: private autosaves, nothing left behind, recovery by any route.

The session test runs the real window offscreen with HOME, the XDG folders and the
temporary folder all inside the test's own folder, types a unique marker and then looks
for it in every file there.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from jargonfree.app.autosave import STALE_DAYS, AutosaveStore
from jargonfree.app.prompts import PreviewQuestion, Prompts
from jargonfree.app.window import MainWindow
from jargonfree.paths import AppPaths
from jargonfree.settings import Settings, load_settings

from .conftest import Button, CountingClient, FakePrompts, type_text

MARKER = "ZQXJ-PATIENT-4417"  # ASCII, so it is found byte for byte in any file that has it
HAS_MODES = hasattr(os, "getuid")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files_holding(root: Path, marker: str = MARKER) -> set[Path]:
    """Every file under `root` whose bytes hold the marker (UTF-8, UTF-16 or escaped)."""
    needles = [marker.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    found = set()
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            if any(n in data for n in needles):
                found.add(path)
    return found


@pytest.fixture
def isolated(tmp_path, monkeypatch) -> Path:
    """HOME, every XDG folder and the temporary folder, inside tmp_path/'root'."""
    root = tmp_path / "root"
    home = root / "home"
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                "XDG_RUNTIME_DIR"):
        folder = root / var.lower()
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(var, str(folder))
    tmp = root / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    return root


@pytest.mark.skipif(not HAS_MODES, reason="no permission bits here")
def test_typed_text_is_only_in_the_private_autosave_then_only_in_the_saved_file(
        qtbot, isolated):
    paths = AppPaths.default()
    assert isolated in paths.state_dir.parents and isolated in paths.cache_dir.parents
    window = MainWindow(CountingClient(), Settings(), paths, prompts=FakePrompts())
    qtbot.addWidget(window)
    window.show()
    window.files.timer.setInterval(200)  # the real autosave timer, sooner than 5 s
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, f"Dear Mrs {MARKER}, your scan showed no change.")
    assert MARKER in window.editor.toPlainText()
    qtbot.waitUntil(lambda: any(paths.autosave_dir.glob("*.json")), timeout=10_000)
    window.files.flush()

    [autosave] = paths.autosave_dir.glob("*.json")
    assert _mode(autosave) == 0o600
    assert _mode(paths.autosave_dir) == 0o700 and _mode(paths.state_dir) == 0o700
    assert files_holding(isolated) == {autosave}

    letter = isolated / "home" / "Documents" / "letter.txt"
    letter.parent.mkdir()
    assert window.files.save_as(letter)
    window.files.flush()
    assert files_holding(isolated) == {letter}
    assert not list(paths.autosave_dir.glob("*.json"))
    assert _mode(letter) == 0o666 & ~_umask()  # the user's file: the usual mode

    window.close()  # writes the settings (with the recent file's name)
    assert paths.settings_file.exists()
    assert str(letter) in paths.settings_file.read_text()
    assert _mode(paths.settings_file) == 0o600  # file names can name patients
    assert files_holding(isolated) == {letter}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# --- clean-up ---------------------------------------------------------------------------

def _autosaves(paths: AppPaths) -> list[Path]:
    return sorted(paths.autosave_dir.glob("*.json"))


def _autosaved(qtbot, window: MainWindow, text: str) -> None:
    type_text(qtbot, window, text)
    window.files.autosave()
    window.files.flush()
    assert len(_autosaves(window.paths)) == 1


def test_saving_removes_the_autosave(qtbot, make_window, paths, tmp_path):
    w = make_window()
    _autosaved(qtbot, w, "Unsaved letter.")
    assert w.files.save_as(tmp_path / "letter.txt")
    w.files.flush()
    assert _autosaves(paths) == [] and not list(paths.autosave_dir.iterdir())


@pytest.mark.parametrize("how", ["new document", "close the window"])
def test_discarding_the_changes_removes_the_autosave(qtbot, make_window, paths, how):
    w = make_window()
    _autosaved(qtbot, w, "Unsaved letter.")
    w.prompts.answer = Button.Discard
    if how == "new document":
        assert w.files.new_document()
        w.files.flush()
    else:
        assert w.close()  # closing finishes the autosave queue
    assert w.prompts.asked == ["Unsaved changes"]
    assert _autosaves(paths) == []


def _crashed(paths: AppPaths, text: str, path: Path | None, age_days: float = 0) -> str:
    """An autosave as a killed copy of the app leaves it."""
    store = AutosaveStore(paths.autosave_dir)
    store.save("crashed", text, str(path) if path else None)
    store.close()
    if age_days:
        record = json.loads((paths.autosave_dir / "crashed.json").read_text())
        record["saved_at"] = time.time() - age_days * 86400
        (paths.autosave_dir / "crashed.json").write_text(json.dumps(record))
    return "crashed"


def test_a_recovered_copy_goes_once_the_recovered_text_is_saved(qtbot, make_window, paths,
                                                                 tmp_path):
    _crashed(paths, "Recovered words.", None)
    w = make_window()
    w.prompts.answer = Button.Yes
    assert w.files.offer_recovery()
    assert w.prompts.previews == ["Recovered words."]  # shown before choosing
    w.files.flush()
    assert [p.stem for p in _autosaves(paths)] == ["crashed"]  # still protected meanwhile
    assert w.files.save_as(tmp_path / "kept.txt")
    w.files.flush()
    assert _autosaves(paths) == []


def test_a_recovered_copy_goes_when_the_recovered_text_is_discarded(qtbot, make_window,
                                                                     paths):
    _crashed(paths, "Recovered words.", None)
    w = make_window()
    w.prompts.answer = Button.Yes
    assert w.files.offer_recovery()
    w.prompts.answer = Button.Discard
    assert w.close()
    assert _autosaves(paths) == []


def test_decide_later_keeps_the_copy_for_next_time(qtbot, make_window, paths):
    _crashed(paths, "Later words.", None)
    w = make_window()
    w.prompts.answer = Button.Cancel  # "Decide Later", or Escape
    assert not w.files.offer_recovery()
    w.files.flush()
    assert w.prompts.buttons[0] & Button.Cancel
    assert [p.stem for p in _autosaves(paths)] == ["crashed"]
    assert w.files.has_recovery()


@pytest.mark.parametrize("answer", [Button.Cancel, Button.Discard])
def test_a_stale_copy_is_offered_once_then_removed(qtbot, make_window, paths, answer):
    _crashed(paths, "Words from last season.", None, age_days=STALE_DAYS + 1)
    w = make_window()
    w.prompts.answer = answer
    assert not w.files.offer_recovery()
    w.files.flush()
    assert not w.prompts.buttons[0] & Button.Cancel  # no "later" for a stale copy
    assert _autosaves(paths) == []
    assert not w.files.offer_recovery()
    assert len(w.prompts.asked) == 1


def test_a_stale_copy_can_still_be_recovered_and_is_fresh_again(qtbot, make_window, paths):
    _crashed(paths, "Old words.", None, age_days=STALE_DAYS + 1)
    w = make_window()
    w.prompts.answer = Button.Yes
    assert w.files.offer_recovery()
    w.files.flush()
    [rec] = AutosaveStore(paths.autosave_dir).pending() or [None]
    assert rec is None  # held by this window, not offered to another copy
    w.files.close(keep_autosave=True)
    [rec] = AutosaveStore(paths.autosave_dir).pending()
    assert rec.text == "Old words." and not rec.stale


def test_file_recover_unsaved_work_offers_what_is_waiting(qtbot, make_window, paths):
    w = make_window()
    w.actions_.all["recover"].trigger()
    assert w.prompts.asked == []
    assert "No unsaved work" in w.statusBar().currentMessage()
    _crashed(paths, "Waiting words.", None)
    w.prompts.answer = Button.Yes
    w.actions_.all["recover"].trigger()
    assert w.prompts.asked == ["Recover unsaved work?"]
    assert w.editor.toPlainText() == "Waiting words."


# --- recovery when the file is opened, by any route --------------------------------------

@pytest.fixture
def crashed_leaflet(qtbot, make_window, paths, tmp_path):
    """A leaflet opened, edited and autosaved by a window that then died."""
    leaflet = tmp_path / "docs" / "leaflet.txt"
    leaflet.parent.mkdir()
    leaflet.write_text("Old text on disk.\n", encoding="utf-8")
    w = make_window()
    assert w.files.open_path(leaflet)
    type_text(qtbot, w, "New text nobody saved.\n")
    w.files.autosave()
    w.files.flush()
    w.files.close(keep_autosave=True)  # the lock goes, as with kill -9
    return leaflet


def _opened_by(route: str, window: MainWindow, leaflet: Path, monkeypatch) -> bool:
    if route == "relative path":
        other = leaflet.parent.parent / "elsewhere"
        other.mkdir()
        monkeypatch.chdir(other)
        return window.files.open_path(Path("../docs/leaflet.txt"))
    if route == "File > Open":
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: (str(leaflet), "Text"))
        window.actions_.all["open"].trigger()
        return True
    if route == "recent files":
        window.settings.recent_files = [str(leaflet)]
        window._fill_recent()
        [act] = [a for a in window.actions_.recent.actions() if a.toolTip() == str(leaflet)]
        act.trigger()
        return True
    raise AssertionError(route)


@pytest.mark.parametrize("route", ["relative path", "File > Open", "recent files"])
def test_unsaved_work_is_offered_when_its_file_is_opened(qtbot, make_window, paths,
                                                         crashed_leaflet, route,
                                                         monkeypatch):
    w = make_window()
    w.prompts.answer = Button.Yes
    assert _opened_by(route, w, crashed_leaflet, monkeypatch)
    assert w.prompts.asked == ["Recover unsaved work?"]
    assert w.prompts.previews == ["New text nobody saved.\n"]
    assert w.editor.toPlainText() == "New text nobody saved.\n"
    assert w.editor.document().isModified()
    assert w.files.path == crashed_leaflet  # absolute, whatever was typed
    assert w.files.save()  # from another folder too
    w.files.flush()
    assert crashed_leaflet.read_text(encoding="utf-8") == "New text nobody saved.\n"
    assert _autosaves(paths) == []


def test_declining_when_opening_shows_the_file_and_removes_the_copy(qtbot, make_window, paths,
                                                                    crashed_leaflet):
    w = make_window()
    w.prompts.answer = Button.Discard
    assert w.files.open_path(crashed_leaflet)
    w.files.flush()
    assert w.editor.toPlainText() == "Old text on disk.\n"
    assert not w.editor.document().isModified()
    assert _autosaves(paths) == []


def test_other_files_do_not_offer_the_work(qtbot, make_window, paths, crashed_leaflet):
    other = crashed_leaflet.with_name("other.txt")
    other.write_text("Another file.")
    w = make_window()
    assert w.files.open_path(other)
    assert w.prompts.asked == []
    assert w.files.has_recovery()


def test_the_autosave_keeps_the_absolute_path(qtbot, make_window, paths, tmp_path,
                                              monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("text")
    monkeypatch.chdir(tmp_path)
    w = make_window()
    assert w.files.open_path(Path("docs/a.txt"))
    type_text(qtbot, w, "changed")
    w.files.autosave()
    w.files.flush()
    [saved] = _autosaves(paths)
    assert json.loads(saved.read_text())["path"] == str(tmp_path / "docs" / "a.txt")
    assert w.settings.recent_files == [str(tmp_path / "docs" / "a.txt")]


# --- recent files -------------------------------------------------------------------------

def _saved_settings(paths: AppPaths) -> Settings:
    settings, warning = load_settings(paths.settings_file)
    assert warning is None
    return settings


def test_clear_recent_files_forgets_them_on_disk_at_once(qtbot, make_window, paths, tmp_path):
    w = make_window()
    for name in ("mrs-smith.txt", "mr-jones.txt"):
        (tmp_path / name).write_text("text")
        assert w.files.open_path(tmp_path / name)
    w._save_settings()
    assert len(_saved_settings(paths).recent_files) == 2
    [clear] = [a for a in w.actions_.recent.actions() if a.objectName() == "action-clear-recent"]
    clear.trigger()
    assert w.settings.recent_files == []
    assert not w.actions_.recent.isEnabled()
    assert _saved_settings(paths).recent_files == []
    assert "smith" not in paths.settings_file.read_text()


def test_a_preference_keeps_no_list_of_recent_files(qtbot, make_window, paths, tmp_path):
    w = make_window(Settings(recent_files=[str(tmp_path / "mrs-smith.txt")]))
    from jargonfree.app.preferences import PreferencesDialog

    dialog = PreferencesDialog(w.settings, paths)
    qtbot.addWidget(dialog)
    assert dialog.remember_recent.isChecked()
    dialog.remember_recent.setChecked(False)
    w.apply_settings(dialog.result_settings())
    assert w.settings.recent_files == [] and not w.actions_.recent.isEnabled()
    (tmp_path / "mr-jones.txt").write_text("text")
    assert w.files.open_path(tmp_path / "mr-jones.txt")
    assert w.settings.recent_files == []
    w.editor.document().setModified(False)
    w.close()
    saved = _saved_settings(paths)
    assert saved.remember_recent is False and saved.recent_files == []
    assert "jones" not in paths.settings_file.read_text()
    assert "smith" not in paths.settings_file.read_text()


# --- the real dialogs ---------------------------------------------------------------------

def _when_modal(qtbot, act) -> list:
    """Run `act(widget)` on the next modal dialog, from inside its event loop."""
    seen = []

    def poll():
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(widget)
        act(widget)

    QTimer.singleShot(0, poll)
    return seen


def test_the_recovery_question_shows_the_whole_recovered_text(qtbot):
    text = "\n".join(f"Line {n} of the letter about Mrs Smith." for n in range(200))
    prompts = Prompts(None)

    def check_and_recover(dialog):
        assert isinstance(dialog, PreviewQuestion)
        assert dialog.preview.toPlainText() == text and dialog.preview.isReadOnly()
        [recover] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Recover"]
        qtbot.mouseClick(recover, Qt.MouseButton.LeftButton)

    seen = _when_modal(qtbot, check_and_recover)
    answer = prompts.ask("Recover unsaved work?", "Open the recovered text?",
                         Button.Yes | Button.Discard | Button.Cancel, default=Button.Yes,
                         labels={Button.Yes: "Recover", Button.Discard: "Discard",
                                 Button.Cancel: "Decide Later"}, preview=text)
    assert seen and answer == Button.Yes


def test_escape_in_the_recovery_question_decides_later(qtbot):
    seen = _when_modal(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    answer = Prompts(None).ask("Recover unsaved work?", "Open it?",
                               Button.Yes | Button.Discard | Button.Cancel, preview="text")
    assert seen and answer == Button.Cancel


def test_help_privacy_says_where_and_how_long(qtbot, make_window, paths):
    w = make_window()
    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.accept()

    _when_modal(qtbot, read_and_close)
    w.actions_.all["privacy"].trigger()
    [page] = shown
    assert isinstance(page, str)
    for words in (str(paths.autosave_dir), "600", "700", f"{STALE_DAYS} days",
                  "Clear Recent Files", str(paths.cache_dir), "never connects"):
        assert words in page, words
    assert QMessageBox  # the page is a QMessageBox: read by screen readers as one

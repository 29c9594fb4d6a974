"""The window: ignoring, word lists, files, autosave, paste, profiles, status bar."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from jargonfree.app.app import run
from jargonfree.app.autosave import AutosaveStore
from jargonfree.app.window import MainWindow
from jargonfree.settings import Settings, load_settings
from jargonfree.userlists import add_word, load_word_list

from .conftest import Button, painted, type_text, wait_checked
from .fake_engine import fake_analyze
from .sync_client import SyncEngineClient


def texts(window) -> list[str]:
    return [f.text for f in window.checker.analysis.findings if f.category != "sentence"]


def hit_of(window, word: str, nth: int = 0):
    return [h for h in window.editor.all_hits() if h.finding.text == word][nth]


def test_the_window_says_getting_ready_before_the_checker_is_warm(qtbot, paths):
    from .conftest import FakePrompts

    client = SyncEngineClient(fake_analyze)  # not started yet: state "stopped"
    w = MainWindow(client, Settings(), paths, prompts=FakePrompts())
    qtbot.addWidget(w)
    assert w.worker_state.text() == "Getting ready…"
    client.start()
    w.checker.check_now()
    assert w.worker_state.text() == "Up to date"


def test_ignore_here_keeps_the_others(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "utilise one, utilise two, leverage")
    w.checker.ignore(hit_of(w, "utilise", 0), "here")
    assert texts(w) == ["utilise", "leverage"]
    assert [s for s, _ in painted(w)] == [13, 26]
    # Edit elsewhere: the ignore stays with its word through the re-check.
    w.editor.moveCursor(w.editor.textCursor().MoveOperation.End)
    w.editor.insertPlainText(" and utilise three")
    wait_checked(qtbot, w)
    assert texts(w) == ["utilise", "leverage", "utilise"]


def test_ignore_in_document_hides_every_copy(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "utilise one, utilise two, leverage")
    w.checker.ignore(hit_of(w, "utilise"), "document")
    assert texts(w) == ["leverage"]
    type_text(qtbot, w, "utilise again and leverage")
    assert texts(w) == ["leverage"]


def test_always_allow_writes_the_accept_list_and_rechecks(qtbot, make_window, paths):
    w = make_window()
    type_text(qtbot, w, "We leverage the stakeholder network.")
    jobs = len(w.client.jobs)
    w.list_word("leverage", "accept")
    wait_checked(qtbot, w)
    assert "leverage" in load_word_list(paths.accept_file)[0]
    assert "leverage" in w.checker.options.accept
    assert len(w.client.jobs) > jobs  # analysed again with the new options
    assert texts(w) == ["stakeholder"]
    assert [h.finding.text for h in w.editor.all_hits()] == ["stakeholder"]


def test_always_flag_writes_the_reject_list(qtbot, make_window, paths):
    w = make_window()
    type_text(qtbot, w, "We want synergy.")
    w.list_word("synergy", "reject")
    wait_checked(qtbot, w)
    assert "synergy" in load_word_list(paths.reject_file)[0]
    assert texts(w) == ["synergy"]


def test_unsaved_changes_prompt_on_new(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "Some words I care about.")
    w.prompts.answer = Button.Cancel
    assert not w.files.new_document()
    assert w.prompts.asked == ["Unsaved changes"]
    assert w.editor.toPlainText() == "Some words I care about."
    w.prompts.answer = Button.Discard
    assert w.files.new_document()
    assert w.editor.toPlainText() == ""


def test_unsaved_changes_prompt_on_close_can_cancel(qtbot, make_window):
    w = make_window()
    w.show()
    type_text(qtbot, w, "Unsaved words.")
    w.prompts.answer = Button.Cancel
    assert not w.close()
    assert w.isVisible()


def test_autosave_then_recovery_at_the_next_start(qtbot, make_window, paths):
    w = make_window()
    type_text(qtbot, w, "Unsaved patient leaflet text 😀.")
    w.files.autosave()
    w.files.flush()
    assert len(list(paths.autosave_dir.glob("*.json"))) == 1
    w.files.close(keep_autosave=True)  # as if the app died: the autosave stays behind
    w2 = make_window()
    w2.prompts.answer = Button.Yes
    assert w2.files.offer_recovery()
    assert w2.prompts.asked == ["Recover unsaved work?"]
    assert w2.editor.toPlainText() == "Unsaved patient leaflet text 😀."
    assert w2.editor.document().isModified()


def test_recovery_can_be_declined(qtbot, make_window, paths):
    store = AutosaveStore(paths.autosave_dir)
    store.save("crashed", "Lost words", None)
    store.close()
    w = make_window()
    w.prompts.answer = Button.Discard
    assert not w.files.offer_recovery()
    w.files.flush()
    assert w.editor.toPlainText() == ""
    assert not list(paths.autosave_dir.glob("*.json"))


def test_open_cp1252_and_save_back_identical(qtbot, make_window, tmp_path):
    path = tmp_path / "word.txt"
    original = "Don’t utilise “smart” quotes – café\u00a0au lait\r\nLine two\r\n".encode("cp1252")
    path.write_bytes(original)
    w = make_window()
    assert w.files.open_path(path)
    assert "café\u00a0au" in w.editor.text()
    assert "\r" not in w.editor.text()
    w.editor.document().setModified(True)
    assert w.files.save()
    assert path.read_bytes() == original


def test_a_stray_byte_opens_with_a_warning_in_the_status_bar(qtbot, make_window, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes("The patient’s care plan.\n".encode() + b"Bad \x92 byte.\n")
    w = make_window()
    assert w.files.open_path(path)
    assert w.editor.toPlainText() == "The patient’s care plan.\nBad \ufffd byte.\n"
    message = w.statusBar().currentMessage()
    assert "notes.txt: 1 byte was not valid UTF-8" in message
    assert not w.prompts.told  # a warning, not a dialog in the way


def test_save_as_then_recent_files(qtbot, make_window, tmp_path):
    w = make_window()
    type_text(qtbot, w, "New words.")
    target = tmp_path / "out.md"
    assert w.files.save_as(target)
    assert target.read_text(encoding="utf-8") == "New words."
    assert w.settings.recent_files[0] == str(target)
    assert not w.editor.document().isModified()
    assert w.windowTitle().startswith("out.md")


def test_a_file_that_cannot_be_read_keeps_the_current_text(qtbot, make_window, tmp_path):
    w = make_window()
    type_text(qtbot, w, "Keep me.")
    w.editor.document().setModified(False)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert not w.files.open_path(binary)
    assert w.editor.toPlainText() == "Keep me."
    assert "binary" in w.prompts.told[0][1]


def test_a_save_that_fails_says_why_and_keeps_the_text(qtbot, make_window, tmp_path):
    w = make_window()
    type_text(qtbot, w, "Precious.")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not w.files.save_as(blocker / "under-a-file.txt")
    assert w.prompts.told and w.prompts.told[0][0] == "Could not save"
    assert w.editor.toPlainText() == "Precious." and w.editor.document().isModified()


def test_dropping_a_file_opens_it(qtbot, make_window, tmp_path):
    path = tmp_path / "dropped.md"
    path.write_text("# Title\n\nWe utilise it.\n", encoding="utf-8")
    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.editor.dropEvent(event)
    assert w.files.path == path
    wait_checked(qtbot, w)
    assert texts(w) == ["utilise"]


def test_profile_change_rechecks_with_the_new_profile(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "We utilise it.")
    w.panel.profile.setCurrentIndex(w.panel.profile.findData("patient"))
    wait_checked(qtbot, w)
    assert w.client.jobs[-1][2] == "patient"
    assert w.checker.analysis.readability.profile == "patient"
    assert w.settings.profile == "patient"


def test_word_limit_in_the_status_bar(qtbot, make_window):
    w = make_window(Settings(word_limit=3))
    type_text(qtbot, w, "one two three four")
    assert w.counts.text().startswith("4 / 3 words (1 over)")
    w.set_profile("bid")  # no limit of the user's own: the bid summary's 350
    w.settings.word_limit = None
    w.set_profile("bid")
    assert w.counts.text().startswith("4 / 350 words")


def test_paste_and_score(qtbot, make_window):
    w = make_window()
    QGuiApplication.clipboard().setText("Pasted text to utilise.")
    w.paste_and_score()
    assert w.editor.toPlainText() == "Pasted text to utilise."
    assert w.checker.up_to_date()  # scored at once, no debounce
    wait_checked(qtbot, w)
    assert w.panel.age.text() == "10"
    assert w.editor.document().isModified()  # pasted work is protected by autosave


def test_paste_and_score_asks_before_replacing_unsaved_text(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "My draft.")
    QGuiApplication.clipboard().setText("Pasted.")
    w.prompts.answer = Button.Cancel
    w.paste_and_score()
    assert w.prompts.asked == ["Unsaved changes"]
    assert w.editor.toPlainText() == "My draft."


def test_run_with_paste_opens_the_clipboard(qtbot, paths):
    QGuiApplication.clipboard().setText("We leverage the clipboard.")
    app = QApplication.instance()
    seen = {}

    def look() -> None:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        seen["text"] = window.editor.toPlainText()
        seen["checked"] = window.checker.up_to_date()
        seen["window"] = window
        app.quit()

    QTimer.singleShot(300, look)
    guard = QTimer(singleShot=True, interval=10_000)  # never hang the suite
    guard.timeout.connect(app.quit)
    guard.start()
    # Closing the last window would post a Quit that ends later tests' event loops.
    app.setQuitOnLastWindowClosed(False)
    try:
        code = run(["--paste"], paths=paths, client_factory=lambda: SyncEngineClient(fake_analyze))
        guard.stop()
        window = seen.pop("window")
        window.editor.document().setModified(False)
        window.close()
        qtbot.wait(10)
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert seen == {"text": "We leverage the clipboard.", "checked": True}


def test_settings_and_layout_are_saved_on_close(qtbot, make_window, paths):
    w = make_window(Settings(profile="patient"))
    w.show()
    w.close()
    saved, warning = load_settings(paths.settings_file)
    assert warning is None and saved.profile == "patient" and saved.window_geometry


def test_accept_list_loaded_at_start(qtbot, make_window, paths):
    add_word(paths.accept_file, "leverage")
    w = make_window()
    type_text(qtbot, w, "We leverage it.")
    assert texts(w) == []


def test_autosave_runs_off_the_gui_thread(qtbot, make_window, monkeypatch):
    w = make_window()
    threads = []
    real = w.files.store.save
    monkeypatch.setattr(w.files.store, "save",
                        lambda *a: (threads.append(threading.current_thread()), real(*a)))
    type_text(qtbot, w, "Words.")
    w.files.autosave()
    w.files.flush()
    assert threads and threads[0] is not threading.main_thread()


def test_export_report_to_pdf_and_html(qtbot, make_window, tmp_path):
    w = make_window()
    type_text(qtbot, w, "We utilise it. We leverage it.")
    assert w.export_report_to(tmp_path / "r.pdf")
    assert w.export_report_to(tmp_path / "r.html")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "leverage" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_worker_states_in_the_status_bar(qtbot, make_window):
    w = make_window()
    type_text(qtbot, w, "Words.")
    assert w.worker_state.text() == "Up to date"
    w.client.force_state("restarting")
    assert w.worker_state.text() == "Restarting checker…"
    w.client.error.emit("ValueError: broken")
    w.client.force_state("error: ValueError: broken")
    assert w.worker_state.text() == "Checker problem"
    assert "broken" in w.statusBar().currentMessage()


def test_a_long_file_goes_in_part_by_part_and_nothing_is_lost(qtbot, make_window, tmp_path):
    from jargonfree.app import files

    paragraph = "We will leverage our links with every stakeholder in the region.\n\n"
    text = paragraph * (3 * files.LOAD_PART // len(paragraph) + 5)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    w = make_window()
    assert w.files.open_path(path)
    assert w.files.loading() and w.editor.isReadOnly()
    assert w.windowTitle().startswith("long.txt")  # the new name at once
    assert len(w.editor.toPlainText()) < len(text)
    assert not w.files.has_unsaved_text()  # no "save changes?" for a file being opened
    shown_changed = []  # at every turn of the event loop, as a user would see it
    watch = QTimer(interval=0, timeout=lambda: shown_changed.append(w.isWindowModified()))
    watch.start()
    qtbot.waitUntil(lambda: not w.files.loading(), timeout=5000)
    watch.stop()
    assert len(shown_changed) > 1 and not any(shown_changed)  # no "*" while loading
    assert w.editor.toPlainText() == text
    assert not w.editor.isReadOnly()
    assert not w.editor.document().isModified()
    assert not w.editor.document().isUndoAvailable()  # the parts are not undo steps
    wait_checked(qtbot, w)
    assert sum(f.text == "leverage" for f in w.checker.analysis.findings) == text.count(
        "leverage")


def test_saving_during_a_long_load_writes_the_whole_text(qtbot, make_window, tmp_path):
    from jargonfree.app import files

    text = "A plain line of text.\n" * (3 * files.LOAD_PART // 22 + 5)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    w = make_window()
    assert w.files.open_path(path)
    assert w.files.loading()
    target = tmp_path / "copy.txt"
    assert w.files.save_as(target)
    assert target.read_text(encoding="utf-8") == text
    assert not w.files.loading() and w.editor.toPlainText() == text
    # Opening another file part-way through stops the first load cleanly.
    assert w.files.open_path(path)
    assert w.files.open_path(target)
    qtbot.waitUntil(lambda: not w.files.loading(), timeout=5000)
    assert w.editor.toPlainText() == text and w.files.path == target


COUNTED = "It costs £1,250.50 today, e.g. on 2.5 mg. "  # 8 words by the counting rules


@pytest.mark.parametrize("times", [1, 5_000])  # 5,000 times is 215,000 characters
def test_status_bar_counts_words_as_the_checker_does(qtbot, make_window, times):
    """The word count (and so the word limit) is the engine's, short text or long: numbers,
    money and "e.g." are one word each, however long the text."""
    from jargonfree import analyze

    def real(text, profile, options, revision):
        return analyze(text, profile, options=options, revision=revision)

    w = make_window(Settings(word_limit=10), client=SyncEngineClient(real))
    w.editor.setPlainText(COUNTED * times)
    w.checker.check_now()
    wait_checked(qtbot, w)
    assert w.checker.analysis.readability.words == 8 * times
    expected = f"{8 * times:,} / 10 words" + ("" if times == 1 else f" ({8 * times - 10:,} over)")
    assert w.counts.text().startswith(expected)

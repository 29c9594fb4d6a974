"""Read-only files and folders, and files changed by another program while open.

The suite runs as root, where os.access says every file may be written: these tests
mark files read-only with their mode bits, as a user or a file share does.
"""

from __future__ import annotations

import os

import pytest

from .conftest import Button, type_text


@pytest.fixture
def leaflet(tmp_path):
    path = tmp_path / "signed-off" / "leaflet.txt"
    path.parent.mkdir()
    path.write_text("Signed-off text.\n", encoding="utf-8")
    yield path
    for p in (path, path.parent):  # let pytest clean up
        if p.exists():
            os.chmod(p, 0o755)


def test_a_read_only_file_opens_marked_and_save_offers_save_as(qtbot, make_window,
                                                              leaflet, tmp_path):
    os.chmod(leaflet, 0o444)
    w = make_window()
    assert w.files.open_path(leaflet)
    assert "(read-only)" in w.windowTitle()
    type_text(qtbot, w, "My edited text.")
    w.prompts.answer = Button.Save
    w.prompts.save_to = tmp_path / "copy.txt"
    assert w.files.save()
    assert w.prompts.asked == ["Read-only file"]
    assert w.prompts.save_dialogs == [str(leaflet.parent / "leaflet (edited).txt")]
    assert leaflet.read_text(encoding="utf-8") == "Signed-off text.\n"  # untouched
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8") == "My edited text."
    assert w.files.path == tmp_path / "copy.txt"
    assert "read-only" not in w.windowTitle()


def test_cancelling_the_save_as_of_a_read_only_file_keeps_it_and_the_text(
        qtbot, make_window, leaflet):
    os.chmod(leaflet, 0o444)
    w = make_window()
    w.files.open_path(leaflet)
    type_text(qtbot, w, "My edited text.")
    w.prompts.answer = Button.Cancel
    assert not w.files.save()
    assert leaflet.read_text(encoding="utf-8") == "Signed-off text.\n"
    assert w.editor.document().isModified()


def test_save_as_onto_a_read_only_file_is_refused_in_one_line(qtbot, make_window,
                                                             leaflet, tmp_path):
    os.chmod(leaflet, 0o444)
    w = make_window()
    type_text(qtbot, w, "New words.")
    assert not w.files.save_as(leaflet)
    assert w.prompts.told == [("Could not save", "The file leaflet.txt is read-only.")]
    assert leaflet.read_text(encoding="utf-8") == "Signed-off text.\n"


def test_a_folder_that_cannot_be_written_offers_save_as(qtbot, make_window, leaflet,
                                                        tmp_path):
    os.chmod(leaflet.parent, 0o555)
    w = make_window()
    w.files.open_path(leaflet)
    assert "read-only" not in w.windowTitle()  # the file itself may be written
    type_text(qtbot, w, "My edited text.")
    w.prompts.answer = Button.Save
    w.prompts.save_to = tmp_path / "elsewhere.txt"
    assert w.files.save()
    assert w.prompts.asked == ["Cannot save in this folder"]
    assert leaflet.read_text(encoding="utf-8") == "Signed-off text.\n"
    assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "My edited text."


def changed_elsewhere(path, text: str) -> None:
    """Another program writes the file (by replacing it, as most editors do)."""
    tmp = path.with_suffix(".other")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_a_file_changed_elsewhere_can_be_reloaded(qtbot, make_window, leaflet):
    w = make_window()
    w.files.open_path(leaflet)
    w.prompts.answer = Button.Discard  # "Reload"
    changed_elsewhere(leaflet, "Their new version.\n")
    qtbot.waitUntil(lambda: "File changed on disk" in w.prompts.asked, timeout=5000)
    assert w.editor.toPlainText() == "Their new version.\n"
    assert not w.editor.document().isModified()
    # and it is still watched after being replaced
    changed_elsewhere(leaflet, "A third version.\n")
    qtbot.waitUntil(lambda: w.prompts.asked.count("File changed on disk") == 2, timeout=5000)
    assert w.editor.toPlainText() == "A third version.\n"


def test_unsaved_work_is_kept_and_saved_as_when_the_file_changes(qtbot, make_window,
                                                                 leaflet, tmp_path):
    w = make_window()
    w.files.open_path(leaflet)
    type_text(qtbot, w, "My unsaved work.")
    w.prompts.answer = Button.Save  # "Keep mine, Save As…"
    w.prompts.save_to = tmp_path / "mine.txt"
    changed_elsewhere(leaflet, "Their new version.\n")
    qtbot.waitUntil(lambda: "File changed on disk" in w.prompts.asked, timeout=5000)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "My unsaved work."
    assert leaflet.read_text(encoding="utf-8") == "Their new version.\n"
    assert w.editor.toPlainText() == "My unsaved work."


def test_our_own_saves_are_not_reported_as_changes(qtbot, make_window, leaflet):
    w = make_window()
    w.files.open_path(leaflet)
    for n in range(3):
        type_text(qtbot, w, f"Version {n}.")
        assert w.files.save()
        qtbot.wait(400)  # longer than the watcher waits for a change to settle
    assert "File changed on disk" not in w.prompts.asked


def test_making_the_open_file_read_only_shows_in_the_title(qtbot, make_window, leaflet):
    w = make_window()
    w.files.open_path(leaflet)
    assert "read-only" not in w.windowTitle()
    os.chmod(leaflet, 0o444)
    qtbot.waitUntil(lambda: "(read-only)" in w.windowTitle(), timeout=5000)
    assert "File changed on disk" not in w.prompts.asked

"""A design that cannot be saved stays on screen, editable, with the reason in plain words.

An unforeseen fault says that nothing was saved and that the work is still there, writes
its details to the log file in the data folder, and offers "Copy details"; a refusal the
services foresaw (a practice open for reading only) gives its own words. Python's own
words (an exception's text, a type name) never reach the person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import Owner
from deliverydesk.paths import data_dir
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.errors import InvalidInput, RefusalCode
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import failures
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import log_path
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_editor import DETAILS, JOURNEY, OfferEditor
from deliverydesk.wording import Problems
from tests.conftest import TODAY
from tests.gui.design_support import CTRL, CTRL_SHIFT, click_row, fill, save_with_ctrl_s, shown
from tests.gui.offers_support import capture_warnings, new_own_practice, open_offers

FAULT = "'str' object has no attribute 'value'"
PYTHON_WORDS = ("AttributeError", "object has no attribute", "'str'", "Traceback", "Error:")
EDITS = {"title": "Kick-off call", "owner": Owner.CLIENT}


def answer_box(act: Callable[[QMessageBox], None]) -> None:
    """Let `act` handle the next message box that opens modally (within about 2 s)."""
    tries = iter(range(200))

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            act(box)
        elif next(tries, None) is not None:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def edit_first_step(qtbot: QtBot, editor: OfferEditor) -> None:
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0, 0))
    fill(qtbot, editor.journey.step_form, EDITS)


def still_on_screen(editor: OfferEditor, window: MainWindow) -> None:
    """The editor is open with the edits in it, unsaved, and ready for more."""
    assert window.offers.editing() and editor.isVisible()
    assert editor.draft.dirty
    form = {k: v for k, v in shown(editor.journey.step_form).items() if k in EDITS}
    assert form == EDITS
    assert editor.journey.step_form.fields["title"].isEnabled()
    assert editor.save_button.isEnabled()


def test_an_unexpected_fault_keeps_the_design_says_so_plainly_and_logs_the_details(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_offers(qtbot, new_own_practice(empty_ws), events)
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)  # start from scratch
    editor = window.offers.editor
    offer_id = editor.offer_id
    assert offer_id is not None
    edit_first_step(qtbot, editor)
    depth = window.undo_stack.count()

    def broken(*_args: object) -> object:  # a fault at the service's edge
        raise AttributeError(FAULT)

    monkeypatch.setattr(empty_ws.offers, "save_offer", broken)
    seen: dict[str, object] = {}

    def read_copy_and_close(box: QMessageBox) -> None:
        seen["words"] = f"{box.windowTitle()} {box.text()} {box.informativeText()}"
        copy = next((b for b in box.buttons() if b.text() == "Copy details"), None)
        if copy is not None:
            copy.click()
            seen["open after copy"] = box.isVisible()
            seen["after copy"] = box.informativeText()
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_box(read_copy_and_close)
    save_with_ctrl_s(qtbot)

    words = str(seen["words"])
    assert "was not saved" in words and "still on screen" in words
    assert "Something unexpected went wrong" in words
    assert str(log_path(empty_ws.folder)) in words  # where the details are
    assert not [w for w in PYTHON_WORDS if w in words], words
    assert seen.get("open after copy") and "copied" in str(seen["after copy"])
    copied = QApplication.clipboard().text()
    assert f"AttributeError: {FAULT}" in copied and "Traceback" in copied

    still_on_screen(editor, window)
    assert window.undo_stack.count() == depth  # no trace of a save that did not happen
    logged = log_path(empty_ws.folder).read_text(encoding="utf-8")
    assert f"AttributeError: {FAULT}" in logged and "Traceback" in logged
    assert "Save 'New offer'" in logged  # what was being done

    monkeypatch.undo()  # the fault is gone: the same edits save
    window.activateWindow()  # back in the window once the box is gone
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    save_with_ctrl_s(qtbot)
    assert not editor.draft.dirty
    step = empty_ws.offers.offer_design(offer_id).spec.phases[0].steps[0]
    assert (step.title, step.owner) == ("Kick-off call", Owner.CLIENT)


def test_an_undo_that_fails_unexpectedly_is_told_plainly_and_logged(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's own "could not be undone" path: no exception text either."""
    said = capture_warnings(monkeypatch)
    window = open_offers(qtbot, new_own_practice(empty_ws), events)
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)
    editor = window.offers.editor
    edit_first_step(qtbot, editor)
    save_with_ctrl_s(qtbot)
    assert said == [] and not editor.draft.dirty

    def broken(*_args: object) -> object:
        raise KeyError("phase_id")

    monkeypatch.setattr(empty_ws.offers, "undo_save_offer", broken)
    editor.journey.tree.setFocus()
    qtbot.keyClick(editor.journey.tree, Qt.Key.Key_Z, CTRL)  # undo the save, in the window

    assert len(said) == 1
    assert "Something unexpected went wrong" in said[0] and "Nothing was changed" in said[0]
    assert "phase_id" not in said[0] and "KeyError" not in said[0]
    assert f"The details are in {log_path(empty_ws.folder)}" in said[0]
    logged = log_path(empty_ws.folder).read_text(encoding="utf-8")
    assert "KeyError: 'phase_id'" in logged


@pytest.fixture
def read_only_ws(tmp_path: Path) -> Iterator[Workspace]:
    """An own practice with one offer, whose data file was then made read-only."""
    folder = data_dir(tmp_path / "practice")
    ctx = open_workspace(folder, FixedClock(TODAY))
    new_own_practice(Workspace(ctx)).offers.create_blank_offer()
    path = ctx.path
    ctx.close()
    path.chmod(0o444)
    reopened: Context = open_workspace(folder, FixedClock(TODAY))
    yield Workspace(reopened)
    reopened.close()
    path.chmod(0o644)


def test_a_refusal_keeps_the_design_and_gives_its_own_words(
    qtbot: QtBot, read_only_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert read_only_ws.read_only
    window = open_offers(qtbot, read_only_ws, events)
    page = window.offers
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # open the offer
    editor = page.editor
    edit_first_step(qtbot, editor)
    said = capture_warnings(monkeypatch)

    save_with_ctrl_s(qtbot)

    assert len(said) == 1
    assert said[0].startswith("The offer was not saved: ")
    assert "read-only" in said[0] and "still on screen" in said[0]
    assert not [w for w in PYTHON_WORDS if w in said[0]], said[0]
    still_on_screen(editor, window)
    assert not log_path(read_only_ws.folder).exists()  # foreseen: nothing to report


def test_a_refusal_about_a_field_puts_the_cursor_in_that_field(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_offers(qtbot, new_own_practice(empty_ws), events)
    qtbot.keyClick(window.offers, Qt.Key.Key_N, CTRL_SHIFT)
    editor = window.offers.editor
    editor.tabs.setCurrentIndex(JOURNEY)
    click_row(qtbot, editor, (0, 0))
    fill(qtbot, editor.journey.step_form, {"duration_days": 9})  # past the phase's 5 days
    [problem] = [p for p in editor.draft.state.problems if p.where[-1] == "duration_days"]

    def refuse(*_args: object) -> object:  # the service says what the editor marks
        raise InvalidInput(RefusalCode.OFFER_DESIGN_PROBLEMS, reasons=Problems((problem,)))

    monkeypatch.setattr(empty_ws.offers, "save_offer", refuse)
    said = capture_warnings(monkeypatch)
    editor.tabs.setCurrentIndex(DETAILS)  # saving from another tab
    save_with_ctrl_s(qtbot)

    assert len(said) == 1 and problem.message in said[0] and "still on screen" in said[0]
    assert editor.tabs.currentIndex() == JOURNEY and editor.journey.current_path() == (0, 0)
    assert editor.journey.step_form.fields["duration_days"].hasFocus()
    assert editor.draft.dirty


def test_the_log_keeps_a_few_files_of_bounded_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(failures, "LOG_BYTES", 4096)
    for n in range(200):
        try:
            raise RuntimeError(f"fault number {n}")
        except RuntimeError as error:
            failure = failures.record(error, tmp_path, "Testing the log")
    assert failure.log == log_path(tmp_path)
    kept = sorted(p.name for p in log_path(tmp_path).parent.iterdir())
    assert kept == [
        "deliverydesk.log",
        "deliverydesk.log.1",
        "deliverydesk.log.2",
        "deliverydesk.log.3",
    ]
    assert all(p.stat().st_size <= 4096 for p in log_path(tmp_path).parent.iterdir())
    assert "fault number 199" in log_path(tmp_path).read_text(encoding="utf-8")

"""One way to run a change (ui/core/runner.py): a practice change's work runs on the job pool
with no event loop of its own, and a change the database refuses is told in plain words
and leaves nothing behind: not in the data, not on the undo stack."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.context import open_workspace
from deliverydesk.services.workspace import Workspace
from deliverydesk.store import engine as store_engine
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.lifecycle_support import Answers, answer_questions, make_window

LONG = 30_000  # ms: re-dating the demo's steps on a loaded machine


@pytest.fixture
def ws(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """The demo practice, whose writes give up after 50 ms of waiting (5 s in the app)."""
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    workspace = Workspace(open_workspace(folder, FixedClock(TODAY)))
    yield workspace
    workspace.close()


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    answer_questions(monkeypatch, Answers(confirm=True))
    main = make_window(qtbot, ws, AppEvents())
    main.show_screen("settings")
    return main


def test_saving_and_undoing_practice_settings_run_no_event_loop_of_their_own(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    page = window.settings_page
    ticks: list[str] = []  # a timer due now fires only when the window's own loop runs
    qtbot.mouseClick(page.form.day_boxes[5], Qt.MouseButton.LeftButton)  # Friday

    QTimer.singleShot(0, lambda: ticks.append("save"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert ticks == []  # the click returned without spinning a loop inside it
    with qtbot.waitSignal(page.saved, timeout=LONG):
        pass
    assert ticks == ["save"]
    assert 5 in ws.practice.practice_settings().working_days

    QTimer.singleShot(0, lambda: ticks.append("undo"))
    with qtbot.waitSignal(window.undo_stack.indexChanged, timeout=LONG):
        window.undo_action.trigger()
        assert ticks == ["save"]  # the undo's work went to the pool; nothing waited for it
    assert ticks == ["save", "undo"]
    assert 5 not in ws.practice.practice_settings().working_days
    assert page.form.day_boxes[5].isChecked() is False


def test_a_practice_change_the_database_refuses_is_told_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, ws: Workspace
) -> None:
    page = window.settings_page
    page.form.name.selectAll()
    qtbot.keyClicks(page.form.name, "North Star")
    # Another program holds the write lock for as long as the save takes.
    with closing(sqlite3.connect(ws.path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE client SET phone = phone WHERE id = 1")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert page.job is not None
        with qtbot.waitSignal(page.job.finished, timeout=LONG):
            pass
        other.execute("ROLLBACK")

    assert "Another program is writing to your data" in page.problem.text()
    assert "Traceback" not in page.problem.text()
    assert ws.practice.practice_settings().name == "Northlight Practice"  # nothing saved
    assert window.undo_stack.count() == 0  # no trace on the stack
    assert page.form.name.text() == "North Star"  # the typing stays, to save again
    assert page.save_button.isEnabled()

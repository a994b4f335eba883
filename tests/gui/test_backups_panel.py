"""Settings > Backups: the list, Back up now, Restore… and its undo, Open folder; and the
automatic backups the window takes while it is open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.auto_backup import AutoBackup
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.settings.backups_panel import CLIENTS, KIND, BackupsPanel

LONG = 30_000


@pytest.fixture
def jobs(demo_ws: Workspace) -> JobRunner:
    return JobRunner.for_workspace(demo_ws)


@pytest.fixture
def undo_stack() -> QUndoStack:
    stack = QUndoStack()
    stack.push(QUndoCommand("an earlier edit"))
    return stack


@pytest.fixture
def panel(
    demo_ws: Workspace, events: AppEvents, jobs: JobRunner, undo_stack: QUndoStack, qtbot: QtBot
) -> BackupsPanel:
    widget = BackupsPanel(demo_ws, events, jobs, undo_stack=undo_stack)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cell(panel: BackupsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def names(ws: Workspace) -> set[str]:
    return {row.name for row in ws.clients.client_rows()}


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_the_list_shows_each_backup_newest_first_with_its_clients(
    demo_ctx: Context, demo_ws: Workspace, panel: BackupsPanel
) -> None:
    backups.back_up(demo_ctx, backups.AUTO, datetime.now(UTC) - timedelta(hours=3))
    demo_ws.clients.add_client(ClientInput("Newest Client"))
    backups.back_up(demo_ctx)
    panel.refresh()
    assert panel.model.rowCount() == 2
    assert [cell(panel, r, KIND) for r in (0, 1)] == ["Made by you", "Automatic"]
    assert [cell(panel, r, CLIENTS) for r in (0, 1)] == ["26", "25"]
    assert not panel.restore_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(1)
    assert panel.restore_button.isEnabled()


def test_a_practice_without_backups_says_so_until_the_first_is_made(
    demo_ctx: Context, panel: BackupsPanel
) -> None:
    assert panel.list_stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "No backups yet"
    backups.back_up(demo_ctx)
    panel.refresh()
    assert panel.list_stack.currentWidget() is panel.table


def test_back_up_now_runs_as_a_job_and_lists_the_new_backup(
    panel: BackupsPanel, qtbot: QtBot
) -> None:
    assert panel.model.rowCount() == 0
    panel.back_up_button.click()
    assert panel.job is not None and not panel.back_up_button.isEnabled()
    with qtbot.waitSignal(panel.job.finished, timeout=LONG):
        pass
    assert panel.model.rowCount() == 1
    assert panel.status.text().startswith("Backed up just now: 25 clients")
    assert panel.back_up_button.isEnabled()


def test_restore_replaces_the_practice_and_undo_restore_puts_it_back(
    monkeypatch: pytest.MonkeyPatch,
    demo_ctx: Context,
    demo_ws: Workspace,
    panel: BackupsPanel,
    events: AppEvents,
    undo_stack: QUndoStack,
    qtbot: QtBot,
) -> None:
    backups.back_up(demo_ctx)
    demo_ws.clients.add_client(ClientInput("Added Since"))
    panel.refresh()
    panel.table.selectRow(0)
    asked = answer_yes(monkeypatch)
    announced: list[Changes] = []
    events.changed.connect(announced.append)

    with qtbot.waitSignal(panel.restored):
        panel.restore_button.click()

    assert asked == ["Restore this backup?"]
    assert "Added Since" not in names(demo_ws)
    assert announced[-1].everything
    assert undo_stack.count() == 0  # old steps would act on records no longer there
    assert panel.undo_button.isVisible()
    assert "Undo restore" in panel.status.text()
    assert any(b.label == "before-restore" for b in panel.model.backups)

    panel.undo_button.click()

    assert "Added Since" in names(demo_ws)
    assert not panel.undo_button.isVisible()
    assert demo_ws.data.check().ok


def test_a_restore_that_cannot_be_done_says_why_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, demo_ws: Workspace, panel: BackupsPanel, tmp_path: Path
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, message, *_a: said.append(f"{title}: {message}")
    )
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    before = names(demo_ws)
    assert not panel.restore(junk)
    assert said and said[0].startswith("The backup could not be restored")
    assert names(demo_ws) == before
    assert not panel.undo_button.isVisible()


def test_open_folder_opens_the_backups_folder(
    monkeypatch: pytest.MonkeyPatch, demo_ws: Workspace, panel: BackupsPanel
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    panel.folder_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [demo_ws.folder / "backups"]
    assert (demo_ws.folder / "backups").is_dir()


# -- automatic backups ---------------------------------------------------------------------


def test_the_start_backup_is_taken_when_there_is_none_and_not_again_the_same_day(
    demo_ws: Workspace, events: AppEvents, jobs: JobRunner, qtbot: QtBot
) -> None:
    auto = AutoBackup(events, jobs)
    with qtbot.waitSignal(auto.backed_up, timeout=LONG) as made:
        auto.start()
    assert made.args[0].label == "auto"
    qtbot.waitUntil(lambda: auto.job is None, timeout=LONG)

    second = AutoBackup(events, jobs)
    seen: list[object] = []
    second.backed_up.connect(seen.append)
    second.start()
    assert second.job is not None
    qtbot.waitUntil(lambda: second.job is None, timeout=LONG)
    assert seen == []
    assert len(demo_ws.data.backup_list()) == 1
    auto.stop()
    second.stop()


def test_the_timer_backs_up_only_after_the_data_changed(
    demo_ws: Workspace, events: AppEvents, jobs: JobRunner, qtbot: QtBot
) -> None:
    auto = AutoBackup(events, jobs, interval_ms=50)
    auto.timer.start()
    qtbot.wait(200)  # a few ticks with nothing changed
    assert auto.job is None and demo_ws.data.backup_list() == []

    with qtbot.waitSignal(auto.backed_up, timeout=LONG):
        events.changed.emit(Changes(clients=frozenset({1}), aspects=Aspect.CLIENT))
    assert not auto.changed_since
    assert [b.label for b in demo_ws.data.backup_list()] == ["auto"]
    auto.stop()
    jobs.wait()


def test_a_second_folder_gets_a_copy_of_each_backup_and_an_unplugged_one_is_said(
    panel: BackupsPanel, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from deliverydesk.services.data.backup_copies import SUBFOLDER

    disk = tmp_path / "USB disk"
    disk.mkdir()
    assert panel.copy_label.text() == "Backups are kept on this computer only."
    assert not panel.stop_copy_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(disk))
    panel.copy_button.click()
    assert panel.copy_label.text() == f"Each backup is also copied to {disk}."
    assert panel.stop_copy_button.isVisible()

    def back_up() -> None:
        panel.back_up_button.click()
        assert panel.job is not None
        with qtbot.waitSignal(panel.job.finished, timeout=LONG):
            pass

    back_up()
    assert panel.status.text().endswith(f"A copy is in {disk / SUBFOLDER}.")
    assert len(list((disk / SUBFOLDER).iterdir())) == 1

    for copy in (disk / SUBFOLDER).iterdir():
        copy.unlink()
    (disk / SUBFOLDER).rmdir()
    disk.rmdir()  # the disk is unplugged
    back_up()
    assert panel.model.rowCount() == 2  # the backup here is made all the same
    assert panel.status.text().endswith(
        f"The copy was not made: {disk} is not there (is its disk connected?)."
    )
    panel.stop_copy_button.click()
    assert panel.copy_label.text() == "Backups are kept on this computer only."

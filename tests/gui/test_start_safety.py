"""The start of a window, made safe: a read-only practice opens with a banner saying why
edits are off, a damaged file goes down the recovery ladder with the person's say, a risky
data folder is named, and a second start on the same folder hands over to the first."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.store.backup import verified_backup
from deliverydesk.ui.app import quick_window
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.single_instance import LOCK_NAME, SingleInstance
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.opening import open_workspace
from deliverydesk.ui.recovery_dialog import RecoveryDialog
from deliverydesk.ui.widgets.notice_banner import LOCATION, READ_ONLY
from tests.conftest import TODAY

DATABASE = "deliverydesk.sqlite3"
PAGE = 4096


@pytest.fixture
def folder(demo_template: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo"
    shutil.copytree(demo_template, path)
    yield path
    path.chmod(0o700)
    (path / DATABASE).chmod(0o600)


def said(monkeypatch: pytest.MonkeyPatch, kind: str) -> list[str]:
    words: list[str] = []

    def show(_parent: object, _title: str, message: str, *_args: object) -> int:
        words.append(message)
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, kind, show)
    return words


# -- read-only ------------------------------------------------------------------------------
def test_a_read_only_practice_shows_why_edits_are_off_and_keeps_the_note(
    folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / DATABASE).chmod(0o400)
    before = sorted(p.name for p in folder.iterdir()), (folder / DATABASE).read_bytes()
    window = quick_window(folder, FixedClock(TODAY), AppEvents())  # painted first, as a start
    assert window is not None
    qtbot.addWidget(window)
    workspace = Workspace.open(folder, FixedClock(TODAY))
    try:
        window.attach(workspace)
        banner = window.notices.text(READ_ONLY)
        assert "read-only" in banner and str(folder / DATABASE) in banner
        assert "changes cannot be saved" in banner

        warnings = said(monkeypatch, "warning")
        journey_id = next(r.journey_id for r in client_rows(workspace._ctx) if r.journey_id)
        window.open_client(journey_id)
        page = window.clients.client_page
        page.notes_panel.editor.setPlainText("Rebook Thursday")
        page.notes_panel.submit()
        assert len(warnings) == 1 and "reading only" in warnings[0]
        assert page.notes_panel.editor.toPlainText() == "Rebook Thursday"
        assert window.undo_stack.count() == 0
    finally:
        workspace.close()
    assert (sorted(p.name for p in folder.iterdir()), (folder / DATABASE).read_bytes()) == before


def test_a_writable_practice_in_a_safe_place_shows_no_banner(folder: Path, qtbot: QtBot) -> None:
    workspace = Workspace.open(folder, FixedClock(TODAY))
    try:
        window = MainWindow(workspace, AppEvents())
        qtbot.addWidget(window)
        window.show()
        assert not window.notices.isVisible()
        assert window.notices.text(READ_ONLY) == window.notices.text(LOCATION) == ""
    finally:
        workspace.close()


def test_a_data_folder_in_dropbox_is_named_as_a_risk(
    demo_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "Dropbox" / "DeliveryDesk"
    shutil.copytree(demo_template, folder)
    workspace = Workspace.open(folder, FixedClock(TODAY))
    try:
        window = MainWindow(workspace, AppEvents())
        qtbot.addWidget(window)
        window.show()
        assert "Dropbox" in window.notices.text(LOCATION)
    finally:
        workspace.close()


# -- a damaged file -------------------------------------------------------------------------
def damage(path: Path) -> None:
    """Junk over the client table's pages: records lost, not only an index."""
    with closing(sqlite3.connect(path)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journey_step'"
        ).fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek(PAGE * root)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(PAGE * 4)))


def choose(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    shown: list[str] = []

    def exec_(dialog: RecoveryDialog) -> int:
        shown.append(dialog.text())
        getattr(dialog, button).click()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", exec_)
    return shown


def test_a_damaged_file_is_replaced_by_the_backup_the_person_chooses(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = verified_backup(folder / DATABASE, folder / "backups", "daily")
    damage(folder / DATABASE)
    damaged = (folder / DATABASE).read_bytes()
    offered = choose(monkeypatch, "restore_button")
    told = said(monkeypatch, "information")

    workspace = open_workspace(folder, FixedClock(TODAY), None)

    assert workspace is not None
    try:
        assert workspace.data.check().ok
        assert len(workspace.clients.client_rows()) >= 25
    finally:
        workspace.close()
    assert "newest sound backup" in offered[0] and "25 clients" in offered[0]
    assert backup.name in told[0] and "kept in" in told[0]
    (kept,) = (folder / "damaged").iterdir()
    assert (kept / DATABASE).read_bytes() == damaged


def test_the_quick_check_begun_beside_the_first_paint_still_stops_a_damaged_file(
    qtbot: QtBot, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage(folder / DATABASE)
    damaged = (folder / DATABASE).read_bytes()
    offered = choose(monkeypatch, "quit_button")
    window = quick_window(folder, FixedClock(TODAY), AppEvents())  # begins the check
    if window is not None:
        qtbot.addWidget(window)
    assert open_workspace(folder, FixedClock(TODAY), window) is None
    assert "damaged" in offered[0] or "no sound backup" in offered[0]
    assert (folder / DATABASE).read_bytes() == damaged


def test_without_a_backup_the_person_may_start_fresh_or_quit(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage(folder / DATABASE)
    damaged = (folder / DATABASE).read_bytes()
    offered = choose(monkeypatch, "quit_button")
    assert open_workspace(folder, FixedClock(TODAY), None) is None
    assert "no sound backup" in offered[0]
    assert (folder / DATABASE).read_bytes() == damaged  # quitting moves nothing

    choose(monkeypatch, "fresh_button")
    told = said(monkeypatch, "information")
    workspace = open_workspace(folder, FixedClock(TODAY), None)
    assert workspace is not None
    try:
        assert workspace.practice.info() is None  # the welcome comes next
    finally:
        workspace.close()
    assert "empty practice" in told[0]
    (kept,) = (folder / "damaged").iterdir()
    assert (kept / DATABASE).read_bytes() == damaged


def test_a_locked_file_gets_its_own_message_and_no_recovery(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deliverydesk.store import engine as store_engine

    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_S", 0.05)
    offered = choose(monkeypatch, "quit_button")
    errors = said(monkeypatch, "critical")
    with closing(sqlite3.connect(folder / DATABASE, isolation_level=None)) as other:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE practice SET owner_name = owner_name")
        assert open_workspace(folder, FixedClock(TODAY), None) is None
        other.execute("ROLLBACK")
    assert offered == [] and len(errors) == 1 and "in use by another program" in errors[0]
    assert not (folder / "damaged").exists()


# -- one window per data folder -------------------------------------------------------------
def test_a_second_start_on_the_folder_brings_the_first_forward(folder: Path, qtbot: QtBot) -> None:
    first = SingleInstance(folder)
    assert first.claim()
    first.listen()
    try:
        second = SingleInstance(folder)
        assert not second.claim()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.ask_first_to_come_forward()
        other_folder = SingleInstance(folder.parent)
        assert other_folder.claim()  # another data folder is another practice
        other_folder.listen()
        other_folder.release()
    finally:
        first.release()
    assert not (folder / LOCK_NAME).exists()


def test_a_start_that_was_killed_does_not_lock_the_folder_out(folder: Path) -> None:
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        f"lock = QLockFile({str(folder / LOCK_NAME)!r})\n"
        "assert lock.tryLock(0)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], check=False, timeout=60)
    assert killed.returncode == -9
    assert (folder / LOCK_NAME).exists()  # left behind by the killed start
    instance = SingleInstance(folder)
    try:
        assert instance.claim()
    finally:
        instance.release()

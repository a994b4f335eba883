"""The File menu's data actions in the main window: exports, imports, backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.staging import PREFIX as STAGING
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow

LONG = 30_000


@pytest.fixture
def window(demo_ws: Workspace, events: AppEvents, qtbot: QtBot) -> MainWindow:
    made = MainWindow(demo_ws, events)
    qtbot.addWidget(made)
    return made


def menu_texts(window: MainWindow) -> list[str]:
    return [a.text() for a in window.file_menu.actions() if not a.isSeparator()]


def test_the_file_menu_offers_the_data_actions_before_quit(window: MainWindow) -> None:
    texts = menu_texts(window)
    data = [
        "Import clients…",
        "Export clients to a spreadsheet…",  # offered first: what a person opens
        "Export clients as CSV for re-import…",
        "Export money lines for your accountant…",
        "Export practice…",
        "Import practice…",
        "Backups…",
    ]
    start = texts.index(data[0])
    assert texts[start : start + len(data)] == data
    assert texts.index("&New client…") < start and texts[-1] == "&Quit"
    assert window.data.start_timer.isActive()  # the start's backup, once settled


def test_exports_write_where_the_person_chose(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    chosen = tmp_path / "chosen.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), "Practice files")
    )
    window.data.export_practice_action.trigger()
    qtbot.waitUntil(
        lambda: "Saved the practice (25 clients)" in window.statusBar().currentMessage(),
        timeout=LONG,
    )
    assert json.loads(chosen.read_text("utf-8"))["format"] == "deliverydesk-practice"

    raw = tmp_path / "clients.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(raw), "CSV"))
    window.data.export_clients_action.trigger()
    assert raw.read_bytes().startswith(b"Name,Company,E-mail")  # raw: the importer's file
    assert "Saved 25 clients" in window.statusBar().currentMessage()


def test_clients_export_to_a_spreadsheet_where_every_cell_is_text(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "clients.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(book), "xlsx"))
    window.data.export_sheet_action.trigger()
    assert "Saved 25 clients and" in window.statusBar().currentMessage()
    clients = load_workbook(book)["Clients"]
    phones = [row[3] for row in clients.iter_rows(min_row=2) if row[3].value]
    assert phones and {c.data_type for c in phones} == {"s"}
    assert all(not str(c.value).startswith("'") for c in phones)  # shown as typed


def test_a_cancelled_file_dialog_does_nothing(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    window.data.export_clients_action.trigger()
    window.data.import_clients_action.trigger()
    assert window.data.import_practice() is None
    assert window.statusBar().currentMessage() == ""


def test_importing_a_practice_replaces_the_open_one_and_clears_undo(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    demo_ws: Workspace,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    exported = tmp_path / "practice.json"
    demo_ws.data.export_practice(exported)
    demo_ws.clients.add_client(ClientInput("Only Here Before"))
    window.undo_stack.push(QUndoCommand("an edit"))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, m, *_a: said.append(m))
    job = window.data.import_practice(exported)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=LONG):
        pass

    assert said == []
    assert "Only Here Before" not in {r.name for r in demo_ws.clients.client_rows()}
    assert window.undo_stack.count() == 0
    assert window.windowTitle() == "Northlight Practice — DeliveryDesk"
    assert any(b.label == "before-restore" for b in demo_ws.data.backup_list())
    assert not [p for p in demo_ws.folder.iterdir() if p.name.startswith(STAGING)]


def test_a_practice_file_that_cannot_be_used_is_explained(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    demo_ws: Workspace,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, *_a: said.append(title))
    bad = tmp_path / "bad.json"
    bad.write_text("[]", "utf-8")
    before = {r.name for r in demo_ws.clients.client_rows()}
    job = window.data.import_practice(bad, confirmed=True)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=LONG):
        pass
    assert said == ["The practice was not imported"]
    assert {r.name for r in demo_ws.clients.client_rows()} == before


def test_import_clients_and_backups_open_their_dialogs(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name\nNew Person\n", "utf-8")
    window.data.import_clients(path)
    assert window.data.import_dialog.isVisible()
    assert window.data.import_dialog.import_button.isEnabled()
    window.data.import_dialog.reject()

    window.data.backups_action.trigger()  # File → Backups…: Settings, on its Backups tab
    assert window.current_screen() == "settings"
    panel = window.data.backups_panel
    assert window.settings_page.tabs.currentWidget() is panel and panel.isVisibleTo(window)
    assert panel.back_up_button.isEnabled()

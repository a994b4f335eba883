"""File > Import clients…: every row previewed, Import only when no row has a problem."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from deliverydesk.services.changes import Changes
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.jobs import JobRunner
from deliverydesk.ui.widgets.import_clients_dialog import NAME, OUTCOME, ROW, ImportClientsDialog

LONG = 30_000


def dialog_for(ws: Workspace, events: AppEvents, qtbot: QtBot, path: Path) -> ImportClientsDialog:
    dialog = ImportClientsDialog(ws, events, JobRunner.for_workspace(ws), path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def shown(dialog: ImportClientsDialog, column: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_rows_with_problems_are_shown_with_their_number_and_block_the_import(
    demo_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Name;E-mail\r\nIva Petrova;iva@example.com\r\nNo At Sign;nowhere\r\n"
        "Zoë Müller;zoe.mueller@example.com\r\n<b>Bold</b> Name;bold@example.com\r\n",
        "utf-8",
    )
    dialog = dialog_for(demo_ws, events, qtbot, path)

    assert not dialog.import_button.isEnabled()
    assert "1 row has a problem" in dialog.summary.text()
    assert "2 clients will be added" in dialog.summary.text()
    assert dialog.attention.isChecked()  # the rows that need looking at come first
    assert shown(dialog, ROW) == ["3", "4"]
    outcomes = shown(dialog, OUTCOME)
    assert outcomes[0].startswith("Problem: 'nowhere' does not look like an e-mail")
    assert outcomes[1].startswith("Skipped: Same e-mail as Zoë Müller")

    dialog.attention.setChecked(False)
    assert shown(dialog, NAME) == ["Iva Petrova", "No At Sign", "Zoë Müller", "<b>Bold</b> Name"]


def test_import_adds_the_new_clients_and_announces_them(
    demo_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Company\nIva Petrova,Studio Iva\nKofi Mensah,\n", "utf-8")
    dialog = dialog_for(demo_ws, events, qtbot, path)
    assert dialog.import_button.isEnabled()
    announced: list[Changes] = []
    events.changed.connect(announced.append)

    with qtbot.waitSignal(dialog.imported, timeout=LONG) as done:
        dialog.import_button.click()

    assert len(done.args[0].client_ids) == 2
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert announced and announced[-1].clients == frozenset(done.args[0].client_ids)
    names = {row.name for row in demo_ws.clients.client_rows()}
    assert {"Iva Petrova", "Kofi Mensah"} <= names


def test_a_file_in_another_encoding_reads_once_its_encoding_is_chosen(
    demo_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "windows.csv"
    path.write_bytes("Name\nJosé Núñez\n".encode("cp1252"))
    dialog = dialog_for(demo_ws, events, qtbot, path)
    assert "not UTF-8" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()

    dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1252"))

    assert dialog.import_button.isEnabled()
    dialog.attention.setChecked(False)
    assert shown(dialog, NAME) == ["José Núñez"]


def test_an_oversized_file_is_refused_with_words(
    demo_ws: Workspace, events: AppEvents, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    dialog = dialog_for(demo_ws, events, qtbot, path)
    assert "at most 10 MB" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()

"""Archive a client from their page (Ctrl+Z brings them back), restore them from the Trash,
and empty the Trash only when asked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.clients.trash import TrashView
from deliverydesk.ui.core.events import AppEvents


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def clients(
    demo_ws: Workspace, events: AppEvents, undo_stack: QUndoStack, qtbot: QtBot
) -> ClientsPage:
    page = ClientsPage(demo_ws, events, undo_stack)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def journey_with(ctx: Context, status: JourneyStatus) -> tuple[int, int, str]:
    row = next(r for r in client_rows(ctx) if r.status is status)
    assert row.journey_id is not None
    return row.journey_id, row.client_id, row.name


def listed(page: ClientsPage) -> set[int]:
    page.show_list()
    return {page.model.row_at(i).client_id for i in range(page.model.rowCount())}


def test_archive_from_the_client_page_then_undo(
    clients: ClientsPage, demo_ctx: Context, undo_stack: QUndoStack
) -> None:
    journey_id, client_id, name = journey_with(demo_ctx, JourneyStatus.COMPLETED)
    clients.open_journey(journey_id)
    assert client_id in listed(clients)
    clients.open_journey(journey_id)

    clients.client_page.archive_client()

    assert clients.pages.currentWidget() is clients.list_view  # back on the list
    assert client_id not in listed(clients)
    assert undo_stack.undoText() == f"Archive {name}"
    clients.show_trash()
    assert [c.id for c in clients.trash.model.clients] == [client_id]

    undo_stack.undo()

    assert clients.trash.model.clients == []
    assert client_id in listed(clients)


def test_a_client_still_on_a_journey_is_not_archived_and_told_why(
    monkeypatch: pytest.MonkeyPatch,
    clients: ClientsPage,
    demo_ctx: Context,
    undo_stack: QUndoStack,
) -> None:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, title, message, *_a: said.append(message)
    )
    journey_id, client_id, _name = journey_with(demo_ctx, JourneyStatus.ACTIVE)
    clients.open_journey(journey_id)

    clients.client_page.archive_client()

    assert said and "Complete or cancel" in said[0]
    assert undo_stack.count() == 0
    assert clients.pages.currentWidget() is clients.client_page
    assert client_id in listed(clients)


def test_restore_from_the_trash_and_empty_it_when_asked(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    clients: ClientsPage,
    demo_ws: Workspace,
    demo_ctx: Context,
    undo_stack: QUndoStack,
) -> None:
    _journey, client_id, name = journey_with(demo_ctx, JourneyStatus.COMPLETED)
    demo_ws.clients.archive_client(client_id)
    clients.show_trash()
    trash: TrashView = clients.trash
    trash.reload()
    trash.table.selectRow(0)

    trash.restore_button.click()

    assert client_id in listed(clients)
    assert f"{name} is back" in trash.status.text()
    assert undo_stack.undoText() == f"Restore {name}"
    undo_stack.undo()  # back in the trash
    clients.show_trash()
    assert [c.id for c in trash.model.clients] == [client_id]

    monkeypatch.setattr(TrashView, "confirm_empty", lambda _self, _count: False)
    trash.empty_button.click()
    assert len(trash.model.clients) == 1  # asked, and the answer was no

    monkeypatch.setattr(TrashView, "confirm_empty", lambda _self, _count: True)
    job = trash.empty_trash()
    assert job is not None and not trash.empty_button.isEnabled()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert trash.model.clients == []
    assert trash.list_stack.currentWidget() is trash.empty
    assert "Deleted 1 client for good" in trash.status.text()
    assert [b.label for b in demo_ws.data.backup_list()] == ["before-empty-trash"]
    assert demo_ws.data.check().ok

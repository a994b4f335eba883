"""A completed journey's page offers one Archive, named by its object: "Archive journey",
with "Archive client" in its menu, never two Archive buttons side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents


def archive_buttons(page: ClientPage) -> list[str]:
    return [
        b.text().replace("&", "")
        for b in page.findChildren(QToolButton)
        if b.isVisible() and "Archive" in b.text().replace("&", "")
    ]


def open_page(qtbot: QtBot, ws: Workspace, events: AppEvents, journey_id: int) -> ClientPage:
    page = ClientPage(ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show_journey(journey_id)
    page.show()
    return page


def test_a_completed_journey_shows_one_archive_naming_the_journey(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    done = next(r for r in client_rows(demo_ctx) if r.status is JourneyStatus.COMPLETED)
    assert done.journey_id is not None
    page = open_page(qtbot, demo_ws, events, done.journey_id)

    assert archive_buttons(page) == ["Archive journey"]
    menu = [a.text().replace("&", "") for a in page.archive_button.menu().actions()]
    assert menu == ["Archive journey", "Archive client"]
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert journey_detail(demo_ctx, done.journey_id).status is JourneyStatus.ARCHIVED
    assert page.undo_stack.undoText().startswith("Archive")


def test_a_running_journey_shows_one_archive_naming_the_client(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    running = next(r for r in client_rows(demo_ctx) if r.status is JourneyStatus.ACTIVE)
    assert running.journey_id is not None
    page = open_page(qtbot, demo_ws, events, running.journey_id)
    assert archive_buttons(page) == ["Archive client"]
    archive_journey = page.archive_button.menu().actions()[0]
    assert not archive_journey.isEnabled()  # a running journey is not put away

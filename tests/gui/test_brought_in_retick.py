"""A step brought in (done before DeliveryDesk), opened again on the client page and ticked
for real, is work done today; two undos put it back as the enrolment left it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offer_design import offer_list
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from tests.conftest import TODAY
from tests.gui.test_checklist_multi_select import click_row
from tests.gui.test_client_page_editing import steps, stored


def test_a_real_tick_after_a_reopen_is_no_longer_brought_in_and_undo_restores_it(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    offer_id = next(o.id for o in offer_list(demo_ctx) if o.is_valid and not o.archived)
    client_id = add_client(demo_ctx, ClientInput("Ines Under Way")).value
    start = TODAY - timedelta(weeks=6)
    journey_id = enrol_client(demo_ctx, client_id, offer_id, start, reached=Reached(phase=1)).value
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.open_journey(journey_id)
    page = widget.client_page
    assert page.detail is not None
    first = steps(page.detail)[0]
    assert first.brought_in and first.completed_on is not None

    click_row(qtbot, page, first)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # opened again
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # and ticked for real, today
    now = stored(demo_ctx, journey_id, first.id)
    assert (now.completed_on, now.brought_in) == (TODAY, False)

    page.undo_stack.undo()
    page.undo_stack.undo()
    back = stored(demo_ctx, journey_id, first.id)
    assert (back.completed_on, back.brought_in) == (first.completed_on, True)

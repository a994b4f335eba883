"""A returning client: every journey on their client page (the earlier ones read-only),
one row per client in the Clients list with the journey count, and a search that finds
an earlier journey by its offer's name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.enums import JourneyStatus
from deliverydesk.services.clients import enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.detail import journey_detail
from deliverydesk.services.queries import client_rows, offer_summaries
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.events import AppEvents
from tests.conftest import TODAY


def returning_client(ctx: Context) -> tuple[int, int, int, str]:
    """A client whose journey completed, enrolled again in another offer today:
    (client id, earlier journey, new journey, the earlier offer's name)."""
    done = next(r for r in client_rows(ctx) if r.status is JourneyStatus.COMPLETED)
    assert done.journey_id is not None
    other = next(o for o in offer_summaries(ctx) if o.id != done.offer_id)
    new = enrol_client(ctx, done.client_id, other.id, TODAY).value
    return done.client_id, done.journey_id, new, done.offer_name


@pytest.fixture
def clients(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_the_client_page_switches_between_journeys_and_keeps_the_earlier_read_only(
    qtbot: QtBot, clients: ClientsPage, demo_ctx: Context
) -> None:
    client_id, earlier, new, earlier_offer = returning_client(demo_ctx)
    clients.open_journey(new)
    page = clients.client_page
    switcher = page.switcher
    assert switcher.isVisible()
    combo = switcher.combo
    assert combo.count() == 2
    assert combo.currentData() == new
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert earlier_offer in labels[1] and "completed" in labels[1]

    # The person picks the earlier journey with the keyboard.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert page.journey_id == earlier
    assert page.detail is not None and page.detail.status is JourneyStatus.COMPLETED
    assert switcher.note.isVisible()
    assert not page.toggle_action.isEnabled()
    # Space on a step changes nothing in an earlier journey.
    before = journey_detail(demo_ctx, earlier)
    done_step = before.phases[-1].steps[-1]
    page.checklist.setCurrentItem(page.checklist.step_item(done_step.id))
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert journey_detail(demo_ctx, earlier).phases == before.phases
    assert page.undo_stack.count() == 0

    # And back to the running one, which is editable again.
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert page.journey_id == new
    assert not switcher.note.isVisible()
    assert page.detail is not None and page.detail.client_id == client_id
    fresh = page.detail.phases[0].steps[0]
    page.checklist.setCurrentItem(page.checklist.step_item(fresh.id))
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    assert page.undo_stack.count() == 1


def test_a_client_with_one_journey_shows_no_switcher(
    clients: ClientsPage, demo_ctx: Context
) -> None:
    row = next(r for r in client_rows(demo_ctx) if r.status is JourneyStatus.ACTIVE)
    assert row.journey_id is not None
    clients.open_journey(row.journey_id)
    assert not clients.client_page.switcher.isVisible()

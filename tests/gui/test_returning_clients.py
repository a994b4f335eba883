"""A returning client: every journey on their client page (the earlier ones read-only),
one row per client in the Clients list with the journey count, and a search that finds
an earlier journey by its offer's name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.clients.clients import enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.views.queries import client_rows, offer_summaries
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_list_model import NAME, OFFER
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
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


# -- the Clients list ------------------------------------------------------------------------
def rows_of(page: ClientsPage, client_id: int) -> list[int]:
    model = page.model
    return [i for i in range(model.rowCount()) if model.row_at(i).client_id == client_id]


def open_list(qtbot: QtBot, ws: Workspace, events: AppEvents) -> ClientsPage:
    widget = ClientsPage(ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_a_returning_client_has_one_row_with_their_journey_count(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    client_id, _earlier, new, earlier_offer = returning_client(demo_ctx)
    page = open_list(qtbot, demo_ws, events)
    (row,) = rows_of(page, client_id)
    assert page.model.row_at(row).journey_id == new  # the running journey speaks for them
    offer_cell = page.model.index(row, OFFER).data()
    assert offer_cell.endswith("· 2 journeys")
    tip = page.model.index(row, OFFER).data(Qt.ItemDataRole.ToolTipRole)
    assert earlier_offer in tip  # the earlier journey's offer, named
    page.table.setCurrentIndex(page.model.index(row, NAME))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.client_page.journey_id == new
    assert page.client_page.switcher.combo.count() == 2


def test_searching_finds_a_client_by_an_earlier_journeys_offer(
    qtbot: QtBot, demo_ws: Workspace, demo_ctx: Context, events: AppEvents
) -> None:
    client_id, earlier, new, earlier_offer = returning_client(demo_ctx)
    demo_ws.journeys.archive(earlier)  # put away: no longer listed as a journey of its own
    page = open_list(qtbot, demo_ws, events)
    page.search.clear()
    qtbot.keyClicks(page.search, earlier_offer)
    qtbot.waitUntil(lambda: bool(rows_of(page, client_id)), timeout=2000)
    (row,) = rows_of(page, client_id)
    assert page.model.row_at(row).journey_id == new
    assert page.model.index(row, OFFER).data().endswith("· 2 journeys")


def test_the_switcher_follows_a_change_to_another_journey_of_the_client(
    qtbot: QtBot, clients: ClientsPage, demo_ctx: Context, demo_ws: Workspace, events: AppEvents
) -> None:
    _client_id, earlier, new, _offer = returning_client(demo_ctx)
    clients.open_journey(earlier)
    combo = clients.client_page.switcher.combo
    assert "running" in combo.itemText(combo.findData(new))
    events.changed.emit(demo_ws.journeys.cancel(new, "Moved abroad").changes)  # from another screen
    assert "cancelled" in combo.itemText(combo.findData(new))
    assert clients.client_page.journey_id == earlier

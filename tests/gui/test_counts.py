"""Counts that add up (issue 16), on the screens a person reads them: the Clients screen
counts people and their journeys apart, Offers does not call a paused client active, and
the dashboard counts a phase's days from when each client entered it and an override
as a checkpoint not kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.views.dashboard import Part
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import CompleteStepCommand
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.offers.offer_list_model import CLIENTS, NAME
from tests.conftest import TODAY
from tests.gui.lifecycle_support import make_window, show_list
from tests.unit.timeline_support import OFFER, enrol, move_on, offer, practice


@pytest.fixture
def sprint(empty_ctx: Context) -> int:
    practice(empty_ctx)
    return offer(empty_ctx)


def test_the_clients_screen_counts_people_and_journeys_apart(
    qtbot: QtBot, empty_ctx: Context, empty_ws: Workspace, events: AppEvents, sprint: int
) -> None:
    second, _ = create_offer(empty_ctx, replace(OFFER, name="Deep Dive"))
    ana = enrol(empty_ctx, sprint, "Ana Souza", TODAY)
    client_id = empty_ws.journeys.journey_detail(ana).client_id
    empty_ws.clients.enrol_client(client_id, second, TODAY)  # Ana in two offers: one person
    enrol(empty_ctx, sprint, "Ben Okafor", TODAY)
    enrol(empty_ctx, sprint, "Cy Park", TODAY)
    window = make_window(qtbot, empty_ws, events)
    show_list(window)
    page = window.clients
    assert page.model.rowCount() == 4  # a row per journey
    assert page.count.text() == "3 clients, 4 journeys"
    page.search.clear()
    qtbot.keyClicks(page.search, "Ana")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    assert page.count.text() == "1 of 3 clients, 2 of 4 journeys"


def test_the_offers_screen_does_not_count_a_paused_client_as_active(
    qtbot: QtBot, empty_ctx: Context, empty_ws: Workspace, events: AppEvents, sprint: int
) -> None:
    ana = enrol(empty_ctx, sprint, "Ana Souza", TODAY)
    enrol(empty_ctx, sprint, "Ben Okafor", TODAY)
    taken_back = enrol(empty_ctx, sprint, "Cy Park", TODAY)
    empty_ws.clients.unenrol(taken_back)  # an enrolment undone is no client of the offer
    empty_ws.journeys.pause(ana, "Holiday")
    window: MainWindow = make_window(qtbot, empty_ws, events)
    window.show_screen("offers")
    model = window.offers.model
    (row,) = [r for r in range(model.rowCount()) if model.index(r, NAME).data() == OFFER.name]
    assert model.index(row, CLIENTS).data() == "1 active of 2"


def test_the_dashboard_counts_days_in_a_phase_from_entering_it_and_an_override_as_not_kept(
    qtbot: QtBot, empty_ctx: Context, empty_ws: Workspace, events: AppEvents, sprint: int
) -> None:
    ana = enrol(empty_ctx, sprint, "Ana Souza", TODAY)
    move_on(empty_ctx, ana, 1, TODAY)  # past the open "Intake form" checkpoint, today
    # Ticked later the same day: the phase was still left before it was done.
    intake = next(
        s.id
        for p in empty_ws.journeys.journey_detail(ana).phases
        for s in p.steps
        if s.title == "Intake form"
    )
    QUndoStack().push(CompleteStepCommand(empty_ws, events, intake, TODAY, "Intake form"))

    page = DashboardPage(empty_ws, events)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    table = page.phase_table
    (row,) = [r for r in range(table.rowCount()) if table.item(r, 0).text() == "Deep work"]
    assert table.item(row, 3).text() == "0 days"  # entered today
    assert table.item(row, 4).text() == "7 days"  # planned: 5 working days
    assert table.item(row, 5).text() == "within plan so far"
    kept = page.parts.rows[Part.CHECKPOINTS]
    assert kept.figure.text() == "0\u00a0%"  # a no-break space: never wrapped apart
    assert kept.sentence.text().startswith("0 of 1 checkpoint was done before its phase")

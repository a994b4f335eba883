"""Ticking a phase's last open step on the client page moves the client on, and the
window says so with Undo; one undo takes back the tick and the move (issue 16)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.unit.test_phase_follows_work import MON_FRI, OFFER


def test_the_last_tick_of_a_phase_moves_the_client_on_and_one_undo_takes_it_back(
    empty_ctx: Context, empty_ws: Workspace, events: AppEvents, qtbot: QtBot
) -> None:
    create_practice(empty_ctx, "Becker Design", 30, MON_FRI, owner_name="Jo")
    offer_id, _ = create_offer(empty_ctx, OFFER)
    client_id = add_client(empty_ctx, ClientInput("Tom Becker")).value
    journey_id = enrol_client(empty_ctx, client_id, offer_id, TODAY).value
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    discover = page.detail.phases[0]  # type: ignore[union-attr]
    for step in discover.steps:  # each ticked with the space bar, as a person does
        page.checklist.select_step(step.id)
        qtbot.keyClick(page.checklist, Qt.Key.Key_Space)
    bar = window.messages
    assert bar.text() == "Tom Becker moved on to Design"
    assert bar.button.text() == "Undo"
    assert page.detail.current_position == 1  # type: ignore[union-attr]

    bar.button.click()  # one undo: the last tick and the move
    assert bar.text() == "Undone: Tom Becker moved on to Design"
    detail = page.detail
    assert detail is not None and detail.current_position == 0
    assert detail.phases[0].steps[-1].completed_on is None
    assert all(s.completed_on for s in detail.phases[0].steps[:-1])  # the earlier ticks stay
    window.show_screen("board")
    assert window.board.index.cards[journey_id].phase_name == "Discover"

    bar.button.click()  # redo: the tick, and the move with it
    assert bar.text() == "Tom Becker moved on to Design"
    window.show_screen("board")
    assert window.board.index.cards[journey_id].phase_name == "Design"


def test_the_client_page_says_a_passed_next_step_is_late_never_just_due(
    empty_ctx: Context, empty_ws: Workspace, events: AppEvents, qtbot: QtBot
) -> None:
    create_practice(empty_ctx, "Becker Design", 30, MON_FRI, owner_name="Jo")
    offer_id, _ = create_offer(empty_ctx, OFFER)
    client_id = add_client(empty_ctx, ClientInput("Tom Becker")).value
    journey_id = enrol_client(empty_ctx, client_id, offer_id, TODAY - timedelta(days=14)).value
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("clients")
    window.clients.open_journey(journey_id)
    page = window.clients.client_page
    step = page.detail.phases[0].steps[0]  # type: ignore[union-attr]
    late = (TODAY - step.due_on).days
    assert page.next_step.text().startswith(
        f"Next: Kick-off call, was due {step.due_on.day} Nov, {late} days late"
    )

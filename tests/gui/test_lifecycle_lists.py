"""Where a journey's state shows beyond its page: the Clients screen's status filter, and a
phase left past its open checkpoint, shown as skipped (never done) on the client page and
named in the board card's tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.clients.checklist import DONE, STEP
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from tests.gui.lifecycle_support import (
    active_journey,
    list_cells,
    make_window,
    show_list,
    snapshot,
)


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    return make_window(qtbot, demo_ws, events)


def listed_statuses(window: MainWindow) -> set[JourneyStatus | None]:
    model = window.clients.model
    return {model.row_at(r).status for r in range(model.rowCount())}


def card_tooltip(window: MainWindow, journey_id: int) -> str:
    window.show_screen("board")
    for widget in window.board.columns.values():
        model = widget.model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(JOURNEY_ID_ROLE) == journey_id:
                tip: str = index.data(Qt.ItemDataRole.ToolTipRole)
                return tip
    raise AssertionError("the card is on the board")


# -- the status filter -----------------------------------------------------------------------
def test_the_status_filter_finds_completed_and_paused_journeys(
    qtbot: QtBot, window: MainWindow, demo_ws: Workspace
) -> None:
    show_list(window)
    page = window.clients
    total = page.model.total
    assert page.status_filter.currentText() == "All"
    assert [page.status_filter.itemText(i) for i in range(page.status_filter.count())] == [
        "All",
        "Active",
        "Paused",
        "Completed",
        "Cancelled",
    ]

    page.status_filter.setFocus()
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Down)  # Active
    assert listed_statuses(window) == {JourneyStatus.ACTIVE}
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Down)  # Paused: none in the demo
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.no_match
    assert page.no_match.title.text() == "No paused journeys"
    qtbot.keyClick(page.status_filter, Qt.Key.Key_Down)  # Completed
    assert listed_statuses(window) == {JourneyStatus.COMPLETED}
    assert page.count.text() == f"{page.model.rowCount()} of {total} clients"
    assert sorted(page.model.row_at(r).name for r in range(page.model.rowCount())) == [
        "Marcus Bell",
        "Ngozi Okafor",
    ]

    # A journey paused now joins the Paused list at once, and leaves the Active one.
    journey = active_journey(demo_ws, "Aisha Rahman")
    page.status_filter.set_status(JourneyStatus.PAUSED)
    window.events.changed.emit(demo_ws.journeys.pause(journey, "Holiday").changes)
    assert list_cells(window, journey) == ("Discovery (2 of 5)", "Paused")  # where it stopped
    page.status_filter.set_status(JourneyStatus.ACTIVE)
    assert list_cells(window, journey) is None
    page.status_filter.set_status(None)
    assert page.model.rowCount() == total


def test_the_search_and_the_status_filter_narrow_together(qtbot: QtBot, window: MainWindow) -> None:
    show_list(window)
    page = window.clients
    page.status_filter.set_status(JourneyStatus.COMPLETED)
    qtbot.keyClicks(page.search, "Marcus")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.status_filter.set_status(JourneyStatus.ACTIVE)
    assert page.model.rowCount() == 0
    assert page.no_match.title.text() == "No client matches “Marcus”"


# -- skipped phases --------------------------------------------------------------------------
def test_a_phase_left_past_its_open_checkpoint_shows_as_skipped_not_done(
    window: MainWindow, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = active_journey(demo_ws, "Jonas Weber")  # in Onboarding, checkpoint open
    before = snapshot(demo_ws, journey)
    assert "Skipped" not in card_tooltip(window, journey)
    # "Move anyway" in the checkpoint dialog, as the person would answer it.
    monkeypatch.setattr(window.board, "confirm_override", lambda *_args: True)
    assert window.board.request_move(journey, 1)

    tip = card_tooltip(window, journey)
    assert "Skipped 'Onboarding': " in tip
    assert "still open ('Brand questionnaire received'" in tip.replace("&#x27;", "'")
    window.open_client(journey)
    checklist = window.clients.client_page.checklist
    phase = checklist.topLevelItem(0)
    assert phase is not None
    assert phase.text(STEP) == "Onboarding — Skipped, 3 steps still open"
    assert phase.text(DONE) == ""  # never dated as done
    assert not phase.icon(STEP).isNull()
    assert "still open" in phase.toolTip(STEP)
    assert phase.isExpanded()  # its open steps in view
    assert window.clients.client_page.next_step.text().startswith(
        "Next: Brand questionnaire received"
    )

    window.undo_action.trigger()
    assert snapshot(demo_ws, journey) == before
    assert phase.text(STEP) == "Onboarding — Current phase"
    assert phase.icon(STEP).isNull()
    assert "Skipped" not in card_tooltip(window, journey)

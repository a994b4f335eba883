"""A journey's whole life from its client page: pause with a reason, resume (open due dates
move by the pause), complete (asking first while steps are open), cancel and archive; each
one undoable exactly, and each shown plainly on the page, the board and the client list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.journey_dialogs import cancel_dialog
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.lifecycle_support import (
    Answers,
    active_journey,
    answer_questions,
    done_dates,
    list_cells,
    make_window,
    on_board,
    open_due_dates,
    show_list,
    snapshot,
)

NAME = "Aisha Rahman"  # active, in Discovery, with steps done and open


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, events: AppEvents) -> MainWindow:
    return make_window(qtbot, demo_ws, events)


@pytest.fixture
def journey(demo_ws: Workspace) -> int:
    return active_journey(demo_ws, NAME)


def open_page(window: MainWindow, journey_id: int) -> ClientPage:
    window.open_client(journey_id)
    page = window.clients.client_page
    page.checklist.setFocus()
    return page


def press(qtbot: QtBot, page: ClientPage, key: Qt.Key) -> None:
    """A journey shortcut (Ctrl+Shift+key) with the focus in the checklist."""
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.checklist, key, modifiers)


def undo(window: MainWindow) -> None:
    window.undo_action.trigger()


def redo(window: MainWindow) -> None:
    window.redo_action.trigger()


# -- pause and resume ------------------------------------------------------------------------
def test_pausing_with_a_reason_marks_the_card_paused_and_says_paused(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(reason="Family emergency"))
    before = snapshot(demo_ws, journey)
    assert on_board(window, journey)
    page = open_page(window, journey)
    assert page.journey_bar.state_line.isHidden()
    assert page.health.isVisible()

    press(qtbot, page, Qt.Key.Key_P)

    assert answers.reasons_asked == ["Pause the journey"]
    bar = page.journey_bar
    assert bar.state.text() == "Paused since Mon 23 Nov 2026: Family emergency"
    assert bar.state_line.isVisible() and not page.health.isVisible()
    assert bar.main_button.isVisible() and bar.main_button.text().replace("&", "") == "Resume"
    assert not bar.pause_action.isEnabled() and bar.resume_action.isEnabled()
    assert window.undo_stack.undoText() == f"Pause {NAME}"
    assert on_board(window, journey)  # still there, marked paused (tests/gui/test_paused.py)
    assert window.board.index.cards[journey].paused
    show_list(window)
    assert list_cells(window, journey) == ("Discovery (2 of 5)", "Paused")

    undo(window)
    assert snapshot(demo_ws, journey) == before
    assert on_board(window, journey)
    assert not window.board.index.cards[journey].paused
    window.show_screen("clients")
    assert list_cells(window, journey) == ("Discovery (2 of 5)", "At risk")


def test_resuming_after_two_weeks_moves_every_open_due_date_two_weeks_later(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    demo_ctx: Context,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_questions(monkeypatch, Answers(reason=""))
    page = open_page(window, journey)
    start = demo_ws.journeys.journey_detail(journey)
    page.journey_bar.pause()
    assert page.journey_bar.state.text() == "Paused since Mon 23 Nov 2026"  # no reason given
    paused = snapshot(demo_ws, journey)

    demo_ctx.clock.day = TODAY + timedelta(days=14)  # type: ignore[attr-defined]
    qtbot.mouseClick(page.journey_bar.main_button, Qt.MouseButton.LeftButton)

    resumed = demo_ws.journeys.journey_detail(journey)
    assert resumed.status is JourneyStatus.ACTIVE
    assert page.journey_bar.state_line.isHidden()
    # Mon-Thu practice: the pause cost 8 working days, which is two weeks to the day.
    assert open_due_dates(resumed) == {
        i: due + timedelta(days=14) for i, due in open_due_dates(start).items()
    }
    assert done_dates(resumed) == done_dates(start)
    assert (
        page.activity.item(0)
        .text()
        .endswith("Resumed the journey; open steps moved 8 working days")
    )
    shifted = snapshot(demo_ws, journey)

    undo(window)
    assert snapshot(demo_ws, journey) == paused
    demo_ctx.clock.day = TODAY + timedelta(days=21)  # type: ignore[attr-defined]
    redo(window)  # exactly as it was done, not shifted again from another day
    assert snapshot(demo_ws, journey) == shifted


# -- complete --------------------------------------------------------------------------------
def test_completing_with_open_steps_asks_first_and_only_then_completes(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(confirm=False))
    before = snapshot(demo_ws, journey)
    page = open_page(window, journey)
    open_count = sum(1 for s in before.steps if s[3] is None)

    press(qtbot, page, Qt.Key.Key_C)  # "Keep it open"
    assert len(answers.questions) == 1
    assert (
        f"{open_count} steps are still open: 'Send the customer perception survey'"
        in (answers.questions[0])
    )
    assert f"and {open_count - 3} more" in answers.questions[0]
    assert snapshot(demo_ws, journey) == before
    assert window.undo_stack.count() == 0  # the refused try left no trace
    assert not answers.warnings

    answers.confirm = True
    press(qtbot, page, Qt.Key.Key_C)
    assert page.journey_bar.state.text() == "Completed on Mon 23 Nov 2026"
    assert page.archive_button.text().replace("&", "") == "Archive journey"
    assert window.undo_stack.count() == 1
    assert not on_board(window, journey)
    show_list(window)
    window.clients.status_filter.set_status(JourneyStatus.COMPLETED)
    assert list_cells(window, journey) == ("Completed", "Completed")

    undo(window)
    assert snapshot(demo_ws, journey) == before
    assert on_board(window, journey)


def test_ticking_the_last_open_step_offers_to_complete_in_a_banner(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    detail = demo_ws.journeys.journey_detail(journey)
    open_steps = [s for p in detail.phases for s in p.steps if s.completed_on is None]
    for step in open_steps[:-1]:
        demo_ws.journeys.complete_step(step.id)
    page = open_page(window, journey)
    bar = page.journey_bar
    assert not bar.offers_to_complete

    page.checklist.select_step(open_steps[-1].id)
    qtbot.keyClick(page.checklist, Qt.Key.Key_Space)  # the last open step, ticked
    assert bar.offers_to_complete
    assert bar.banner_text.text() == "Every step is done. Complete the journey?"

    qtbot.mouseClick(bar.not_now_button, Qt.MouseButton.LeftButton)
    assert not bar.offers_to_complete
    undo(window)  # the last step open again ...
    assert not bar.offers_to_complete
    redo(window)  # ... and done again: offered again
    assert bar.offers_to_complete

    qtbot.mouseClick(bar.complete_button, Qt.MouseButton.LeftButton)
    assert not answers.questions  # nothing open: no question asked
    assert demo_ws.journeys.journey_detail(journey).status is JourneyStatus.COMPLETED
    assert not bar.offers_to_complete
    assert not on_board(window, journey)
    undo(window)
    assert demo_ws.journeys.journey_detail(journey).status is JourneyStatus.ACTIVE
    window.show_screen("clients")  # back on the page, brought up to date
    assert bar.offers_to_complete


# -- cancel and archive ----------------------------------------------------------------------
def test_cancelling_needs_a_reason_beside_the_field(qtbot: QtBot) -> None:
    dialog = cancel_dialog("<b>Priya</b>")
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): the test goes on while it shows
    assert "<b>Priya</b>'s journey" in dialog.intro.text()  # shown as typed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0
    assert not dialog.problem.isHidden()
    assert dialog.problem.text().startswith("Say why")
    qtbot.keyClicks(dialog.reason, "Moved abroad")
    assert dialog.problem.isHidden()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.result() == 1 and dialog.text() == "Moved abroad"


def test_cancel_then_archive_and_undo_each_restores_exactly(
    qtbot: QtBot,
    window: MainWindow,
    demo_ws: Workspace,
    journey: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = answer_questions(monkeypatch, Answers(reason="Client moved abroad"))
    before = snapshot(demo_ws, journey)
    page = open_page(window, journey)

    page.journey_bar.cancel_action.trigger()
    assert answers.reasons_asked == ["Cancel the journey"]
    assert page.journey_bar.state.text() == "Cancelled on Mon 23 Nov 2026: Client moved abroad"
    cancelled = snapshot(demo_ws, journey)
    assert not on_board(window, journey)
    show_list(window)
    window.clients.status_filter.set_status(JourneyStatus.CANCELLED)
    assert list_cells(window, journey) == ("Cancelled", "Cancelled")

    window.open_client(journey)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)  # Archive journey
    assert page.journey_bar.state.text().startswith("Archived")
    assert not page.journey_bar.archive_action.isEnabled()
    show_list(window)
    window.clients.status_filter.set_status(None)
    assert list_cells(window, journey) is None  # put away: in no list

    undo(window)
    assert snapshot(demo_ws, journey) == cancelled
    assert list_cells(window, journey) == ("Cancelled", "Cancelled")
    undo(window)
    assert snapshot(demo_ws, journey) == before
    assert on_board(window, journey)
    kinds = [a.kind for a in demo_ws.journeys.journey_detail(journey).activity[:4]]
    assert kinds == [ActivityKind.JOURNEY_RESTORED] * 2 + [
        ActivityKind.JOURNEY_ARCHIVED,
        ActivityKind.JOURNEY_CANCELLED,
    ]


def test_going_back_from_a_reason_changes_nothing(
    window: MainWindow, demo_ws: Workspace, journey: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_questions(monkeypatch, Answers(reason=None))
    before = snapshot(demo_ws, journey)
    page = open_page(window, journey)
    page.journey_bar.pause_action.trigger()
    page.journey_bar.cancel_action.trigger()
    assert snapshot(demo_ws, journey) == before
    assert window.undo_stack.count() == 0


def test_the_journey_menu_is_reachable_by_keyboard(window: MainWindow, journey: int) -> None:
    page = open_page(window, journey)
    bar = page.journey_bar
    assert bar.menu_button.text() == "&Journey"  # Alt+J
    assert bar.menu_button.menu() is bar.menu
    items = [(a.text(), a.shortcut().toString(), a.isEnabled()) for a in bar.menu.actions()]
    assert items == [
        ("&Pause…", "Ctrl+Shift+P", True),
        ("&Resume", "Ctrl+Shift+R", False),
        ("&Complete", "Ctrl+Shift+C", True),
        ("", "", True),  # separator
        ("C&ancel journey…", "", True),
        ("A&rchive journey", "", False),
    ]
    assert all(a in page.actions() for a in bar.life_actions)  # shortcuts live on the page


def test_a_refused_action_is_explained_and_leaves_no_trace(
    window: MainWindow, demo_ws: Workspace, journey: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = answer_questions(monkeypatch, Answers())
    page = open_page(window, journey)
    demo_ws.journeys.pause(journey)  # paused elsewhere meanwhile (the page has not redrawn)
    page.journey_bar.pause_action.trigger()
    assert answers.warnings == [
        "The journey was not paused: <p>Only an active journey can be paused; "
        "this one is paused.</p>"
    ]
    assert window.undo_stack.count() == 0

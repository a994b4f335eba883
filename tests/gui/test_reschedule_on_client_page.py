"""The client page's "Change due date…" offers "Shift the rest", as Today's Reschedule
does (the same dialog), and a day can be typed into its date field and into "Mark done on
a date…": the keys a person presses, in the modal dialogs as they run."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.views.queries import client_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.widgets.step_dialogs import StepDateDialog
from tests.conftest import TODAY


def stored(ctx: Context, journey_id: int, step_id: int) -> StepDetail:
    detail = journey_detail(ctx, journey_id)
    return next(s for p in detail.phases for s in p.steps if s.id == step_id)


def in_dialog(qtbot: QtBot, act: Callable[[StepDateDialog], None]) -> list[StepDateDialog]:
    """Run `act` on the next modal date dialog once it shows (as a person would)."""
    seen: list[StepDateDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, StepDateDialog) or not dialog.isVisible():
            QTimer.singleShot(10, run)
            return
        seen.append(dialog)
        try:
            act(dialog)
        finally:  # a failed check must not leave the modal dialog waiting forever
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def type_day(qtbot: QtBot, dialog: StepDateDialog, day: int) -> None:
    edit = dialog.date_edit
    edit.setFocus()
    qtbot.keyClicks(edit, str(day))


@pytest.fixture
def page(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> ClientPage:
    widget = ClientPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    return widget


def show_active(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def phase_with_two_open(ctx: Context) -> tuple[int, StepDetail, StepDetail]:
    """A running journey's open step due on the 1st-20th of its month, with an open step
    after it in its phase."""
    for row in client_rows(ctx):
        if row.status is not JourneyStatus.ACTIVE or row.journey_id is None:
            continue
        for phase in journey_detail(ctx, row.journey_id).phases:
            open_steps = [s for s in phase.steps if s.completed_on is None]
            for first, later in zip(open_steps, open_steps[1:], strict=False):
                if first.due_on.day <= 20 and first.due_on >= TODAY:
                    return row.journey_id, first, later
    raise AssertionError("the demo has a phase with two open steps")


def test_change_due_date_shifts_the_rest_of_the_phase_with_a_typed_day(
    qtbot: QtBot, page: ClientPage, demo_ctx: Context
) -> None:
    journey_id, step, later = phase_with_two_open(demo_ctx)
    page.show_journey(journey_id)
    show_active(qtbot, page)
    new_day = max(step.due_on.day + 3, 10)
    new_due = step.due_on.replace(day=new_day)

    def act(dialog: StepDateDialog) -> None:
        assert dialog.shift.isVisible() and not dialog.shift.isChecked()
        qtbot.mouseClick(dialog.shift, Qt.MouseButton.LeftButton)
        type_day(qtbot, dialog, new_day)
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    seen = in_dialog(qtbot, act)
    page.checklist.select_step(step.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert seen and seen[0].windowTitle() == "Change due date"
    assert stored(demo_ctx, journey_id, step.id).due_on == new_due
    assert stored(demo_ctx, journey_id, later.id).due_on > later.due_on  # the rest followed
    assert page.undo_stack.undoText() == f"Reschedule '{step.title}' and the steps after it"
    page.undo_stack.undo()
    assert stored(demo_ctx, journey_id, step.id).due_on == step.due_on
    assert stored(demo_ctx, journey_id, later.id).due_on == later.due_on


def test_mark_done_on_a_typed_day(qtbot: QtBot, page: ClientPage, demo_ctx: Context) -> None:
    journey_id, step, _later = phase_with_two_open(demo_ctx)
    page.show_journey(journey_id)
    show_active(qtbot, page)
    done_day = TODAY.day - 2
    assert done_day >= 1

    def act(dialog: StepDateDialog) -> None:
        type_day(qtbot, dialog, done_day)
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    seen = in_dialog(qtbot, act)
    page.checklist.select_step(step.id)
    page.checklist.setFocus()
    qtbot.keyClick(page.checklist, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    assert seen and seen[0].windowTitle() == "Mark done on a date"
    assert stored(demo_ctx, journey_id, step.id).completed_on == date(
        TODAY.year, TODAY.month, done_day
    )


def test_a_day_typed_into_todays_reschedule_and_the_pause_dialog_is_taken(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    from deliverydesk.ui.clients.journey_dialogs import pause_dialog
    from deliverydesk.ui.today.today_page import TodayPage

    today_page = TodayPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(today_page)
    today_page.show()  # it reads what is due once it shows
    qtbot.waitUntil(lambda: bool(today_page.model.all_rows()), timeout=2000)
    row = next(r for r in today_page.model.all_rows() if 10 <= max(r.due_on, TODAY).day <= 26)
    dialog = today_page.reschedule_dialog(row)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    start = dialog.due_on()
    day = start.day + 2
    type_day(qtbot, dialog, day)
    assert dialog.due_on() == start.replace(day=day)

    pause = pause_dialog("Ana", TODAY)
    qtbot.addWidget(pause)
    show_active(qtbot, pause)
    qtbot.mouseClick(pause.plan_resume, Qt.MouseButton.LeftButton)
    pause.resume_date.setFocus()
    qtbot.keyClicks(pause.resume_date, "28")
    assert pause.resume_on() == (TODAY + timedelta(days=14)).replace(day=28)  # in its month

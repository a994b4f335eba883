"""The date pickers grey the days the practice is closed: its own non-working weekdays and
the closed dates from Settings (a closed Friday), not Qt's Saturday and Sunday."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice_settings import PracticeSettings
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import START, EnrolWizard
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.gui.enrol_support import opened, own_practice, press, show_active
from tests.gui.test_today import make_page, select
from tests.unit.timeline_support import enrol, offer, practice

CLOSED_FRIDAY = date(2026, 11, 27)  # TODAY is Monday 23 November 2026
OPEN_FRIDAY = date(2026, 12, 4)
SATURDAY = date(2026, 11, 28)
SUNDAY = date(2026, 11, 29)
WEDNESDAY = date(2026, 11, 25)


def close_on(workspace: Workspace, days: frozenset[int]) -> None:
    """Settings: these working days, and Friday 27 November closed."""
    info = workspace.practice.info()
    assert info is not None
    new = PracticeSettings(
        info.name, info.owner_name, info.weekly_hours, days, frozenset({CLOSED_FRIDAY})
    )
    workspace.practice.update_practice(new)


def shown_closed(edit: QDateEdit, day: date) -> bool:
    """Whether the picker's calendar shows `day` greyed and struck through."""
    calendar = edit.calendarWidget()
    marked = calendar.dateTextFormat(QDate(day.year, day.month, day.day))
    if marked.isEmpty():
        marked = calendar.weekdayTextFormat(Qt.DayOfWeek(day.isoweekday()))
    return marked.fontStrikeOut() and marked.foreground() != calendar.palette().text()


@pytest.fixture
def sprint(empty_ctx: Context) -> Workspace:
    """One client enrolled today: steps due this week on Today."""
    practice(empty_ctx)
    enrol(empty_ctx, offer(empty_ctx), "Zoe Ko", TODAY, "zoe@example.com")
    return Workspace(empty_ctx)


def test_the_reschedule_picker_greys_a_closed_friday_and_the_days_off(
    qtbot: QtBot,
    sprint: Workspace,
    events: AppEvents,
) -> None:
    workspace = sprint
    close_on(workspace, frozenset({1, 2, 4, 5, 6}))  # no Wednesdays; Saturdays worked
    page = make_page(qtbot, workspace, events)
    select(page, "Draft the plan")
    dialog = page.reschedule_dialog(page.current_row())
    qtbot.addWidget(dialog)
    edit = dialog.date_edit
    assert shown_closed(edit, CLOSED_FRIDAY)
    assert not shown_closed(edit, OPEN_FRIDAY)
    assert shown_closed(edit, WEDNESDAY) and shown_closed(edit, SUNDAY)
    assert not shown_closed(edit, SATURDAY)  # a working Saturday is not a weekend here


def test_the_enrol_start_pickers_grey_the_closed_days(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    own_practice(empty_ws)
    close_on(empty_ws, frozenset({1, 2, 3, 4, 5}))
    empty_ws.clients.add_client(ClientInput("Priya Garcia"))
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_J, shift)
    wizard = opened(qtbot, window, EnrolWizard)
    qtbot.keyClicks(wizard.pick.search, "Priya")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == START, timeout=2000)
    for edit in (wizard.start.date_edit, wizard.start.under_way.done_on):
        assert shown_closed(edit, CLOSED_FRIDAY)
        assert shown_closed(edit, SATURDAY)
        assert not shown_closed(edit, OPEN_FRIDAY) and not shown_closed(edit, TODAY)


def test_the_client_pages_date_dialogs_grey_the_closed_days(
    qtbot: QtBot, sprint: Workspace
) -> None:
    from deliverydesk.ui.widgets.step_dialogs import done_on_dialog, due_date_dialog

    workspace = sprint
    close_on(workspace, frozenset({1, 2, 4, 5}))  # no Wednesdays
    (row,) = workspace.journeys.board_rows()
    assert row.journey_id is not None
    step = workspace.journeys.journey_detail(row.journey_id).phases[0].steps[0]
    for dialog in (
        due_date_dialog(step, None, phase="Onboarding", practice=workspace.practice.info()),
        done_on_dialog(step, TODAY, None, workspace.practice.info()),
    ):
        qtbot.addWidget(dialog)
        assert shown_closed(dialog.date_edit, CLOSED_FRIDAY)
        assert shown_closed(dialog.date_edit, WEDNESDAY)
        assert not shown_closed(dialog.date_edit, OPEN_FRIDAY)

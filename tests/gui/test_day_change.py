"""Left open past midnight, the window judges health against the new day."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import Health
from deliverydesk.services.context import Context
from deliverydesk.services.views.queries import board_rows
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.day_watcher import LONGEST_WAIT, wait_until_next_day
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from tests.conftest import TODAY


def test_a_new_day_re_judges_the_board_the_list_and_the_client_page(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    window.show()
    fine = next(r for r in board_rows(demo_ctx) if r.health is Health.ON_TRACK)
    window.open_client(fine.journey_id)
    page = window.clients.client_page
    assert page.health.text() == "On track"
    assert window.board.index.cards[fine.journey_id].health is Health.ON_TRACK

    clock = demo_ctx.clock
    assert isinstance(clock, FixedClock)
    clock.day = TODAY + timedelta(days=60)  # two months on, every open step is late
    with qtbot.waitSignal(events.day_changed) as announced:
        window.day_watcher.timer.timeout.emit()  # as the timer does just after midnight
    assert announced.args == [clock.day]

    card = window.board.index.cards[fine.journey_id]
    assert card.health is Health.OFF_TRACK
    assert card == next(r for r in board_rows(demo_ctx) if r.journey_id == fine.journey_id)
    assert page.health.text().startswith("Off track: ")
    window.clients.show_list()  # the list, hidden behind the page, re-reads when shown
    listed = [
        window.clients.model.row_at(i)
        for i in range(window.clients.model.rowCount())
        if window.clients.model.row_at(i).journey_id == fine.journey_id
    ]
    assert [row.health for row in listed] == [Health.OFF_TRACK]


def test_the_same_day_changes_nothing(
    demo_ws: Workspace, qtbot: QtBot, demo_ctx: Context, events: AppEvents
) -> None:
    window = MainWindow(demo_ws, events)
    qtbot.addWidget(window)
    with qtbot.assertNotEmitted(events.day_changed):
        assert not window.day_watcher.check()
    assert window.day_watcher.timer.isActive()
    # Never longer than the longest wait (to the second: the timer is coarse on purpose).
    assert window.day_watcher.timer.remainingTime() <= (LONGEST_WAIT.total_seconds() + 1) * 1000


def test_the_watcher_wakes_just_after_midnight_and_at_least_hourly() -> None:
    late_evening = datetime(2026, 11, 23, 23, 59, 30).astimezone()
    assert timedelta(seconds=30) < wait_until_next_day(late_evening) <= timedelta(seconds=35)
    morning = datetime(2026, 11, 23, 9, 0).astimezone()
    assert wait_until_next_day(morning) == LONGEST_WAIT

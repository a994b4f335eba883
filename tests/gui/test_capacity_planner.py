"""The capacity planner on the Dashboard, as a person uses it: the weeks booked by offer,
a click on a week lists the work in it, a what-if draws a new client's hours as a ghost
with the earliest start that fits, the table shows the same numbers, and time off added
in Settings → Practice takes a week's hours away (and Undo gives them back)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.capacity import TimeOff
from deliverydesk.model.rules.enums import Owner
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.dashboard.planner_pane import PlannerPane
from deliverydesk.ui.look.theme import build_palette
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.settings.time_off import TimeOffDialog
from tests.conftest import TODAY
from tests.gui.lifecycle_support import make_window

LONG = 30_000  # ms: a practice change runs on the job pool

# 5 h of my work in the first week, 10 h in the second (the client's homework is theirs).
TWO_WEEKS = OfferSpec(
    "Focus Fortnight",
    phases=(
        PhaseSpec(
            "Sessions",
            10,
            (
                StepSpec("Plan", duration_days=5, effort_minutes=300),
                StepSpec("Review", offset_days=5, duration_days=5, effort_minutes=600),
                StepSpec("Homework", owner=Owner.CLIENT, duration_days=5, effort_minutes=120),
            ),
        ),
    ),
)


def week(n: int) -> date:
    return TODAY + timedelta(weeks=n)


@pytest.fixture
def practice(empty_ws: Workspace, empty_ctx: Context) -> tuple[Workspace, int]:
    """A practice of 30 hours a week, Monday to Friday, with Ana on the fortnight."""
    create_practice(empty_ctx, "Solo", 30, frozenset({1, 2, 3, 4, 5}))
    offer_id = empty_ws.offers.add_offer(TWO_WEEKS).value
    client_id = empty_ws.clients.add_client(ClientInput("Ana Souza")).value
    empty_ws.clients.enrol_client(client_id, offer_id, TODAY)
    return empty_ws, offer_id


@pytest.fixture
def pane(practice: tuple[Workspace, int], events: AppEvents, qtbot: QtBot) -> PlannerPane:
    page = DashboardPage(practice[0], events)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.body_scroll.ensureWidgetVisible(page.planner)
    qtbot.waitUntil(lambda: page.planner.planner is not None)
    return page.planner


def booked(pane: PlannerPane, weeks: int = 3) -> list[float]:
    assert pane.planner is not None
    return [w.load.booked_hours for w in pane.planner.weeks[:weeks]]


def click_week(qtbot: QtBot, pane: PlannerPane, index: int) -> None:
    centre = pane.chart.slot_rect(index).center().toPoint()
    qtbot.mouseClick(pane.chart, Qt.MouseButton.LeftButton, pos=centre)


def listed(pane: PlannerPane) -> list[str]:
    return [pane.week_list.item(i).text() for i in range(pane.week_list.count())]


def table_row(pane: PlannerPane, row: int) -> list[str]:
    model = pane.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_planner_draws_after_the_first_screen_and_a_click_lists_a_weeks_work(
    qtbot: QtBot, pane: PlannerPane
) -> None:
    assert booked(pane) == [5, 10, 0]
    assert pane.words.text() == "Within your hours in each of the next 26 weeks."
    click_week(qtbot, pane, 1)
    assert pane.week_title.text() == (
        "Week of Mon 30 Nov 2026: 10 h booked of your 30 h; 20 h free."
    )
    assert listed(pane) == ["Ana Souza · Focus Fortnight: Review, due 4 Dec (10 h)"]
    # The keyboard walks the weeks too.
    pane.chart.setFocus()
    qtbot.keyClick(pane.chart, Qt.Key.Key_Left)
    assert listed(pane) == ["Ana Souza · Focus Fortnight: Plan, due 27 Nov (5 h)"]
    qtbot.keyClick(pane.chart, Qt.Key.Key_End)
    assert listed(pane) == ["Nothing of yours is booked this week."]


def test_enter_on_a_listed_step_opens_its_client_at_that_journey(
    qtbot: QtBot, practice: tuple[Workspace, int], events: AppEvents
) -> None:
    ws, _offer = practice
    window: MainWindow = make_window(qtbot, ws, events)
    window.show_screen("dashboard")
    pane = window.dashboard.planner
    window.dashboard.body_scroll.ensureWidgetVisible(pane)
    qtbot.waitUntil(lambda: pane.planner is not None)
    click_week(qtbot, pane, 1)
    assert listed(pane) == ["Ana Souza · Focus Fortnight: Review, due 4 Dec (10 h)"]
    pane.week_list.setFocus()
    pane.week_list.setCurrentRow(0)
    qtbot.keyClick(pane.week_list, Qt.Key.Key_Return)
    assert window.current_screen() == "clients"
    page = window.clients.client_page
    assert window.clients.pages.currentWidget() is page
    (ana,) = ws.journeys.board_rows()
    assert page.journey_id == ana.journey_id
    assert page.name.text() == "Ana Souza" and page.back.text() == "Dashboard"


def test_the_table_shows_the_same_numbers_and_picks_the_same_week(
    qtbot: QtBot, pane: PlannerPane
) -> None:
    qtbot.mouseClick(pane.as_table, Qt.MouseButton.LeftButton)
    table = pane.views.table
    assert table is not None and table.isVisible() and not pane.chart.isVisible()
    headers = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Week of", "Your hours", "Focus Fortnight", "Booked", "Left"]
    assert table_row(pane, 0) == ["Mon 23 Nov 2026", "30 h", "5 h", "5 h", "25 h free"]
    assert table_row(pane, 1) == ["Mon 30 Nov 2026", "30 h", "10 h", "10 h", "20 h free"]
    table.selectRow(1)
    assert listed(pane) == ["Ana Souza · Focus Fortnight: Review, due 4 Dec (10 h)"]
    assert pane.chart.current == 1


def test_what_if_draws_a_new_client_as_a_ghost_with_the_earliest_start_that_fits(
    qtbot: QtBot, pane: PlannerPane
) -> None:
    assert not pane.offer.isEnabled()
    qtbot.mouseClick(pane.what_if, Qt.MouseButton.LeftButton)
    assert pane.offer.isEnabled() and pane.offer.currentText() == "Focus Fortnight"
    pane.start.setDate(QDate(2026, 11, 30))  # a week from today
    assert pane.planner is not None and pane.planner.what_if is not None
    assert [w.load.added_hours for w in pane.planner.weeks[:4]] == [0, 5, 10, 0]
    assert booked(pane) == [5, 10, 0]  # the ghost is not booked work
    assert pane.earliest.text() == "The earliest start that fits: Mon 23 Nov 2026."
    assert pane.model.headerData(4, Qt.Orientation.Horizontal) == "What if: Focus Fortnight"
    assert table_row(pane, 2)[4] == "10 h"
    # The ghost is painted: the week's column holds more ink than without it.
    with_ghost = ink_in(pane, 2)
    qtbot.mouseClick(pane.what_if, Qt.MouseButton.LeftButton)
    assert [w.load.added_hours for w in pane.planner.weeks[:4]] == [0, 0, 0, 0]
    assert ink_in(pane, 2) < with_ghost
    assert not pane.earliest.isVisible()


def ink_in(pane: PlannerPane, index: int) -> int:
    """Pixels that differ from the background in week `index`'s column."""
    image = pane.chart.grab().toImage()
    background = image.pixel(1, image.height() - 1)
    rect = pane.chart.slot_rect(index).toRect()
    return sum(
        image.pixel(x, y) != background
        for x in range(rect.left() + 2, rect.right() - 2)
        for y in range(rect.top(), rect.bottom() - 2, 2)
    )


@pytest.mark.parametrize("dark", [False, True])
def test_the_chart_paints_in_light_and_dark(qtbot: QtBot, pane: PlannerPane, dark: bool) -> None:
    pane.chart.setPalette(build_palette(dark))
    assert ink_in(pane, 1) > ink_in(pane, 5)  # the booked bar of week 2 is drawn


def choose_time_off(monkeypatch: pytest.MonkeyPatch, first: date, last: date, reason: str) -> None:
    def exec_(dialog: TimeOffDialog) -> int:
        dialog.start.setDate(QDate(first.year, first.month, first.day))
        dialog.end.setDate(QDate(last.year, last.month, last.day))
        dialog.reason.setText(reason)
        dialog.add_button.click()
        return dialog.result()

    monkeypatch.setattr(TimeOffDialog, "exec", exec_)


def test_time_off_added_in_settings_takes_the_weeks_hours_from_the_planner(
    qtbot: QtBot,
    practice: tuple[Workspace, int],
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, _offer = practice
    window: MainWindow = make_window(qtbot, ws, events)
    window.show_screen("dashboard")
    pane = window.dashboard.planner
    window.dashboard.body_scroll.ensureWidgetVisible(pane)
    qtbot.waitUntil(lambda: pane.planner is not None)
    assert pane.planner is not None
    assert [w.load.capacity_hours for w in pane.planner.weeks[:3]] == [30, 30, 30]

    window.show_screen("settings")
    form = window.settings_page.form
    choose_time_off(monkeypatch, week(1), week(1) + timedelta(days=6), "Family <b>holiday</b>")
    qtbot.mouseClick(form.time_off.add_button, Qt.MouseButton.LeftButton)
    assert form.time_off.list.item(0).text() == "30 Nov – 6 Dec · Family <b>holiday</b>"
    with qtbot.waitSignal(window.settings_page.saved, timeout=LONG):
        qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)

    window.show_screen("dashboard")
    qtbot.waitUntil(
        lambda: pane.planner is not None and pane.planner.weeks[1].load.capacity_hours == 0
    )
    assert pane.planner.weeks[1].load.over  # the Review is still due that week
    assert pane.words.text() == "Over your hours in 1 of the next 26 weeks: 30 Nov."
    click_week(qtbot, pane, 1)
    assert pane.week_title.text() == (
        "Week of Mon 30 Nov 2026: 10 h booked of your 0 h; 10 h over."
    )

    with qtbot.waitSignal(window.undo_stack.indexChanged, timeout=LONG):
        window.undo_action.trigger()
    qtbot.waitUntil(
        lambda: pane.planner is not None and pane.planner.weeks[1].load.capacity_hours == 30
    )


def test_hours_per_day_set_in_settings_make_the_weekly_hours(
    qtbot: QtBot, practice: tuple[Workspace, int], events: AppEvents
) -> None:
    ws, _offer = practice
    window: MainWindow = make_window(qtbot, ws, events)
    window.show_screen("settings")
    form = window.settings_page.form
    assert not form.day_hours[1].isVisible()
    qtbot.mouseClick(form.per_day, Qt.MouseButton.LeftButton)
    assert form.day_hours[1].isVisible() and not form.hours.isEnabled()
    assert form.day_hours[1].value() == 6  # the even share of 30 h to start from
    form.day_hours[5].setValue(2)
    assert form.hours.value() == 26
    with qtbot.waitSignal(window.settings_page.saved, timeout=LONG):
        qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)
    stored = ws.practice.practice_settings()
    assert (stored.weekly_hours, dict(stored.day_hours)[5]) == (26, 2)
    assert ws.practice.planner().weeks[0].load.capacity_hours == 26
    assert not window.settings_page.save_button.isEnabled()  # what shows is what is stored


def test_time_off_is_edited_with_its_reason_and_removed_with_delete(
    qtbot: QtBot,
    practice: tuple[Workspace, int],
    events: AppEvents,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, _offer = practice
    window: MainWindow = make_window(qtbot, ws, events)
    window.show_screen("settings")
    form = window.settings_page.form
    editor = form.time_off
    assert not editor.edit_button.isEnabled()
    choose_time_off(monkeypatch, week(2), week(2) + timedelta(days=4), "Course")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    choose_time_off(monkeypatch, week(2), week(2) + timedelta(days=1), "Course, two days")
    qtbot.mouseClick(editor.edit_button, Qt.MouseButton.LeftButton)
    assert editor.list.item(0).text() == "7 Dec – 8 Dec · Course, two days"
    with qtbot.waitSignal(window.settings_page.saved, timeout=LONG):
        qtbot.mouseClick(window.settings_page.save_button, Qt.MouseButton.LeftButton)
    (stored,) = ws.practice.practice_settings().time_off
    assert (stored.first, stored.last, stored.reason) == (
        week(2),
        week(2) + timedelta(1),
        "Course, two days",
    )
    assert ws.practice.planner().weeks[2].load.capacity_hours == 18  # two of five days off

    editor.list.setCurrentRow(0)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert editor.spans() == ()
    assert window.settings_page.save_button.isEnabled()


def test_time_off_ending_before_it_starts_is_refused_beside_the_field(qtbot: QtBot) -> None:
    dialog = TimeOffDialog(TimeOff(week(1), week(1)), new=True)
    qtbot.addWidget(dialog)
    dialog.end.setDate(QDate(2026, 11, 25))  # before 30 Nov
    dialog.start.setDate(QDate(2026, 11, 30))
    dialog.end.setDate(QDate(2026, 11, 25))
    dialog.add_button.click()
    assert dialog.result() != TimeOffDialog.DialogCode.Accepted
    assert dialog.problem.text() == "The last day comes before the first."

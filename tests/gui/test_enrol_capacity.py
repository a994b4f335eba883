"""The capacity check of the enrolment wizard: weeks over capacity painted in the warning
colour and said in words, starts rolled past closed days, the suggested start one click
away, and a date typed quickly costs one preview."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage, QUndoStack
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import START, EnrolWizard
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.widgets.capacity_chart import CapacityChart, capacity_summary, hours
from tests.gui.enrol_support import book_a_client, own_practice


def wizard_at_start(
    qtbot: QtBot, workspace: Workspace, events: AppEvents, offer_id: int
) -> EnrolWizard:
    """The wizard on its start-date page, for a new client of `offer_id`."""
    client_id = workspace.clients.add_client(ClientInput("Noor Haddad")).value
    wizard = EnrolWizard(workspace, events, QUndoStack(), client_id=client_id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.pick._select_offer(offer_id)
    while wizard.currentId() != START:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.start.preview is not None)
    return wizard


def colour_pixels(chart: CapacityChart, colour: QColor) -> int:
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = colour.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == wanted
    )


def test_weeks_over_capacity_are_painted_in_the_warning_colour_and_said_in_words(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    offer_id = own_practice(empty_ws, weekly_hours=4)
    book_a_client(empty_ws, offer_id)
    wizard = wizard_at_start(qtbot, empty_ws, events, offer_id)
    chart, preview = wizard.start.chart, wizard.start.preview
    assert preview is not None
    wizard.resize(900, 700)
    over = chart.over_weeks()
    assert over and all(w.booked_hours + w.added_hours > w.capacity_hours for w in over)
    warning = semantic(chart.palette()).warning
    assert colour_pixels(chart, warning) > 20  # the hours beyond the line, in warning
    said = capacity_summary(preview)
    assert said.startswith(f"Over capacity in {len(over)} of the next 12 weeks: ")
    first = over[0]
    assert f"({hours(first.booked_hours + first.added_hours)} of 4 h)" in said
    assert chart.accessibleDescription() == said == wizard.start.summary.text()

    # The suggested start keeps every week within capacity: nothing in warning any more.
    wizard.start.use_date.click()
    assert not chart.over_weeks()
    assert colour_pixels(chart, warning) == 0
    assert wizard.start.summary.text().startswith("Within your 4 h a week in each of the next")


def test_a_start_on_a_closed_day_rolls_to_the_next_working_day(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    offer_id = own_practice(empty_ws, weekly_hours=30)
    settings = empty_ws.practice.practice_settings()
    empty_ws.practice.update_practice(
        replace(settings, closed_dates=frozenset({date(2026, 12, 1)}))
    )
    wizard = wizard_at_start(qtbot, empty_ws, events, offer_id)
    start = wizard.start
    start.date_edit.setDate(QDate(2026, 12, 1))
    start.refresh()  # as the pause after typing would
    assert start.preview is not None and start.preview.start_on == date(2026, 12, 2)
    assert start.rolled.text() == (
        "Tue 1 Dec 2026 is not a working day; the journey starts Wed 2 Dec 2026."
    )
    assert start.suggestion.text() == "This start adds no week over your capacity."
    assert not start.use_date.isVisible()


def test_when_no_start_fits_the_least_overloading_one_is_offered(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    offer_id = own_practice(empty_ws, weekly_hours=1)  # less than one Brand Audit needs
    wizard = wizard_at_start(qtbot, empty_ws, events, offer_id)
    start = wizard.start
    assert start.preview is not None and start.preview.earliest_fit is None
    assert start.suggestion.text().startswith("No start in the coming year keeps within ")
    assert " adds the least (" in start.suggestion.text()
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()  # a warning only


def test_a_date_changed_quickly_costs_one_preview(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    offer_id = own_practice(empty_ws, weekly_hours=4)
    wizard = wizard_at_start(qtbot, empty_ws, events, offer_id)
    asked: list[date] = []
    preview = empty_ws.clients.capacity_preview

    def counted(offer: int, start_on: date, reached: Reached | None = None) -> object:
        asked.append(start_on)
        return preview(offer, start_on, reached)

    monkeypatch.setattr(empty_ws.clients, "capacity_preview", counted)
    start = wizard.start
    for day in range(7, 12):  # holding the arrow key: five dates in a row
        start.date_edit.setDate(QDate(2026, 12, day))
    assert asked == []  # nothing yet: the chart waits for the date to settle
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    assert asked == [date(2026, 12, 11)]
    assert start.preview is not None and start.preview.start_on == date(2026, 12, 11)


def test_the_capacity_check_as_a_table_has_each_week_with_this_client(
    qtbot: QtBot, empty_ws: Workspace, events: AppEvents
) -> None:
    offer_id = own_practice(empty_ws, weekly_hours=4)
    book_a_client(empty_ws, offer_id)
    wizard = wizard_at_start(qtbot, empty_ws, events, offer_id)
    start = wizard.start
    assert start.chart_view.table is None  # made only when asked for
    start.chart_view.toggle.setFocus()
    qtbot.keyClick(start.chart_view.toggle, Qt.Key.Key_Space)
    table = start.chart_view.table
    assert table is not None and table.isVisible() and not start.chart.isVisible()
    model = table.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads == ["Week of", "Booked", "This client", "Your hours", "Left"]
    first = start.chart.weeks[0]
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:4] == [hours(first.booked_hours), hours(first.added_hours), "4 h"]
    assert model.rowCount() == len(start.chart.weeks) == 12

    start.use_date.click()  # the suggested start: the table follows the chart
    added = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert added == [hours(w.added_hours) for w in start.chart.weeks]
    assert all(not model.index(r, 4).data().endswith(" over") for r in range(model.rowCount()))

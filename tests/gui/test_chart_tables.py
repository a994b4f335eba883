"""Every chart's numbers in a table, through its toggle, as a person uses it: the
Dashboard's capacity by week and integrity parts, and the timeline's capacity strip (the
planner's: test_capacity_planner.py). The table says what the chart draws, is made only
when first asked for, follows a change while it shows, and reads in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.undo_commands import CompleteStepCommand
from deliverydesk.ui.dashboard import words
from deliverydesk.ui.dashboard.dashboard_page import DashboardPage
from deliverydesk.ui.look.theme import build_palette
from deliverydesk.ui.timeline.timeline_page import TimelinePage
from deliverydesk.ui.widgets.capacity_chart import hours
from deliverydesk.ui.widgets.chart_table import ChartTableToggle
from tests.gui.test_dashboard import open_step_due_today


@pytest.fixture
def dashboard(demo_ws: Workspace, events: AppEvents, qtbot: QtBot) -> DashboardPage:
    shown = DashboardPage(demo_ws, events)
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def turn_on(qtbot: QtBot, view: ChartTableToggle) -> QTableView:
    """Tick the toggle with the keyboard, as a person tabbing to it would."""
    view.toggle.setFocus()
    qtbot.keyClick(view.toggle, Qt.Key.Key_Space)
    assert view.table is not None
    return view.table


def cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def headers(table: QTableView) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_capacity_by_week_as_a_table_has_the_bars_numbers(
    qtbot: QtBot, dashboard: DashboardPage
) -> None:
    view = dashboard.load_view
    assert view.table is None  # nothing made for the first paint
    assert dashboard.chart.isVisible()
    table = turn_on(qtbot, view)
    assert table.isVisible() and not dashboard.chart.isVisible()
    assert table.accessibleName() == "Capacity by week as a table"
    assert headers(table) == ["Week of", "Booked", "Your hours", "Left"]
    weeks = dashboard.chart.weeks
    assert len(weeks) == 12 and len(cells(table)) == 12
    first = cells(table)[0]
    assert first[:3] == ["Mon 23 Nov 2026", hours(weeks[0].booked_hours), "25 h"]
    assert first[3] == hours(weeks[0].booked_hours - 25) + " over"  # the demo's busy week
    qtbot.keyClick(view.toggle, Qt.Key.Key_Space)  # back to the chart
    assert dashboard.chart.isVisible() and not table.isVisible()


def test_the_table_follows_a_tick_while_it_shows(
    qtbot: QtBot,
    dashboard: DashboardPage,
    demo_ws: Workspace,
    demo_ctx: Context,
    events: AppEvents,
) -> None:
    table = turn_on(qtbot, dashboard.load_view)
    before = cells(table)[0][1]
    step_id, title = open_step_due_today(demo_ctx)
    stack = QUndoStack()
    stack.push(CompleteStepCommand(demo_ws, events, step_id, demo_ws.today(), title))
    qtbot.waitUntil(lambda: cells(table)[0][1] != before)
    assert cells(table)[0][1] == hours(dashboard.chart.weeks[0].booked_hours)


def test_integrity_parts_as_a_table_say_what_each_bar_says(
    qtbot: QtBot, dashboard: DashboardPage
) -> None:
    table = turn_on(qtbot, dashboard.parts_view)
    assert not dashboard.parts.isVisible()
    assert headers(table) == ["Part", "Share", "What was counted"]
    shown = [
        [row.name.text(), row.figure.text(), row.sentence.text()]
        for row in dashboard.parts.rows.values()
    ]
    assert cells(table) == shown and len(shown) == 6
    assert shown[0][1].endswith("\u00a0%") or shown[0][1] == words.NO_FIGURE  # never split


@pytest.mark.parametrize("dark", [False, True])
def test_a_table_reads_in_light_and_dark(
    qtbot: QtBot, dashboard: DashboardPage, dark: bool
) -> None:
    dashboard.setPalette(build_palette(dark))
    table = turn_on(qtbot, dashboard.load_view)
    image = table.viewport().grab().toImage()
    ground = QColor(image.pixel(image.width() - 4, 4))
    ink = table.palette().color(table.foregroundRole())
    assert (ground.lightness() < 128) == dark
    assert abs(ink.lightness() - ground.lightness()) > 100  # text stands out of its ground


def test_the_timeline_s_capacity_strip_as_a_table(
    qtbot: QtBot, demo_ws: Workspace, events: AppEvents
) -> None:
    page = TimelinePage(demo_ws, events)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.strip.strip is not None, timeout=2000)  # after the rows
    view = page.strip_view
    assert view.table is None and view.toggle.isVisible()
    table = turn_on(qtbot, view)
    assert table.isVisible() and not page.strip.isVisible()
    assert headers(table) == ["Week of", "Booked", "Your hours", "Load"]
    strip = page.strip.strip
    assert strip is not None
    assert len(cells(table)) == len(strip.weeks)
    assert cells(table)[0] == [
        "Mon 23 Nov 2026",
        hours(strip.weeks[0].booked_hours),
        "25 h",
        "169 %",
    ]

"""The client list fits its window: no sideways scroll bar at 1024 x 700 or at the window's
default size; the least needed columns step aside and come back with room, their values in
a row's tooltip; a right click on the header shows or hides columns, remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_list_model import (
    DUE,
    HEALTH,
    NAME,
    NEXT,
    OFFER,
    PHASE,
    PROGRESS,
    WAITING,
)
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import long_date, waits_on
from deliverydesk.ui.main_window import MainWindow


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def open_clients(window: MainWindow, width: int, height: int) -> ClientsPage:
    window.resize(width, height)
    window.show_screen("clients")
    settle()
    return window.clients


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot) -> MainWindow:
    widget = MainWindow(demo_ws, AppEvents())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def visible_columns(page: ClientsPage) -> list[int]:
    header = page.table.horizontalHeader()
    shown = [c for c in range(page.model.columnCount()) if not header.isSectionHidden(c)]
    return sorted(shown, key=header.visualIndex)


def assert_fits_without_cut_headers(page: ClientsPage) -> None:
    table = page.table
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= table.viewport().width()
    metrics = header.fontMetrics()
    for column in visible_columns(page):
        title = str(page.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
    # Offer and Phase read whole, the next step keeps a readable width.
    cells = table.fontMetrics()
    for column in {OFFER, PHASE} & set(visible_columns(page)):
        texts = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
        widest = max(cells.horizontalAdvance(t) for t in texts if t)
        assert header.sectionSize(column) >= widest + cells.horizontalAdvance("M"), column
    assert header.sectionSize(NEXT) >= 12 * cells.horizontalAdvance("M")


def test_at_1024_by_700_the_list_fits_and_widening_brings_every_column_back(
    window: MainWindow,
) -> None:
    page = open_clients(window, 1024, 700)
    assert_fits_without_cut_headers(page)
    shown = visible_columns(page)
    assert shown[:2] == [NAME, HEALTH] and {OFFER, PHASE, NEXT} <= set(shown)
    assert PROGRESS not in shown  # the least needed steps aside first

    window.resize(1600, 1000)
    settle()
    assert set(visible_columns(page)) == set(range(page.model.columnCount()))
    assert_fits_without_cut_headers(page)
    assert visible_columns(page)[-1] == PROGRESS

    window.resize(1024, 700)
    settle()
    assert PROGRESS not in visible_columns(page)
    assert_fits_without_cut_headers(page)


def test_at_the_default_window_size_the_list_fits(window: MainWindow) -> None:
    default = window.size()
    page = open_clients(window, default.width(), default.height())
    assert_fits_without_cut_headers(page)


def test_a_row_tells_on_hover_what_its_hidden_columns_would_show(window: MainWindow) -> None:
    page = open_clients(window, 1024, 700)
    hidden = {DUE, WAITING, PROGRESS} - set(visible_columns(page))
    assert hidden
    model = page.model
    r = next(
        r
        for r in range(model.rowCount())
        if model.row_at(r).status is JourneyStatus.ACTIVE and model.row_at(r).next_step_due
    )
    tip = model.index(r, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_at(r).name in tip
    row = model.row_at(r)
    said = {
        DUE: f"Due {long_date(row.next_step_due)}" if row.next_step_due else "",
        WAITING: waits_on(row.next_step_owner),  # "Waiting on the client"
        PROGRESS: f"Progress: {model.index(r, PROGRESS).data()}",
    }
    for column in hidden:
        assert said[column] in tip, column
    # Widened, nothing is hidden and the tooltip is the name alone again.
    window.resize(1600, 1000)
    settle()
    assert "Due " not in model.index(r, NAME).data(Qt.ItemDataRole.ToolTipRole)


def header_menu(page: ClientsPage) -> QMenu:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionPosition(OFFER) + 5, header.height() // 2)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, header.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(header.viewport(), event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(page: ClientsPage, title: str) -> None:
    menu = header_menu(page)
    action = next(a for a in menu.actions() if a.text() == title)
    assert isinstance(action, QAction) and action.isCheckable()
    action.trigger()
    menu.close()
    settle()


def test_the_header_menu_hides_a_column_and_the_room_goes_to_others(
    window: MainWindow,
) -> None:
    page = open_clients(window, 1024, 700)
    menu = header_menu(page)
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    assert "Client" not in titles  # the name always shows
    assert {"Offer", "Phase", "Due", "Progress"} <= set(titles)
    menu.close()
    assert DUE not in visible_columns(page)

    choose(page, "Offer")
    assert OFFER not in visible_columns(page)
    assert DUE in visible_columns(page)  # the room Offer left brings the due date back
    assert_fits_without_cut_headers(page)

    choose(page, "Offer")
    assert OFFER in visible_columns(page)
    assert_fits_without_cut_headers(page)


def test_the_columns_hidden_by_hand_are_remembered_between_runs(
    demo_ws: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    path = str(tmp_path / "settings.ini")
    first = MainWindow(demo_ws, AppEvents(), settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    choose(open_clients(first, 1600, 1000), "Waiting on")
    assert WAITING not in visible_columns(first.clients)
    first.close()

    again = MainWindow(demo_ws, AppEvents(), settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    page = open_clients(again, 1600, 1000)
    assert WAITING not in visible_columns(page)
    assert {DUE, PROGRESS} <= set(visible_columns(page))


def test_a_newcomers_first_clients_read_whole_in_a_list_first_seen_empty(
    empty_ws: Workspace, qtbot: QtBot
) -> None:
    from datetime import date

    from deliverydesk.services.clients.clients import ClientInput
    from tests.unit.reports_support import OFFER

    empty_ws.practice.create_practice("Solo", 25, frozenset({1, 2, 3, 4, 5}), "Sam")
    events = AppEvents()
    window = MainWindow(empty_ws, events)
    qtbot.addWidget(window)
    window.show()
    page = open_clients(window, 1024, 700)  # seen empty first: its widths fit no names
    offer_id = empty_ws.offers.add_offer(OFFER).value
    result = empty_ws.clients.add_client(ClientInput("Alexandra Montgomery"))
    events.changed.emit(result.changes)
    journey = empty_ws.clients.enrol_client(result.value, offer_id, date(2026, 11, 23))
    events.changed.emit(journey.changes)
    settle()
    assert page.model.rowCount() == 1
    assert_fits_without_cut_headers(page)
    name_width = page.table.fontMetrics().horizontalAdvance("Alexandra Montgomery")
    assert page.table.horizontalHeader().sectionSize(NAME) >= name_width

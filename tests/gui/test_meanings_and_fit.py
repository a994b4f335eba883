"""One meaning per word, and screens that fit (issue 8, bug 10 and after): "Overdue" is
your own lateness on the board, the client list and Today alike; the board fills the
default window under the overdue banner without an outer scroll bar; the client list keeps
name, health, offer and phase readable at 1024 px."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.lifecycle import complete
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.clients.client_list_model import (
    DUE,
    HEALTH,
    NAME,
    OFFER,
    PHASE,
    PROGRESS,
    WAITING,
)
from deliverydesk.ui.clients.clients_page import ClientsPage
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import badges, health_label, owner_label
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.timeline.axis import major_label
from deliverydesk.ui.timeline.scale import Zoom
from tests.conftest import TODAY
from tests.gui.test_board import cards_on_board


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)  # the default size: 1050 x 630
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


# -- "Overdue" is your own lateness ----------------------------------------------------------
def test_the_overdue_filter_keeps_exactly_the_cards_with_an_overdue_badge(
    window: MainWindow,
) -> None:
    board = window.board
    everyone = {i: board.index.cards[i] for i in cards_on_board(board)}
    client_late_only = [
        i for i, c in everyone.items() if c.late_days(Owner.CLIENT) and not c.late_days(Owner.ME)
    ]
    assert client_late_only, "the demo has clients late with nothing of yours late"
    board.quick[Quick.OVERDUE].click()
    shown = set(cards_on_board(board))
    badged = {i for i, c in everyone.items() if any(w.startswith("Overdue") for _t, w in badges(c))}
    assert shown == badged and shown
    assert not shown & set(client_late_only)  # a client's lateness is "Client late"
    assert "yours" in board.quick[Quick.OVERDUE].toolTip()


def test_the_client_list_calls_only_your_own_late_step_overdue(
    demo_ws: Workspace, qtbot: QtBot, events: AppEvents
) -> None:
    page = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    model = page.model
    late: dict[Owner, str] = {}
    for r in range(model.rowCount()):
        row = model.row_at(r)
        due = row.next_step_due
        if row.status is JourneyStatus.ACTIVE and due and due < TODAY and row.next_step_owner:
            late.setdefault(
                row.next_step_owner, model.index(r, DUE).data(Qt.ItemDataRole.ToolTipRole)
            )
    assert Owner.CLIENT in late
    assert "overdue" not in late[Owner.CLIENT] and "Waiting on the client" in late[Owner.CLIENT]
    if Owner.ME in late:
        assert "overdue" in late[Owner.ME]


def test_an_ended_journey_has_no_next_step_tooltips_in_the_client_list(
    demo_ws: Workspace, demo_ctx: Context, qtbot: QtBot, events: AppEvents
) -> None:
    page = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.show()
    model = page.model
    row = next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).next_step_due)
    assert row.journey_id is not None
    complete(demo_ctx, row.journey_id, force=True)  # completed with steps still open
    page.reload()
    ended = next(r for r in range(model.rowCount()) if model.row_at(r).journey_id == row.journey_id)
    for column in (DUE, WAITING):
        assert not model.index(ended, column).data()
        # No date or who it waits on (a narrow list's tooltip may still say the progress).
        tip = model.index(ended, column).data(Qt.ItemDataRole.ToolTipRole) or ""
        assert "Due" not in tip and "Waiting" not in tip and "late" not in tip


# -- the board fits the default window under the overdue banner ------------------------------
def test_the_board_fills_the_default_window_under_the_banner_without_an_outer_scroll(
    qtbot: QtBot, window: MainWindow
) -> None:
    banner = window.overdue.banner
    qtbot.waitUntil(lambda: not banner.isHidden(), timeout=2000)
    settle()
    assert window.size().toTuple() == (1050, 630)
    board = window.board
    assert len(board.lanes) == 3
    assert board.lanes_scroll.verticalScrollBar().maximum() == 0
    assert not board.lanes_scroll.verticalScrollBar().isVisible()
    for widget in board.columns.values():  # each lane shows at least one whole card
        if widget.model.shown:
            assert widget.view.viewport().height() >= widget.view.sizeHintForRow(0)


# -- the client list at 1024 px --------------------------------------------------------------
def test_at_1024_px_the_client_list_keeps_name_health_offer_and_phase_whole(
    demo_ws: Workspace, qtbot: QtBot, events: AppEvents
) -> None:
    page = ClientsPage(demo_ws, events, QUndoStack())
    qtbot.addWidget(page)
    page.resize(870, 640)  # the Clients screen in a 1024 x 700 window
    page.show()
    settle()
    table, model = page.table, page.model
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    icon = max(table.iconSize().width(), metrics.height())

    def widest(column: int) -> int:
        texts = {model.index(r, column).data() for r in range(model.rowCount())}
        return max(metrics.horizontalAdvance(t) for t in texts if t)

    # Health reads whole beside its icon ("Completed", not "Comple…"), names whole.
    health_words = max(metrics.horizontalAdvance(health_label(h)) for h in Health)
    assert header.sectionSize(HEALTH) >= health_words + icon
    assert header.sectionSize(NAME) >= max(metrics.horizontalAdvance(n) for n in model.names())
    for column in (OFFER, PHASE):
        assert header.sectionSize(column) >= widest(column)
    # At 1024 px the small columns step aside (test_clients_columns.py); given room, they fit
    # their words, and the progress bar, least needed, comes last.
    page.resize(1400, 640)
    settle()
    assert (
        header.sectionSize(WAITING)
        >= max(metrics.horizontalAdvance(owner_label(o)) for o in Owner) + icon
    )
    assert header.sectionSize(DUE) >= metrics.horizontalAdvance("Yesterday") + icon
    assert header.visualIndex(PROGRESS) == header.count() - 1
    assert header.visualIndex(HEALTH) == 1
    # Narrower than what always shows, the list glides sideways; a cut cell gives its whole
    # text on hover.
    assert table.horizontalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel
    for column in (OFFER, PHASE):
        index = model.index(0, column)
        assert index.data() in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_week_on_the_timeline_axis_says_its_year_when_it_is_not_this_years() -> None:
    assert major_label(date(TODAY.year + 1, 1, 4), Zoom.WEEK, TODAY) == "4 Jan 2027"
    assert major_label(date(TODAY.year, 11, 30), Zoom.WEEK, TODAY) == "30 Nov"

"""A change on the board reaches the screen in one repaint of the window: the cards laid
out and "+N more" counted before the paint, not in a second paint after it (issue 21: a
filter keystroke and a move each paid for two or three)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow


class Repaints(QObject):
    """Counts a shown window's repaints: each arrives as one UpdateRequest, which lays out
    and paints everything marked dirty since the last."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.count = 0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.UpdateRequest:
            self.count += 1
        return False

    def after(self, action: Callable[[], object]) -> int:
        """How many repaints `action` takes until the window is quiet (two passes of the
        event loop in a row with no repaint: a pass may post work for the next)."""
        settle(self)
        before, quiet = self.count, 0
        action()
        while quiet < 2:
            seen = self.count
            QApplication.processEvents()
            quiet = quiet + 1 if self.count == seen else 0
        return self.count - before


def settle(repaints: Repaints) -> None:
    quiet = 0
    while quiet < 2:
        seen = repaints.count
        QApplication.processEvents()
        quiet = quiet + 1 if repaints.count == seen else 0


@pytest.fixture
def window(demo_ws: Workspace, qtbot: QtBot, events: AppEvents) -> MainWindow:
    main = MainWindow(demo_ws, events)
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_a_quick_filter_reaches_the_screen_in_one_repaint(window: MainWindow) -> None:
    board = window.board
    repaints = Repaints(window)
    overdue = board.quick[Quick.OVERDUE]
    before = sum(w.model.shown for w in board.columns.values())
    click = overdue.click if isinstance(overdue, QAbstractButton) else overdue.trigger
    assert repaints.after(click) == 1
    assert sum(w.model.shown for w in board.columns.values()) < before  # it did filter
    for widget in board.columns.values():  # and "+N more" was counted for that paint
        view = widget.view
        if view.more is not None:
            card = view.sizeHintForRow(0) if widget.model.shown else 1
            below = max(widget.model.shown - view.viewport().height() // card, 0)
            assert view.more.count == below, widget.name

"""A change on the board reaches the screen in one repaint of the window: the cards laid
out and "+N more" counted before the paint, not in a second paint after it (issue 21: a
filter keystroke and a move each paid for two or three)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from deliverydesk.services.context import Context
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.board.board_index import Quick
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.main_window import MainWindow
from deliverydesk.ui.widgets.message_bar import MessageBar
from tests.gui.test_board import cards_on_board, movable


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


def test_a_card_moved_and_moved_back_reaches_the_screen_in_one_repaint_each(
    window: MainWindow, demo_ctx: Context
) -> None:
    """The columns and the message bar's "Moved … [Undo]" come in the same paint: the
    message no longer makes the status bar lay out and repaint its whole width after it."""
    board = window.board
    board.confirm_override = lambda name, phase, titles: True  # type: ignore[method-assign]
    journey_id, offer_id, target = movable(board, demo_ctx, blocked=False)
    repaints = Repaints(window)
    assert repaints.after(lambda: board.request_move(journey_id, target)) == 1
    assert cards_on_board(board)[journey_id] == (offer_id, target)
    assert window.messages.text().startswith("Moved ")
    assert repaints.after(window.undo_stack.undo) == 1
    assert cards_on_board(board)[journey_id] == (offer_id, target - 1)
    assert window.messages.text().startswith("Undone: Moved ")


def test_the_message_bar_places_its_words_and_button_within_it(qtbot: QtBot) -> None:
    """Placed by hand now: the button right after the words, a long name cut at the edge
    with the button still in sight, and mirrored right to left."""
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(600, bar.sizeHint().height())
    bar.show()
    height = bar.height()
    bar.show_message("Moved Anna to Discovery", "Undo", lambda: None, icon_name="step_done")
    icon, words, button = bar.icon.geometry(), bar.label.geometry(), bar.button.geometry()
    assert icon.right() < words.left() < words.right() < button.left() < 300
    bar.show_message("A" * 10_000, "Undo", lambda: None)
    words, button = bar.label.geometry(), bar.button.geometry()
    assert words.left() == 0 and words.right() < button.left() and button.right() < 600
    assert bar.height() == height  # the bar kept its size: the status bar was not relaid out
    bar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    bar.show_message("Moved Anna to Discovery", "Undo", lambda: None)
    words, button = bar.label.geometry(), bar.button.geometry()
    assert words.right() == 599 and button.right() < words.left()

"""What the main window remembers between runs, in the QSettings it is handed: its size,
place and maximized state, and the board's view (offer, sort, quick filters).

Apart from the window because it is its own concern with its own keys; the window only
says when (at its start, when the board's view changes, and on close).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from deliverydesk.ui.board.board_page import BoardPage


def restore(window: QMainWindow, board: BoardPage, settings: QSettings) -> None:
    size = settings.value("window/size")
    place = settings.value("window/position")
    if isinstance(size, QSize) and size.isValid():
        window.resize(size.expandedTo(window.minimumSizeHint()))
    if isinstance(place, QPoint):
        screen = QGuiApplication.screenAt(place)
        if screen is None:  # the screen it was on is gone: back on the main one
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry()
            window.resize(window.size().boundedTo(area.size()))
            place = area.topLeft()
        window.move(place)
    if settings.value("window/maximized") in (True, "true"):
        window.setWindowState(Qt.WindowState.WindowMaximized)
    offer = str(settings.value("board/offer", "all"))
    sort = str(settings.value("board/sort", ""))
    quick = [q for q in str(settings.value("board/quick", "")).split(",") if q]
    offer_id = int(offer) if offer.isdigit() else None
    if offer_id is not None or sort or quick:
        board.restore_view(offer_id, sort, quick)


def save_board_view(board: BoardPage, settings: QSettings) -> None:
    offer_id, sort, quick = board.view_state()
    settings.setValue("board/offer", "all" if offer_id is None else str(offer_id))
    settings.setValue("board/sort", sort)
    settings.setValue("board/quick", ",".join(quick))


def save(window: QMainWindow, board: BoardPage, settings: QSettings) -> None:
    """On close: the window's place and the board's view, written out at once."""
    maximized = window.isMaximized()
    settings.setValue("window/maximized", maximized)
    if not maximized:  # a maximized window keeps the size it had before
        settings.setValue("window/size", window.size())
        settings.setValue("window/position", window.pos())
    save_board_view(board, settings)
    settings.sync()

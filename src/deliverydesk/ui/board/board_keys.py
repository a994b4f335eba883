"""The Board's keyboard: arrows between columns, Ctrl+Shift+arrows move a card, Down from
the filter box to the cards, and a word on Delete (cards are never deleted here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from deliverydesk.ui.board.card_model import JOURNEY_ID_ROLE
from deliverydesk.ui.core.text import tr

if TYPE_CHECKING:
    from deliverydesk.ui.board.board_page import BoardPage
    from deliverydesk.ui.board.column_view import ColumnWidget


class BoardKeys(QObject):
    """An event filter on the filter box and on every column's view."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            page = self._page
            if watched is page.search and event.key() == Qt.Key.Key_Down:
                return self._focus_cards()
            widget = next((w for w in page.columns.values() if w.view is watched), None)
            if widget is not None and self._key(widget, event):
                return True
        return super().eventFilter(watched, event)

    def _focus_cards(self) -> bool:
        """From the filter box to the cards: the selected card, or the first shown."""
        page = self._page
        page.apply_filter()
        selected = page.selected_journey()
        shown = {i for w in page.columns.values() for i in w.model.journey_ids()}
        if selected is not None and selected in shown:
            page.select_journey(selected)
            return True
        first = next((w for w in page.columns.values() if w.model.rowCount()), None)
        if first is None:
            return False
        first.view.setFocus(Qt.FocusReason.TabFocusReason)
        first.view.select_row(0)
        return True

    def _key(self, widget: ColumnWidget, event: QKeyEvent) -> bool:
        page = self._page
        key, mods = event.key(), event.modifiers()
        sideways = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(Qt.Key(key))
        move_mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if sideways and mods == move_mods:
            current = widget.view.currentIndex()
            if current.isValid():
                page.request_move(current.data(JOURNEY_ID_ROLE), widget.model.position + sideways)
            return True
        if sideways and mods == Qt.KeyboardModifier.NoModifier:
            offer_id, position = widget.model.column
            target = page.columns.get((offer_id, position + sideways))
            if target is not None and target.model.rowCount():
                row = min(max(widget.view.currentIndex().row(), 0), target.model.rowCount() - 1)
                target.view.setFocus()
                target.view.select_row(row)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            page.say(
                tr(
                    "Cards are never deleted from the board; a client's journey ends from "
                    "their page."
                )
            )
            return True
        return False

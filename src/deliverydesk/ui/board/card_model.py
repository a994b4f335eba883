"""One board column: the ids of the cards shown, served from the board's shared index."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from deliverydesk.ui.board.board_index import BoardIndex, Column
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr

Index = QModelIndex | QPersistentModelIndex
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
JOURNEY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-deliverydesk-journey"
FETCH_BATCH = 16  # rows a column hands its view at a time (a tall screen's column of ~7 em
# cards); it asks for more as it scrolls. Each row handed costs the view's layout a call of
# rowCount (Python) on every filter keystroke: 40 per column cost ~1,200 calls a keystroke.

MoveRequest = Callable[[int, int], object]  # (journey id, target phase position)


def encode(journey_id: int, offer_id: int) -> bytes:
    return f"{journey_id}:{offer_id}".encode("ascii")


def decode(data: QMimeData) -> tuple[int, int] | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        journey, offer = bytes(data.data(MIME_TYPE).data()).decode("ascii").split(":")
        return int(journey), int(offer)
    except ValueError:
        return None


class CardColumnModel(QAbstractListModel):
    """Drag and drop goes through mime data; a drop asks for a move (the page decides,
    through the same undoable command as the keyboard) instead of moving rows here."""

    def __init__(
        self,
        index: BoardIndex,
        column: Column,
        on_move: MoveRequest,
        today: Callable[[], date],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._index = index
        self._today = today
        self.column = column
        self._on_move = on_move
        self._ids: list[int] = []
        self._loaded = 0  # rows the view has been given so far (see fetchMore)

    @property
    def offer_id(self) -> int:
        return self.column[0]

    @property
    def position(self) -> int:
        return self.column[1]

    def set_ids(self, ids: Sequence[int]) -> None:
        if list(ids) == self._ids:
            return  # same cards: no reset, so no relayout and no repaint
        self.beginResetModel()
        self._ids = list(ids)
        self._loaded = min(len(self._ids), FETCH_BATCH)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many clients are in the phase, filter or no filter."""
        return len(self._index.ids(self.column))

    @property
    def shown(self) -> int:
        """How many cards pass the filter, loaded into the view or not."""
        return len(self._ids)

    def journey_ids(self) -> list[int]:
        """Every card of the column, loaded into the view or not yet."""
        return list(self._ids)

    def row_of(self, journey_id: int) -> int:
        """The card's row, loading rows up to it if the view has not scrolled that far."""
        if journey_id not in self._ids:
            return -1
        row = self._ids.index(journey_id)
        if row >= self._loaded:
            self.beginInsertRows(QModelIndex(), self._loaded, row)
            self._loaded = row + 1
            self.endInsertRows()
        return row

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        """More cards as the person scrolls down: a column of a thousand clients lays out
        and paints the first hundred, not all of them, on every filter keystroke."""
        if not self.canFetchMore(parent):
            return
        more = min(FETCH_BATCH, len(self._ids) - self._loaded)
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        journey_id = self._ids[index.row()]
        card = self._index.cards.get(journey_id)
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.name
        if role == CARD_ROLE:
            return card
        if role == JOURNEY_ID_ROLE:
            return journey_id
        if role == Qt.ItemDataRole.ToolTipRole:
            skipped = self._index.skipped(journey_id)
            # Every badge, with those the card's width collapsed into "+N".
            line = text.badges_line(card)
            lines = ([line] if line else []) + skipped
            tooltip = text.card_tooltip(card, self._today())
            return tooltip + (text.literal_rich_text(lines) if lines else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return text.card_summary(card, self._today())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        card = self._index.cards.get(self._ids[index.row()]) if index.row() < self._loaded else None
        # A paused journey stays where it stopped until it is resumed.
        return flags if card is None or card.paused else flags | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop -----------------------------------------------------------------------
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            data.setData(MIME_TYPE, encode(self._ids[rows[0]], self.offer_id))
            data.setText(self._index.cards[self._ids[rows[0]]].name)
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        decoded = decode(data)
        # A card moves between the phases of its own offer only.
        return decoded is not None and decoded[1] == self.offer_id

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        journey_id, _offer = decode(data) or (0, 0)
        if self._index.column_of(journey_id) == self.column:
            return False
        self._on_move(journey_id, self.position)
        # The move refreshes the columns through the event bus; the view removes nothing.
        return False


def column_counts(shown: int, total: int, over_plan: int) -> str:
    """ "4 clients · 1 over plan", or "2 of 4 clients" while a filter hides some."""
    count = text.clients_shown(shown, total)
    if over_plan:
        count += " · " + tr("{n} over plan").format(n=over_plan)
    return count

"""The portfolio's rows: every active journey, grouped by offer under a heading row and
sorted within each offer by start, end or slip. The rows are the service's frozen rows;
the view paints only the visible ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from deliverydesk.services.views.timeline import PortfolioRow
from deliverydesk.ui.core.text import clients, days, tr

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
JOURNEY_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class SortBy(Enum):
    START = "start"
    END = "end"
    SLIP = "slip"


@dataclass(frozen=True, slots=True)
class OfferHeading:
    offer_name: str
    count: int


def _key(sort: SortBy) -> Any:
    if sort is SortBy.START:
        return lambda r: (r.start_on, r.client_name.casefold(), r.journey_id)
    if sort is SortBy.END:
        return lambda r: (r.forecast_end, r.client_name.casefold(), r.journey_id)
    return lambda r: (-r.slip_days, r.forecast_end, r.client_name.casefold(), r.journey_id)


class PortfolioModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, PortfolioRow] = {}
        self._items: list[PortfolioRow | OfferHeading] = []
        self._where: dict[int, int] = {}  # journey id -> item index
        self.sort_by = SortBy.START  # not "sort": that is the model's own method

    # -- filling -----------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[PortfolioRow]) -> None:
        self._rows = {row.journey_id: row for row in rows}
        self._rebuild()

    def update_rows(self, journey_ids: Iterable[int], fresh: Iterable[PortfolioRow]) -> None:
        """Replace these journeys' rows by `fresh` (a journey missing from it has ended)."""
        for journey_id in journey_ids:
            self._rows.pop(journey_id, None)
        self._rows.update((row.journey_id, row) for row in fresh)
        self._rebuild()

    def set_sort(self, sort: SortBy) -> None:
        if sort is not self.sort_by:
            self.sort_by = sort
            self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups: dict[tuple[int, str, int | None], list[PortfolioRow]] = {}
        for row in self._rows.values():
            key = (row.offer_position, row.offer_name, row.offer_id)
            groups.setdefault(key, []).append(row)
        items: list[PortfolioRow | OfferHeading] = []
        key = _key(self.sort_by)
        for (_position, name, _offer_id), rows in sorted(
            groups.items(), key=lambda g: (g[0][0], g[0][1].casefold(), g[0][2] or 0)
        ):
            items.append(OfferHeading(name, len(rows)))
            items.extend(sorted(rows, key=key))
        self._items = items
        self._where = {
            item.journey_id: i for i, item in enumerate(items) if isinstance(item, PortfolioRow)
        }
        self.endResetModel()

    # -- reading -----------------------------------------------------------------------------
    @property
    def journeys(self) -> int:
        return len(self._rows)

    def rows(self) -> list[PortfolioRow]:
        return list(self._rows.values())

    def item(self, row: int) -> PortfolioRow | OfferHeading | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, journey_id: int) -> int:
        return self._where.get(journey_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:  # the invisible root: nothing to select or enable
            return Qt.ItemFlag.NoItemFlags
        if isinstance(item, OfferHeading):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        if role == ROW_ROLE:
            return item
        if isinstance(item, OfferHeading):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{item.offer_name} · {clients(item.count)}"
            return None
        if role == JOURNEY_ID_ROLE:
            return item.journey_id
        if role == Qt.ItemDataRole.DisplayRole:
            return item.client_name  # keyboard search finds a client by typing their name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("{name}, {offer}, {slip}").format(
                name=item.client_name, offer=item.offer_name, slip=slip_words(item.slip_days)
            )
        return None


def slip_words(slip: int) -> str:
    """ "4 days behind plan", "2 days ahead of plan", "on plan"."""
    if slip > 0:
        return tr("{days} behind plan").format(days=days(slip))
    if slip < 0:
        return tr("{days} ahead of plan").format(days=days(-slip))
    return tr("on plan")


def slip_short(slip: int) -> str:
    """The slip column: "+4 days", "−2 days", "On plan"."""
    if slip > 0:
        return tr("+{days}").format(days=days(slip))
    if slip < 0:
        return tr("−{days}").format(days=days(-slip))
    return tr("On plan")

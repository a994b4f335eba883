"""The capacity planner as a table: the chart's numbers, week by week, for a screen
reader, a keyboard, or a person who prefers figures to bars."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from deliverydesk.services.views.planner import Planner
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.capacity_chart import hours, room_words

Index = QModelIndex | QPersistentModelIndex


class PlannerTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.planner: Planner | None = None
        self._headers: list[str] = []

    def set_planner(self, planner: Planner | None) -> None:
        self.beginResetModel()
        self.planner = planner
        self._headers = [tr("Week of"), tr("Your hours")]
        if planner is not None:
            self._headers += [o.name or tr("A deleted offer") for o in planner.offers]
            self._headers.append(tr("Booked"))
            if planner.what_if is not None:
                self._headers.append(
                    tr("What if: {offer}").format(offer=planner.what_if.offer_name)
                )
        self._headers.append(tr("Left"))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.planner is None else len(self.planner.weeks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def cell(self, row: int, column: int) -> str:
        assert self.planner is not None
        week = self.planner.weeks[row]
        load = week.load
        values = [text.long_date(week.week_start), hours(load.capacity_hours)]
        values += [hours(h) for h in week.by_offer]
        values.append(hours(load.booked_hours))
        if self.planner.what_if is not None:
            values.append(hours(load.added_hours))
        values.append(room_words(load.capacity_hours - load.booked_hours - load.added_hours))
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.planner is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

"""The offers as a table: name, clients, revision and whether each can enrol a client.

Holds the light rows the service reads (OfferListRow); archived offers are listed after
the active ones, and only while "Show archived" is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from deliverydesk.services.offers.offer_design import OfferListRow
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.offers.offer_words import client_count

NAME, CLIENTS, REVISION, STATUS = range(4)
HEADERS = ("Offer", "Clients", "Revision", "Can enrol?")
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def status_words(row: OfferListRow) -> str:
    if row.archived:
        return tr("Archived")
    if row.is_valid:
        return tr("Ready to enrol clients")
    return tr("Needs attention: {problem}").format(problem=problem_words(row.problem))


class OfferListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[OfferListRow] = []
        self._rows: list[OfferListRow] = []
        self.show_archived = False

    # -- contents ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[OfferListRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = [r for r in self._all if self.show_archived or not r.archived]
        self.endResetModel()

    def set_show_archived(self, shown: bool) -> None:
        self.show_archived = shown
        self.set_rows(self._all)

    @property
    def total(self) -> int:
        return len(self._all)

    @property
    def archived_count(self) -> int:
        return sum(1 for r in self._all if r.archived)

    def row_at(self, row: int) -> OfferListRow:
        return self._rows[row]

    def row_of(self, offer_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == offer_id), None)

    def find(self, offer_id: int) -> OfferListRow | None:
        return next((r for r in self._all if r.id == offer_id), None)

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, STATUS):
            return literal_rich_text([self._text(row, column)])
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return self._status_icon(row)
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(row, column)
        return None

    def _text(self, row: OfferListRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == CLIENTS:
            return client_count(row.active_clients, row.total_clients)
        if column == REVISION:
            return str(row.revision)
        return status_words(row)

    def _status_icon(self, row: OfferListRow) -> Any:
        if row.archived:
            return None
        colors = semantic(QApplication.palette())
        if row.is_valid:
            return icon("on_track", colors.good)
        return icon("at_risk", colors.warning)

"""A read-only table of records, one per row, under fixed column headers: the trash, the
backups and a CSV import's rows. Subclasses name the headers and say what a cell shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel[Record](QAbstractTableModel):
    def __init__(self, headers: Callable[[], Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = headers  # called when asked: the words follow the translation
        self.records: list[Record] = []

    def set_records(self, records: list[Record]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def record_at(self, index: Index) -> Record | None:
        valid = index.isValid() and 0 <= index.row() < len(self.records)
        return self.records[index.row()] if valid else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

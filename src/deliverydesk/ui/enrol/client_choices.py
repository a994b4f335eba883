"""The wizard's list of clients to pick from: every current client, filtered as you type.

A plain list model over light rows, filtered in Python (accents and case ignored), so a
practice of thousands filters at once; the view asks only for the rows it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from deliverydesk.services.client_lookup import ClientChoice, fold
from deliverydesk.ui.text import literal_rich_text, tr

Index = QModelIndex | QPersistentModelIndex
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def choice_label(choice: ClientChoice) -> str:
    """ "Priya García · García Legal": the company tells namesakes apart."""
    return f"{choice.name} · {choice.company}" if choice.company else choice.name


class ClientChoiceModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ClientChoice] = []
        self._keys: list[str] = []
        self._shown: list[int] = []
        self._needle = ""

    def set_choices(self, choices: Sequence[ClientChoice]) -> None:
        self.beginResetModel()
        self._all = list(choices)
        self._keys = [fold(f"{c.name} {c.company} {c.email}") for c in self._all]
        self._filter()
        self.endResetModel()

    def set_filter(self, needle: str) -> None:
        folded = fold(needle)
        if folded == self._needle:
            return
        self.beginResetModel()
        self._needle = folded
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        needle = self._needle
        self._shown = [i for i, key in enumerate(self._keys) if not needle or needle in key]

    @property
    def total(self) -> int:
        return len(self._all)

    def choice_at(self, row: int) -> ClientChoice:
        return self._all[self._shown[row]]

    def choice(self, client_id: int) -> ClientChoice | None:
        return next((c for c in self._all if c.id == client_id), None)

    def row_of(self, client_id: int) -> int:
        """The row showing this client, or -1 when the filter hides them."""
        for row, i in enumerate(self._shown):
            if self._all[i].id == client_id:
                return row
        return -1

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        choice = self._all[self._shown[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return choice_label(choice)
        if role == CLIENT_ID_ROLE:
            return choice.id
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [choice.name]
            lines += [part for part in (choice.company, choice.email) if part]
            if choice.ended_journeys:
                lines.append(
                    tr("Returning client: {n} earlier journeys").format(n=choice.ended_journeys)
                    if choice.ended_journeys > 1
                    else tr("Returning client: 1 earlier journey")
                )
            return literal_rich_text(lines)
        return None

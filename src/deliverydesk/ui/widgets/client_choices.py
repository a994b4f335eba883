"""The list of clients to pick from (the enrol wizard, a filled form's import): every
current client, filtered as you type.

A plain list model over light rows, filtered in Python (accents and case ignored), so a
practice of thousands filters at once; the view asks only for the rows it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from deliverydesk.services.clients.client_lookup import ClientChoice, fold
from deliverydesk.ui.core.search_keys import arrowed_row
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import icon

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


class ClientSearch(QObject):
    """A search field over the list of clients, and the one chosen: typing keeps the
    chosen client while it still matches, else takes the first match (so Enter takes
    it); Up and Down in the field move through the list, as in a combo box. The enrol
    wizard and the filled-form import both pick a client with it.

    Signals:
        changed(): the chosen client (`client_id`) may have changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.model = ClientChoiceModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by name, company or e-mail…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(tr("Search clients"))
        self.search.installEventFilter(self)
        self.clients = QListView()
        self.clients.setModel(self.model)
        self.clients.setUniformItemSizes(True)
        self.clients.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clients.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clients.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.clients.setAccessibleName(tr("Clients"))
        self.clients.setSpacing(1)
        self.search.textChanged.connect(self._on_search)
        self.clients.selectionModel().currentChanged.connect(self._on_current)

    def choice(self) -> ClientChoice | None:
        return self.model.choice(self.client_id) if self.client_id is not None else None

    def choose(self, client_id: int | None) -> None:
        """Select `client_id` in the list (None, or one the filter hides: no one)."""
        row = self.model.row_of(client_id) if client_id is not None else -1
        selection = self.clients.selectionModel()
        if row < 0:
            selection.clear()
            self.client_id = None
        else:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.clients.scrollTo(index)
            self.client_id = client_id
        self.changed.emit()

    def _on_search(self, needle: str) -> None:
        keep = self.client_id
        self.model.set_filter(needle)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.choose(keep)
        elif needle.strip() and self.model.rowCount():
            self.choose(self.model.choice_at(0).id)  # Enter then takes the first match
        else:
            self.choose(None)

    def _on_current(self, *_args: object) -> None:
        index = self.clients.currentIndex()
        if index.isValid():
            self.client_id = self.model.choice_at(index.row()).id
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search:
            row = arrowed_row(event, self.clients.currentIndex().row(), self.model.rowCount())
            if row is not None:
                self.choose(self.model.choice_at(row).id)
                return True
        return super().eventFilter(watched, event)

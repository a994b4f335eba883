"""Which columns the client list shows, and how wide, so it fits its window without a
sideways scroll bar.

Client, Health, Offer and Phase keep the width their words need and the next step takes
what is left, never under a readable minimum. When that leaves too little room, the least
needed columns step aside (the progress bar first, then who a step waits on, then its due
date) and come back when the window widens; a row's tooltip tells what they would show.
A right click on the header shows or hides any column but the client's name; those choices
are the person's and outlast the run (the window keeps them in its settings).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from deliverydesk.ui.clients.client_list_model import (
    COLUMN_KEYS,
    DUE,
    NAME,
    NEXT,
    PROGRESS,
    WAITING,
    ClientListModel,
)
from deliverydesk.ui.core.text import WORDS, tr

# Stepping aside when room is short, the first here first; the rest always show (if chosen).
YIELDING = (PROGRESS, WAITING, DUE)
SETTINGS_KEY = "clients/hidden_columns"


class ClientColumns(QObject):
    """Signals:
    choice_changed(): the person showed or hid a column (the window remembers it).
    """

    choice_changed = Signal()

    def __init__(self, table: QTableView, model: ClientListModel, next_step_min: int) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._next_min = next_step_min
        header = table.horizontalHeader()
        # The width each column wants; the next step's is what the others leave.
        self._widths = {c: header.sectionSize(c) for c in range(model.columnCount())}
        self._chosen_hidden: set[int] = set()
        self._squeezed: tuple[int, ...] = ()  # stepped aside for lack of room
        self._folded: tuple[int, ...] = ()  # hidden, for either reason
        self._fitting = False
        header.sectionResized.connect(self._on_resized_by_hand)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)

    # -- widths ------------------------------------------------------------------------------
    def set_width(self, column: int, width: int) -> None:
        """The width `column` wants when shown (applied by the next fit())."""
        self._widths[column] = width

    def fit(self) -> None:
        """Show what fits the table's width, widest-needed first, the next step taking the
        rest: no sideways scroll bar unless even the columns that always show do not fit."""
        header = self._table.horizontalHeader()
        wanted = [c for c in range(self._model.columnCount()) if c not in self._chosen_hidden]
        kept = [c for c in wanted if c not in YIELDING]
        room = self._table.viewport().width()
        used = sum(self._widths[c] for c in kept if c != NEXT)
        used += self._next_min if NEXT in kept else 0
        sorted_by = header.sortIndicatorSection()
        # A column the list is sorted by keeps its place longest: its arrow says the order.
        most_needed_first = sorted(
            (c for c in YIELDING if c in wanted), key=lambda c: (c != sorted_by, -YIELDING.index(c))
        )
        squeezed: list[int] = []
        for column in most_needed_first:
            if squeezed or used + self._widths[column] > room:
                squeezed.append(column)  # once one steps aside, the less needed do too
            else:
                used += self._widths[column]
        self._fitting = True
        try:
            for column in range(self._model.columnCount()):
                hide = column in self._chosen_hidden or column in squeezed
                if header.isSectionHidden(column) != hide:
                    header.setSectionHidden(column, hide)
                if (
                    not hide
                    and column != NEXT
                    and header.sectionSize(column) != self._widths[column]
                ):
                    header.resizeSection(column, self._widths[column])
            if NEXT not in self._chosen_hidden:
                header.resizeSection(NEXT, max(self._next_min, room - used + self._next_min))
        finally:
            self._fitting = False
        self._squeezed = tuple(squeezed)
        folded = tuple(sorted(self._chosen_hidden | set(squeezed), key=header.visualIndex))
        if folded != self._folded:
            self._folded = folded
            self._model.set_folded(folded)

    def _on_resized_by_hand(self, column: int, _old: int, new: int) -> None:
        """A column dragged wider or narrower keeps that width; the rest fit around it."""
        if self._fitting or column == NEXT or new == 0:
            return
        self._widths[column] = new
        self.fit()

    # -- the person's choice -----------------------------------------------------------------
    def hidden_by_choice(self) -> list[str]:
        """The columns the person hid, by their stable names (see COLUMN_KEYS)."""
        return [COLUMN_KEYS[c] for c in sorted(self._chosen_hidden)]

    def set_hidden_by_choice(self, keys: Iterable[str]) -> None:
        """Hide the columns named (unknown names are ignored: a column since renamed)."""
        chosen = {COLUMN_KEYS.index(k) for k in keys if k in COLUMN_KEYS} - {NAME}
        if chosen != self._chosen_hidden:
            self._chosen_hidden = chosen
            self.fit()

    def remember_in(self, settings: QSettings) -> None:
        """Hide what the person hid last time, and keep each new choice in `settings`."""
        self.set_hidden_by_choice(str(settings.value(SETTINGS_KEY, "")).split(","))
        self.choice_changed.connect(
            lambda: settings.setValue(SETTINGS_KEY, ",".join(self.hidden_by_choice()))
        )

    def set_shown(self, column: int, shown: bool) -> None:
        if column == NAME or (column not in self._chosen_hidden) == shown:
            return
        self._chosen_hidden.symmetric_difference_update({column})
        self.fit()
        self.choice_changed.emit()

    def menu(self) -> QMenu:
        """Every column but the client's, checked when the person wants it shown."""
        header = self._table.horizontalHeader()
        menu = QMenu(self._table)
        menu.setAccessibleName(tr("Columns to show"))
        by_place = sorted(range(self._model.columnCount()), key=header.visualIndex)
        squeezed = sorted(self._squeezed, key=header.visualIndex)
        for column in by_place:
            if column == NAME:
                continue
            title = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            action = QAction(title, menu, checkable=True)
            action.setChecked(column not in self._chosen_hidden)
            action.toggled.connect(lambda on, c=column: self.set_shown(c, on))
            menu.addAction(action)
        if squeezed:
            menu.addSeparator()
            names = WORDS.name_list(
                [str(self._model.headerData(c, Qt.Orientation.Horizontal)) for c in squeezed],
                quote="",
            )
            note = menu.addAction(
                tr("No room for {columns}: widen the window, or point at a row").format(
                    columns=names
                )
            )
            note.setEnabled(False)
        return menu

    def _show_menu(self, where: QPoint) -> None:
        header = self._table.horizontalHeader()
        self.menu().popup(header.viewport().mapToGlobal(where))

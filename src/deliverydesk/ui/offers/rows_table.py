"""A small editable table of rows (delivery standards, right-fit criteria): add, remove,
reorder, edit in place; each committed change is reported whole as `rows_edited`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.offer_rules import Problem
from deliverydesk.ui.core.item_values import enum_data
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.offers.list_actions import list_action, tool_row
from deliverydesk.ui.offers.problem_marks import ProblemLabel, problem_icon

Row = tuple[Any, ...]
AnyIndex = QModelIndex | QPersistentModelIndex
VALUE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # "text", "choice" or "number"
    choices: tuple[tuple[Any, str], ...] = ()
    enum: type[Enum] | None = None  # a choice of members of this enum
    low: int = 0
    high: int = 100
    stretch: bool = False
    default: Any = field(default="")

    def value_of(self, data: object) -> Any:
        """A choice's value as stored, from the item data Qt hands back for it."""
        return enum_data(self.enum, data) if self.enum is not None else data


class _ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, column: Column, parent: QWidget) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for value, words in self.column.choices:
            editor.addItem(words, value)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), VALUE)  # read back by read_rows
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class _NumberDelegate(QStyledItemDelegate):
    def __init__(self, column: Column, parent: QWidget) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(self.column.low, self.column.high)
        return editor


class RowsTable(QWidget):
    """Signals:
    rows_edited(list): the rows after the person's change, each a tuple of column values.
    """

    rows_edited = Signal(list)

    def __init__(
        self, columns: Sequence[Column], noun: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.noun = noun
        self.rows: list[Row] = []
        self._marks: dict[int, list[Problem]] | None = None
        self._loading = False
        table = self.table = QTableWidget(0, len(columns))
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels([c.header for c in columns])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setAccessibleName(tr("{name} columns").format(name=name))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        em = self.fontMetrics().horizontalAdvance("M")
        for index, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(index, em * 10)
            if column.kind == "choice":
                table.setItemDelegateForColumn(index, _ChoiceDelegate(column, table))
            elif column.kind == "number":
                table.setItemDelegateForColumn(index, _NumberDelegate(column, table))
        table.itemChanged.connect(lambda _item: self._edited())
        table.currentCellChanged.connect(lambda *_: self._update_actions())
        self.problems = ProblemLabel()
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The buttons are the list's context menu, in the same order.
        layout.addLayout(tool_row(self.table.actions()))
        layout.addWidget(table, 1)
        layout.addWidget(self.problems)
        self._update_actions()

    def _build_actions(self) -> None:
        def action(words: str, keys: str, slot: Callable[[], object]) -> QAction:
            made = list_action(self, words, keys, slot, words)
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(made)
            return made

        self.add_action = action(tr("Add {noun}").format(noun=self.noun), "Insert", self.add_row)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action = action(tr("Remove"), "Delete", self.remove_row)
        self.up_action = action(tr("Move up"), "Ctrl+Up", lambda: self.move_row(-1))
        self.down_action = action(tr("Move down"), "Ctrl+Down", lambda: self.move_row(1))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- showing -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row], problems: Mapping[int, Sequence[Problem]]) -> None:
        rows = list(rows)
        marks = {row: list(found) for row, found in problems.items() if found}
        if rows == self.rows and marks == self._marks:
            return  # the usual case while typing elsewhere in the design
        if rows != self.rows:
            self._fill(rows)
        self._marks = marks
        self._mark(marks)
        self._update_actions()

    def _fill(self, rows: list[Row]) -> None:
        self._loading = True
        try:
            current = self.table.currentRow()
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, (column, value) in enumerate(zip(self.columns, row, strict=True)):
                    self.table.setItem(r, c, self._item(column, value))
            if rows and current >= 0:
                self.table.setCurrentCell(min(current, len(rows) - 1), 0)
            self.rows = rows
        finally:
            self._loading = False

    def _item(self, column: Column, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        if column.kind == "choice":
            item.setData(VALUE, value)
            words = dict(column.choices).get(value, str(value))
            item.setData(Qt.ItemDataRole.DisplayRole, words)
        elif column.kind == "number":
            item.setData(Qt.ItemDataRole.EditRole, int(value))
        else:
            item.setText(str(value))
        return item

    def _mark(self, problems: Mapping[int, Sequence[Problem]]) -> None:
        self._loading = True
        try:
            lines: list[Problem] = []
            for r in range(self.table.rowCount()):
                item = self.table.item(r, 0)
                found = list(problems.get(r, ()))
                if item is None:
                    continue
                if found:
                    item.setIcon(problem_icon(found, self.palette()))
                    item.setToolTip(literal_rich_text(problem_words(p) for p in found))
                else:
                    item.setIcon(QIcon())
                    item.setToolTip("")
                lines.extend(found)
            self.problems.set_problems(lines)
        finally:
            self._loading = False

    def read_rows(self) -> list[Row]:
        rows = []
        for r in range(self.table.rowCount()):
            values = []
            for c, column in enumerate(self.columns):
                item = self.table.item(r, c)
                if item is None:
                    values.append(column.default)
                elif column.kind == "choice":
                    values.append(column.value_of(item.data(VALUE)))
                elif column.kind == "number":
                    values.append(int(item.data(Qt.ItemDataRole.EditRole) or 0))
                else:
                    values.append(item.text())
            rows.append(tuple(values))
        return rows

    # -- editing -----------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._loading:
            return
        rows = self.read_rows()
        if rows != self.rows:
            self.rows = rows
            self.rows_edited.emit(rows)

    def add_row(self) -> None:
        after = self.table.currentRow()
        at = after + 1 if after >= 0 else len(self.rows)
        rows = list(self.rows)
        rows.insert(at, tuple(c.default for c in self.columns))
        self.rows_edited.emit(rows)  # the owner shows the new rows through set_rows
        self.table.setCurrentCell(at, 0)
        item = self.table.item(at, 0)
        if item is not None:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.editItem(item)

    def remove_row(self) -> None:
        at = self.table.currentRow()
        if not 0 <= at < len(self.rows):
            return
        rows = list(self.rows)
        del rows[at]
        self.rows_edited.emit(rows)

    def move_row(self, delta: int) -> None:
        at = self.table.currentRow()
        target = at + delta
        if not (0 <= at < len(self.rows) and 0 <= target < len(self.rows)):
            return
        rows = list(self.rows)
        rows[at], rows[target] = rows[target], rows[at]
        self.rows_edited.emit(rows)
        self.table.setCurrentCell(target, self.table.currentColumn())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_actions(self) -> None:
        at, count = self.table.currentRow(), self.table.rowCount()
        self.remove_action.setEnabled(0 <= at < count)
        self.up_action.setEnabled(0 < at < count)
        self.down_action.setEnabled(0 <= at < count - 1)

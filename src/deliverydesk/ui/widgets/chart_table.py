"""Every chart's numbers in a table, behind one toggle ("Show as a table"): for a screen
reader, a keyboard, or a person who prefers figures to bars. One mechanism for all of them
(the Dashboard's load chart, the integrity parts, the capacity planner, the timeline's
capacity strip):

    shown = ChartTableToggle(chart, chart.chart_table, tr("Capacity by week"))
    layout.addWidget(shown)            # the chart, with its toggle above it on the right
    ...
    chart.set_strip(strip)             # feed the chart as before, then:
    shown.refresh()                    # the table follows, if it shows (else when next shown)

A chart gives its numbers as a `ChartTable` (worded cells, as the chart's own labels word
them); a chart with a table model of its own (the planner's) passes the model instead. The
table is made the first time it is asked for, so a screen's first paint never pays for it;
while it shows, the chart is hidden (a hidden widget takes no room), and the other way
round. Colours are the palette's, as every item view's, in light and in dark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.ui.core.text import tr

Index = QModelIndex | QPersistentModelIndex
TABLE_MAX_EM = 30  # a table's height at most, in lines of text (its rows fit, up to this)


@dataclass(frozen=True, slots=True)
class ChartTable:
    """A chart's numbers, worded: the column headings and a row of cells per bar."""

    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    words_in: tuple[int, ...] = (0,)  # the columns of words; the others' figures align right


class ChartTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.table = ChartTable()

    def set_table(self, table: ChartTable) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self.table.headers
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(headers)
        ):
            return headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.table.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() not in self.table.words_in:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ChartTableToggle(QWidget):
    """A chart and, behind a toggle, the same numbers in a table.

    `numbers`: the chart's `ChartTable` (read when the table shows), or a table model of
    its own. `toggle_in_row=False` leaves `toggle` for the caller to place (the planner
    puts it in its own row of controls); `tallest_em` caps the table's height (in lines).

    Signals:
    table_made(QTableView): the table was made (the first time it was asked for).
    """

    table_made = Signal(QTableView)

    def __init__(
        self,
        chart: QWidget,
        numbers: Callable[[], ChartTable] | QAbstractItemModel,
        name: str,
        *,
        toggle_text: str = "",
        toggle_in_row: bool = True,
        tallest_em: int = TABLE_MAX_EM,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        self._tallest_em = tallest_em
        self.name = name
        self.table: QTableView | None = None  # made when first shown
        if isinstance(numbers, QAbstractItemModel):
            self.model: QAbstractItemModel | None = numbers
            self._numbers: Callable[[], ChartTable] | None = None
        else:
            self.model, self._numbers = None, numbers
        self.toggle = QCheckBox(toggle_text or tr("Show as a table"))
        self.toggle.setToolTip(tr("The same numbers in a table"))
        self.toggle.setAccessibleName(tr("Show {chart} as a table").format(chart=name))
        self.toggle.toggled.connect(self.show_table)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        if toggle_in_row:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.toggle)
            self._layout.addLayout(row)
        self._layout.addWidget(chart, 1)

    def showing_table(self) -> bool:
        return self.toggle.isChecked()

    def show_table(self, on: bool) -> None:
        """The table (made now, the first time) or the chart."""
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # comes back here through toggled
            return
        if on:
            table = self.table or self._make_table()
            self._fill()
            table.show()
        elif self.table is not None:
            self.table.hide()
        self.chart.setVisible(not on)

    def refresh(self) -> None:
        """The chart was fed new numbers: the table follows while it shows; hidden, it is
        read again when next shown."""
        if self.showing_table():
            self._fill()

    def _fill(self) -> None:
        if self._numbers is not None and isinstance(self.model, ChartTableModel):
            self.model.set_table(self._numbers())

    def _fit(self) -> None:
        """As tall as its rows (up to TABLE_MAX_EM): the page scrolls, the table seldom. A
        last column of words takes the room left; figures stay beside their neighbours."""
        table, model = self.table, self.model
        if table is None or model is None:
            return
        if isinstance(model, ChartTableModel):
            last = model.columnCount() - 1
            table.horizontalHeader().setStretchLastSection(last in model.table.words_in)
        rows = table.verticalHeader().length()
        frame = 2 * table.frameWidth()
        height = table.horizontalHeader().sizeHint().height() + rows + frame
        height += table.horizontalScrollBar().sizeHint().height()  # room if it shows
        table.setFixedHeight(min(height, self.fontMetrics().height() * self._tallest_em))

    def _make_table(self) -> QTableView:
        if self.model is None:
            self.model = ChartTableModel()
        table = self.table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(tr("{chart} as a table").format(chart=self.name))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._fit)
        self._layout.addWidget(table, 1)
        self._fit()
        self.table_made.emit(table)
        return table

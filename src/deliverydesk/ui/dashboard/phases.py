"""Time in each phase: the phases most over plan, with how many clients were counted and
the median days they spent against the days planned. Names are the person's text: a table item
shows them as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from deliverydesk.services.views.dashboard import PhaseWait
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.dashboard.words import over_words

SHOWN = 5  # the phases most over plan; the rest run closer to plan


class PhaseTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setHorizontalHeaderLabels(
            [
                tr("Phase"),
                tr("Offer"),
                tr("Clients"),
                tr("Days spent"),
                tr("Planned"),
                tr("Against plan"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(tr("Time in each phase"))
        self.waits: tuple[PhaseWait, ...] = ()

    def show_waits(self, waits: tuple[PhaseWait, ...]) -> None:
        self.waits = waits[:SHOWN]
        self.setRowCount(len(self.waits))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, wait in enumerate(self.waits):
            cells = (
                (wait.phase_name, None),
                (wait.offer_name, None),
                (f"{wait.clients:,}", right),
                (text.days(wait.spent_days), right),
                (text.days(wait.planned_days), right),
                (over_words(wait), right),
            )
            for column, (value, align) in enumerate(cells):
                item = QTableWidgetItem(value)
                if align is not None:
                    item.setTextAlignment(align)
                if column < 2:
                    item.setToolTip(text.literal_rich_text([value]))
                self.setItem(row, column, item)
        # As tall as its rows: the page scrolls, never the table.
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(height)

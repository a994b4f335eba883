"""The pieces of the Offers list: its table, its empty state with the two ways to begin,
buttons that follow their actions, and names for offer files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from deliverydesk.ui.core.text import tr
from deliverydesk.ui.offers.offer_list_model import (
    CLIENTS,
    NAME,
    REVISION,
    STATUS,
    OfferListModel,
)
from deliverydesk.ui.widgets.empty_state import EmptyState

FILE_FILTER = "Offer files (*.json)"


def file_name_for(name: str) -> str:
    """A file name a person recognises: the offer's name, without characters file systems
    refuse."""
    kept = "".join(c if c.isalnum() or c in " -_" else " " for c in name)
    return (" ".join(kept.split())[:80] or "offer") + ".json"


def action_button(action: QAction) -> QPushButton:
    """A push button that triggers `action` and follows its words and state."""
    button = QPushButton()

    def follow() -> None:
        button.setText(action.text())
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(follow)
    button.clicked.connect(lambda _checked=False: action.trigger())
    follow()
    return button


def offer_table(model: OfferListModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(tr("Offers"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(int(table.fontMetrics().height() * 2.1))
    header = table.horizontalHeader()
    header.setAccessibleName(tr("Offer list columns"))
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    em = table.fontMetrics().horizontalAdvance("M")
    for column, width in ((NAME, 20), (CLIENTS, 12), (REVISION, 6)):
        header.resizeSection(column, width * em)
    header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return table


class FirstOfferState(EmptyState):
    """No offer yet: what an offer is, and the two ways to make the first one."""

    def __init__(self, templates: QMenu) -> None:
        super().__init__(
            "offers",
            tr("Create your first offer"),
            tr(
                "An offer is what you sell: its promise, and the journey of phases and steps "
                "each client goes through. Start from scratch, or from one of the built-in "
                "offers and make it yours."
            ),
        )
        self.scratch_button = QPushButton(tr("Start from scratch"))
        self.template_button = QPushButton(tr("Start from a template"))
        self.template_button.setMenu(templates)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.scratch_button)
        row.addWidget(self.template_button)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, row)  # before the closing stretch

"""The Clients screen: a searchable list that opens each client's page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import ROW_ASPECTS, Changes
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui import text
from deliverydesk.ui.clients.client_list_model import (
    HEALTH,
    NAME,
    NEXT,
    PROGRESS,
    ClientListModel,
)
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.progress_delegate import ProgressDelegate
from deliverydesk.ui.clients.trash import TrashView
from deliverydesk.ui.empty_state import EmptyState
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import icon
from deliverydesk.ui.text import tr
from deliverydesk.ui.typography import make_heading

LIST, CLIENT = 0, 1


class ClientsPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.model = ClientListModel(workspace.today, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search clients, offers, phases, next steps…"))
        self.search.setClearButtonEnabled(True)
        find = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        find.setToolTip(tr("Search (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search clients"))
        self.count = QLabel()
        self.count.setAccessibleName(tr("Number of clients shown"))
        self.table = self._build_table()
        self.no_match = EmptyState("search", tr("No client matches"), "")
        self.no_clients = EmptyState(
            "clients",
            tr("No clients yet"),
            tr(
                "Clients you enrol in an offer appear here with their phase, progress, "
                "next step and health."
            ),
        )
        self.list_stack = QStackedWidget()
        for widget in (self.table, self.no_match, self.no_clients):
            self.list_stack.addWidget(widget)
        self.client_page = ClientPage(workspace, events, undo_stack)
        self.client_page.back_requested.connect(self.show_list)

        self.list_view = list_view = QWidget()
        layout = QVBoxLayout(list_view)
        top = QHBoxLayout()
        title = QLabel(tr("Clients"))
        make_heading(title, 1.5)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count)
        trash_button = QPushButton(tr("Trash"))
        trash_button.setToolTip(tr("Archived clients: restore them, or empty the trash"))
        trash_button.clicked.connect(self.show_trash)
        top.addWidget(trash_button)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.list_stack, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(list_view)
        self.pages.addWidget(self.client_page)
        self.trash = TrashView(workspace, events, undo_stack)
        self.trash.back_requested.connect(self.show_list)
        self.pages.addWidget(self.trash)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        # Typing filters after a short pause, so a burst of keys costs one refresh.
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._apply_filter)
        self.table.activated.connect(self.open_index)
        events.changed.connect(self.on_changed)
        events.day_changed.connect(self.on_day_changed)
        # Read when first shown: the window opens on the board, and at 5,000 clients the
        # list costs about 100 ms that a start should not pay. After that, changes made
        # while the list is hidden are collected by client and read when it shows again.
        self._stale = True
        self._pending: set[int] = set()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setSortingEnabled(True)
        table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 2.1))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setAccessibleName(tr("Client list columns; click to sort"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((15, 14, 17, 10, 18, 8, 10, 9)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(NEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HEALTH, QHeaderView.ResizeMode.Fixed)
        table.setAccessibleName(tr("Client list"))
        return table

    # -- behaviour ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._stale, self._pending = False, set()
        self.model.set_rows(self._ws.client_rows())
        self._update_visibility()

    def showEvent(self, event: QShowEvent) -> None:
        self._catch_up()
        super().showEvent(event)

    def on_changed(self, changes: Changes) -> None:
        if changes.everything:
            self._stale = True
        elif changes.clients and changes.touches(ROW_ASPECTS):
            self._pending |= changes.clients
        else:
            return
        if self.isVisible() and self.pages.currentWidget() is self.list_view:
            self._catch_up()

    def _catch_up(self) -> None:
        """Bring the list up to date: all of it after a bulk change, else the clients
        changed since it was last shown."""
        if self._stale:
            self.reload()
        elif self._pending:
            ids, self._pending = self._pending, set()
            self.model.update_clients(ids, self._ws.rows_for_clients(ids))
            self._update_visibility()

    def on_day_changed(self, _today: object = None) -> None:
        """Another day: health and due dates read differently though no data changed."""
        self._stale = True
        if self.isVisible() and self.pages.currentWidget() is self.list_view:
            self._catch_up()

    def _apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.search.text())
        self._update_visibility()

    def _update_visibility(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            self.list_stack.setCurrentWidget(self.no_clients)
        elif shown == 0:
            self.no_match.set_text(
                tr("No client matches “{text}”").format(text=self.search.text().strip()),
                tr("Check the spelling, or search by offer, phase or next step."),
            )
            self.list_stack.setCurrentWidget(self.no_match)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.count.setText(text.clients_shown(shown, total))

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row.journey_id is not None:
            self.open_journey(row.journey_id)

    def open_journey(self, journey_id: int) -> None:
        self.client_page.show_journey(journey_id)
        self.pages.setCurrentIndex(CLIENT)
        self.client_page.setFocus()

    def show_trash(self) -> None:
        self.pages.setCurrentWidget(self.trash)
        self.trash.table.setFocus()

    def show_list(self) -> None:
        self.pages.setCurrentIndex(LIST)
        self._catch_up()
        self.table.setFocus()

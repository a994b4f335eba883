"""The Clients screen: a searchable list that opens each client's page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from deliverydesk.model.rules.enums import Health, Owner
from deliverydesk.services.changes import ROW_ASPECTS, Aspect, Changes
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.client_actions import ClientActions
from deliverydesk.ui.clients.client_columns import ClientColumns
from deliverydesk.ui.clients.client_list_model import (
    ANY_OFFER,
    BATCH,
    DUE,
    HEALTH,
    NAME,
    NOT_ENROLLED,
    OFFER,
    PHASE,
    PROGRESS,
    WAITING,
    ClientListModel,
)
from deliverydesk.ui.clients.client_page import ClientPage
from deliverydesk.ui.clients.progress_delegate import ProgressDelegate
from deliverydesk.ui.clients.status_filter import StatusFilterBox
from deliverydesk.ui.clients.trash import TrashView
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.item_values import enum_data
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import health_label, owner_label, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.testimonials_view import TestimonialsDialog

LIST, CLIENT = 0, 1
WIDEST_COLUMN_EM = 26  # an offer or phase name longer than this is elided
NEXT_STEP_MIN_EM = 12


class ClientTable(QTableView):
    """A table that tells its page when its width changed (to share it among columns)."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class ClientsPage(QWidget):
    """Signals:
    leave_requested(str): back from a client page opened from another screen (its key).
    """

    leave_requested = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._events = workspace, events
        self.model = ClientListModel(workspace.today, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search clients, offers, phases, next steps…"))
        self.search.setClearButtonEnabled(True)
        find = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        find.setToolTip(tr("Search (Ctrl+F)"))
        self.search.setAccessibleName(tr("Search clients"))
        self.search.installEventFilter(self)  # Down goes to the results
        self.offer_filter = QComboBox()
        self.offer_filter.setAccessibleName(tr("Show clients of offer"))
        self.offer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.offer_filter.setMinimumContentsLength(14)
        self.offer_filter.addItem(tr("All offers"), ANY_OFFER)
        self.health_filter = QComboBox()
        self.health_filter.setAccessibleName(tr("Show clients whose health is"))
        self.health_filter.addItem(tr("Any health"), None)
        for health in (Health.OFF_TRACK, Health.AT_RISK, Health.ON_TRACK):
            self.health_filter.addItem(health_label(health), health.value)
        self.name_order = QComboBox()
        self.name_order.setAccessibleName(tr("Sort client names by"))
        self.name_order.addItem(tr("First name first"), False)
        self.name_order.addItem(tr("Last name first"), True)
        self.name_order.setToolTip(tr("How the Client column sorts"))
        self.count = QLabel()
        self.count.setAccessibleName(tr("Number of clients shown"))
        self.table = self._build_table()
        self.no_match = EmptyState("search", tr("No client matches"), "")
        self.no_clients = EmptyState(
            "clients",
            tr("No clients yet"),
            tr(
                "Add your first client with “New client…” (Ctrl+N). Clients you enrol in an "
                "offer appear here with their phase, progress, next step and health."
            ),
        )
        self.list_stack = QStackedWidget()
        for widget in (self.table, self.no_match, self.no_clients):
            self.list_stack.addWidget(widget)
        self.client_page = ClientPage(workspace, events, undo_stack)
        self.client_page.back_requested.connect(self._back)
        self._origin: str | None = None  # the screen a client page was opened from

        self.list_view = list_view = QWidget()
        layout = QVBoxLayout(list_view)
        top = QHBoxLayout()
        title = QLabel(tr("Clients"))
        make_heading(title, 1.5)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self._build_status_filter())
        top.addWidget(self.count)
        self.client_actions = ClientActions(
            workspace, events, undo_stack, list_view, self.selected_client, self.open_journey
        )
        for button in self.client_actions.buttons():
            top.addWidget(button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_row_menu)
        trash_button = QPushButton(tr("Trash"))
        trash_button.setToolTip(tr("Archived clients: restore them, or empty the trash"))
        trash_button.clicked.connect(self.show_trash)
        top.addWidget(trash_button)
        self.testimonials_button = QPushButton(tr("Testimonials"))
        self.testimonials_button.setToolTip(
            tr("What clients said you may quote: copy, or save as text, CSV or a PDF")
        )
        self.testimonials_button.clicked.connect(self.show_testimonials)
        top.addWidget(self.testimonials_button)
        self.testimonials: TestimonialsDialog | None = None  # made when first asked for
        layout.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.offer_filter)
        filters.addWidget(self.health_filter)
        filters.addWidget(self.name_order)
        layout.addLayout(filters)
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
        self.search.returnPressed.connect(self._open_first_result)
        self.offer_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.health_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.name_order.currentIndexChanged.connect(self._on_name_order)
        self.table.activated.connect(self.open_index)
        # Read when first shown: the window opens on the board, and at 5,000 clients the
        # list costs about 100 ms that a start should not pay. After that, changes made
        # while the list is hidden are gathered and read when it shows again.
        self.refresher = Refresher(
            self,
            events,
            ROW_ASPECTS | Aspect.PRACTICE,
            self._catch_up,
            showing=lambda: self.isVisible() and self.pages.currentWidget() is self.list_view,
            stale=True,
            day=True,
        )

    def _build_status_filter(self) -> StatusFilterBox:
        """All, Active, Paused, Completed or Cancelled: a finished journey is found here."""
        self.status_filter = StatusFilterBox()
        self.status_filter.currentIndexChanged.connect(self._apply_status_filter)
        return self.status_filter

    def _apply_status_filter(self) -> None:
        self.model.set_status_filter(self.status_filter.test())
        self._update_visibility()

    def _build_table(self) -> QTableView:
        table = ClientTable()
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
        # Narrower than the columns that always show: the list glides sideways, not a column
        # a step (wider, the least needed columns step aside instead: see ClientColumns).
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
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
        for column, width in enumerate((15, 14, 17, 9, 18, 8, 9, 9)):
            header.resizeSection(column, width * em)
        header.setSectionResizeMode(HEALTH, QHeaderView.ResizeMode.Fixed)
        # Health beside the name: what a person scans for first, in view at any width; the
        # progress bar last: the least needed, it steps aside first when narrow.
        header.moveSection(header.visualIndex(HEALTH), 1)
        header.moveSection(header.visualIndex(PROGRESS), header.count() - 1)
        header.setToolTip(tr("Click to sort; right-click to choose the columns"))
        table.setAccessibleName(tr("Client list"))
        self.columns = ClientColumns(table, self.model, NEXT_STEP_MIN_EM * em)
        table.resized.connect(self.columns.fit)
        return table

    # -- behaviour ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresher.settle()
        self._read(BATCH)

    def _read(self, clients: int) -> None:
        """Every row when a search, a filter or an order needs them; else the order of
        every client and the rows of the first `clients` (the rest as they are scrolled
        to): at 5,000 clients the whole list cost its first paint ~75 ms."""
        if self.model.needs_all():
            self.model.set_rows(self._ws.clients.client_rows())
        else:
            rooms = self._ws.clients
            start = rooms.client_list_start(clients)
            self.model.set_start(start, rooms.rows_for_clients, rooms.client_rows)
        self._fill_offer_filter()
        self._fit_columns()
        self._update_visibility()

    def _fill_offer_filter(self) -> None:
        current = self.offer_filter.currentData()
        self.offer_filter.blockSignals(True)
        self.offer_filter.clear()
        self.offer_filter.addItem(tr("All offers"), ANY_OFFER)
        for offer_id, name in self.model.offers():
            self.offer_filter.addItem(name, offer_id)
        self.offer_filter.addItem(tr("Not enrolled"), NOT_ENROLLED)
        self.offer_filter.setCurrentIndex(max(self.offer_filter.findData(current), 0))
        self.offer_filter.blockSignals(False)
        if self.offer_filter.currentData() != current:
            self._apply_filter()  # the offer picked is gone

    def _fit_columns(self) -> None:
        """Client, Offer and Phase as wide as their longest text (up to a limit), so they
        read whole; the next step takes what is left (see ClientColumns.fit)."""
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        pad = em * 2  # the cell's margins and a breath
        for column, widest in ((NAME, 18), (OFFER, WIDEST_COLUMN_EM), (PHASE, WIDEST_COLUMN_EM)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            texts = self.model.distinct_texts(column) if column != NAME else set()
            if column == NAME:  # thousands of names: the longest few by length will do
                texts = set(sorted(self.model.names(), key=len)[-20:])
            need = max(metrics.horizontalAdvance(t) for t in texts | {title}) + pad
            self.columns.set_width(column, min(need, widest * em))
        # Short words with an icon before them: as wide as the longest, never cut.
        icon_room = self.table.iconSize().width() if self.table.iconSize().isValid() else em
        icon_room = max(icon_room, metrics.height()) + em // 2
        for column, texts in (
            (HEALTH, {health_label(h) for h in Health}),
            (DUE, {tr("Yesterday"), tr("Tomorrow"), "30 Sep", *self.model.other_year_dues()}),
            (WAITING, {owner_label(o) for o in Owner}),
        ):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            words = max(metrics.horizontalAdvance(t) for t in texts)
            self.columns.set_width(
                column, max(words + icon_room, metrics.horizontalAdvance(title)) + pad
            )
        # The bar beside "n of m": the label and a short bar.
        self.columns.set_width(PROGRESS, metrics.horizontalAdvance("88 of 88") + 3 * em)
        self.columns.fit()  # the next step takes what is left; what does not fit steps aside

    def _catch_up(self, changes: Changes) -> None:
        """Bring the list up to date: all of it after a bulk change, a new day or a change
        to the practice (due dates may all have moved), else the clients named."""
        if changes.touches(Aspect.PRACTICE):
            self.reload()
        elif changes.clients:
            ids = set(changes.clients)
            if self.model.reading:
                self._update_reading(ids)
            else:
                self.model.update_clients(ids, self._ws.clients.rows_for_clients(ids))
            # A new name, offer or phase may need more room (a list first seen empty had
            # widths for no words at all): the same fit as a reload, a few ms at 5,000.
            self._fit_columns()
            self._update_visibility()

    def _update_reading(self, ids: set[int]) -> None:
        """Catch up these clients while the list reads a page at a time: a new name may
        sort among the rows read or past them; the selected row stays selected."""
        current = self.table.currentIndex()
        row = self.model.row_at(current.row()) if current.isValid() else None
        self.model.update_reading(ids, self._ws.clients.client_list_update(ids))
        self._fill_offer_filter()
        place = self.model.row_of(row.client_id, row.journey_id) if row else -1
        if place >= 0:
            self.table.setCurrentIndex(self.model.index(place, current.column()))

    def _apply_filter(self) -> None:
        self._debounce.stop()
        health = self.health_filter.currentData()
        self.model.set_filter(
            self.search.text(),
            int(self.offer_filter.currentData()),
            enum_data(Health, health) if health else None,
        )
        self._update_visibility()

    def _on_name_order(self) -> None:
        self.model.set_last_name_first(bool(self.name_order.currentData()))
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self._apply_filter()
            if self.model.rowCount():
                self._focus_row(max(self.table.currentIndex().row(), 0))
                return True
        return super().eventFilter(watched, event)

    def _focus_row(self, row: int) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, NAME))

    def _open_first_result(self) -> None:
        """Enter in the search box opens the selected result, or the first."""
        self._apply_filter()
        if self.model.rowCount():
            current = self.table.currentIndex()
            self.open_index(current if current.isValid() else self.model.index(0, NAME))

    def _update_visibility(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            self.list_stack.setCurrentWidget(self.no_clients)
        elif shown == 0 and not self.search.text().strip() and self.status_filter.test():
            # Only the status filter hides them all: name it.
            self.no_match.set_text(
                tr("No {status} journeys").format(status=self.status_filter.label().lower()),
                tr("Choose “All” above to see every client."),
            )
            self.list_stack.setCurrentWidget(self.no_match)
        elif shown == 0:
            typed = self.search.text().strip()
            self.no_match.set_text(
                tr("No client matches “{text}”").format(text=typed)
                if typed
                else tr("No client matches these filters"),
                tr(
                    "Check the spelling, search by offer, phase or next step, or show "
                    "all offers and any health."
                ),
            )
            self.list_stack.setCurrentWidget(self.no_match)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.count.setText(text.WORDS.clients_and_journeys(*self.model.head_counts()))

    def focus_search(self) -> None:
        self.show_list()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row.journey_id is not None:
            self.open_journey(row.journey_id)
        else:  # not enrolled yet: what comes next is enrolling them
            self.client_actions.enrol(row.client_id)

    def selected_client(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).client_id if index.isValid() else None

    def _show_row_menu(self, where: QPoint) -> None:
        index = self.table.indexAt(where)
        if index.isValid():
            self.table.setCurrentIndex(index)
            row = self.model.row_at(index.row())
            menu = self.client_actions.row_menu(row.client_id, row.journey_id, self.open_journey)
            menu.popup(self.table.viewport().mapToGlobal(where))

    def open_journey(
        self, journey_id: int, origin: str | None = None, origin_label: str = ""
    ) -> None:
        """Open a client's page. Back returns to the list, or to `origin` (a screen's key,
        named `origin_label` on the back button) when opened from another screen."""
        self._origin = origin
        if origin is None:
            self.client_page.set_back_target(tr("Clients"), tr("Back to the client list"))
        else:
            self.client_page.set_back_target(
                origin_label, tr("Back to {screen}").format(screen=origin_label)
            )
        self.client_page.tabs.setCurrentIndex(0)  # a client opens on their journey
        self.client_page.show_journey(journey_id)
        self.pages.setCurrentIndex(CLIENT)
        self.client_page.setFocus()

    def showing_client(self) -> bool:
        return self.pages.currentIndex() == CLIENT

    def _back(self) -> None:
        origin, self._origin = self._origin, None
        if origin is None:
            self.show_list()
            return
        self.pages.setCurrentIndex(LIST)  # the section's top, next time it is shown
        self.leave_requested.emit(origin)

    def show_testimonials(self) -> TestimonialsDialog:
        """The testimonials beside the list (a window of its own: copy from it freely)."""
        if self.testimonials is None:
            self.testimonials = TestimonialsDialog(self._ws, self._events, self)
        self.testimonials.show()
        self.testimonials.raise_()
        self.testimonials.activateWindow()
        return self.testimonials

    def show_trash(self) -> None:
        self.pages.setCurrentWidget(self.trash)
        self.trash.table.setFocus()

    def show_list(self) -> None:
        self._origin = None
        self.pages.setCurrentIndex(LIST)
        self.refresher.catch_up()
        self.table.setFocus()

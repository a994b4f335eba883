"""The wizard's first page: pick the client (or add one) and the offer.

Every current client is listed, those whose journeys ended too (a returning client). Only
offers that can take a client are selectable; an offer whose design has a problem is listed
greyed out with the reason, so the person knows what to fix.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWizardPage,
)

from deliverydesk.model.fit import RightFit
from deliverydesk.services.client_lookup import ClientChoice
from deliverydesk.services.errors import NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui import text
from deliverydesk.ui.clients.client_dialog import ClientDialog
from deliverydesk.ui.enrol.client_choices import ClientChoiceModel
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.icons import icon
from deliverydesk.ui.notice import Notice
from deliverydesk.ui.search_keys import arrowed_row
from deliverydesk.ui.text import literal_rich_text, tr

OFFER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PickPage(QWizardPage):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        client_id: int | None = None,
        offer_id: int | None = None,
    ) -> None:
        super().__init__()
        self._ws, self._events, self._undo_stack = workspace, events, undo_stack
        self.client_id: int | None = client_id
        self.offer_id: int | None = offer_id
        self._checklists: dict[int, RightFit] = {}
        self._loaded = False
        self.setTitle(tr("Who, and in which offer?"))

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
        self.new_client_button = QPushButton(icon("clients"), tr("New c&lient…"))
        self.new_client_button.setToolTip(tr("Add a client and pick them here"))
        self.offers = QListWidget()
        self.offers.setAccessibleName(tr("Offers"))
        self.offers.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.offers.setSpacing(2)
        self.hint = Notice("info")
        self.problem = Notice("warning")

        client_label = QLabel(tr("&Client"))
        client_label.setBuddy(self.search)
        offer_label = QLabel(tr("&Offer"))
        offer_label.setBuddy(self.offers)
        grid = QGridLayout(self)
        grid.addWidget(client_label, 0, 0)
        grid.addWidget(offer_label, 0, 1)
        grid.addWidget(self.search, 1, 0)
        grid.addWidget(self.clients, 2, 0)
        grid.addWidget(self.offers, 1, 1, 2, 1)
        grid.addWidget(self.new_client_button, 3, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.hint, 4, 0, 1, 2)
        grid.addWidget(self.problem, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        self.setTabOrder(self.search, self.clients)
        self.setTabOrder(self.clients, self.new_client_button)
        self.setTabOrder(self.new_client_button, self.offers)

        self.search.textChanged.connect(self._on_search)
        self.clients.selectionModel().currentChanged.connect(self._on_client)
        self.offers.currentItemChanged.connect(self._on_offer)
        self.new_client_button.clicked.connect(self.add_client)

    # -- reading -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()
        self.search.setFocus()

    def reload(self) -> None:
        """Read the clients and the offers that can take one."""
        self.model.set_choices(self._ws.client_choices())
        self.offers.blockSignals(True)
        self.offers.clear()
        usable = []
        for row in self._ws.offer_list():
            if row.archived:
                continue
            if row.is_valid:
                second = (
                    tr("{clients} on it now").format(clients=text.clients(row.active_clients))
                    if row.active_clients
                    else tr("No clients on it yet")
                )
            else:
                second = tr("Cannot enrol yet: {reason}").format(reason=row.first_problem)
            item = QListWidgetItem(f"{row.name}\n{second}")
            item.setData(OFFER_ID_ROLE, row.id)
            item.setToolTip(literal_rich_text([row.name, second]))
            if row.is_valid:
                usable.append(row.id)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # listed, greyed, not selectable
            self.offers.addItem(item)
        self.offers.blockSignals(False)
        if self.offer_id not in usable:
            self.offer_id = usable[0] if len(usable) == 1 else None
        self._select_offer(self.offer_id)
        self._select_client(self.client_id)
        if not usable:
            self.hint.set_text(tr("No offer can take a client yet. Design one in Offers first."))
        elif not self.model.total:
            self.hint.set_text(tr("No clients yet: add one with “New client…”."))
        else:
            self.hint.set_text("")
        self._update()

    def choice(self) -> ClientChoice | None:
        return self.model.choice(self.client_id) if self.client_id is not None else None

    def offer_name(self) -> str:
        for row in range(self.offers.count()):
            item = self.offers.item(row)
            if item.data(OFFER_ID_ROLE) == self.offer_id:
                return item.text().split("\n")[0]
        return ""

    def checklist(self) -> RightFit:
        """The chosen offer's right-fit checklist (read once per offer)."""
        if self.offer_id is None:
            return RightFit()
        if self.offer_id not in self._checklists:
            try:
                self._checklists[self.offer_id] = self._ws.offer_checklist(self.offer_id)
            except NotFound:
                return RightFit()
        return self._checklists[self.offer_id]

    # -- choosing ----------------------------------------------------------------------------
    def _select_client(self, client_id: int | None) -> None:
        row = self.model.row_of(client_id) if client_id is not None else -1
        selection = self.clients.selectionModel()
        if row < 0:
            selection.clear()
            self.client_id = None
            self._update()
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.clients.scrollTo(index)

    def _select_offer(self, offer_id: int | None) -> None:
        for row in range(self.offers.count()):
            if self.offers.item(row).data(OFFER_ID_ROLE) == offer_id:
                self.offers.setCurrentRow(row)
                return
        self.offers.setCurrentRow(-1)

    def _on_search(self, needle: str) -> None:
        keep = self.client_id
        self.model.set_filter(needle)
        if keep is not None and self.model.row_of(keep) >= 0:
            self._select_client(keep)
        elif needle.strip() and self.model.rowCount():
            self._select_client(self.model.choice_at(0).id)  # Enter then takes the first match
        else:
            self._select_client(None)

    def _on_client(self, current: object, _previous: object = None) -> None:
        index = self.clients.currentIndex()
        if index.isValid():
            self.client_id = self.model.choice_at(index.row()).id
        self._update()

    def _on_offer(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        self.offer_id = current.data(OFFER_ID_ROLE) if current is not None else None
        self._update()

    def _update(self) -> None:
        choice = self.choice()
        if choice is not None and self.offer_id in choice.live_offers:
            self.problem.set_text(
                tr(
                    "{name} is already on {offer}. Complete or cancel that journey before "
                    "enrolling them again."
                ).format(name=choice.name, offer=self.offer_name())
            )
        else:
            self.problem.set_text("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        choice = self.choice()
        return (
            choice is not None
            and self.offer_id is not None
            and self.offer_id not in choice.live_offers
        )

    def nextId(self) -> int:
        from deliverydesk.ui.enrol.enrol_wizard import FIT, START

        return FIT if self.checklist().criteria else START

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move through the matches, as in a combo box."""
        if watched is self.search:
            row = arrowed_row(event, self.clients.currentIndex().row(), self.model.rowCount())
            if row is not None:
                self._select_client(self.model.choice_at(row).id)
                return True
        return super().eventFilter(watched, event)

    # -- a new client, inline ----------------------------------------------------------------
    def add_client(self) -> ClientDialog:
        """Add a client without leaving the wizard; once added, they are picked."""
        dialog = ClientDialog(
            self._ws, self._events, self._undo_stack, offer_enrolment=False, parent=self.wizard()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.search.text().strip() and not self.model.rowCount():
            dialog.name.setText(self.search.text().strip())

        def added() -> None:
            if dialog.client_id is None:
                return
            self.client_id = dialog.client_id
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.model.set_filter("")
            self.reload()
            self.clients.setFocus()

        dialog.accepted.connect(added)
        dialog.open()
        return dialog

"""The wizard's first page: pick the client (or add one) and the offer.

Every current client is listed, those whose journeys ended too (a returning client). Only
offers that can take a client are selectable; an offer whose design has a problem is listed
greyed out with the reason, so the person knows what to fix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWizardPage,
)

from deliverydesk.model.rules.fit import RightFit
from deliverydesk.services.clients.client_lookup import ClientChoice
from deliverydesk.services.errors import NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import literal_rich_text, problem_words, tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.widgets.client_choices import ClientSearch
from deliverydesk.ui.widgets.client_dialog import ClientDialog
from deliverydesk.ui.widgets.notice import Notice

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
        self.offer_id: int | None = offer_id
        self._checklists: dict[int, RightFit] = {}
        self._loaded = False
        self.setTitle(tr("Who, and in which offer?"))

        self.picker = ClientSearch(self)
        self.picker.client_id = client_id
        self.model, self.search, self.clients = (
            self.picker.model,
            self.picker.search,
            self.picker.clients,
        )
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

        self.picker.changed.connect(self._update)
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
        self.model.set_choices(self._ws.clients.client_choices())
        self.offers.blockSignals(True)
        self.offers.clear()
        usable = []
        for row in self._ws.offers.offer_list():
            if row.archived:
                continue
            if row.is_valid:
                if row.active_clients:
                    second = tr("{clients} on it now").format(
                        clients=text.clients(row.active_clients)
                    )
                elif row.total_clients:  # paused or ended journeys only
                    second = tr("No active clients on it now")
                else:
                    second = tr("No clients on it yet")
            else:
                second = tr("Cannot enrol yet: {reason}").format(reason=problem_words(row.problem))
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
        self.picker.choose(self.client_id)
        if not usable:
            self.hint.set_text(tr("No offer can take a client yet. Design one in Offers first."))
        elif not self.model.total:
            self.hint.set_text(tr("No clients yet: add one with “New client…”."))
        else:
            self.hint.set_text("")
        self._update()

    @property
    def client_id(self) -> int | None:
        return self.picker.client_id

    @client_id.setter
    def client_id(self, client_id: int | None) -> None:
        self.picker.client_id = client_id

    def choice(self) -> ClientChoice | None:
        return self.picker.choice()

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
                self._checklists[self.offer_id] = self._ws.clients.offer_checklist(self.offer_id)
            except NotFound:
                return RightFit()
        return self._checklists[self.offer_id]

    # -- choosing ----------------------------------------------------------------------------
    def _select_offer(self, offer_id: int | None) -> None:
        for row in range(self.offers.count()):
            if self.offers.item(row).data(OFFER_ID_ROLE) == offer_id:
                self.offers.setCurrentRow(row)
                return
        self.offers.setCurrentRow(-1)

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

"""The client actions a screen offers: New client…, Enrol…, Edit details….

One small object per screen, given what "the current client" means there (the selected
row of the Clients list, the client whose page is open) and what to do once a client is
enrolled (select the card, open the journey). New client… and Enrol… are asked of the
window through the event bus (the enrolment is another feature's room).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents, EnrolRequest
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.widgets.client_dialog import ClientDialog, edit_client

EDIT_SHORTCUT = "Ctrl+Shift+E"


def tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    action.setIconText(action.text())  # a tool button drops the action's "…" otherwise
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    return button


class ClientActions(QObject):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        host: QWidget,
        current_client: Callable[[], int | None],
        on_enrolled: Callable[[int], object] | None = None,
    ) -> None:
        """`host` parents the dialogs and holds the Edit shortcut (while focus is in it)."""
        super().__init__(host)
        self._ws, self._events, self._undo_stack = workspace, events, undo_stack
        self._host = host
        self._current = current_client
        self._on_enrolled = on_enrolled
        self.new_action = QAction(icon("clients"), tr("New client…"), host)
        self.new_action.setToolTip(tr("Add a client, then enrol them (Ctrl+N)"))
        self.new_action.triggered.connect(self.new_client)
        self.enrol_action = QAction(icon("offers"), tr("Enrol…"), host)
        self.enrol_action.setToolTip(tr("Enrol a client in an offer"))
        self.enrol_action.triggered.connect(lambda: self.enrol())
        self.edit_action = QAction(tr("Edit details…"), host)
        self.edit_action.setShortcut(QKeySequence(EDIT_SHORTCUT))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.setToolTip(
            tr("Edit the client's name, company and contact details ({key})").format(
                key=QKeySequence(EDIT_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.edit_action.triggered.connect(lambda: self.edit())
        host.addAction(self.edit_action)

    def buttons(self) -> list[QToolButton]:
        return [tool_button(self.new_action), tool_button(self.enrol_action)]

    def new_client(self) -> None:
        self._events.enrol_requested.emit(
            EnrolRequest(self._host, new_client=True, on_enrolled=self._on_enrolled)
        )

    def enrol(self, client_id: int | None = None, offer_id: int | None = None) -> None:
        """The wizard, with `client_id` (or the current client) picked."""
        self._events.enrol_requested.emit(
            EnrolRequest(
                self._host,
                client_id=client_id if client_id is not None else self._current(),
                offer_id=offer_id,
                on_enrolled=self._on_enrolled,
            )
        )

    def edit(self, client_id: int | None = None) -> ClientDialog | None:
        client_id = client_id if client_id is not None else self._current()
        if client_id is None:
            return None
        return edit_client(self._host, self._ws, self._events, self._undo_stack, client_id)

    def row_menu(
        self, client_id: int, journey_id: int | None, open_journey: Callable[[int], object]
    ) -> QMenu:
        """A client row's context menu: open the journey, edit details, enrol."""
        menu = QMenu(self._host)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if journey_id is not None:
            menu.addAction(tr("Open"), lambda: open_journey(journey_id))
            menu.addSeparator()
        edit = menu.addAction(tr("Edit details…"), lambda: self.edit(client_id))
        edit.setShortcut(self.edit_action.shortcut())
        words = (
            tr("Enrol in another offer…") if journey_id is not None else tr("Enrol in an offer…")
        )
        menu.addAction(words, lambda: self.enrol(client_id))
        return menu

"""Taking on a client: add them, then (unless the person says not now) enrol them.

What the File menu (Ctrl+N), the Board and the Clients screen call.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.enrol.enrol_wizard import enrol
from deliverydesk.ui.widgets.client_dialog import ClientDialog


def can_enrol(workspace: Workspace) -> bool:
    """Whether any offer can take a client now (active, with a valid design)."""
    return any(not row.archived and row.is_valid for row in workspace.offers.offer_list())


def new_client(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    *,
    offer_id: int | None = None,
    on_enrolled: Callable[[int], object] | None = None,
) -> ClientDialog:
    """Open the New client dialog (window-modal, not blocking). Once the client is added,
    the enrolment wizard follows with them picked, unless "Enrol in an offer next" was
    unticked."""
    dialog = ClientDialog(
        workspace, events, undo_stack, can_enrol=can_enrol(workspace), parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def added() -> None:
        if dialog.client_id is not None and dialog.wants_enrolment:
            enrol(
                parent,
                workspace,
                events,
                undo_stack,
                client_id=dialog.client_id,
                offer_id=offer_id,
                on_enrolled=on_enrolled,
            )

    dialog.accepted.connect(added)
    dialog.open()
    return dialog

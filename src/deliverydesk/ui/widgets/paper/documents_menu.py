"""Where the client's paper comes from: the client page's Documents menu (and Ctrl+P for
the progress report), a board card's menu and an offer's menu. Each opens the preview of
the right document; the preview's module (QtPdf) loads the first time one is opened.
Each is given the window's AppEvents, so the preview follows changes to its data.

The client page's menu and a card's menu also send a document to the client straight
away (Send to client: the mail program opens with it attached, ui/widgets/paper/sending.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.paper.sending import send_from_menu

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.core.events import AppEvents
    from deliverydesk.ui.widgets.paper.preview_dialog import PreviewDialog
    from deliverydesk.ui.widgets.paper.sending import SendToClient

PROGRESS_SHORTCUT = "Ctrl+P"


def client_words() -> dict[DocumentKind, str]:
    return {
        DocumentKind.PROGRESS: tr("Progress report…"),
        DocumentKind.ONBOARDING: tr("Welcome pack…"),
        DocumentKind.CHECKLIST: tr("Checklist…"),
        DocumentKind.INTAKE: tr("Intake form…"),
    }


def send_words() -> dict[DocumentKind, str]:
    return {
        DocumentKind.PROGRESS: tr("Send progress report…"),
        DocumentKind.ONBOARDING: tr("Send welcome pack…"),
        DocumentKind.CHECKLIST: tr("Send checklist…"),
        DocumentKind.INTAKE: tr("Send intake form…"),
    }


def offer_words() -> dict[DocumentKind, str]:
    """An offer's documents are templates: blank of any client."""
    return {
        DocumentKind.ONBOARDING: tr("Welcome pack (template)…"),
        DocumentKind.CHECKLIST: tr("Checklist (blank)…"),
        DocumentKind.INTAKE: tr("Intake form (blank)…"),
    }


def open_preview(
    parent: QWidget,
    workspace: Workspace,
    kind: DocumentKind,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
    events: AppEvents | None = None,
) -> PreviewDialog | None:
    """Make the document and show its preview (not modal: the window stays usable); None,
    with the reason said, when there is nothing to make (a client with no journey). With
    `events` the preview follows changes to its data; without, it stays as made."""
    from deliverydesk.ui.widgets.paper.preview_dialog import PreviewDialog

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        document = workspace.paper.make_document(kind, client_id=client_id, offer_id=offer_id)
    except (InvalidInput, NotFound) as error:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, tr("No document to show"), literal_rich_text([in_words(error)]))
        return None
    try:
        dialog = PreviewDialog(
            workspace,
            document,
            client_id=client_id,
            offer_id=offer_id,
            events=events,
            parent=parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
    finally:
        QGuiApplication.restoreOverrideCursor()
    return dialog


class ClientDocuments(QObject):
    """A client page's Documents button and menu; Ctrl+P there opens the progress report.

    `current_client` says whose documents they are (the client whose page is open).
    """

    def __init__(
        self,
        workspace: Workspace,
        host: QWidget,
        current_client: Callable[[], int | None],
        events: AppEvents,
    ) -> None:
        super().__init__(host)
        self._ws, self._host, self._current = workspace, host, current_client
        self._events = events
        self.preview: PreviewDialog | None = None  # the last one opened
        self.menu = QMenu(tr("Documents"), host)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[DocumentKind, QAction] = {}
        for kind, words in client_words().items():
            action = self.menu.addAction(words)
            action.triggered.connect(lambda _checked=False, k=kind: self.open(k))
            self.actions[kind] = action
        self.menu.addSeparator()
        self.send_menu = self.menu.addMenu(tr("Send to client"))
        self.send_menu.setToolTipsVisible(True)
        self.send_actions: dict[DocumentKind, QAction] = {}
        for kind, words in send_words().items():
            action = self.send_menu.addAction(words)
            action.setToolTip(tr("Open a mail to the client with it attached"))
            action.triggered.connect(lambda _checked=False, k=kind: self.send(k))
            self.send_actions[kind] = action
        self.sending: SendToClient | None = None  # the last send started
        progress = self.actions[DocumentKind.PROGRESS]
        progress.setShortcut(QKeySequence(PROGRESS_SHORTCUT))
        progress.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        host.addAction(progress)  # Ctrl+P wherever the focus is on the page
        self.button = QToolButton()
        self.button.setText(tr("&Documents"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(True)
        keys = progress.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.button.setToolTip(
            tr("Progress report ({keys}), welcome pack, checklist or intake form").format(keys=keys)
        )
        self.button.setAccessibleName(tr("Documents"))

    def open(self, kind: DocumentKind) -> PreviewDialog | None:
        client_id = self._current()
        if client_id is None:
            return None
        self.preview = open_preview(
            self._host, self._ws, kind, client_id=client_id, events=self._events
        )
        return self.preview

    def send(self, kind: DocumentKind) -> SendToClient | None:
        """The client's document of `kind`, made now, to the client through the mail program."""

        client_id = self._current()
        if client_id is None:
            return None
        self.sending = send_from_menu(self._host, self._ws, self._events, client_id, kind)
        return self.sending


def card_menu(
    parent: QWidget,
    workspace: Workspace,
    client_id: int,
    open_client: Callable[[], object],
    events: AppEvents,
) -> QMenu:
    """A board card's menu: open the client, preview their progress report or checklist,
    or send them their progress report."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.addAction(tr("Open client"), lambda: open_client())
    menu.addSeparator()
    words = client_words()
    for kind in (DocumentKind.PROGRESS, DocumentKind.CHECKLIST):
        menu.addAction(words[kind], _opener(parent, workspace, events, kind, client_id=client_id))
    menu.addSeparator()
    menu.addAction(
        send_words()[DocumentKind.PROGRESS], lambda: _send(parent, workspace, events, client_id)
    )
    return menu


def _send(parent: QWidget, workspace: Workspace, events: AppEvents, client_id: int) -> None:
    send_from_menu(parent, workspace, events, client_id)


def add_offer_documents(
    menu: QMenu,
    parent: QWidget,
    workspace: Workspace,
    offer_id: int,
    events: AppEvents,
) -> list[QAction]:
    """An offer's documents as templates (no client), added to `menu`."""
    return [
        menu.addAction(words, _opener(parent, workspace, events, kind, offer_id=offer_id))
        for kind, words in offer_words().items()
    ]


def _opener(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    kind: DocumentKind,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
) -> Callable[[], object]:
    """A menu action's slot: the preview of one document."""
    return lambda: open_preview(
        parent, workspace, kind, client_id=client_id, offer_id=offer_id, events=events
    )

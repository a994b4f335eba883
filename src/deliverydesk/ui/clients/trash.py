"""Archiving a client (undoable) and the Trash: archived clients, Restore, Empty trash….

Archiving puts a client and their ended journeys away; Ctrl+Z or Restore brings them back.
Only "Empty trash…", confirmed, deletes anything, and a backup is made first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect, Result
from deliverydesk.services.clients.trash import TrashedClient
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.undo_commands import ServiceCommand
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.record_table import Index, RecordTableModel

NAME, COMPANY, ARCHIVED, JOURNEYS = range(4)


class ArchiveClientCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, client_id: int, name: str) -> None:
        super().__init__(workspace, events, tr("Archive {name}").format(name=name))
        self.client_id = client_id

    def redo(self) -> None:
        self._run(lambda: self.workspace.clients.archive_client(self.client_id))

    def undo(self) -> None:
        self._run(lambda: self.workspace.clients.restore_from_trash(self.client_id))


class RestoreClientCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, client_id: int, name: str) -> None:
        super().__init__(workspace, events, tr("Restore {name}").format(name=name))
        self.client_id = client_id

    def redo(self) -> None:
        self._run(lambda: self.workspace.clients.restore_from_trash(self.client_id))

    def undo(self) -> None:
        self._run(lambda: self.workspace.clients.archive_client(self.client_id))


def archive_client_action(parent: QWidget, on_trigger: Callable[[], None]) -> QAction:
    """ "Archive client": named by its object, beside "Archive journey" in one menu."""
    action = QAction(tr("Archive client"), parent)
    action.setToolTip(
        tr("Put this client and their ended journeys in the Trash (Ctrl+Z brings them back)")
    )
    action.triggered.connect(on_trigger)
    return action


def archive_client(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    client_id: int,
    name: str,
) -> bool:
    """Archive through the undo stack; when refused, say why. True once archived."""
    command = ArchiveClientCommand(workspace, events, client_id, name)
    undo_stack.push(command)
    if command.error is None:
        return True
    QMessageBox.information(
        parent,
        tr("This client cannot be archived yet"),
        literal_rich_text([in_words(command.error)]),
    )
    return False


class TrashModel(RecordTableModel[TrashedClient]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            lambda: (tr("Client"), tr("Company"), tr("Archived"), tr("Journeys")), parent
        )

    @property
    def clients(self) -> list[TrashedClient]:
        return self.records

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        client = self.record_at(index)
        if client is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            when = client.archived_at.astimezone().date() if client.archived_at else None
            return (
                " ".join(client.name.split()),
                client.company,
                text.long_date(when),
                str(client.journeys),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == NAME:
            return client.name
        return None


class TrashView(QWidget):
    """Signals: back_requested(): return to the client list."""

    back_requested = Signal()

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        jobs: JobRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self._undo_stack = undo_stack
        self._jobs = jobs or JobRunner.for_workspace(workspace, self)
        self.job: Job | None = None

        back = QToolButton()
        back.setIcon(icon("back"))
        back.setText(tr("Clients"))
        back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        back.setAutoRaise(True)
        back.setAccessibleName(tr("Back to the client list"))
        back.clicked.connect(self.back_requested)
        title = QLabel(tr("Trash"))
        make_heading(title, 1.5)
        about = QLabel(
            tr(
                "Archived clients wait here with their journeys, notes and feedback. Restore "
                "brings one back; emptying the trash deletes them for good, after a backup."
            )
        )
        about.setWordWrap(True)
        self.model = TrashModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAccessibleName(tr("Archived clients"))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.empty = EmptyState("clients", tr("The trash is empty"), "")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.restore_button = QPushButton(tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton(tr("Empty trash…"))
        self.empty_button.clicked.connect(self.empty_trash)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        # Any change to a client may put one in the trash or take one out.
        self.refresher = Refresher(
            self,
            events,
            Aspect.CLIENT | Aspect.JOURNEY,
            lambda _changes: self.reload(),
            concerns=lambda changes: bool(changes.clients) or changes.everything,
            stale=True,
        )

    def reload(self) -> None:
        self.refresher.settle()
        self.model.set_records(self._ws.clients.trashed_clients())
        self.list_stack.setCurrentWidget(self.table if self.model.clients else self.empty)
        self._update_buttons()

    def selected(self) -> TrashedClient | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.clients[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        self.empty_button.setEnabled(bool(self.model.clients) and self.job is None)

    def restore_selected(self) -> None:
        client = self.selected()
        if client is None:
            return
        command = RestoreClientCommand(self._ws, self._events, client.id, client.name)
        self._undo_stack.push(command)
        if command.error is not None:
            QMessageBox.warning(
                self,
                tr("The client was not restored"),
                literal_rich_text([in_words(command.error)]),
            )
            return
        self.status.setText(tr("{name} is back in your client list.").format(name=client.name))

    def confirm_empty(self, count: int) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Empty the trash?"),
            tr(
                "{clients} and all their journeys, notes, feedback and activity will be "
                "deleted for good. A backup is made first; this cannot be undone otherwise."
            ).format(clients=text.clients(count)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton(tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def empty_trash(self) -> Job | None:
        """After the person confirms, a job backs up and deletes the trashed clients."""
        count = len(self.model.clients)
        if not count or self.job is not None or not self.confirm_empty(count):
            return None
        runner = Runner(self._ws, self._events, self._jobs)
        self.job = runner.later(lambda ws, _tracker: ws.clients.empty_trash(), initiator=self)
        self.job.succeeded.connect(self._emptied)
        self.job.failed.connect(self._not_emptied)
        self.job.finished.connect(self._job_finished)
        self.status.setText(tr("Backing up, then emptying the trash…"))
        self._update_buttons()
        return self.job

    def _emptied(self, result: Result[int]) -> None:
        self.reload()
        self.status.setText(
            tr("Deleted {clients} for good.").format(clients=text.clients(result.value))
        )

    def _not_emptied(self, error: Exception) -> None:
        self.status.setText("")
        QMessageBox.warning(
            self, tr("The trash was not emptied"), literal_rich_text([in_words(error)])
        )

    def _job_finished(self) -> None:
        self.job = None
        self._update_buttons()

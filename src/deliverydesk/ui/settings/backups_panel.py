"""Settings > Backups: the backups kept, "Back up now", "Restore…", "Open folder", and a
second folder (services/data/backup_copies.py) each backup is also copied to.

A restore replaces the open practice with the chosen backup. The practice as it was is
kept as a backup first, and "Undo restore" puts it back. The window's undo history is
cleared by a restore: its steps refer to records of the practice that was replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QLocale,
    Qt,
    QTime,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Result
from deliverydesk.services.data.backups import BackupInfo, Restored
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words, warn
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets.empty_state import EmptyState
from deliverydesk.ui.widgets.record_table import Index, RecordTableModel

TAKEN, KIND, CLIENTS, SIZE = range(4)


def kind_label(label: str) -> str:
    """Why a backup was made, in words."""
    if label.startswith("before-schema-"):
        return tr("Before an upgrade")
    return {
        "auto": tr("Automatic"),
        "manual": tr("Made by you"),
        "before-import": tr("Before an import"),
        "before-restore": tr("Before a restore"),
        "before-empty-trash": tr("Before emptying the trash"),
        "set-aside": tr("Set aside at a restore (could not be read)"),
    }.get(label, label)


def taken_label(info: BackupInfo) -> str:
    local = info.taken_at.astimezone()
    return tr("{day}, {time}").format(
        day=text.long_date(local.date()),
        time=QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat),
    )


class BackupListModel(RecordTableModel[BackupInfo]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(lambda: (tr("Taken"), tr("Why"), tr("Clients"), tr("Size")), parent)

    @property
    def backups(self) -> list[BackupInfo]:
        return self.records

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        info = self.record_at(index)
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TAKEN:
                return taken_label(info)
            if column == KIND:
                return kind_label(info.label)
            if column == CLIENTS:
                return "—" if info.clients is None else QLocale().toString(info.clients)
            return QLocale().formattedDataSize(info.size, 1)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CLIENTS, SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        return None


class BackupsPanel(QWidget):
    """Signals:
    restored(Restored): the practice was replaced by a backup (or put back by the undo).
    """

    restored = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        jobs: JobRunner,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._events = events
        self._jobs = jobs
        self._undo_stack = undo_stack
        self.job: Job | None = None
        self.undo_path: Path | None = None

        title = QLabel(tr("Backups"))
        make_heading(title, 1.3)
        intro = QLabel(
            tr(
                "DeliveryDesk backs up your data every day you use it and every 30 minutes "
                "while you work, and before imports, restores and emptying the trash. Choose "
                "a folder on another disk (or one your files sync from) below, and each "
                "backup is copied there too."
            )
        )
        intro.setWordWrap(True)
        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(tr("Backups"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(lambda _index: self.restore_selected())

        self.back_up_button = QPushButton(tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(tr("Restore…"))
        self.restore_button.setToolTip(tr("Replace your data with the selected backup"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.undo_button = QPushButton(tr("Undo restore"))
        self.undo_button.setToolTip(tr("Put back your data as it was before the restore"))
        self.undo_button.clicked.connect(self.undo_restore)
        self.undo_button.hide()
        self.folder_button = QPushButton(tr("Open folder"))
        self.folder_button.clicked.connect(self.open_folder)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Backup status"))
        # A second folder (an external disk, a synced folder) each backup is copied to.
        self.copy_label = QLabel()
        self.copy_label.setTextFormat(Qt.TextFormat.PlainText)  # a path is the person's words
        self.copy_label.setWordWrap(True)
        self.copy_label.setAccessibleName(tr("Where backups are also copied"))
        self.copy_button = QPushButton(tr("Choose a folder…"))
        self.copy_button.setToolTip(
            tr("Copy each backup to a folder on another disk, or one your files sync from")
        )
        self.copy_button.clicked.connect(lambda: self.choose_copy_folder())
        self.stop_copy_button = QPushButton(tr("Stop copying"))
        self.stop_copy_button.clicked.connect(lambda: self.set_copy_folder(None))

        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.empty = EmptyState(
            "empty_inbox",
            tr("No backups yet"),
            tr(
                "The first is made a few seconds after DeliveryDesk starts, or now with "
                "“Back up now”."
            ),
        )
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        layout.addWidget(self.list_stack, 1)
        layout.addLayout(buttons)
        copies = QHBoxLayout()
        copies.addWidget(self.copy_label, 1)
        copies.addWidget(self.copy_button)
        copies.addWidget(self.stop_copy_button)
        layout.addLayout(copies)
        layout.addWidget(self.status)
        self._update_buttons()  # the list is read when shown: each backup is a file to open

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_records(self._ws.data.backup_list())
        self.list_stack.setCurrentWidget(self.table if self.model.records else self.empty)
        self._update_buttons()
        self._show_copy_folder()

    def _show_copy_folder(self) -> None:
        folder = self._ws.data.backup_copy_folder()
        self.copy_label.setText(
            tr("Each backup is also copied to {folder}.").format(folder=folder)
            if folder is not None
            else tr("Backups are kept on this computer only.")
        )
        self.copy_button.setText(tr("Choose another folder…") if folder else tr("Choose a folder…"))
        self.stop_copy_button.setVisible(folder is not None)

    # -- the second folder -------------------------------------------------------------------
    def choose_copy_folder(self, folder: Path | None = None) -> bool:
        """Ask for the folder (or take `folder`), then copy each backup there."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, tr("Also copy each backup to"), str(Path.home())
            )
            if not chosen:
                return False
            folder = Path(chosen)
        return self.set_copy_folder(folder)

    def set_copy_folder(self, folder: Path | None) -> bool:
        try:
            self._ws.data.set_backup_copy_folder(folder)
        except (InvalidInput, OSError) as error:
            self.status.setText(
                tr("The folder was not chosen: {why}").format(why=in_words(error))
                if isinstance(error, InvalidInput)
                else tr(
                    "The folder was not chosen: the setting could not be saved ({why})."
                ).format(why=error.strerror or error)
            )
            return False
        self._show_copy_folder()
        self.status.setText(
            tr("From the next backup on, a copy also goes to {folder}.").format(folder=folder)
            if folder is not None
            else tr("Backups are no longer copied elsewhere.")
        )
        return True

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # automatic backups are made while the panel is hidden
        super().showEvent(event)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)
        self.back_up_button.setEnabled(self.job is None)

    # -- backing up --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.job is not None:
            return
        self.job = self._jobs.submit(lambda ws, _tracker: ws.data.back_up())
        self.job.succeeded.connect(self._backed_up)
        self.job.failed.connect(self._backup_failed)
        self.job.finished.connect(self._job_finished)
        self.status.setText(tr("Backing up…"))
        self._update_buttons()

    def _backed_up(self, info: BackupInfo) -> None:
        self.refresh()
        self.table.selectRow(0)
        words = tr("Backed up just now: {clients}, {size}.").format(
            clients=text.clients(info.clients or 0),
            size=QLocale().formattedDataSize(info.size, 1),
        )
        if info.copied_to is not None:
            words += " " + tr("A copy is in {folder}.").format(folder=info.copied_to.parent)
        elif info.copy_problem:
            words += " " + info.copy_problem
        self.status.setText(words)

    def _backup_failed(self, error: Exception) -> None:
        self.status.setText(tr("The backup could not be made: {why}").format(why=in_words(error)))

    def _job_finished(self) -> None:
        self.job = None
        self._update_buttons()

    # -- restoring ---------------------------------------------------------------------------
    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Restore this backup?"),
            literal_rich_text(
                [
                    tr("Your data will be replaced by the backup taken {taken}.").format(
                        taken=taken_label(info)
                    ),
                    tr(
                        "Your data as it is now is kept as a backup first: “Undo restore” "
                        "puts it back."
                    ),
                ]
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info.path)

    def undo_restore(self) -> None:
        if self.undo_path is not None and self.restore(self.undo_path, undoing=True):
            self.undo_button.hide()
            self.undo_path = None

    def restore(self, path: Path, *, undoing: bool = False) -> bool:
        """Replace the practice with the backup at `path`; False (and a message) if not."""
        self._jobs.wait()  # a backup in progress reads the file about to be replaced
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def restore() -> Result[Restored]:
            result = self._ws.data.restore_backup(path)
            if self._undo_stack is not None:
                self._undo_stack.clear()  # before the news: old steps act on records gone
            return result

        outcome = Runner(self._ws, self._events).now(restore, initiator=self, doing="Restore")
        QGuiApplication.restoreOverrideCursor()
        if outcome.error is not None:
            warn(self, tr("The backup could not be restored"), outcome.error)
            return False
        self.restored.emit(outcome.value)
        self._after_restore(outcome.value, undoing)
        return True

    def _after_restore(self, restored: Restored, undoing: bool) -> None:
        self.refresh()
        if undoing:
            self.status.setText(tr("Your data is back as it was before the restore."))
            return
        self.undo_path = restored.kept
        self.undo_button.setVisible(restored.kept is not None)
        self.status.setText(
            tr("Restored. Your data as it was is kept as a backup: “Undo restore” puts it back.")
            if restored.kept_whole
            else tr(
                "Restored. Your data as it was could not be read whole; it is kept, set aside, "
                "in the backups folder."
            )
        )

    def open_folder(self) -> None:
        folder = self._ws.data.backups_folder
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

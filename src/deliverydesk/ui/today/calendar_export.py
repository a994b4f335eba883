"""File → Export calendar…: every open step's due date (and sessions, timed where they
have a time) to an .ics file, or with "Export calendar per client…" one file per client
into a folder, written off the window's thread with progress and cancel, then a word on
what was done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog, QWidget

from deliverydesk.progress import Tracker
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.look.icons import icon

DEFAULT_NAME = "deliverydesk.ics"
SHORTCUT = "Ctrl+Shift+L"  # caLendar; Ctrl+Shift+E edits a client's details


class CalendarExport(QObject):
    """Signals:
    exported(int, Path): the file was written with this many events.
    """

    exported = Signal(int, object)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._parent = parent
        self.runner = JobRunner.for_workspace(workspace, self)
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.quiet = False  # no message box at the end (tests, scripts)
        self.action = QAction(icon("today"), tr("Export &calendar…"), parent)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(
            tr("Every open step's due date, and sessions, as an .ics file ({keys})").format(
                keys=self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.action.triggered.connect(self.ask)
        self.per_client_action = QAction(tr("Export calendar &per client…"), parent)
        self.per_client_action.setToolTip(tr("One .ics file per client, into a folder you choose"))
        self.per_client_action.triggered.connect(self.ask_folder)

    def ask(self) -> None:
        """Ask where to save, then export there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent,
            tr("Export calendar"),
            str(Path(folder or Path.home()) / DEFAULT_NAME),
            tr("Calendar files (*.ics)"),
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix.lower() == ".ics" else path.with_suffix(".ics"))

    def ask_folder(self) -> None:
        """Ask for a folder, then write one calendar per client into it."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = QFileDialog.getExistingDirectory(
            self._parent, tr("Export calendar per client"), folder or str(Path.home())
        )
        if chosen:
            self.export_to(Path(chosen), per_client=True)

    def export_to(self, path: Path, *, per_client: bool = False) -> Job:
        """Write the file (or, `per_client`, the folder's files) on the job runner;
        `exported` or a message follows."""
        words = text.WORDS

        def work(ws: Workspace, tracker: Tracker) -> int:
            return ws.schedule.export_calendar(path, words, tracker, per_client=per_client)

        self.job = job = self.runner.submit(work)
        progress = QProgressDialog(
            tr("Exporting due dates to {file}…").format(file=path.name),
            tr("Cancel"),
            0,
            100,
            self._parent,
        )
        progress.setWindowTitle(tr("Export calendar"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a quick export shows no dialog at all
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(
            lambda done, total: progress.setValue(int(done * 100 / total) if total else 0)
        )
        job.succeeded.connect(lambda count: self._done(int(count), path))
        job.failed.connect(self._failed)
        job.finished.connect(progress.close)
        job.finished.connect(progress.deleteLater)
        self.progress = progress
        return job

    def _done(self, count: int, path: Path) -> None:
        self.exported.emit(count, path)
        if self.quiet:
            return
        QMessageBox.information(
            self._parent,
            tr("Calendar exported"),
            literal_rich_text(
                [
                    tr("{count} due dates and sessions are in {path}.").format(
                        count=count, path=str(path)
                    ),
                    tr(
                        "Import the file into your calendar; importing a newer export later "
                        "updates the same events instead of adding them twice."
                    ),
                ]
            ),
        )

    def _failed(self, error: object) -> None:
        if self.quiet:
            return
        QMessageBox.warning(
            self._parent, tr("The calendar was not exported"), literal_rich_text([in_words(error)])
        )


def add_export_action(window: QMainWindow, workspace: Workspace) -> CalendarExport:
    """File → Export calendar…, put before the File menu's last entry (Quit)."""
    exporter = CalendarExport(workspace, window)
    menu = file_menu(window)
    if menu is None:
        window.addAction(exporter.action)
        return exporter
    actions = menu.actions()
    if actions:
        menu.insertAction(actions[-1], exporter.action)
        menu.insertAction(actions[-1], exporter.per_client_action)
        menu.insertSeparator(actions[-1])
    else:
        menu.addActions([exporter.action, exporter.per_client_action])
    return exporter


def file_menu(window: QMainWindow) -> QMenu | None:
    """The window's first menu (File), found without the window naming it for us."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            return menu
    return None

"""The File menu's data actions and the automatic backups of an open window.

Export progress reports…, Import filled form…, Import journeys in progress…, Import
clients…, Export clients to a spreadsheet (.xlsx, every cell text: what a person opens),
Export clients as CSV for re-import (the raw file the importer reads back), Export
practice…, Import practice… and Backups….
Importing a practice replaces the one open, which is kept as a backup first (Backups… can
bring it back). Each handler takes the path for tests; without one it asks with a file
dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from deliverydesk.services.changes import Result
from deliverydesk.services.clients.client_csv import CsvImport
from deliverydesk.services.data.backups import BackupInfo, Restored
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.services.journeys.journey_csv import JourneyImport
from deliverydesk.services.workspace import Workspace
from deliverydesk.staging import staging
from deliverydesk.ui.core.auto_backup import AutoBackup
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import WORDS, literal_rich_text, tr
from deliverydesk.ui.enrol.import_journeys import ImportJourneysDialog
from deliverydesk.ui.reports.batch_export import export_progress_reports
from deliverydesk.ui.settings.backups_panel import BackupsPanel
from deliverydesk.ui.widgets.paper.sending import send_progress_reports

if TYPE_CHECKING:
    from deliverydesk.ui.main_window import MainWindow
    from deliverydesk.ui.widgets.paper.sending import BatchSend

START_DELAY_MS = 10_000  # the start's backup waits until the window has settled
STATUS_MS = 10_000
PROBLEMS = (InvalidInput, DatabaseError, OSError)


def _safe_name(name: str) -> str:
    """A file name from the practice's name: no path characters, not too long."""
    kept = "".join(ch for ch in name if ch.isalnum() or ch in " -_").strip()
    return kept[:60] or "DeliveryDesk"


class DataActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ws = workspace
        self._events = events
        self._undo_stack = undo_stack
        self.jobs = JobRunner.for_workspace(workspace, self)
        self.runner = Runner(workspace, events, self.jobs)
        self.auto_backup = AutoBackup(events, self.jobs, self)
        self.auto_backup.failed.connect(self._auto_backup_failed)
        self.auto_backup.backed_up.connect(self._auto_backup_made)
        self.actions = self._build_actions()
        menu = window.file_menu
        # After New client… and Enrol…, before Quit.
        quit_action = menu.actions()[-1]
        for action in self.actions:
            if action is None:
                menu.insertSeparator(quit_action)
            else:
                menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.setInterval(START_DELAY_MS)
        self.start_timer.timeout.connect(self.auto_backup.start)
        self.start_timer.start()

    def _build_actions(self) -> list[QAction | None]:
        def action(label: str, slot: Callable[[], object]) -> QAction:
            made = QAction(label, self._window)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.import_clients_action = action(tr("Import clients…"), self.import_clients)
        self.import_journeys_action = action(
            tr("Import journeys in progress…"), lambda: self.import_journeys()
        )
        self.export_sheet_action = action(
            tr("Export clients to a spreadsheet…"), lambda: self.export_spreadsheet()
        )
        self.export_clients_action = action(
            tr("Export clients as CSV for re-import…"), self.export_clients
        )
        self.export_money_action = action(
            tr("Export money lines for your accountant…"), self.export_money
        )
        self.export_money_action.setToolTip(
            tr("Every invoice with its amount, and when it was invoiced and paid, as CSV")
        )
        self.export_practice_action = action(tr("Export practice…"), self.export_practice)
        self.import_practice_action = action(tr("Import practice…"), self.import_practice)
        self.backups_action = action(tr("Backups…"), self.show_backups)
        self.export_reports_action = action(
            tr("Export progress reports…"), self.export_progress_reports
        )
        self.send_reports_action = action(tr("Send progress reports…"), self.send_progress_reports)
        self.send_reports_action.setToolTip(
            tr("Open one mail draft per active client with their progress report attached")
        )
        self.import_form_action = action(tr("Import filled form…"), self.import_filled_form)
        return [
            self.export_reports_action,
            self.send_reports_action,
            self.import_form_action,
            None,
            self.import_journeys_action,
            self.import_clients_action,
            self.export_sheet_action,
            self.export_clients_action,
            self.export_money_action,
            None,
            self.export_practice_action,
            self.import_practice_action,
            None,
            self.backups_action,
        ]

    # -- helpers -----------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MS)

    def _warn(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self._window, title, literal_rich_text([in_words(error)]))

    def _auto_backup_made(self, info: BackupInfo) -> None:
        if info.copy_problem:  # the backup is made; its copy on the other disk is not
            self._say(tr("Backed up. {why}").format(why=info.copy_problem))

    def _auto_backup_failed(self, why: str) -> None:
        self._say(tr("The automatic backup could not be made: {why}").format(why=why))

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, title, str(Path.home() / name), pattern
        )
        return Path(chosen) if chosen else None

    def _open_path(self, title: str, pattern: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, title, str(Path.home()), pattern
        )
        return Path(chosen) if chosen else None

    def _practice_name(self) -> str:
        practice = self._ws.practice.info()
        return _safe_name(practice.name if practice else "")

    def _replaced(self) -> None:
        """The open practice was replaced: old undo steps would act on records it lacks."""
        self._undo_stack.clear()
        self._window.refresh_title()

    # -- the client's paper ------------------------------------------------------------------
    def export_progress_reports(self, folder: Path | None = None) -> None:
        export_progress_reports(
            self._window, self._ws, self.jobs, folder, on_board=self._window.clients_on_board()
        )

    def send_progress_reports(self) -> BatchSend | None:
        return send_progress_reports(
            self._window, self._ws, self.runner, on_board=self._window.clients_on_board()
        )

    def import_filled_form(self, path: Path | None = None) -> None:
        from deliverydesk.ui.reports.import_form import import_filled_form

        import_filled_form(self._window, self._ws, self._events, self._undo_stack, path)

    # -- clients as CSV ----------------------------------------------------------------------
    def import_clients(self, path: Path | None = None) -> None:
        from deliverydesk.ui.widgets.import_clients_dialog import ImportClientsDialog

        path = path or self._open_path(
            tr("Import clients"), tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path is None:
            return
        self.import_dialog = ImportClientsDialog(
            self._ws, self._events, self.jobs, path, self._window
        )
        self.import_dialog.imported.connect(self._clients_imported)
        self.import_dialog.open()

    def _clients_imported(self, done: CsvImport) -> None:
        count = len(done.client_ids)
        self._say(
            tr("Imported 1 client.") if count == 1 else tr("Imported {n} clients.").format(n=count)
        )

    def import_journeys(self, path: Path | None = None) -> None:
        """Clients already under way: the dialog opens first (its template comes before any
        file); with `path` it opens on that file."""
        self.import_dialog = ImportJourneysDialog(
            self._ws, self._events, self.jobs, path, self._window
        )
        self.import_dialog.imported.connect(self._journeys_imported)
        self.import_dialog.open()

    def _journeys_imported(self, done: JourneyImport) -> None:
        count = len(done.journey_ids)
        self._say(
            tr("Enrolled 1 client already under way.")
            if count == 1
            else tr("Enrolled {n} clients already under way.").format(n=count)
        )

    def export_spreadsheet(self, path: Path | None = None) -> None:
        """Clients and their journeys as an .xlsx workbook, every cell text."""
        stem = f"{self._practice_name()} clients {date.today().isoformat()}.xlsx"
        path = path or self._save_path(
            tr("Export clients to a spreadsheet"),
            stem,
            tr("Spreadsheets (*.xlsx);;All files (*)"),
        )
        if path is None:
            return
        try:
            counts = self._ws.data.export_spreadsheet(path, WORDS)
        except PROBLEMS as error:
            self._warn(tr("The clients were not exported"), error)
            return
        self._say(
            tr("Saved {n} clients and {j} journeys to {path}").format(
                n=counts.clients, j=counts.journeys, path=path
            )
        )

    def export_clients(self, path: Path | None = None) -> None:
        """The raw CSV, which Import clients… reads back to the same clients."""
        stem = f"{self._practice_name()} clients {date.today().isoformat()}.csv"
        path = path or self._save_path(
            tr("Export clients as CSV for re-import"),
            stem,
            tr("CSV files (*.csv);;All files (*)"),
        )
        if path is None:
            return
        try:
            count = self._ws.data.export_clients_csv(path)
        except PROBLEMS as error:
            self._warn(tr("The clients were not exported"), error)
            return
        self._say(tr("Saved {n} clients to {path}").format(n=count, path=path))

    def export_money(self, path: Path | None = None) -> None:
        """The money lines as CSV for a spreadsheet (formulas defused, accents kept)."""
        stem = f"{self._practice_name()} money {date.today().isoformat()}.csv"
        path = path or self._save_path(
            tr("Export money lines for your accountant"),
            stem,
            tr("CSV files (*.csv);;All files (*)"),
        )
        if path is None:
            return
        try:
            count = self._ws.money.export_csv(path, spreadsheet=True)
        except PROBLEMS as error:
            self._warn(tr("The money lines were not exported"), error)
            return
        self._say(tr("Saved {n} money lines to {path}").format(n=count, path=path))

    # -- the whole practice ------------------------------------------------------------------
    def export_practice(self, path: Path | None = None) -> Job | None:
        """Write the practice as a job (seconds at thousands of clients); the Job, or None."""
        stem = f"{self._practice_name()} {date.today().isoformat()}.json"
        path = path or self._save_path(
            tr("Export practice"), stem, tr("Practice files (*.json);;All files (*)")
        )
        if path is None:
            return None
        chosen = path
        job = self.jobs.submit(lambda ws, _tracker: ws.data.export_practice(chosen))
        job.succeeded.connect(
            lambda summary: self._say(
                tr("Saved the practice ({n} clients) to {path}").format(
                    n=summary.clients, path=chosen
                )
            )
        )
        job.failed.connect(lambda error: self._warn(tr("The practice was not exported"), error))
        self._say(tr("Exporting the practice…"))
        return job

    def import_practice(self, path: Path | None = None, *, confirmed: bool = False) -> Job | None:
        """Replace the open practice with a practice file's. The file is loaded into a new
        database by a job; only the swap itself, about a second, holds the window."""
        path = path or self._open_path(
            tr("Import practice"), tr("Practice files (*.json);;All files (*)")
        )
        if path is None:
            return None
        if not confirmed and not self._confirm_replace(path):
            return None
        scratch = ExitStack()  # the staging folder lives until the job has finished
        folder = scratch.enter_context(staging(self._ws.folder, "import"))
        chosen = path
        # replace_practice's two steps: built on the pool, swapped in on this thread.
        job = self.jobs.submit(lambda ws, _tracker: ws.data.build_practice(chosen, folder))
        job.succeeded.connect(lambda built: self._swap_in(built, chosen))
        job.failed.connect(lambda error: self._warn(tr("The practice was not imported"), error))
        # A lambda holds the folder: a bound method would be connected weakly, and the
        # folder could vanish (garbage collected) before the swap reads it.
        job.finished.connect(lambda: scratch.close())
        self._say(tr("Reading {file}…").format(file=path.name))
        return job

    def _swap_in(self, built: Path, path: Path) -> None:
        self.jobs.wait()  # an automatic backup reads the file about to be replaced
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def swap() -> Result[Restored]:
            result = self._ws.data.restore_backup(built)
            self._replaced()  # before the news goes out
            return result

        outcome = self.runner.now(swap, initiator=self, doing="Import practice")
        QGuiApplication.restoreOverrideCursor()
        if outcome.error is not None:
            self._warn(tr("The practice was not imported"), outcome.error)
            return
        self._say(
            tr("Imported {file}. Your previous data is kept as a backup (File > Backups…).").format(
                file=path.name
            )
        )

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self._window,
            tr("Replace the practice open now?"),
            literal_rich_text(
                [
                    tr("The practice in {file} will replace the one open now.").format(
                        file=path.name
                    ),
                    tr(
                        "Your current data is kept as a backup first: restoring it from "
                        "File > Backups… brings it back."
                    ),
                ]
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- backups -----------------------------------------------------------------------------
    def make_backups_panel(self) -> BackupsPanel:
        """Settings > Backups: a restore from it replaces the practice like an import."""

        self.backups_panel = BackupsPanel(
            self._ws, self._events, self.jobs, undo_stack=self._undo_stack
        )
        self.backups_panel.restored.connect(lambda _restored: self._replaced())
        return self.backups_panel

    def show_backups(self) -> None:
        """File → Backups…: the Settings screen, on its Backups tab."""
        self._window.show_screen("settings")
        self._window.settings_page.show_tab(self.backups_panel)

    def shutdown(self) -> None:
        """Before quitting: no new backup, and the one running (if any) finishes."""
        self.start_timer.stop()
        self.auto_backup.stop()
        self.jobs.wait()

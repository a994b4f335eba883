"""Owning the data: the data folder, integrity, backups and restore, practice files, CSV in
and out.

A room of the Workspace (`ws.data`): each method is one use case on the open practice.
"""

from __future__ import annotations

from pathlib import Path

from deliverydesk.services.changes import Result
from deliverydesk.services.clients import client_csv
from deliverydesk.services.data import backup_copies, backups, practice_file, spreadsheet_export
from deliverydesk.services.journeys import journey_csv
from deliverydesk.services.rooms.room import Room
from deliverydesk.store.integrity import IntegrityReport
from deliverydesk.store.restore import Restored
from deliverydesk.wording import ENGLISH, Words


class DataRoom(Room):
    @property
    def _folder(self) -> Path:
        return self._ctx.path.parent

    # -- the data folder (its warning: Workspace.folder_warning) ----------------------------
    def check(self) -> IntegrityReport:
        return self._ctx.check()

    # -- backups and restore ---------------------------------------------------------------
    @property
    def backups_folder(self) -> Path:
        return backups.backups_folder(self._folder)

    def backup_list(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self._folder)

    def back_up(self, label: str = backups.MANUAL) -> backups.BackupInfo:
        return backups.back_up(self._ctx, label)

    def back_up_automatically(self) -> backups.BackupInfo:
        """A backup labelled automatic (the window's, every 30 minutes of changes)."""
        return backups.back_up(self._ctx, backups.AUTO)

    def backup_copy_folder(self) -> Path | None:
        return backup_copies.copy_folder(self._ctx.path.parent)

    def set_backup_copy_folder(self, folder: Path | None) -> None:
        backup_copies.set_copy_folder(self._ctx.path.parent, folder)

    def back_up_if_due(self) -> backups.BackupInfo | None:
        """A backup when the last is a day old (the window's start), else None."""
        return backups.back_up_if_due(self._ctx)

    def restore_backup(self, source: Path) -> Result[Restored]:
        """Replace the practice with the backup `source`, then reopen on it (services/
        backups.restore_in_place says what a failure leaves)."""
        return backups.restore_in_place(self._ctx, source)

    # -- practice files --------------------------------------------------------------------
    def export_practice(self, path: Path) -> practice_file.PracticeFileSummary:
        return practice_file.export_practice(self._ctx, path)

    def replace_practice(self, path: Path) -> Result[Restored]:
        """Put the practice in the file at `path` in place of the open one, which is kept
        as a backup (the value's `kept`: restoring it undoes this). A file that cannot be
        used raises InvalidInput and changes nothing."""
        return practice_file.replace_practice(self._ctx, path)

    def build_practice(self, path: Path, folder: Path) -> Path:
        """replace_practice's first step, for a job: the practice file at `path` built into
        a new database in the empty `folder`; restore_backup swaps it in."""
        return practice_file.build_database(path, folder, self._ctx.clock)

    # -- CSV in and out --------------------------------------------------------------------
    def import_clients_csv(
        self, path: Path, encoding: str = "utf-8"
    ) -> Result[client_csv.CsvImport]:
        return client_csv.import_clients(self._ctx, path, encoding)

    def import_journeys_csv(
        self, path: Path, encoding: str = "utf-8"
    ) -> Result[journey_csv.JourneyImport]:
        return journey_csv.import_journeys(self._ctx, path, encoding)

    def preview_clients_csv(self, path: Path, encoding: str = "utf-8") -> client_csv.CsvPreview:
        return client_csv.preview_clients(self._ctx, path, encoding)

    def preview_journeys_csv(self, path: Path, encoding: str = "utf-8") -> client_csv.CsvPreview:
        return journey_csv.preview_journeys(self._ctx, path, encoding)

    def journeys_template(self, path: Path) -> int:
        return journey_csv.journeys_template(self._ctx, path)

    def export_clients_csv(self, path: Path, *, spreadsheet: bool = False) -> int:
        return client_csv.export_clients(self._ctx, path, spreadsheet=spreadsheet)

    def export_spreadsheet(
        self, path: Path, words: Words = ENGLISH
    ) -> spreadsheet_export.WorkbookCounts:
        return spreadsheet_export.export_workbook(self._ctx, path, words)

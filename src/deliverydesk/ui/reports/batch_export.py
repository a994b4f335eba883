"""File → Export progress reports…: every active client's report into a folder, in the
background, with progress and cancel.

The reports are made by `report_export.export_progress_batch` on the job runner's thread,
which hands them to two worker processes; the window stays usable throughout (the progress
dialog does not block it). A cancel stops between reports: the files already written are
whole and kept, and no temporary file is left behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from deliverydesk.progress import Tracker
from deliverydesk.services.paper.report_export import Exported
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.paper.last_folder import last_folder, remember_folder
from deliverydesk.ui.widgets.paper.which_clients import ask_which_clients

WORKERS = 2  # both cores of a small laptop; the window's thread stays free


def count_words(done: int, total: int) -> str:
    return tr("{done} of {total} reports").format(done=done, total=total)


class BatchExport(QObject):
    """One batch under way: its job, its progress dialog and, at the end, its summary.

    Signals:
        ended(): the summary is shown (the batch finished, stopped or failed).
    """

    ended = Signal()

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        jobs: JobRunner,
        folder: Path,
        client_ids: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.folder = folder
        self.total = len(client_ids if client_ids is not None else workspace.paper.report_clients())
        self.done: list[Exported] = []
        self._done = 0  # the count last heard of
        self.summary: QMessageBox | None = None
        chosen = list(client_ids) if client_ids is not None else None

        def work(ws: Workspace, tracker: Tracker) -> list[Exported]:
            # tracker.report, not step: a cancel returns the reports made so far, which
            # the summary counts, instead of raising them away.
            return ws.paper.export_progress_batch(
                folder,
                chosen,
                workers=WORKERS,
                progress=tracker.report,
                cancelled=tracker.cancelled,
            )

        self.progress = QProgressDialog(parent)
        self.progress.setWindowTitle(tr("Export progress reports"))
        self.progress.setLabelText(count_words(0, self.total))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop after the reports being made now"))
        self.progress.setCancelButton(self.stop_button)
        self.progress.setRange(0, max(self.total, 1))
        self.progress.setValue(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        # Not modal: the person can keep working while the reports are made.
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.job: Job = jobs.submit(work)
        self.progress.canceled.connect(self.cancel)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self._finished([]))  # stopped before it began
        self.progress.show()

    def cancel(self) -> None:
        """Stop after the reports being made now; those already saved stay."""
        self.job.cancel()
        if not self.job.is_running():
            return
        # The dialog hid itself; it stays up, saying so, until the last report is written.
        self.stop_button.setEnabled(False)
        self.progress.setLabelText(tr("Stopping…"))
        self.progress.setValue(self._done)
        self.progress.show()

    def _progressed(self, done: int, total: int) -> None:
        if done == 0:
            return  # the job runner's own "started" (0 of 1), not a count of reports
        self.total, self._done = total, done
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if not self.job.cancel_requested():
            self.progress.setLabelText(count_words(done, total))

    def _finished(self, done: list[Exported]) -> None:
        self.done = list(done)
        count = len(self.done)
        if count < self.total and self.job.cancel_requested():
            headline = (
                tr("Stopped after 1 report; that file is kept.")
                if count == 1
                else tr("Stopped after {n} reports; those files are kept.").format(n=count)
            )
        elif count == 1:
            headline = tr("1 progress report saved in {folder}").format(folder=self.folder)
        else:
            headline = tr("{n} progress reports saved in {folder}").format(
                n=count, folder=self.folder
            )
        self._summarise(QMessageBox.Icon.Information, headline, self._remarks())

    def _failed(self, error: object) -> None:
        self._summarise(
            QMessageBox.Icon.Warning,
            tr("The progress reports were not all saved."),
            [
                in_words(error),
                tr("Any report already saved in {folder} is whole.").format(folder=self.folder),
            ],
        )

    def _remarks(self) -> list[str]:
        """What the reports' own notes said, once each (a logo left out, missing fonts)."""
        notes = list(dict.fromkeys(note for e in self.done for note in e.notes))
        boxed = [e.path.name for e in self.done if e.missing]
        if boxed:
            files = ", ".join(boxed[:5]) + (" …" if len(boxed) > 5 else "")
            notes.append(
                (
                    tr("One of them has characters no font has, printed as boxes: {files}")
                    if len(boxed) == 1
                    else tr("{n} of them have characters no font has, printed as boxes: {files}")
                ).format(n=len(boxed), files=files)
            )
        return notes

    def _summarise(self, icon: QMessageBox.Icon, headline: str, details: list[str]) -> None:
        self.progress.close()
        self.progress.deleteLater()
        if self.done or self.job.cancel_requested():
            remember_folder(self._parent, self.folder)
        box = QMessageBox(
            icon,
            tr("Export progress reports"),
            literal_rich_text([headline]),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setInformativeText(literal_rich_text(details) if details else "")
        if self.done:
            self.open_button = box.addButton(tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            self.open_button.clicked.connect(self.open_folder)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.deleteLater)  # the batch is over once its summary goes
        self.summary = box
        box.show()
        self.ended.emit()

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def export_progress_reports(
    parent: QWidget,
    workspace: Workspace,
    jobs: JobRunner,
    folder: Path | None = None,
    *,
    client_ids: Sequence[int] | None = None,
    on_board: Sequence[int] = (),
) -> BatchExport | None:
    """Ask for a folder (unless given), then make every active client's progress report
    there (or `client_ids`' reports) in the background; the batch, or None if the person
    chose no folder or there is nobody to report on. Asked from the board while a filter
    narrows it (`on_board`: the clients whose cards it shows then), it asks first whether
    the cards shown or every active client is meant."""
    active = workspace.paper.report_clients() if client_ids is None else []
    if client_ids is None and not active:
        QMessageBox.information(
            parent,
            tr("Export progress reports"),
            tr("No client has an active journey yet, so there is no progress report to make."),
        )
        return None
    if folder is None and client_ids is None:
        shown = list(on_board)
        if shown and len(shown) < len(active):
            answer = ask_which_clients(parent, len(shown), len(active))
            if answer is None:
                return None
            client_ids = shown if answer else None
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, tr("Save the progress reports in"), str(last_folder(parent))
        )
        if not chosen:
            return None
        folder = Path(chosen)
    return BatchExport(parent, workspace, jobs, folder, client_ids)

"""Send to client: the document made, the system's mail composer opened with it attached
and a drafted message (services/paper/send.py), the send logged as a contact. The work runs on
the job pool through the runner (a mail program started by xdg-email may take a moment),
and the news of the contact is announced from there.

Where no composer takes the attachment, the person reads so plainly, the file is shown in
its folder and the message is copied, ready to paste into a new e-mail.

Batch "Send progress reports…": one draft per active client (or per client the board
shows), in the background, with progress and a stop between clients.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from deliverydesk.services.paper.report_export import DocumentKind
from deliverydesk.ui.core.failures import said
from deliverydesk.ui.core.jobs import Job, JobRunner
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.paper.which_clients import ask_which_clients

if TYPE_CHECKING:
    from deliverydesk.progress import Tracker
    from deliverydesk.services.changes import Result
    from deliverydesk.services.paper.report_export import Document
    from deliverydesk.services.paper.send import BatchSent, Sent
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.core.events import AppEvents

STATUS_MS = 10_000


def document_words() -> dict[DocumentKind, str]:
    return {
        DocumentKind.PROGRESS: tr("Progress report"),
        DocumentKind.ONBOARDING: tr("Welcome pack"),
        DocumentKind.CHECKLIST: tr("Checklist"),
        DocumentKind.INTAKE: tr("Intake form"),
    }


def runner_for(workspace: Workspace, events: AppEvents, host: QObject) -> Runner:
    """A runner with a job pool of its own, living as long as `host`."""
    return Runner(workspace, events, JobRunner(workspace, host, max_threads=1))


def show_file(sent: Sent) -> bool:
    """The document's folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(sent.path.parent)))


def fallback_words(sent: Sent) -> str:
    return tr(
        "No mail program could take the attachment. The document is in {folder} (shown "
        "now) and the message is copied: paste it into a new e-mail to {client} and attach "
        "“{file}”."
    ).format(folder=sent.path.parent, client=sent.client_name, file=sent.path.name)


def opened_words(sent: Sent) -> str:
    return tr("A mail draft to {client} is open in your mail program, with “{file}”.").format(
        client=sent.client_name, file=sent.path.name
    )


class SendToClient(QObject):
    """One send under way. Signals:
    done(Sent): the draft was opened, or the fallback shown; the send is logged.
    refused(str): nothing was sent, and why in plain words.
    """

    done = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        runner: Runner,
        client_id: int,
        document: Document | None = None,
        kind: DocumentKind = DocumentKind.PROGRESS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sent: Sent | None = None

        def work(ws: Workspace, _tracker: Tracker) -> object:
            return ws.paper.send_document(client_id, document, kind=kind)

        self.job: Job = runner.later(work, initiator=self)
        self.job.succeeded.connect(self._sent)
        self.job.failed.connect(lambda error: self.refused.emit(said(error)))

    def _sent(self, result: Result[Sent]) -> None:
        sent = self.sent = result.value  # its news announced already, by the runner
        if not sent.opened:
            clipboard = QGuiApplication.clipboard()
            if clipboard is not None:
                clipboard.setText(sent.message)
            show_file(sent)
        self.done.emit(sent)


def send_from_menu(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    client_id: int,
    kind: DocumentKind = DocumentKind.PROGRESS,
) -> SendToClient:
    """Send the client a new document of `kind` (a menu's action); what happened is told
    in the window's status bar, or in a box when the person has something to do."""
    sending = SendToClient(
        runner_for(workspace, events, parent), client_id, kind=kind, parent=parent
    )
    sending.done.connect(lambda sent: _tell(parent, sent))
    sending.refused.connect(lambda why: _box(parent, QMessageBox.Icon.Warning, why))
    return sending


def _tell(parent: QWidget, sent: Sent) -> None:
    if not sent.opened:
        _box(parent, QMessageBox.Icon.Information, fallback_words(sent))
        return
    bar = getattr(parent.window(), "statusBar", None)
    if callable(bar):
        bar().showMessage(opened_words(sent), STATUS_MS)


def _box(parent: QWidget, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    """Not modal: the window stays usable, and nothing waits for an answer."""
    box = QMessageBox(
        icon,
        tr("Send to client"),
        literal_rich_text([text]),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


# -- many clients at once ---------------------------------------------------------------------


class BatchSend(QObject):
    """Progress reports sent to many clients: the job, its progress dialog with Stop, and
    a summary at the end. Signals: ended(): the summary is shown."""

    ended = Signal()

    def __init__(
        self, parent: QWidget, runner: Runner, client_ids: Sequence[int] | None, total: int
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.total = total
        self.outcome: BatchSent | None = None
        self.summary: QMessageBox | None = None
        chosen = list(client_ids) if client_ids is not None else None

        def work(ws: Workspace, tracker: Tracker) -> object:
            # tracker.report, not step: a stop keeps the drafts opened so far, and the
            # summary counts them.
            return ws.paper.send_progress_reports(
                chosen, progress=tracker.report, cancelled=tracker.cancelled
            )

        self.progress = QProgressDialog(parent)
        self.progress.setWindowTitle(tr("Send progress reports"))
        self.progress.setLabelText(self._count(0))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setToolTip(tr("Stop after the draft being opened now"))
        self.progress.setCancelButton(self.stop_button)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.job: Job = runner.later(work, initiator=self)
        self.progress.canceled.connect(self.stop)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(lambda: self._summarise(tr("Nothing was sent."), []))
        self.progress.show()

    def _count(self, done: int) -> str:
        return tr("{done} of {total} drafts").format(done=done, total=self.total)

    def stop(self) -> None:
        """Stop after the draft being opened now; those opened stay logged."""
        self.job.cancel()
        if self.job.is_running():
            self.stop_button.setEnabled(False)
            self.progress.setLabelText(tr("Stopping…"))
            self.progress.show()

    def _progressed(self, done: int, total: int) -> None:
        self.total = total
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if not self.job.cancel_requested():
            self.progress.setLabelText(self._count(done))

    def _finished(self, result: Result[BatchSent]) -> None:
        outcome = self.outcome = result.value
        sent = outcome.sent
        opened = [s for s in sent if s.opened]
        if outcome.stopped:
            headline = tr("Stopped after {n} of {total} drafts.").format(
                n=len(sent), total=self.total
            )
        elif len(opened) == 1:
            headline = tr("1 progress report sent to your mail program.")
        else:
            headline = tr("{n} progress reports sent to your mail program.").format(n=len(opened))
        details: list[str] = []
        kept = [s for s in sent if not s.opened]
        if kept:
            details.append(
                tr(
                    "No mail program could take {n} of them; their reports are in {folder} "
                    "(shown now), to attach by hand."
                ).format(n=len(kept), folder=kept[0].path.parent)
            )
            show_file(kept[0])
        if outcome.skipped:
            details.append(
                tr("Not sent, with no journey to report on: {names}").format(
                    names=", ".join(outcome.skipped)
                )
            )
        self._summarise(headline, details)

    def _failed(self, error: object) -> None:
        self._summarise(
            tr("The progress reports were not all sent."),
            [said(error) if isinstance(error, BaseException) else str(error)],
        )

    def _summarise(self, headline: str, details: list[str]) -> None:
        self.progress.close()
        self.progress.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Send progress reports"),
            literal_rich_text([headline]),
            QMessageBox.StandardButton.Close,
            self._parent,
        )
        box.setInformativeText(literal_rich_text(details) if details else "")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.deleteLater)
        self.summary = box
        box.show()
        self.ended.emit()


def send_progress_reports(
    parent: QWidget,
    workspace: Workspace,
    runner: Runner,
    *,
    client_ids: Sequence[int] | None = None,
    on_board: Sequence[int] = (),
) -> BatchSend | None:
    """One mail draft with the progress report per active client (asked from the board
    while a filter narrows it, `on_board` being the clients it shows: those, or every
    active client); None when there is nobody to send to or the person stopped at the
    question."""
    active = workspace.paper.report_clients() if client_ids is None else []
    if client_ids is None and not active:
        QMessageBox.information(
            parent,
            tr("Send progress reports"),
            tr("No client has an active journey yet, so there is no progress report to send."),
        )
        return None
    if client_ids is None:
        shown = list(on_board)
        if shown and len(shown) < len(active):
            answer = ask_which_clients(parent, len(shown), len(active), tr("Send progress reports"))
            if answer is None:
                return None
            client_ids = shown if answer else None
    total = len(client_ids) if client_ids is not None else len(active)
    return BatchSend(parent, runner, client_ids, total)

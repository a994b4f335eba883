"""Backups while the window is open: one at start when the last is a day old, then one
every 30 minutes for as long as the data keeps changing.

A change on the event bus marks the data changed; the timer backs up only then, through
the job runner (a backup never holds up the window). A failed backup is told, not lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from deliverydesk.progress import Tracker
from deliverydesk.services.changes import Changes
from deliverydesk.services.data.backups import BackupInfo
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.jobs import Job, JobRunner

INTERVAL_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    """Signals:
    backed_up(BackupInfo): an automatic backup was made.
    failed(str): one could not be made; the words say why.
    """

    backed_up = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        events: AppEvents,
        jobs: JobRunner,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self.changed_since = False  # data changed since the last automatic backup
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.back_up_if_changed)
        events.changed.connect(self._on_changed)

    def start(self) -> None:
        """Back up now if the last backup is older than a day, then keep the timer going."""
        self.timer.start()
        self._submit(lambda ws, _tracker: ws.data.back_up_if_due())

    def stop(self) -> None:
        self.timer.stop()

    def _on_changed(self, changes: Changes) -> None:
        if changes:
            self.changed_since = True

    def back_up_if_changed(self) -> None:
        if self.changed_since and self.job is None:
            self.changed_since = False
            self._submit(lambda ws, _tracker: ws.data.back_up_automatically())

    def _submit(self, work: Callable[[Workspace, Tracker], BackupInfo | None]) -> None:
        if self.job is not None:
            return
        job = self._jobs.submit(work)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.finished.connect(self._finished)
        self.job = job

    def _succeeded(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.backed_up.emit(info)

    def _failed(self, error: Exception) -> None:
        self.changed_since = True  # still not backed up: try again at the next tick
        self.failed.emit(in_words(error))

    def _finished(self) -> None:
        self.job = None

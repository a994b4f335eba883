"""Run one job and wait for it, with the window still painting.

Saving the practice's working days re-dates every open step: seconds at 5,000 clients.
The job runs on the runner's pool (its own database connection); meanwhile a local event
loop keeps the window painted and shows a "working" note, while the person's clicks and
keys wait until it is done. The caller sees a plain function call that returns the
work's value or raises its error, so an undo command stays exact: when redo() or undo()
returns, the database has changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from deliverydesk.progress import Cancelled
from deliverydesk.ui.jobs import JobRunner, Work

SHOW_AFTER_MS = 400  # quick work never flashes a dialog


def run_and_wait(runner: JobRunner, work: Work, label: str, parent: QWidget | None = None) -> Any:
    job = runner.submit(work)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    job.succeeded.connect(lambda value: outcome.update(value=value))
    job.failed.connect(lambda error: outcome.update(error=error))
    job.cancelled.connect(lambda: outcome.update(error=Cancelled()))
    job.finished.connect(loop.quit)
    note = QProgressDialog(label, "", 0, 0, parent.window() if parent is not None else None)
    note.setCancelButton(None)  # no button: the work cannot stop halfway
    note.setWindowModality(Qt.WindowModality.WindowModal)
    note.setMinimumDuration(SHOW_AFTER_MS)  # it shows itself if the work takes longer
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        # The job's signals arrive through this loop; clicks and keys wait for the main one.
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        QApplication.restoreOverrideCursor()
        note.reset()  # hides it and stops its timer
        note.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]

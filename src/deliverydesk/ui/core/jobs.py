"""Work off the UI thread: a small job runner with progress, cancel and a result.

A job is a plain function `work(workspace, tracker)` that calls a use case of the
workspace it is handed: the window's own open database (`Workspace.for_job`: the engine
is thread-safe and each transaction takes a connection of its own, never one shared
between threads). Changes go through the runner (ui/core/runner.py: `Runner.later`), which
announces what they changed. A job never opens the
database a second time: opening does more than SQLite does (it checks, migrates, finishes
an interrupted recovery), and nothing in this process may touch the file but SQLite
(docs/data-safety.md). It reports through `tracker.step(done, total)` and returns a
value. Everything it says reaches the window as signals on the UI thread:

    job = runner.submit(lambda ws, tracker: ws.schedule.export_calendar(path, words, tracker))
    job.progressed.connect(bar.setValue)   # done, total
    job.succeeded.connect(on_result)       # the work's return value
    job.failed.connect(on_error)           # the exception it raised
    job.cancel()                           # it stops at its next step: `cancelled` follows

Batch PDF export, imports and backups take the same road.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from deliverydesk.progress import Cancelled, Tracker
from deliverydesk.ui.core.failures import told

if TYPE_CHECKING:
    from deliverydesk.services.workspace import Workspace

Work = Callable[["Workspace", Tracker], Any]


class _Relay(QObject):
    """Carries the pool thread's news to the Job; the queued connections cross threads."""

    progressed = Signal(int, int)
    ended = Signal(str, object)  # "succeeded" | "failed" | "cancelled", value or exception


class Job(QObject):
    """One piece of work on the pool. All its signals arrive on the UI thread.

    Signals:
        progressed(done, total): the work moved on.
        succeeded(value): the work returned `value`.
        failed(error): the work raised `error` (an exception; str(error) for the person:
            anything but a refusal arrives as an UnexpectedFailure, its details logged).
        cancelled(): the work stopped at a step after cancel() was asked.
        finished(): after any of the three above; the job is over.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._running = True
        self.relay = _Relay()
        self.relay.progressed.connect(self._on_progressed)
        self.relay.ended.connect(self._on_ended)

    def cancel(self) -> None:
        """Ask the work to stop at its next step; `cancelled` follows if it does."""
        self._stop.set()

    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._running

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._running:
            self.progressed.emit(done, total)

    @Slot(str, object)
    def _on_ended(self, outcome: str, value: object) -> None:
        self._running = False
        if outcome == "succeeded":
            self.succeeded.emit(value)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.finished.emit()


class _Task:
    """The pool thread's side of a job. It lets go of every Qt object before it says it is
    released, so no QObject is ever freed on the pool thread."""

    def __init__(self, job: Job, work: Work, workspace: Workspace) -> None:
        self._relay: _Relay | None = job.relay
        self._tracker = Tracker(self._report, job.cancel_requested)
        self._work = work
        self._workspace = workspace
        self.released = threading.Event()

    def _report(self, done: int, total: int) -> None:
        if self._relay is not None:
            self._relay.progressed.emit(done, total)

    def run(self) -> None:
        outcome, value = self._outcome()
        relay, self._relay = self._relay, None
        assert relay is not None
        relay.ended.emit(outcome, value)
        del relay
        self.released.set()

    def _outcome(self) -> tuple[str, object]:
        try:
            self._tracker.step(0, 1)  # a job cancelled while it waited never starts
            # The practice open when the job starts (a restore may since have reopened it);
            # the window closes it, never the job.
            value = self._work(self._workspace.for_job(), self._tracker)
        except Cancelled:
            return "cancelled", None
        except Exception as error:  # every failure is reported to the window, none is lost
            # A refusal as it is; anything unforeseen logged, and told in plain words.
            return "failed", told(error, self._workspace.folder, "A background task")
        return "succeeded", value


class JobRunner(QObject):
    """Runs jobs on its own thread pool, each on the workspace's open database."""

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, max_threads: int = 2
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: dict[Job, _Task] = {}

    @classmethod
    def for_workspace(cls, workspace: Workspace, parent: QObject | None = None) -> JobRunner:
        """Jobs on the window's workspace: its open database and its clock."""
        return cls(workspace, parent)

    def submit(self, work: Work) -> Job:
        """Queue `work(workspace, tracker)`; connect to the returned Job's signals at once (they
        are delivered through the event loop, never before this returns)."""
        job = Job()
        task = _Task(job, work, self.workspace)
        self._tasks[job] = task
        job.finished.connect(self._prune_soon)
        self.pool.start(task.run)
        return job

    def running(self) -> list[Job]:
        return [job for job in self._tasks if job.is_running()]

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until every job's work has returned; False if that took too long.

        Their last signals are still to come, through the event loop.
        """
        return self.pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job, then wait() for them (before closing the workspace or quitting).

        Jobs stop at their next step; what they already did is theirs to keep or roll back.
        """
        for job in self._tasks:
            job.cancel()
        return self.wait(timeout_ms)

    @Slot()
    def _prune_soon(self) -> None:
        # Not from inside the finishing job's own signal: letting go of it there could
        # free it while Qt is still delivering to it.
        QTimer.singleShot(0, self._prune)

    def _prune(self) -> None:
        """Let go of finished jobs once their pool thread has let go of them too."""
        for job, task in list(self._tasks.items()):
            if not job.is_running() and task.released.is_set():
                del self._tasks[job]
        if any(not job.is_running() for job in self._tasks):
            QTimer.singleShot(1, self._prune)

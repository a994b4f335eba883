"""One way to run a change (Anki's CollectionOp/QueryOp are the model).

A button, an undo command and a background job all hand a use case to a Runner:

    outcome = runner.now(lambda: ws.journeys.add_note(journey_id, text), initiator=self)
    job = runner.later(lambda ws, tracker: ws.clients.empty_trash(), initiator=self)

`now` runs it here, on the UI thread (an edit that commits in milliseconds); `later` runs
it on the job pool (ui/core/jobs.py: imports, a whole practice re-dated). Either way a failure
is told one way (`failures.told`: a refusal as it is, anything unforeseen logged and
worded plainly) and the `Changes` a use case returns are announced on `events.changed`
with their initiator, before anyone else hears of the result. No UI module emits
`changed` itself.

An undo command whose work is too long for the UI thread is a `BackgroundCommand`: the
runner does its work on the pool first and only then moves the undo stack, whose
undo()/redo() apply the outcome already in hand; nothing waits in a nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from deliverydesk.services.changes import Changes, Result
from deliverydesk.ui.core.events import Announced
from deliverydesk.ui.core.failures import said, told

if TYPE_CHECKING:
    from deliverydesk.progress import Tracker
    from deliverydesk.services.workspace import Workspace
    from deliverydesk.ui.core.events import AppEvents
    from deliverydesk.ui.core.jobs import Job, JobRunner

SHOW_AFTER_MS = 400  # quick work never flashes the "working" note

# What a person does with mouse and keys: held back while a background change runs.
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.Wheel,
    }
)


@dataclass(frozen=True)
class Outcome:
    """What running a use case came to: its value, or the error to tell (never both)."""

    value: Any = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Runner:
    """Runs use cases on the workspace, announces their Changes, tells their failures."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, jobs: JobRunner | None = None
    ) -> None:
        self.workspace = workspace
        self.events = events
        self.jobs = jobs

    # -- on the UI thread --------------------------------------------------------------------
    def now(
        self,
        use: Callable[[], Result[Any] | Changes | Any],
        *,
        initiator: object,
        doing: str = "",
    ) -> Outcome:
        """Run `use` here. A Result's or Changes' news is announced from `initiator`; the
        value is a Result's value (or what `use` returned). A failure changes nothing (the
        use case rolled back) and comes back in the Outcome, told in plain words."""
        try:
            value = use()
        except Exception as error:  # whatever it was, the person is told in plain words
            return Outcome(error=told(error, self.workspace.folder, doing))
        return Outcome(self.announce(value, initiator))

    def announce(self, value: object, initiator: object) -> object:
        """Announce a Result's or Changes' news from `initiator`; the value without it."""
        if isinstance(value, Result):
            self.events.changed.emit(value.changes.from_source(initiator))
            return value.value
        if isinstance(value, Changes):
            self.events.changed.emit(value.from_source(initiator))
            return None
        return value

    # -- on the job pool ---------------------------------------------------------------------
    def later(
        self,
        use: Callable[[Workspace, Tracker], object],
        *,
        initiator: object = None,
    ) -> Job:
        """Run `use(workspace, tracker)` on the pool. When it returns a Result or Changes,
        their news is announced from `initiator` before the Job's `succeeded` (which
        carries what `use` returned); a failure arrives told, on `failed`."""
        assert self.jobs is not None, "a runner for background work needs the job pool"
        job = self.jobs.submit(use)
        job.succeeded.connect(lambda value: self.announce(value, initiator))  # first
        return job

    # -- undo commands on the pool ------------------------------------------------------
    def push(self, stack: QUndoStack, command: BackgroundCommand, parent: QWidget | None) -> Job:
        """Do `command` on the pool, then push it already done; a failure leaves no trace
        on the stack (read `command.error` when the Job has finished)."""
        return self.prepare(command, True, lambda: stack.push(command), parent)

    def busy(self) -> bool:
        """A background change is running: another must wait for it."""
        return _Hold.current is not None

    def prepare(
        self,
        command: BackgroundCommand,
        forward: bool,
        then: Callable[[], None],
        parent: QWidget | None,
    ) -> Job:
        assert self.jobs is not None
        work = command.forward() if forward else command.backward()
        hold = _Hold(command.working, parent)
        job = self.jobs.submit(lambda ws, _tracker: work(ws))

        def ended(outcome: Outcome) -> None:
            hold.release()
            command.prepared = outcome
            then()  # the stack moves: the command applies the outcome and announces

        job.succeeded.connect(lambda value: ended(Outcome(value)))
        job.failed.connect(lambda error: ended(Outcome(error=error)))
        job.cancelled.connect(hold.release)  # the window is closing: nothing moves
        return job


def undo(stack: QUndoStack, parent: QWidget | None = None) -> None:
    """Undo the stack's last command (the window's Undo); a BackgroundCommand's work runs
    on the pool first, and the stack moves once it is done."""
    _step(stack, stack.index() - 1, forward=False, parent=parent)


def redo(stack: QUndoStack, parent: QWidget | None = None) -> None:
    _step(stack, stack.index(), forward=True, parent=parent)


def _step(stack: QUndoStack, index: int, *, forward: bool, parent: QWidget | None) -> None:
    if not 0 <= index < stack.count() or _Hold.current is not None:
        return  # nothing there, or a background change still running
    command = stack.command(index)
    move = stack.redo if forward else stack.undo
    if isinstance(command, BackgroundCommand) and command.runner.jobs is not None:
        command.runner.prepare(command, forward, move, parent)
    else:
        move()


class BackgroundCommand(QUndoCommand, Announced):
    """An undoable change whose work is too long for the UI thread (seconds at thousands
    of clients). `forward()`/`backward()` give the work of redo and undo; the Runner runs
    it on the pool, then moves the stack, and redo()/undo() apply the prepared outcome.
    Moved without the runner (a QUndoView, a test), they run the work here instead.

    Like ServiceCommand: `message` for the message bar, `done`, and `error` when the last
    run failed; a failed run makes the command obsolete, so the stack drops it.
    """

    working = ""  # the "working" note shown while it runs

    def __init__(self, runner: Runner, text: str, message: str = "") -> None:
        super().__init__(text)
        self.runner = runner
        self.message = message or text
        self.done = False
        self.error: Exception | None = None
        self.prepared: Outcome | None = None
        self._pushed = False  # the first redo runs inside push(), whose caller reports

    def forward(self) -> Callable[[Workspace], object]:
        raise NotImplementedError

    def backward(self) -> Callable[[Workspace], object]:
        raise NotImplementedError

    def applied(self, forward: bool, value: Any) -> None:
        """Keep what the finished work returned (what the other direction needs)."""

    def redo(self) -> None:
        self._apply(True)

    def undo(self) -> None:
        self._apply(False)

    def _apply(self, forward: bool) -> None:
        announce, self._pushed = self._pushed, True
        outcome, self.prepared = self.prepared, None
        was, self.done = self.done, forward  # as it will be when its news is announced
        if outcome is None:
            work = self.forward() if forward else self.backward()
            outcome = self.runner.now(lambda: work(self.runner.workspace), initiator=self)
        elif outcome.ok:
            outcome = Outcome(self.runner.announce(outcome.value, self))
        if outcome.error is not None:
            self.done = was
            self.error = outcome.error
            self.setObsolete(True)
            if announce:
                self.runner.events.refused.emit(said(outcome.error))
            return
        self.error = None
        self.applied(forward, outcome.value)


class _Hold(QObject):
    """While a background change runs: a busy cursor, a "working" note after a moment,
    and the person's clicks and keys held back (the change may not be built on yet).
    No event loop of its own: the window's goes on."""

    current: _Hold | None = None

    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__()
        _Hold.current = self
        window = parent.window() if parent is not None else None
        self.note = QProgressDialog(label, "", 0, 0, window)
        self.note.setCancelButton(None)  # no button: the work cannot stop halfway
        self.note.setWindowModality(Qt.WindowModality.WindowModal)
        self.note.setMinimumDuration(SHOW_AFTER_MS)  # it shows itself if it takes longer
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _INPUT

    def release(self) -> None:
        if _Hold.current is not self:
            return  # released already
        _Hold.current = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        QApplication.restoreOverrideCursor()
        self.note.reset()  # hides it and stops its timer
        self.note.deleteLater()

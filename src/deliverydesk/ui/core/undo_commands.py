"""Undoable user actions. Each captures ids and old/new values when made, calls a service
in redo()/undo() through the runner (ui/core/runner.py), which announces the returned Changes
on the event bus.

A command whose redo() fails marks itself obsolete, so QUndoStack.push() drops it; the
caller reads `error` after pushing and tells the person why. A later undo or redo that
fails (the records changed meanwhile) announces why on the event bus (`refused`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.journeys.journeys import PhaseMove, StepDone
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import Announced, AppEvents
from deliverydesk.ui.core.failures import REFUSALS as REFUSALS  # where screens look for it
from deliverydesk.ui.core.failures import said
from deliverydesk.ui.core.runner import Runner
from deliverydesk.ui.core.text import long_date, tr


class ServiceCommand(QUndoCommand, Announced):
    """`message` says what it did, in the past tense, for the window's message bar."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, text: str, message: str = ""
    ) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.events = events
        self.runner = Runner(workspace, events)
        self.message = message or text
        self.done = False  # done (or redone) and not undone since
        self.error: Exception | None = None
        self._pushed = False  # the first redo runs inside push(), whose caller reports

    def _run(self, action: Callable[[], Result[Any] | Changes]) -> Any:
        """Run a use case through the runner, which announces its Changes; the Result's
        value is returned. A failure makes the command obsolete, so the stack drops it
        and leaves no trace."""
        announce, self._pushed = self._pushed, True
        was, self.done = self.done, not self.done  # redo and undo alternate; as announced
        outcome = self.runner.now(action, initiator=self, doing=self.text())
        if outcome.error is not None:
            # Unforeseen: the use case rolled back; the details went to the log.
            self.done = was
            self.error = outcome.error
            self.setObsolete(True)
            if announce:
                self.events.refused.emit(said(self.error))
            return None
        self.error = None
        return outcome.value


def push_together(
    stack: QUndoStack, commands: Sequence[ServiceCommand], text: str
) -> Exception | None:
    """Push `commands` as one undo step (a macro) and return the first refusal, if any.
    One command per item keeps each following its own rules; a macro where nothing
    succeeded is undone at once and dropped, so it leaves no trace on the stack."""
    if not commands:
        return None
    stack.beginMacro(text)
    for command in commands:
        stack.push(command)
    stack.endMacro()
    errors = [c.error for c in commands if c.error is not None]
    if len(errors) == len(commands):
        macro = stack.command(stack.index() - 1)
        if macro is not None:
            macro.setObsolete(True)  # undone at once, and dropped from the stack
            stack.undo()
    return errors[0] if errors else None


class MoveJourneyCommand(ServiceCommand):
    """Move a client to another phase. `override` is set only after the person confirmed
    going past an open checkpoint; the service logs the override."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        journey_id: int,
        position: int,
        *,
        override: bool = False,
        text: str = "",
        message: str = "",
    ) -> None:
        super().__init__(workspace, events, text or tr("Move client"), message)
        self.journey_id = journey_id
        self.position = position
        self.override = override
        self.move: PhaseMove | None = None

    def redo(self) -> None:
        self.move = self._run(
            lambda: self.workspace.journeys.move_to_phase(
                self.journey_id, self.position, override=self.override
            )
        )

    def undo(self) -> None:
        if self.move is not None:
            move = self.move
            self._run(  # refused when the journey was moved since (another window, say)
                lambda: self.workspace.journeys.restore_phase_state(
                    self.journey_id, move.before, expected=move.after
                )
            )


class CompleteStepCommand(ServiceCommand):
    """Mark a step done. When it was the last open step of the client's phase, the service
    moves the journey on in the same transaction; the message says so, and one undo takes
    back both."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, step_id: int, on: date, title: str
    ) -> None:
        self.ticked = tr("Marked '{step}' done").format(step=title)
        super().__init__(
            workspace, events, tr("Mark '{step}' done").format(step=title), self.ticked
        )
        self.step_id, self.on = step_id, on
        self.outcome: StepDone | None = None

    def redo(self) -> None:
        def tick() -> Result[StepDone]:
            result = self.workspace.journeys.complete_step(self.step_id, self.on)
            self.message = self._message_of(result.value)  # said when it is announced
            return result

        outcome = self._run(tick)
        if outcome is not None:
            self.outcome = outcome

    def _message_of(self, done: StepDone) -> str:
        if done.moved is None:
            return self.ticked
        return tr("{client} moved on to {phase}").format(
            client=done.client_name, phase=done.phase_name
        )

    def undo(self) -> None:
        outcome = self.outcome
        if outcome is not None:
            self._run(
                lambda: self.workspace.journeys.reopen_step(
                    self.step_id,
                    expected=outcome.on,
                    moved=outcome.moved,
                    brought_in=outcome.was_brought_in,
                )
            )


class ReopenStepCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, step_id: int, title: str) -> None:
        super().__init__(
            workspace,
            events,
            tr("Reopen '{step}'").format(step=title),
            tr("Opened '{step}' again").format(step=title),
        )
        self.step_id = step_id
        self.was_done_on: date | None = None

    def redo(self) -> None:
        self.was_done_on = self._run(lambda: self.workspace.journeys.reopen_step(self.step_id))

    def undo(self) -> None:
        if self.was_done_on is not None:
            done_on = self.was_done_on
            self._run(
                lambda: self.workspace.journeys.complete_step(self.step_id, done_on, undo=True)
            )


class SetDueDateCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, step_id: int, new: date, title: str
    ) -> None:
        super().__init__(
            workspace,
            events,
            tr("Change the due date of '{step}'").format(step=title),
            tr("'{step}' is now due {day}").format(step=title, day=long_date(new)),
        )
        self.step_id, self.new = step_id, new
        self.old: date | None = None

    def redo(self) -> None:
        self.old = self._run(lambda: self.workspace.journeys.set_due_date(self.step_id, self.new))

    def undo(self) -> None:
        if self.old is not None:
            old, new = self.old, self.new
            self._run(lambda: self.workspace.journeys.set_due_date(self.step_id, old, expected=new))


class AddNoteCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, journey_id: int, note: str) -> None:
        super().__init__(workspace, events, tr("Add note"), tr("Added a note"))
        self.journey_id, self.note = journey_id, note
        self.note_id: int | None = None

    def redo(self) -> None:
        self.note_id = self._run(
            lambda: self.workspace.journeys.add_note(self.journey_id, self.note)
        )

    def undo(self) -> None:
        if self.note_id is not None:
            note_id = self.note_id
            self._run(lambda: self.workspace.journeys.remove_note(note_id))

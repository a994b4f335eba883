"""Undoable user actions. Each captures ids and old/new values when made, calls a service
in redo()/undo(), and announces the returned Changes on the event bus.

A command whose redo() fails marks itself obsolete, so QUndoStack.push() drops it; the
caller reads `error` after pushing and tells the person why. A later undo or redo that
fails (the records changed meanwhile) announces why on the event bus (`refused`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand

from deliverydesk.services import journeys
from deliverydesk.services.changes import Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import CheckpointBlocked, InvalidInput, NotFound
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.text import tr

USER_ERRORS = (InvalidInput, NotFound, CheckpointBlocked)


class ServiceCommand(QUndoCommand):
    def __init__(self, ctx: Context, events: AppEvents, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.events = events
        self.error: Exception | None = None
        self._pushed = False  # the first redo runs inside push(), whose caller reports

    def _run(self, action: Callable[[], Changes]) -> None:
        announce, self._pushed = self._pushed, True
        try:
            changes = action()
        except USER_ERRORS as error:
            self.error = error
            self.setObsolete(True)
            if announce:
                self.events.refused.emit(str(error))
            return
        self.error = None
        self.events.changed.emit(changes)


class MoveJourneyCommand(ServiceCommand):
    """Move a client to another phase. `override` is set only after the person confirmed
    going past an open checkpoint; the service logs the override."""

    def __init__(
        self,
        ctx: Context,
        events: AppEvents,
        journey_id: int,
        position: int,
        *,
        override: bool = False,
        text: str = "",
    ) -> None:
        super().__init__(ctx, events, text or tr("Move client"))
        self.journey_id = journey_id
        self.position = position
        self.override = override
        self.before = journeys.phase_state(ctx, journey_id)

    def redo(self) -> None:
        self._run(
            lambda: journeys.move_to_phase(
                self.ctx, self.journey_id, self.position, override=self.override
            )
        )

    def undo(self) -> None:
        self._run(lambda: journeys.restore_phase_state(self.ctx, self.journey_id, self.before))


class CompleteStepCommand(ServiceCommand):
    def __init__(self, ctx: Context, events: AppEvents, step_id: int, on: date, title: str) -> None:
        super().__init__(ctx, events, tr("Mark '{step}' done").format(step=title))
        self.step_id, self.on = step_id, on

    def redo(self) -> None:
        self._run(lambda: journeys.complete_step(self.ctx, self.step_id, self.on))

    def undo(self) -> None:
        self._run(lambda: journeys.reopen_step(self.ctx, self.step_id))


class ReopenStepCommand(ServiceCommand):
    def __init__(
        self, ctx: Context, events: AppEvents, step_id: int, was_done_on: date, title: str
    ) -> None:
        super().__init__(ctx, events, tr("Reopen '{step}'").format(step=title))
        self.step_id, self.was_done_on = step_id, was_done_on

    def redo(self) -> None:
        self._run(lambda: journeys.reopen_step(self.ctx, self.step_id))

    def undo(self) -> None:
        self._run(lambda: journeys.complete_step(self.ctx, self.step_id, self.was_done_on))


class SetDueDateCommand(ServiceCommand):
    def __init__(
        self, ctx: Context, events: AppEvents, step_id: int, old: date, new: date, title: str
    ) -> None:
        super().__init__(ctx, events, tr("Change the due date of '{step}'").format(step=title))
        self.step_id, self.old, self.new = step_id, old, new

    def redo(self) -> None:
        self._run(lambda: journeys.set_due_date(self.ctx, self.step_id, self.new))

    def undo(self) -> None:
        self._run(lambda: journeys.set_due_date(self.ctx, self.step_id, self.old))


class AddNoteCommand(ServiceCommand):
    def __init__(self, ctx: Context, events: AppEvents, journey_id: int, note: str) -> None:
        super().__init__(ctx, events, tr("Add note"))
        self.journey_id, self.note = journey_id, note
        self.note_id: int | None = None

    def redo(self) -> None:
        def add() -> Changes:
            self.note_id, changes = journeys.add_note(self.ctx, self.journey_id, self.note)
            return changes

        self._run(add)

    def undo(self) -> None:
        if self.note_id is not None:
            note_id = self.note_id
            self._run(lambda: journeys.remove_note(self.ctx, note_id))

"""Today's undoable actions. Marking a step done is the client page's CompleteStepCommand;
rescheduling (with or without the later steps of its phase) is here."""

from __future__ import annotations

from datetime import date

from deliverydesk.services.journeys.reschedule import Rescheduled, SessionSlot
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class RescheduleCommand(ServiceCommand):
    """A new due date for a step; with `shift_rest`, the open steps after it in its phase
    move by as many working days; with `slot`, a session's time and length. Undo puts every
    date (and the time) back as it was."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        step_id: int,
        due_on: date,
        title: str,
        *,
        shift_rest: bool = False,
        slot: SessionSlot | None = None,
    ) -> None:
        text = (
            tr("Reschedule '{step}' and the steps after it")
            if shift_rest
            else tr("Reschedule '{step}'")
        )
        super().__init__(workspace, events, text.format(step=title))
        self.step_id, self.due_on, self.shift_rest = step_id, due_on, shift_rest
        self.slot = slot  # a session's time and length
        self.rescheduled: Rescheduled | None = None  # what undo puts back

    def redo(self) -> None:
        self.rescheduled = self._run(
            lambda: self.workspace.journeys.reschedule_step(
                self.step_id, self.due_on, shift_rest=self.shift_rest, slot=self.slot
            )
        )

    def undo(self) -> None:
        if self.rescheduled is not None:
            before = self.rescheduled
            self._run(lambda: self.workspace.journeys.restore_step_dates(before))

"""Undoable steps of a journey's life: pause, resume, complete, cancel and archive.

Each service returns the journey's state before it acted; undo puts that state back, and
the state undo replaced is what redo puts back. Redo never runs the action a second time:
a resume redone a day later would shift the open steps by another pause length.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from deliverydesk.services.changes import Result
from deliverydesk.services.journeys.lifecycle import JourneyState
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand

Action = Callable[[], Result[JourneyState]]


class JourneyLifeCommand(ServiceCommand):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        journey_id: int,
        action: Action,
        text: str,
    ) -> None:
        super().__init__(workspace, events, text)
        self.journey_id = journey_id
        self._action = action
        self.before: JourneyState | None = None  # what undo puts back
        self.after: JourneyState | None = None  # what redo puts back, once undone

    def redo(self) -> None:
        if self.after is None:
            self.before = self._run(self._action)
            return
        after = self.after
        self.before = self._run(
            lambda: self.workspace.journeys.restore_journey_state(self.journey_id, after)
        )

    def undo(self) -> None:
        if self.before is None:
            return
        before = self.before
        self.after = self._run(
            lambda: self.workspace.journeys.restore_journey_state(self.journey_id, before)
        )


def pause_command(
    workspace: Workspace,
    events: AppEvents,
    journey_id: int,
    name: str,
    reason: str,
    resume_on: date | None = None,
) -> JourneyLifeCommand:
    return JourneyLifeCommand(
        workspace,
        events,
        journey_id,
        lambda: workspace.journeys.pause(journey_id, reason, resume_on),
        tr("Pause {name}").format(name=name),
    )


def resume_command(
    workspace: Workspace, events: AppEvents, journey_id: int, name: str
) -> JourneyLifeCommand:
    return JourneyLifeCommand(
        workspace,
        events,
        journey_id,
        lambda: workspace.journeys.resume(journey_id),
        tr("Resume {name}").format(name=name),
    )


def complete_command(
    workspace: Workspace, events: AppEvents, journey_id: int, name: str, *, force: bool = False
) -> JourneyLifeCommand:
    """Without `force`, the service refuses while steps are open (StepsStillOpen): the
    command then leaves no trace and its `error` names the open steps."""
    return JourneyLifeCommand(
        workspace,
        events,
        journey_id,
        lambda: workspace.journeys.complete(journey_id, force),
        tr("Complete {name}").format(name=name),
    )


def cancel_command(
    workspace: Workspace, events: AppEvents, journey_id: int, name: str, reason: str
) -> JourneyLifeCommand:
    return JourneyLifeCommand(
        workspace,
        events,
        journey_id,
        lambda: workspace.journeys.cancel(journey_id, reason),
        tr("Cancel {name}").format(name=name),
    )


def archive_command(
    workspace: Workspace, events: AppEvents, journey_id: int, name: str
) -> JourneyLifeCommand:
    return JourneyLifeCommand(
        workspace,
        events,
        journey_id,
        lambda: workspace.journeys.archive(journey_id),
        tr("Archive {name}").format(name=name),
    )

"""Friction's undoable actions: log it, resolve it with a note and a date, reopen it. Each
undo puts the record back as it stood; logging's undo takes it back and its redo puts it
back under its own id, so a resolve stacked after it still finds it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from deliverydesk.model.rules.enums import FrictionKind, Severity
from deliverydesk.services.journeys.detail import Resolution
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


@dataclass(frozen=True)
class FrictionEntry:
    """What the friction dialog asks for."""

    description: str
    kind: FrictionKind
    severity: Severity
    step_id: int | None
    occurred_on: date


class LogFrictionCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, journey_id: int, entry: FrictionEntry
    ) -> None:
        super().__init__(workspace, events, tr("Log friction"), tr("Logged friction"))
        self.journey_id, self.entry = journey_id, entry
        self.friction_id: int | None = None  # set by the first redo, kept for the next

    def redo(self) -> None:
        entry = self.entry
        made = self._run(
            lambda: self.workspace.journeys.log_friction(
                self.journey_id,
                entry.description,
                kind=entry.kind,
                severity=entry.severity,
                step_id=entry.step_id,
                occurred_on=entry.occurred_on,
                friction_id=self.friction_id,
            )
        )
        if made is not None:
            self.friction_id = made

    def undo(self) -> None:
        if self.friction_id is not None:
            friction_id = self.friction_id
            self._run(lambda: self.workspace.journeys.remove_friction(friction_id))


class ResolutionCommand(ServiceCommand):
    """Resolve (`resolution.on` a day) or reopen (`on` None) a friction; undo puts back how
    it stood before."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        friction_id: int,
        resolution: Resolution,
    ) -> None:
        text, message = (
            (tr("Reopen friction"), tr("Reopened friction"))
            if resolution.on is None
            else (tr("Resolve friction"), tr("Resolved friction"))
        )
        super().__init__(workspace, events, text, message)
        self.friction_id, self.resolution = friction_id, resolution
        self.before: Resolution | None = None

    def redo(self) -> None:
        self.before = self._run(
            lambda: self.workspace.journeys.set_friction_resolution(
                self.friction_id, self.resolution
            )
        )

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(
                lambda: self.workspace.journeys.set_friction_resolution(self.friction_id, before)
            )

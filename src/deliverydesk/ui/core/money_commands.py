"""Undoable money actions: an invoice step marked paid on a day, and that mark taken back."""

from __future__ import annotations

from datetime import date

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import long_date, tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class MarkPaidCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, step_id: int, on: date, title: str
    ) -> None:
        super().__init__(
            workspace,
            events,
            tr("Mark '{step}' paid").format(step=title),
            tr("'{step}' paid on {day}").format(step=title, day=long_date(on)),
        )
        self.step_id, self.on = step_id, on

    def redo(self) -> None:
        self._run(lambda: self.workspace.money.mark_paid(self.step_id, self.on))

    def undo(self) -> None:
        on = self.on
        self._run(lambda: self.workspace.money.mark_unpaid(self.step_id, expected=on))


class MarkUnpaidCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, step_id: int, title: str) -> None:
        super().__init__(
            workspace,
            events,
            tr("Mark '{step}' not paid").format(step=title),
            tr("'{step}' is no longer marked paid").format(step=title),
        )
        self.step_id = step_id
        self.was: date | None = None

    def redo(self) -> None:
        self.was = self._run(lambda: self.workspace.money.mark_unpaid(self.step_id))

    def undo(self) -> None:
        if self.was is not None:
            was = self.was
            self._run(lambda: self.workspace.money.mark_paid(self.step_id, was, undo=True))

"""Undoable client actions: add a client, edit their details, enrol them in an offer.

Each redo() runs the use case once and keeps what undoing it needs (the new id, the details
as they were); a later redo brings back the same record (restore_client,
reinstate_enrolment), so the card or row that comes back is the one that went.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class AddClientCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, data: ClientInput) -> None:
        super().__init__(workspace, events, tr("Add client {name}").format(name=data.name.strip()))
        self.data = data
        self.client_id: int | None = None

    def redo(self) -> None:
        if self.client_id is None:
            self.client_id = self._run(lambda: self.workspace.clients.add_client(self.data))
        else:
            client_id = self.client_id
            self._run(lambda: self.workspace.clients.restore_client(client_id))

    def undo(self) -> None:
        if self.client_id is not None:
            client_id = self.client_id
            self._run(lambda: self.workspace.clients.remove_client(client_id))


class UpdateClientCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, client_id: int, data: ClientInput
    ) -> None:
        super().__init__(
            workspace, events, tr("Edit the details of {name}").format(name=data.name.strip())
        )
        self.client_id, self.data = client_id, data
        self.before: ClientInput | None = None

    def redo(self) -> None:
        before = self._run(lambda: self.workspace.clients.update_client(self.client_id, self.data))
        if before is not None:
            self.before = before

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(lambda: self.workspace.clients.update_client(self.client_id, before))


class EnrolCommand(ServiceCommand):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        client_id: int,
        offer_id: int,
        start_on: date,
        fit_answers: Mapping[str, bool] | None = None,
        *,
        reached: Reached | None = None,
        text: str = "",
    ) -> None:
        super().__init__(workspace, events, text or tr("Enrol client"))
        self.client_id, self.offer_id, self.start_on = client_id, offer_id, start_on
        self.fit_answers = dict(fit_answers) if fit_answers is not None else None
        self.reached = reached  # already under way: its earlier steps come in with it
        self.journey_id: int | None = None

    def redo(self) -> None:
        if self.journey_id is None:
            self.journey_id = self._run(
                lambda: self.workspace.clients.enrol_client(
                    self.client_id, self.offer_id, self.start_on, self.fit_answers, self.reached
                )
            )
        else:
            journey_id = self.journey_id
            self._run(lambda: self.workspace.clients.reinstate_enrolment(journey_id))

    def undo(self) -> None:
        if self.journey_id is not None:
            journey_id = self.journey_id
            self._run(lambda: self.workspace.clients.unenrol(journey_id))

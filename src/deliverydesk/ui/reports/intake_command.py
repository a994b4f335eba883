"""Saving a filled intake form's answers as one undoable step: undo puts back the answers
the client had before and opens again the intake step it ticked."""

from __future__ import annotations

from deliverydesk.services.paper.intake import FilledForm, SavedIntake
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class SaveIntakeCommand(ServiceCommand):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        client_id: int,
        client_name: str,
        form: FilledForm,
    ) -> None:
        super().__init__(
            workspace,
            events,
            tr("Import the intake form of {name}").format(name=client_name),
            tr("Saved the intake answers of {name}").format(name=client_name),
        )
        self.client_id, self.form = client_id, form
        self.saved: SavedIntake | None = None

    def redo(self) -> None:
        self.saved = self._run(
            lambda: self.workspace.paper.save_intake_answers(self.client_id, self.form)
        )

    def undo(self) -> None:
        if self.saved is not None:
            saved = self.saved
            self._run(
                lambda: self.workspace.paper.restore_intake(
                    self.client_id, saved, expected=saved.after
                )
            )

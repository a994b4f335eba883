"""Saving Settings → Brand as one undoable command.

update_brand returns the settings as they were, so undo saves those back and redo saves
the new ones again; nothing is read before the command runs. A brand is one row: this is
quick enough for the UI thread (no job, unlike the practice's re-dating of due dates).
"""

from __future__ import annotations

from deliverydesk.reports.data import Brand
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class UpdateBrandCommand(ServiceCommand):
    def __init__(self, workspace: Workspace, events: AppEvents, settings: Brand) -> None:
        super().__init__(workspace, events, tr("Change the brand"), tr("Saved the brand"))
        self.settings = settings
        self.before: Brand | None = None

    def redo(self) -> None:
        settings = self.settings
        before = self._run(lambda: self.workspace.practice.update_brand(settings))
        if self.before is None:
            self.before = before

    def undo(self) -> None:
        if self.before is None:
            return
        before = self.before
        self._run(lambda: self.workspace.practice.update_brand(before))

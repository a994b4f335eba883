"""Saving Settings → Practice as one undoable command, run through the job runner.

update_practice re-dates every open step when the working days or closed dates change:
seconds at 5,000 clients, so each run (save, undo, redo) is a job on the runner's pool,
waited for with the window still painting (wait_for_job.py). Undo puts the settings and
every moved date back exactly (restore_practice); redo puts back what undo replaced.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from deliverydesk.services import practice_settings
from deliverydesk.services.changes import Result
from deliverydesk.services.context import Context
from deliverydesk.services.practice_settings import PracticeSettings, PracticeUndo
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.events import AppEvents
from deliverydesk.ui.jobs import JobRunner
from deliverydesk.ui.settings.wait_for_job import run_and_wait
from deliverydesk.ui.text import tr
from deliverydesk.ui.undo_commands import ServiceCommand

Use = Callable[[Context], Result[PracticeUndo]]


class UpdatePracticeCommand(ServiceCommand):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        runner: JobRunner,
        settings: PracticeSettings,
        widget: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, events, tr("Change the practice settings"))
        self.runner = runner
        self.settings = settings
        self.widget = widget  # the "working" note shows over its window
        self.undo_value: PracticeUndo | None = None
        self.redo_value: PracticeUndo | None = None

    @property
    def moved(self) -> int:
        """How many due dates the change moved (0 before it ran or after undo)."""
        return len(self.undo_value.steps) if self.undo_value is not None else 0

    def _job(self, use: Use) -> Result[PracticeUndo]:
        value: Result[PracticeUndo] = run_and_wait(
            self.runner,
            lambda ctx, _tracker: use(ctx),
            tr("Moving due dates to fit your working days…"),
            self.widget,
        )
        return value

    def redo(self) -> None:
        if self.redo_value is None:
            settings = self.settings
            self.undo_value = self._run(
                lambda: self._job(lambda ctx: practice_settings.update_practice(ctx, settings))
            )
            return
        forward = self.redo_value
        self.undo_value = self._run(
            lambda: self._job(lambda ctx: practice_settings.restore_practice(ctx, forward))
        )

    def undo(self) -> None:
        if self.undo_value is None:
            return
        back = self.undo_value
        self.redo_value = self._run(
            lambda: self._job(lambda ctx: practice_settings.restore_practice(ctx, back))
        )

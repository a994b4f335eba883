"""Saving Settings → Practice as one undoable command, its work done on the job pool.

update_practice re-dates every open step when the working days or closed dates change:
seconds at 5,000 clients. So the command is a BackgroundCommand (ui/core/runner.py): the
runner does the save, the undo or the redo on the pool, and only then moves the undo
stack; nothing waits in a nested event loop. Undo puts the settings and every moved date
back exactly (restore_practice); redo puts back what undo replaced.
"""

from __future__ import annotations

from collections.abc import Callable

from deliverydesk.services.changes import Result
from deliverydesk.services.practice.practice_settings import PracticeSettings, PracticeUndo
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.runner import BackgroundCommand, Runner
from deliverydesk.ui.core.text import tr

Work = Callable[[Workspace], Result[PracticeUndo]]


class UpdatePracticeCommand(BackgroundCommand):
    def __init__(self, runner: Runner, settings: PracticeSettings) -> None:
        super().__init__(runner, tr("Change the practice settings"))
        self.working = tr("Moving due dates to fit your working days…")
        self.settings = settings
        self.undo_value: PracticeUndo | None = None
        self.redo_value: PracticeUndo | None = None

    @property
    def moved(self) -> int:
        """How many due dates the change moved (0 before it ran or after undo)."""
        return len(self.undo_value.steps) if self.undo_value is not None else 0

    def forward(self) -> Work:
        forward, settings = self.redo_value, self.settings
        if forward is None:
            return lambda ws: ws.practice.update_practice(settings)
        return lambda ws: ws.practice.restore_practice(forward)

    def backward(self) -> Work:
        back = self.undo_value
        assert back is not None, "undone only after it was done"
        return lambda ws: ws.practice.restore_practice(back)

    def applied(self, forward: bool, value: object) -> None:
        assert isinstance(value, PracticeUndo)
        if forward:
            self.undo_value = value
        else:
            self.redo_value, self.undo_value = value, None

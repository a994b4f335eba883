"""Feedback's undoable actions: record it, change it, delete it. Recording's undo takes it
back and its redo puts it back under its own id (and a delete's undo likewise), so the
commands stacked after it still find it."""

from __future__ import annotations

from deliverydesk.services.journeys.feedback import FeedbackEntry
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.core.undo_commands import ServiceCommand


class RecordFeedbackCommand(ServiceCommand):
    def __init__(
        self, workspace: Workspace, events: AppEvents, journey_id: int, entry: FeedbackEntry
    ) -> None:
        super().__init__(workspace, events, tr("Record feedback"), tr("Recorded feedback"))
        self.journey_id, self.entry = journey_id, entry
        self.feedback_id: int | None = None  # set by the first redo, kept for the next

    def redo(self) -> None:
        feedback_id = self.feedback_id
        made = self._run(
            lambda: self.workspace.journeys.add_feedback(self.journey_id, self.entry, feedback_id)
        )
        if made is not None:
            self.feedback_id = made

    def undo(self) -> None:
        if self.feedback_id is not None:
            feedback_id = self.feedback_id
            self._run(lambda: self.workspace.journeys.remove_feedback(feedback_id))


class ChangeFeedbackCommand(ServiceCommand):
    """Change a record; undo puts back how it stood before."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, feedback_id: int, entry: FeedbackEntry
    ) -> None:
        super().__init__(workspace, events, tr("Change feedback"), tr("Changed feedback"))
        self.feedback_id, self.entry = feedback_id, entry
        self.before: FeedbackEntry | None = None

    def redo(self) -> None:
        self.before = self._run(
            lambda: self.workspace.journeys.change_feedback(self.feedback_id, self.entry)
        )

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(lambda: self.workspace.journeys.change_feedback(self.feedback_id, before))


class DeleteFeedbackCommand(ServiceCommand):
    """Delete a record; undo records it again, as it was, under its id."""

    def __init__(
        self, workspace: Workspace, events: AppEvents, journey_id: int, feedback_id: int
    ) -> None:
        super().__init__(workspace, events, tr("Delete feedback"), tr("Deleted feedback"))
        self.journey_id, self.feedback_id = journey_id, feedback_id
        self.before: FeedbackEntry | None = None

    def redo(self) -> None:
        self.before = self._run(lambda: self.workspace.journeys.remove_feedback(self.feedback_id))

    def undo(self) -> None:
        if self.before is not None:
            before = self.before
            self._run(
                lambda: self.workspace.journeys.add_feedback(
                    self.journey_id, before, self.feedback_id
                )
            )

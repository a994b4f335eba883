"""Feedback on a client's page: the Feedback tab's record, change and delete, and the offer
made when a checkpoint whose phase has a survey step is ticked (the shared bar,
ui/widgets/feedback_offer_bar.py, above the tabs).

Apart from the page because they are one thing: the tab, the offer and the shared dialog
(ui/widgets/feedback_dialog.py) they open, each change an undoable command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from deliverydesk.services.journeys.detail import JourneyDetail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.feedback_panel import FeedbackPanel
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.widgets import feedback_dialog
from deliverydesk.ui.widgets.feedback_offer_bar import FeedbackOfferBar

if TYPE_CHECKING:
    from deliverydesk.ui.clients.client_page import ClientPage


class FeedbackActions(QObject):
    def __init__(self, workspace: Workspace, events: AppEvents, page: ClientPage) -> None:
        super().__init__(page)
        self._ws, self._events, self._page = workspace, events, page
        self.panel = FeedbackPanel()
        self.panel.record_requested.connect(lambda: self.record())
        self.panel.change_requested.connect(self.change)
        self.panel.delete_requested.connect(self.delete)
        # After a checkpoint beside a survey step is ticked (the bar Today shows too).
        self.offer_bar = FeedbackOfferBar(workspace, events, page.undo_stack)

    # -- showing -----------------------------------------------------------------------------
    def show_feedback(self, detail: JourneyDetail, *, editable: bool) -> None:
        titles = {step.id: step.title for phase in detail.phases for step in phase.steps}
        self.panel.set_feedback(detail.feedback, titles, editable=editable)

    # -- the tab's actions --------------------------------------------------------------------
    def record(self, step_id: int | None = None) -> bool:
        page = self._page
        if page.journey_id is None or page.read_only:
            return False
        return feedback_dialog.record_feedback(
            page, self._ws, self._events, page.undo_stack, page.journey_id, step_id
        )

    def change(self, feedback_id: int) -> bool:
        detail = self._page.detail
        found = [f for f in detail.feedback if f.id == feedback_id] if detail else []
        if not found or detail is None or self._page.read_only:
            return False
        return feedback_dialog.change_feedback(
            self._page, self._ws, self._events, self._page.undo_stack, detail, found[0]
        )

    def delete(self, feedback_id: int) -> bool:
        page = self._page
        if page.journey_id is None or page.read_only:
            return False
        return feedback_dialog.delete_feedback(
            page, self._ws, self._events, page.undo_stack, page.journey_id, feedback_id
        )

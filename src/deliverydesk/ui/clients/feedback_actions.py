"""Feedback on a client's page: the Feedback tab's record, change and delete, and the offer
made when a checkpoint whose phase has a survey step is ticked ("Checkpoint passed: record
what the client said?"), a bar above the tabs rather than a dialog in the way of the tick.

Apart from the page because they are one thing: the tab, the offer and the shared dialog
(ui/widgets/feedback_dialog.py) they open, each change an undoable command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from deliverydesk.services.journeys.detail import JourneyDetail
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.clients.feedback_panel import FeedbackPanel
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets import feedback_dialog

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
        self.offered_step: int | None = None  # the checkpoint the offer bar asks about
        self.offer_bar = self._offer_bar()

    def _offer_bar(self) -> QFrame:
        bar = QFrame()
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer_text = QLabel()
        self.offer_text.setTextFormat(Qt.TextFormat.PlainText)  # a step title: as typed
        self.offer_text.setWordWrap(True)
        self.offer_button = QPushButton(tr("Record &feedback…"))
        self.offer_button.clicked.connect(self._record_offered)
        self.dismiss_button = QPushButton(tr("Not now"))
        self.dismiss_button.clicked.connect(self.withdraw_offer)
        row = QHBoxLayout(bar)
        row.addWidget(self.offer_text, 1)
        row.addWidget(self.offer_button)
        row.addWidget(self.dismiss_button)
        bar.hide()
        return bar

    # -- showing -----------------------------------------------------------------------------
    def show_feedback(self, detail: JourneyDetail, *, editable: bool) -> None:
        titles = {step.id: step.title for phase in detail.phases for step in phase.steps}
        self.panel.set_feedback(detail.feedback, titles, editable=editable)

    def settle_offer(self, detail: JourneyDetail) -> None:
        """Withdraw the offer once its checkpoint got its feedback or was opened again."""
        if self.offered_step is not None and self._offer_settled(detail):
            self.withdraw_offer()

    def _offer_settled(self, detail: JourneyDetail) -> bool:
        answered = {f.step_id for f in detail.feedback}
        step = next((s for p in detail.phases for s in p.steps if s.id == self.offered_step), None)
        return step is None or step.completed_on is None or step.id in answered

    # -- the offer after a tick ---------------------------------------------------------------
    def after_tick(self, step_id: int) -> None:
        """A step was ticked done: offer to record feedback when it is a checkpoint whose
        phase has a survey step, and none is recorded for it yet."""
        detail = self._page.detail
        if detail is None or not feedback_dialog.offers_feedback(detail, step_id):
            return
        if any(f.step_id == step_id for f in detail.feedback):
            return
        title = next(s.title for p in detail.phases for s in p.steps if s.id == step_id)
        self.offered_step = step_id
        self.offer_text.setText(
            tr("“{step}” is done: a good moment to ask {name} for feedback.").format(
                step=title, name=detail.client_name
            )
        )
        self.offer_bar.show()

    def withdraw_offer(self) -> None:
        self.offered_step = None
        self.offer_bar.hide()

    def _record_offered(self) -> None:
        if self.offered_step is not None and self.record(self.offered_step):
            self.withdraw_offer()

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

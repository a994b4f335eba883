"""The offer made when a checkpoint whose phase has a survey step is ticked ("“Final review”
is done: a good moment to ask Anna for feedback.  [Record feedback…] [Not now]"): a bar above
the list rather than a dialog in the way of the tick. Shared by every place a step can be
ticked (the client page, Today); which ticks ask is the service's one rule
(services/journeys/feedback_offer.py).

The bar withdraws itself once the checkpoint has its feedback, is opened again (an undo) or
is gone, wherever that happened."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.journeys.feedback_offer import FeedbackOffer
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets import feedback_dialog

# What can settle an offer: feedback recorded, the step opened again, the journey ended.
SETTLING = Aspect.STEPS | Aspect.FEEDBACK | Aspect.JOURNEY


class FeedbackOfferBar(QFrame):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._events, self._stack = workspace, events, undo_stack
        self.offer: FeedbackOffer | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)  # a step title: as typed
        self.words.setWordWrap(True)
        self.record_button = QPushButton(tr("Record feed&back…"))
        self.record_button.clicked.connect(self.record)
        self.dismiss_button = QPushButton(tr("Not now"))
        self.dismiss_button.clicked.connect(self.withdraw)
        row = QHBoxLayout(self)
        row.addWidget(self.words, 1)
        row.addWidget(self.record_button)
        row.addWidget(self.dismiss_button)
        events.changed.connect(self._settle)
        self.hide()

    @property
    def offered_step(self) -> int | None:
        return None if self.offer is None else self.offer.step_id

    def after_ticks(self, step_ids: Sequence[int]) -> bool:
        """Steps were ticked done: offer feedback about the last of them that asks for it
        (the latest checkpoint passed). True when an offer shows."""
        offers = self._ws.journeys.feedback_offers(step_ids)
        if not offers:
            return False
        self.offer = offer = offers[-1]
        self.words.setText(
            tr("“{step}” is done: a good moment to ask {name} for feedback.").format(
                step=offer.step_title, name=offer.client_name
            )
        )
        self.show()
        return True

    def withdraw(self) -> None:
        self.offer = None
        self.hide()

    def record(self) -> bool:
        """Open the feedback dialog about the offered checkpoint; recorded, the offer goes."""
        offer = self.offer
        if offer is None:
            return False
        recorded = feedback_dialog.record_feedback(
            self.window(), self._ws, self._events, self._stack, offer.journey_id, offer.step_id
        )
        if recorded:
            self.withdraw()
        return recorded

    def _settle(self, changes: Changes) -> None:
        """Withdraw an offer that no longer stands (asked again only when its journey changed)."""
        offer = self.offer
        if offer is None or not changes.touches(SETTLING):
            return
        if not (changes.everything or offer.journey_id in changes.journeys):
            return
        if not self._ws.journeys.feedback_offers([offer.step_id]):
            self.withdraw()

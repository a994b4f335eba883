"""The Feedback tab: what the client said, newest first, with Record feedback…, Change…
and Delete for the one selected. The page does the work (the shared dialog in
ui/widgets/feedback_dialog.py); this panel shows and asks."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.journeys.detail import FeedbackDetail
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.record_list import fill_records, record_id
from deliverydesk.ui.widgets.wrapping_delegate import wrap_items


def feedback_line(feedback: FeedbackDetail, step_titles: Mapping[int, str]) -> str:
    """One record as the tab lists it (plain text: what the person typed shows as typed)."""
    parts = [
        text.long_date(feedback.received_on),
        tr("score {score}/10").format(score="—" if feedback.score is None else feedback.score),
    ]
    if feedback.follow_up:
        parts.append(tr("follow-up"))
    if feedback.step_id is not None and feedback.step_id in step_titles:
        parts.append(step_titles[feedback.step_id])
    if feedback.testimonial_ok:
        parts.append(tr("may be quoted"))
    if feedback.referral_asked:
        parts.append(tr("referral asked"))
    if feedback.referral_name:
        parts.append(tr("referred {name}").format(name=feedback.referral_name))
    elif feedback.referral_given:
        parts.append(tr("referral given"))
    return "\n".join([" · ".join(parts), *([feedback.words] if feedback.words else [])])


class FeedbackPanel(QWidget):
    """Signals:
    record_requested(): record new feedback on the journey.
    change_requested(int), delete_requested(int): the selected record's id.
    """

    record_requested = Signal()
    change_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        wrap_items(self.list)
        self.list.setAccessibleName(tr("Feedback"))
        self.list.setAlternatingRowColors(True)
        self.record_button = QPushButton(tr("Rec&ord feedback…"))
        self.record_button.setToolTip(
            tr("What the client said: a score, their words, a testimonial, a referral")
        )
        self.change_button = QPushButton(tr("C&hange…"))
        self.delete_button = QPushButton(tr("&Delete"))
        self.delete_button.setToolTip(tr("Delete this record (Edit → Undo brings it back)"))
        self.record_button.clicked.connect(self.record_requested)
        self.change_button.clicked.connect(lambda: self._ask(self.change_requested))
        self.delete_button.clicked.connect(lambda: self._ask(self.delete_requested))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemActivated.connect(lambda _item: self._ask(self.change_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._editable = True
        self._update_buttons()

    def set_feedback(
        self,
        feedback: tuple[FeedbackDetail, ...],
        step_titles: Mapping[int, str],
        *,
        editable: bool,
    ) -> None:
        self._editable = editable
        fill_records(
            self.list,
            ((record.id, feedback_line(record, step_titles)) for record in feedback),
            tr("No feedback yet. What the client says at checkpoints appears here."),
        )
        self._update_buttons()

    def current_id(self) -> int | None:
        return record_id(self.list)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.record_button.setEnabled(self._editable)
        self.change_button.setEnabled(self._editable and chosen)
        self.delete_button.setEnabled(self._editable and chosen)

    def _ask(self, signal: SignalInstance) -> None:
        chosen = self.current_id()
        if chosen is not None and self._editable:
            signal.emit(chosen)

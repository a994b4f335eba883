"""Today's follow-ups: the clients whose journey completed FOLLOW_UP_DAYS ago (or is about
to), to ask how it has gone since and for a referral. Recording their answer (the shared
feedback dialog, marked as the follow-up) takes the row away; undo brings it back.

A panel of its own under Today's steps, hidden while no follow-up is due; it reads when
shown and when feedback, a journey or a client changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.changes import Aspect
from deliverydesk.services.views.follow_ups import FollowUp
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.widgets import feedback_dialog

JOURNEY_ID_ROLE = Qt.ItemDataRole.UserRole
SHOWN_ASPECTS = Aspect.FEEDBACK | Aspect.JOURNEY | Aspect.CLIENT


def follow_up_line(row: FollowUp, today: date) -> str:
    """Who, which offer, when it completed and when the follow-up is due (plain text)."""
    late = row.days_late(today)
    when = (
        tr("{n} days late").format(n=late)
        if late
        else tr("due {day}").format(day=text.long_date(row.due_on))
    )
    ask = tr("ask how it has gone since") + (
        "" if row.referral_asked else tr(", and for a referral")
    )
    return tr("{client} · {offer} · completed {done} · {when}\n{ask}").format(
        client=row.client_name,
        offer=row.offer_name,
        done=text.long_date(row.completed_on),
        when=when,
        ask=ask[:1].upper() + ask[1:],
    )


class FollowUpsPanel(QWidget):
    """Signals:
    open_journey(int): the person asked to open the client's page.
    """

    open_journey = Signal(int)

    def __init__(
        self, workspace: Workspace, events: AppEvents, undo_stack: QUndoStack, host: QWidget
    ) -> None:
        """`host`: the page it sits on, whose showing it follows (itself hidden while
        there is nothing to show)."""
        super().__init__(host)
        self._ws, self._events, self.undo_stack = workspace, events, undo_stack
        self.rows: tuple[FollowUp, ...] = ()
        self.heading = QLabel(tr("Follow-ups after completion"))
        make_heading(self.heading, 1.1)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Follow-ups after completion"))
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.record_current())
        self.record_button = QPushButton(tr("Record the &follow-up…"))
        self.record_button.setToolTip(tr("What the client said since: it ends the follow-up"))
        self.record_button.clicked.connect(self.record_current)
        self.open_button = QPushButton(tr("Open client"))
        self.open_button.clicked.connect(self._open_current)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.record_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.hide()
        self.refresher = Refresher(
            host, events, SHOWN_ASPECTS, lambda _c: self.refresh(), stale=True, day=True
        )

    def refresh(self) -> None:
        self.refresher.settle()
        self.rows = self._ws.feedback.follow_ups()
        today = self._ws.today()
        chosen = self.current_journey()
        self.list.clear()
        for row in self.rows:
            item = QListWidgetItem(follow_up_line(row, today))
            item.setData(JOURNEY_ID_ROLE, row.journey_id)
            self.list.addItem(item)
            if row.journey_id == chosen:
                self.list.setCurrentItem(item)
        if self.rows and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        lines = max(1, min(len(self.rows), 4)) * 2
        self.list.setFixedHeight(
            lines * self.list.fontMetrics().lineSpacing() + 4 * self.list.frameWidth() + 8
        )
        self.setVisible(bool(self.rows))
        self._update_buttons()

    def current_journey(self) -> int | None:
        item = self.list.currentItem()
        value = item.data(JOURNEY_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_journey() is not None
        self.record_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def record_current(self) -> bool:
        journey_id = self.current_journey()
        if journey_id is None:
            return False
        return feedback_dialog.record_feedback(
            self, self._ws, self._events, self.undo_stack, journey_id, follow_up=True
        )

    def _open_current(self) -> None:
        journey_id = self.current_journey()
        if journey_id is not None:
            self.open_journey.emit(journey_id)

"""The client page's Intake tab: the answers of the intake form last imported for the
client, read-only. Read only while the tab shows, so ticking steps never waits on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from deliverydesk.services.changes import Aspect
from deliverydesk.services.errors import NotFound
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.refresh import Refresher
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.answers_view import AnswersView, breakable
from deliverydesk.ui.widgets.empty_state import EmptyState

EMPTY, ANSWERS = range(2)


class IntakePanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.client_id: int | None = None
        self.refresher = Refresher(self, None, Aspect.NONE, lambda _changes: self.refresh())
        self.empty = EmptyState(
            "empty_inbox",
            tr("No intake form yet"),
            tr(
                "When the client sends back their filled intake form, import it with "
                "File\u00a0→\u00a0Import\u00a0filled\u00a0form…; their answers show here."
            ),
        )
        self.received = QLabel()
        self.received.setTextFormat(Qt.TextFormat.PlainText)  # names the offer
        self.received.setWordWrap(True)
        self.answers = AnswersView()
        answers = QWidget()
        column = QVBoxLayout(answers)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.received)
        column.addWidget(self.answers, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(answers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def show_client(self, client_id: int) -> None:
        """Follow this client: read now if the tab shows, else when it is shown."""
        self.client_id = client_id
        self.refresher.mark_stale()

    def refresh(self) -> None:
        if self.client_id is None:
            return
        self.refresher.settle()
        try:
            record = self._ws.paper.intake_record(self.client_id)
        except NotFound:
            return  # the page goes back to the list
        if not record.answers:
            self.pages.setCurrentIndex(EMPTY)
            return
        day = text.long_date(record.received_on) if record.received_on else tr("an earlier day")
        received = (
            tr("Received {day}, for {offer}.").format(day=day, offer=record.offer_name)
            if record.offer_name
            else tr("Received {day}.").format(day=day)
        )
        self.received.setText(breakable(received))
        self.answers.show_answers(record.answers)
        self.pages.setCurrentIndex(ANSWERS)

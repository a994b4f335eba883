"""Enrol a client in an offer: pick who and which offer, answer the right-fit checklist,
choose a start date against the capacity check (and, for a client already under way, the
phase or step they have reached), and enrol through one undoable command.

Entry point for every screen: `enrol(parent, workspace, events, undo_stack, client_id=...,
offer_id=..., on_enrolled=...)` opens the wizard without blocking and returns it; its
`enrolled(journey_id)` signal fires once the journey exists (the board and the client
list have already been told through the event bus).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget, QWizard

from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.client_commands import EnrolCommand
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.enrol.fit_page import FitPage
from deliverydesk.ui.enrol.pick_page import PickPage
from deliverydesk.ui.enrol.start_page import StartPage

PICK, FIT, START = 0, 1, 2


class EnrolWizard(QWizard):
    """Signals:
    enrolled(int): the new journey's id, once enrolled.
    """

    enrolled = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        *,
        client_id: int | None = None,
        offer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._events, self._undo_stack = workspace, events, undo_stack
        self.journey_id: int | None = None
        self.setWindowTitle(tr("Enrol a client"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Enrol"))
        self.pick = PickPage(workspace, events, undo_stack, client_id, offer_id)
        self.fit = FitPage(workspace, self.pick)
        self.start = StartPage(workspace, self.pick)
        self.setPage(PICK, self.pick)
        self.setPage(FIT, self.fit)
        self.setPage(START, self.start)
        self.setStartId(PICK)
        em = self.fontMetrics().height()
        self.resize(em * 44, em * 34)

    def fit_answers(self) -> dict[str, bool] | None:
        """The ticks of the right-fit page; None when the offer has no checklist."""
        return self.fit.answers() if self.pick.checklist().criteria else None

    def accept(self) -> None:
        """Enrol through the undo stack; a refusal is shown on the page and nothing closes."""
        choice, offer_id = self.pick.choice(), self.pick.offer_id
        if choice is None or offer_id is None:
            return
        command = EnrolCommand(
            self._ws,
            self._events,
            choice.id,
            offer_id,
            self.start.start_on(),
            self.fit_answers(),
            reached=self.start.under_way.reached(),
            text=tr("Enrol {name} in {offer}").format(
                name=choice.name, offer=self.pick.offer_name()
            ),
        )
        self._undo_stack.push(command)
        if command.error is not None or command.journey_id is None:
            self.start.show_error(in_words(command.error))
            return
        self.journey_id = command.journey_id
        super().accept()
        self.enrolled.emit(command.journey_id)


def enrol(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    *,
    client_id: int | None = None,
    offer_id: int | None = None,
    on_enrolled: Callable[[int], object] | None = None,
) -> EnrolWizard:
    """Open the enrolment wizard over `parent` (window-modal, not blocking); `client_id`
    and `offer_id` start it with them picked. `on_enrolled(journey_id)` runs after."""
    wizard = EnrolWizard(
        workspace, events, undo_stack, client_id=client_id, offer_id=offer_id, parent=parent
    )
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_enrolled is not None:
        wizard.enrolled.connect(on_enrolled)
    wizard.open()
    return wizard

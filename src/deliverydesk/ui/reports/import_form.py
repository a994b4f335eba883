"""File → Import filled form…: a client's answers read back from their intake PDF.

The person picks the PDF, then the client it is from (the one the form was made for is
already chosen), sees every answer, and only then saves: one undoable step that keeps the
answers on the client and ticks their intake step. A form made for another client or
offer, or altered, is refused with the reason and nothing changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.paper.intake import FilledForm, FormAddress
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core import text
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.core.undo_commands import REFUSALS
from deliverydesk.ui.look.icons import icon
from deliverydesk.ui.look.typography import make_heading
from deliverydesk.ui.reports.intake_command import SaveIntakeCommand
from deliverydesk.ui.widgets.answers_view import AnswersView, breakable
from deliverydesk.ui.widgets.client_choices import ClientSearch
from deliverydesk.ui.widgets.notice import Notice

WHO, ANSWERS = range(2)


def import_filled_form(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    path: Path | None = None,
) -> QDialog | None:
    """Ask for the PDF (unless given) and open the import dialog, or say at once why the
    file cannot be imported. Returns the dialog or message opened (None: nothing chosen);
    both are window-modal and do not block."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            tr("Import filled form"),
            str(Path.home()),
            tr("PDF files (*.pdf);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    try:
        address = workspace.paper.intake_form_address(path)
    except REFUSALS as error:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("This form cannot be imported"),
            literal_rich_text([in_words(error)]),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setInformativeText(tr("Nothing was changed."))
        box.finished.connect(box.deleteLater)
        box.open()
        return box
    dialog = ImportFormDialog(workspace, events, undo_stack, path, address, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class ImportFormDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        path: Path,
        address: FormAddress,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws, self._events, self._undo_stack = workspace, events, undo_stack
        self.path, self.address = path, address
        self.form: FilledForm | None = None
        self.setWindowTitle(tr("Import filled form"))
        em = self.fontMetrics().height()
        self.resize(em * 40, em * 34)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._who_page())
        self.pages.addWidget(self._answers_page())
        buttons = QDialogButtonBox()
        self.back_button = QPushButton(icon("back"), tr("&Back"))
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.next_button.clicked.connect(self._next)
        self.back_button.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

        self.model.set_choices(workspace.clients.client_choices())
        self.choose_client(self._preselected())
        self._show_page(WHO)

    # -- building ----------------------------------------------------------------------------
    def _who_page(self) -> QWidget:
        page = QWidget()
        heading = _plain(tr("Whose answers are these?"))
        make_heading(heading, 1.2)
        self.about = _plain(breakable(self._about()))
        self.picker = ClientSearch(self)
        self.model, self.search, self.clients = (
            self.picker.model,
            self.picker.search,
            self.picker.clients,
        )
        label = QLabel(tr("&Client:"))
        label.setBuddy(self.search)
        self.refusal = Notice("danger")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.clients, 1)
        layout.addWidget(self.refusal)
        self.picker.changed.connect(self._on_client)
        self.clients.activated.connect(lambda _index: self.read_answers())
        return page

    def _answers_page(self) -> QWidget:
        page = QWidget()
        heading = _plain(tr("Check the answers before saving"))
        make_heading(heading, 1.2)
        self.whose = _plain("")
        self.answers_view = AnswersView()
        self.answers_view.framed()
        self.effect = _plain("")
        self.save_refusal = Notice("danger")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.whose)
        layout.addWidget(self.answers_view, 1)
        layout.addWidget(self.effect)
        layout.addWidget(self.save_refusal)
        return page

    def _about(self) -> str:
        address = self.address
        offer = address.offer_name or tr("an offer that no longer exists")
        if address.client_id is None:
            return tr(
                "{file} is the intake form of {offer}, sent as a blank template: choose the "
                "client who filled it in."
            ).format(file=self.path.name, offer=offer)
        if address.client_name:
            return tr("{file} is the intake form made for {name}, for {offer}.").format(
                file=self.path.name, name=address.client_name, offer=offer
            )
        return tr(
            "{file} was made for a client who is no longer in this practice, for {offer}."
        ).format(file=self.path.name, offer=offer)

    def _preselected(self) -> int | None:
        """The client the form names; for a blank template, the one client on its offer."""
        address = self.address
        if address.client_id is not None:
            return address.client_id
        on_offer = [
            self.model.choice_at(row).id
            for row in range(self.model.rowCount())
            if address.offer_id in self.model.choice_at(row).live_offers
        ]
        return on_offer[0] if len(on_offer) == 1 else None

    # -- choosing the client -----------------------------------------------------------------
    @property
    def client_id(self) -> int | None:
        return self.picker.client_id

    def choose_client(self, client_id: int | None) -> None:
        self.picker.choose(client_id)

    def _on_client(self) -> None:
        self.refusal.set_text("")  # said about another client
        self._update()

    # -- reading and saving ------------------------------------------------------------------
    @property
    def stage(self) -> int:
        return self.pages.currentIndex()

    def _next(self) -> None:
        if self.stage == WHO:
            self.read_answers()
        else:
            self.save()

    def read_answers(self) -> bool:
        """Read the form for the chosen client and show the answers; False, with the
        reason beside the list, when it is refused."""
        client_id = self.client_id
        if client_id is None:
            self.refusal.set_text(tr("Choose the client who filled in this form."))
            return False
        try:
            form = self._ws.paper.read_filled_form(self.path, client_id)
        except REFUSALS as error:
            self.refusal.set_text(in_words(error))
            return False
        self.form = form
        choice = self.model.choice(client_id)
        name = choice.name if choice else ""
        whose = tr("From {name}, for {offer}.").format(name=name, offer=form.offer_name)
        self.whose.setText(breakable(whose))
        self.answers_view.show_answers(form.answers)
        self.effect.setText(breakable(self._effect(client_id, name)))
        self.save_refusal.set_text("")
        self._show_page(ANSWERS)
        return True

    def _effect(self, client_id: int, name: str) -> str:
        """What Save will do, said before it is done."""
        try:
            before = self._ws.paper.intake_record(client_id)
        except REFUSALS:
            before = None
        if before is not None and before.answers:
            received = text.long_date(before.received_on) if before.received_on else ""
            return tr(
                "Saving replaces the answers {name} sent earlier{on} and ticks their intake "
                "step if it is still open. Edit\u00a0→\u00a0Undo takes it back."
            ).format(name=name, on=tr(" (received {day})").format(day=received) if received else "")
        return tr(
            "Saving keeps these answers on {name}'s record and ticks their intake step. "
            "Edit\u00a0→\u00a0Undo takes it back."
        ).format(name=name)

    def save(self) -> bool:
        """Save the answers as one undoable step and close; False (and why) when refused."""
        if self.form is None or self.client_id is None:
            return False
        choice = self.model.choice(self.client_id)
        command = SaveIntakeCommand(
            self._ws,
            self._events,
            self.client_id,
            choice.name if choice else "",
            self.form,
        )
        self._undo_stack.push(command)
        if command.error is not None:
            self.save_refusal.set_text(in_words(command.error))
            return False
        self.accept()
        return True

    def back(self) -> None:
        self._show_page(WHO)

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.back_button.setVisible(page == ANSWERS)
        self.next_button.setText(tr("&Read answers") if page == WHO else tr("&Save answers"))
        (self.search if page == WHO else self.next_button).setFocus()
        self._update()

    def _update(self) -> None:
        if self.stage == WHO:
            self.next_button.setEnabled(self.client_id is not None)


def _plain(words: str) -> QLabel:
    label = QLabel(words)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names a client, an offer, a file
    label.setWordWrap(True)
    return label

"""Add a client, or edit one's details: name, company, e-mail, phone and notes.

Submitting pushes the undoable command from here, so a refusal (a name of spaces, an
address without @...) shows beside the field it concerns and keeps what was typed. A name
that another client already has is allowed but flagged as the person types, with the
other client's company to tell them apart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.clients.client_lookup import SimilarClient
from deliverydesk.services.clients.clients import ClientInput
from deliverydesk.services.errors import NotFound, Refusal, RefusalCode
from deliverydesk.services.workspace import Workspace
from deliverydesk.ui.core.client_commands import AddClientCommand, UpdateClientCommand
from deliverydesk.ui.core.events import AppEvents
from deliverydesk.ui.core.failures import in_words
from deliverydesk.ui.core.text import literal_rich_text, tr
from deliverydesk.ui.widgets.notice import Notice

FIELDS = ("name", "company", "email", "phone", "notes")
NAMESAKE_DELAY_MS = 200  # after the last key: one lookup per pause, not per keystroke


# The fields a client's refusal can name (services/clients/clients.py), by the words naming them.
_FIELDS = {
    "A client's name": "name",
    "The company": "company",
    "The e-mail address": "email",
    "The phone number": "phone",
    "The notes": "notes",
}


def field_of(error: BaseException) -> str:
    """Which field a service's refusal is about: the field it names, or the one its code
    is about; read from the refusal, never from its (translated) words."""
    if not isinstance(error, Refusal):
        return ""
    if error.code is RefusalCode.CLIENT_NEEDS_NAME:
        return "name"
    if error.code is RefusalCode.EMAIL_UNLIKELY:
        return "email"
    return _FIELDS.get(str(error.values.get("label", "")), "")


def namesake_text(name: str, others: list[SimilarClient]) -> str:
    """ "A client named “Priya García” already exists (García Legal). …" """
    if not others:
        return ""

    def who(other: SimilarClient) -> str:
        return other.company or other.email or tr("no company given")

    if len(others) == 1:
        said = tr("A client named “{name}” already exists ({company}).").format(
            name=others[0].name, company=who(others[0])
        )
    else:
        said = tr("{n} clients named “{name}” already exist ({companies}).").format(
            n=len(others), name=others[0].name, companies="; ".join(who(o) for o in others)
        )
    return said + " " + tr("You can still save this one; a company tells them apart.")


class NotesEdit(QPlainTextEdit):
    """Notes on several lines: Tab moves on, Ctrl+Return submits the dialog."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__()
        self._dialog = dialog
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self._dialog.accept()
            return
        super().keyPressEvent(event)


class ClientDialog(QDialog):
    """Add a client (`client_id` None) or edit one. Accepted once the change is made;
    `client_id` then names the client and `enrol_next` says whether to enrol them now."""

    def __init__(
        self,
        workspace: Workspace,
        events: AppEvents,
        undo_stack: QUndoStack,
        *,
        client_id: int | None = None,
        offer_enrolment: bool = True,
        can_enrol: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`offer_enrolment`: show "Enrol in an offer next" when adding; `can_enrol`: False
        when no offer can take a client yet (the box is then off and says why).
        Raises NotFound when the client to edit is gone."""
        super().__init__(parent)
        self._ws, self._events, self._undo_stack = workspace, events, undo_stack
        self.client_id = client_id
        self.editing = client_id is not None
        self._before: ClientInput | None = None
        if client_id is not None:
            self._before = workspace.clients.client_details(client_id).as_input()
        self.setWindowTitle(tr("Edit client details") if self.editing else tr("New client"))

        self.name = QLineEdit()
        self.company = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.notes = NotesEdit(self)
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        em = self.fontMetrics().height()
        self.notes.setMinimumHeight(em * 4)
        self.notes.setMaximumHeight(em * 8)
        self.namesakes = Notice("warning")
        self.errors = {key: Notice("danger") for key in FIELDS}
        self.general_error = Notice("danger")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = (tr("&Name:"), tr("&Company:"), tr("&E-mail:"), tr("&Phone:"), tr("N&otes:"))
        widgets = (self.name, self.company, self.email, self.phone, self.notes)
        for key, label, widget in zip(FIELDS, labels, widgets, strict=True):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(caption, widget)
            if key == "name":
                form.addRow("", self.namesakes)
            form.addRow("", self.errors[key])
        self.name.setPlaceholderText(tr("First and last name"))
        self.company.setPlaceholderText(tr("Optional; tells namesakes apart"))
        self.notes.setPlaceholderText(tr("Anything worth remembering about them"))

        self.enrol_next = QCheckBox(tr("Enrol in an offer &next"))
        self.enrol_next.setChecked(can_enrol)
        self.enrol_next.setEnabled(can_enrol)
        if not can_enrol:
            self.enrol_next.setToolTip(tr("Design an offer in Offers first; then enrol clients."))
        self._offers_enrolment = offer_enrolment and not self.editing and can_enrol
        self.enrol_next.setVisible(offer_enrolment and not self.editing)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Save") if self.editing else tr("Add client"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.enrol_next)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(em * 30)

        if self._before is not None:
            before = self._before
            for widget, value in zip(
                widgets[:4], (before.name, before.company, before.email, before.phone), strict=True
            ):
                widget.setText(value)
            self.notes.setPlainText(before.notes)
        self._namesake_timer = QTimer(self, singleShot=True, interval=NAMESAKE_DELAY_MS)
        self._namesake_timer.timeout.connect(self.check_namesakes)
        self.name.textChanged.connect(lambda _text: self._namesake_timer.start())
        self.name.setFocus()

    # -- reading the form --------------------------------------------------------------------
    def data(self) -> ClientInput:
        """What was typed, with the right-fit profile the client already had."""
        return ClientInput(
            name=self.name.text(),
            company=self.company.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
            right_fit=dict(self._before.right_fit) if self._before else {},
        )

    @property
    def wants_enrolment(self) -> bool:
        return self._offers_enrolment and self.enrol_next.isChecked()

    def check_namesakes(self) -> None:
        self._namesake_timer.stop()
        others = self._ws.clients.similar_clients(self.name.text(), exclude_id=self.client_id)
        self.namesakes.set_text(namesake_text(self.name.text().strip(), others))
        fit_height(self)

    # -- submitting --------------------------------------------------------------------------
    def accept(self) -> None:
        """Make the change through the undo stack; a refusal stays in the dialog."""
        for notice in (*self.errors.values(), self.general_error):
            notice.set_text("")
        data = self.data()
        if self._before is not None and _same(data, self._before):
            super().accept()  # nothing changed: nothing to undo either
            return
        command: AddClientCommand | UpdateClientCommand
        if self.client_id is None:
            command = AddClientCommand(self._ws, self._events, data)
        else:
            command = UpdateClientCommand(self._ws, self._events, self.client_id, data)
        self._undo_stack.push(command)
        if command.error is not None:
            self.show_error(command.error)
            return
        if isinstance(command, AddClientCommand):
            self.client_id = command.client_id
        super().accept()

    def show_error(self, error: BaseException) -> None:
        key = field_of(error)
        (self.errors[key] if key else self.general_error).set_text(in_words(error))
        fit_height(self)
        widget = {
            "name": self.name,
            "company": self.company,
            "email": self.email,
            "phone": self.phone,
            "notes": self.notes,
        }.get(key)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def fit_height(dialog: QWidget) -> None:
    """Grow the dialog by the height its wrapped messages now lack (a layout does not grow
    a shown window for text that wraps onto more lines)."""
    layout = dialog.layout()
    for _ in range(3):  # a taller window can re-wrap: settle in a step or two
        if layout is not None:
            layout.activate()
        lacking = sum(
            max(0, notice.label.heightForWidth(notice.label.width()) - notice.label.height())
            for notice in dialog.findChildren(Notice)
            if notice.isVisible()
        )
        if not lacking:
            return
        dialog.resize(dialog.width(), dialog.height() + lacking)


def _same(data: ClientInput, before: ClientInput) -> bool:
    stripped = [getattr(data, key).strip() for key in FIELDS[:4]]
    return stripped == [getattr(before, key) for key in FIELDS[:4]] and data.notes == before.notes


def edit_client(
    parent: QWidget,
    workspace: Workspace,
    events: AppEvents,
    undo_stack: QUndoStack,
    client_id: int,
) -> ClientDialog | None:
    """Open the edit dialog (window-modal, not blocking); None when the client is gone."""
    try:
        dialog = ClientDialog(workspace, events, undo_stack, client_id=client_id, parent=parent)
    except NotFound as error:
        QMessageBox.warning(parent, tr("Client not found"), literal_rich_text([in_words(error)]))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

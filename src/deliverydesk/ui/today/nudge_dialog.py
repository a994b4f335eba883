"""The nudge: the drafted message, editable, then opened in the mail program (a mailto:
address with subject and body) or copied. Either way the page logs it as the client's last
contact (`sent`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.journeys.nudge import NudgeChannel, NudgeDraft, mailto_url
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr


class NudgeDialog(QDialog):
    """Signals:
    sent(NudgeChannel): the message went to the mail program, or to the clipboard.
    """

    sent = Signal(object)

    def __init__(self, draft: NudgeDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setWindowTitle(tr("Nudge {client}").format(client=draft.client_name))
        self.to = QLabel(draft.email or tr("No e-mail address on file: add one on the client."))
        self.to.setTextFormat(Qt.TextFormat.PlainText)
        self.subject = QLineEdit(draft.subject)
        self.subject.setAccessibleName(tr("Subject"))
        self.body = QPlainTextEdit(draft.body)
        self.body.setAccessibleName(tr("Message"))
        self.body.setTabChangesFocus(True)
        self.last = QLabel(self._last_contact())
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        self.last.setWordWrap(True)
        self.last.setEnabled(False)  # drawn muted: context, not a field
        self.source = QLabel(
            tr("Drafted from the step's message template.")
            if draft.from_template
            else tr("This step has no message template; DeliveryDesk drafted one to edit.")
        )
        self.source.setWordWrap(True)
        self.source.setEnabled(False)
        form = QFormLayout()
        to_label = QLabel(tr("To:"))
        form.addRow(to_label, self.to)
        subject_label = QLabel(tr("&Subject:"))
        subject_label.setBuddy(self.subject)
        form.addRow(subject_label, self.subject)
        body_label = QLabel(tr("&Message:"))
        body_label.setBuddy(self.body)
        form.addRow(body_label, self.body)

        self.buttons = QDialogButtonBox()
        self.mail_button = QPushButton(tr("&Open in mail program"))
        self.mail_button.setDefault(True)
        self.mail_button.setEnabled(bool(draft.email))
        self.copy_button = QPushButton(tr("&Copy message"))
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.buttons.addButton(self.mail_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button.clicked.connect(self.copy_message)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.source)
        layout.addWidget(self.last)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().height()
        self.resize(em * 34, em * 24)
        self.body.setFocus()

    def _last_contact(self) -> str:
        if self.draft.last_nudged_at is None:
            return tr("No nudge sent on this journey yet.")
        return tr("Last nudge: {day}, about '{step}'.").format(
            day=text.long_date(self.draft.last_nudged_at.astimezone().date()),
            step=self.draft.last_nudged_step,
        )

    def mailto(self) -> QUrl:
        url = mailto_url(self.draft.email, self.subject.text(), self.body.toPlainText())
        return QUrl.fromEncoded(url.encode("ascii"))

    def open_in_mail(self) -> None:
        if not QDesktopServices.openUrl(self.mailto()):
            self.error.setText(
                tr("No mail program answered. Copy the message and send it another way.")
            )
            self.error.show()
            return
        self.sent.emit(NudgeChannel.MAIL)
        self.accept()

    def copy_message(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.body.toPlainText())
        self.sent.emit(NudgeChannel.COPY)
        self.accept()

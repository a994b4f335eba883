"""The questions a journey's life asks: why pause or cancel, and "complete anyway?".

Each dialog is built by a function and run by another, so a test can build one, fill it
and accept it as a person would, without a modal loop.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.journeys.lifecycle import MAX_REASON_LENGTH
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.look.theme import semantic
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.step_dialogs import to_qdate


class ReasonDialog(QDialog):
    """One line of reason, OK and a way back; Enter accepts, Escape goes back. With
    `required`, a blank reason is refused beside the field."""

    def __init__(
        self,
        title: str,
        intro: str,
        accept_text: str,
        *,
        back_text: str,
        required: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # it names the client
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON_LENGTH)
        self.reason.setPlaceholderText(tr("Why? (required)") if required else tr("Why? (optional)"))
        self.reason.setAccessibleName(tr("Reason"))
        label = QLabel(tr("&Reason:"))
        label.setBuddy(self.reason)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(tr("Problem"))
        palette = self.problem.palette()
        palette.setColor(self.problem.foregroundRole(), semantic(palette).danger)
        self.problem.setPalette(palette)
        self.problem.hide()
        self.reason.textChanged.connect(lambda _text: self.problem.hide())
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(back_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.reason.setFocus()
        self.setMinimumWidth(36 * self.fontMetrics().horizontalAdvance("M"))

    def text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        if self.required and not self.text():
            self.problem.setText(tr("Say why in a few words: the journey's history keeps it."))
            self.problem.show()
            self.adjustSize()  # room for the message, however the dialog was sized
            self.reason.setFocus()
            return
        super().accept()


class PauseDialog(ReasonDialog):
    """A reason, and optionally the day the journey is planned to resume: Today, the
    overdue banner and the calendar remind the practitioner from that day on."""

    def __init__(self, name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Pause the journey"),
            tr(
                "{name}'s journey stays on the board, marked paused, until you resume it; "
                "then every open due date moves later by the working days it was paused."
            ).format(name=name),
            tr("Pause journey"),
            back_text=tr("Back"),
            required=False,
            parent=parent,
        )
        self.plan_resume = QCheckBox(tr("Plan to resume &on:"))
        self.plan_resume.setToolTip(tr("Today reminds you on that day to resume the journey"))
        self.resume_date = DayEdit()  # a day can be typed in
        self.resume_date.setMinimumDate(to_qdate(today + timedelta(days=1)))
        self.resume_date.setDate(to_qdate(today + timedelta(days=14)))
        self.resume_date.setAccessibleName(tr("Planned resume date"))
        self.resume_date.setEnabled(False)
        self.plan_resume.toggled.connect(self.resume_date.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.plan_resume)
        row.addWidget(self.resume_date, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.indexOf(self.problem), row)

    def resume_on(self) -> date | None:
        """The planned resume date, None when none is planned."""
        if not self.plan_resume.isChecked():
            return None
        picked: date = self.resume_date.date().toPython()  # type: ignore[assignment]
        return picked


def pause_dialog(name: str, today: date, parent: QWidget | None = None) -> PauseDialog:
    return PauseDialog(name, today, parent)


def ask_pause(dialog: PauseDialog) -> tuple[str, date | None] | None:
    """Run the dialog: (reason, planned resume date), or None when the person went back."""
    try:
        return (dialog.text(), dialog.resume_on()) if dialog.exec() else None
    finally:
        dialog.deleteLater()


def cancel_dialog(name: str, parent: QWidget | None = None) -> ReasonDialog:
    return ReasonDialog(
        tr("Cancel the journey"),
        tr(
            "{name}'s journey ends today without being completed. Its steps and history are "
            "kept; you can undo this."
        ).format(name=name),
        tr("Cancel journey"),
        back_text=tr("Keep the journey"),
        required=True,
        parent=parent,
    )


def ask_reason(dialog: ReasonDialog) -> str | None:
    """Run the dialog; the reason given ("" when none), or None when the person went back."""
    try:
        return dialog.text() if dialog.exec() else None
    finally:
        dialog.deleteLater()

"""Small dialogs that ask for one date about one step: when it was done, when it is due."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.detail import StepDetail
from deliverydesk.ui import text
from deliverydesk.ui.text import tr

DATE_FORMAT = "ddd d MMM yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StepDateDialog(QDialog):
    """One labelled date field with a calendar popup, OK and Cancel; Escape cancels."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        value: date,
        *,
        maximum: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # it names the step
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        if maximum is not None:
            self.date_edit.setMaximumDate(to_qdate(maximum))
        self.date_edit.setDate(to_qdate(value))
        self.date_edit.setAccessibleName(label.replace("&", ""))
        self.field_label = QLabel(label)
        self.field_label.setBuddy(self.date_edit)
        form = QFormLayout()
        form.addRow(self.field_label, self.date_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(28 * em)

    def date(self) -> date:
        picked: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return picked


def done_on_dialog(step: StepDetail, today: date, parent: QWidget | None = None) -> StepDateDialog:
    return StepDateDialog(
        tr("Mark done on a date"),
        tr("When was '{step}' done? It was due {due}.").format(
            step=step.title, due=text.long_date(step.due_on)
        ),
        tr("&Done on:"),
        today,
        maximum=today,  # a step cannot be done in the future
        parent=parent,
    )


def due_date_dialog(step: StepDetail, parent: QWidget | None = None) -> StepDateDialog:
    return StepDateDialog(
        tr("Change due date"),
        tr("'{step}' starts {start}; it cannot be due before that.").format(
            step=step.title, start=text.long_date(step.start_on)
        ),
        tr("&Due on:"),
        step.due_on,
        parent=parent,
    )


def ask_date(dialog: StepDateDialog) -> date | None:
    """Run the dialog; the date chosen, or None when the person cancelled."""
    try:
        return dialog.date() if dialog.exec() else None
    finally:
        dialog.deleteLater()

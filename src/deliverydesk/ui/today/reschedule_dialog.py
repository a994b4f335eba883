"""Reschedule a step: a new due date, and whether the later steps of its phase follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.practice import PracticeInfo
from deliverydesk.services.today import TodayRow
from deliverydesk.ui import text
from deliverydesk.ui.clients.step_dialogs import DATE_FORMAT, to_qdate
from deliverydesk.ui.date_picker import mark_closed_days
from deliverydesk.ui.text import tr


class RescheduleDialog(QDialog):
    """Enter accepts, Escape cancels; the date cannot be before the step starts."""

    def __init__(
        self,
        row: TodayRow,
        today: date,
        parent: QWidget | None = None,
        practice: PracticeInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(tr("Reschedule"))
        intro = QLabel(
            tr("'{step}' for {client} is due {due}. It started {start}.").format(
                step=row.step_title,
                client=row.client_name,
                due=text.long_date(row.due_on),
                start=text.long_date(row.start_on),
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # it names the step and the client
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setMinimumDate(to_qdate(row.start_on))
        # An overdue step is offered today: a date in the past is rarely the new plan.
        self.date_edit.setDate(to_qdate(max(row.due_on, row.start_on, today)))
        self.date_edit.setAccessibleName(tr("New due date"))
        if practice is not None:
            mark_closed_days(self.date_edit, practice.working_days, practice.closed_dates)
        label = QLabel(tr("&Due on:"))
        label.setBuddy(self.date_edit)
        # A name's own "&" is doubled: a single one would turn the next letter into a key.
        self.shift = QCheckBox(
            tr("&Shift the rest of “{phase}” by as many working days").format(
                phase=row.phase_name.replace("&", "&&")
            )
        )
        self.shift.setToolTip(
            tr("The open steps after this one in the same phase move along with it.")
        )
        form = QFormLayout()
        form.addRow(label, self.date_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.shift)
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(to_qdate(day))

    def due_on(self) -> date:
        picked: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return picked

    def shift_rest(self) -> bool:
        return self.shift.isChecked()

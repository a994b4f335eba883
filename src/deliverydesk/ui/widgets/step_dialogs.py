"""Small dialogs that ask for one date about one step: when it was done, when it is due.

Each field's limits are the ones the service enforces (done: not in the future; due: not
before the step starts), so a date the dialog accepts is never refused afterwards."""

from __future__ import annotations

import datetime
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES
from deliverydesk.services.journeys.detail import StepDetail
from deliverydesk.services.journeys.reschedule import SessionSlot
from deliverydesk.services.practice.practice import PracticeInfo
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.date_picker import mark_closed_days
from deliverydesk.ui.widgets.day_edit import DATE_FORMAT as DATE_FORMAT  # where the dialogs find it
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.field_problem import ProblemLabel


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StepDateDialog(QDialog):
    """One labelled date field with a calendar popup, OK and Cancel; Escape cancels. With
    `shift_phase`, a due date's dialog also offers to move the rest of that phase along."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        value: date,
        *,
        minimum: date | None = None,
        maximum: date | None = None,
        shift_phase: str | None = None,
        practice: PracticeInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # it names the step
        self.date_edit = DayEdit()
        if minimum is not None:
            self.date_edit.setMinimumDate(to_qdate(minimum))
        if maximum is not None:
            self.date_edit.setMaximumDate(to_qdate(maximum))
        self.date_edit.setDate(to_qdate(value))
        if practice is not None:  # the calendar greys the days the practice does not work
            mark_closed_days(self.date_edit, practice.working_days, practice.closed_dates)
        self.date_edit.setAccessibleName(label.replace("&", ""))
        self.field_label = QLabel(label)
        self.field_label.setBuddy(self.date_edit)
        self.warning = ProblemLabel(warning=True)  # under the field, in its column
        field = QVBoxLayout()
        field.setContentsMargins(0, 0, 0, 0)
        field.addWidget(self.date_edit)
        field.addWidget(self.warning)
        form = QFormLayout()
        form.addRow(self.field_label, field)
        self.form = form
        self.has_time: QCheckBox | None = None  # a session's time, once asked for
        self.time_edit: QTimeEdit | None = None
        self.length: QSpinBox | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        # A name's own "&" is doubled: a single one would turn the next letter into a key.
        self.shift = QCheckBox(
            tr("&Shift the rest of “{phase}” by as many working days").format(
                phase=(shift_phase or "").replace("&", "&&")
            )
        )
        self.shift.setToolTip(
            tr("The open steps after this one in the same phase move along with it.")
        )
        layout.addWidget(self.shift)
        self.shift.setHidden(shift_phase is None)  # after it has its parent: no stray window
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumWidth(32 * em)

    def date(self) -> datetime.date:
        picked: datetime.date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return picked

    def ask_session_time(self, start: time | None, minutes: int) -> None:
        """A session's dialog also takes its time (on the date above) and its length."""
        self.has_time = QCheckBox(tr("&At:"))
        self.has_time.setToolTip(tr("The session's start, in the practice's time zone"))
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName(tr("Session time"))
        shown = start or time(10, 0)
        self.time_edit.setTime(QTime(shown.hour, shown.minute))
        self.has_time.setChecked(start is not None)
        self.time_edit.setEnabled(start is not None)
        self.has_time.toggled.connect(self.time_edit.setEnabled)
        self.length = QSpinBox()
        self.length.setRange(0, MAX_SESSION_MINUTES)
        self.length.setSingleStep(15)
        self.length.setSuffix(tr(" min"))
        self.length.setSpecialValueText(tr("no length"))
        self.length.setValue(minutes)
        self.length.setAccessibleName(tr("Session length in minutes"))
        row = QHBoxLayout()
        row.addWidget(self.time_edit)
        row.addWidget(QLabel(tr("for")))
        row.addWidget(self.length)
        row.addStretch(1)
        self.form.addRow(self.has_time, row)

    def slot(self) -> SessionSlot | None:
        """The session's time and length as chosen; None when the dialog asks no time."""
        if self.has_time is None or self.time_edit is None or self.length is None:
            return None
        chosen: time = self.time_edit.time().toPython()  # type: ignore[assignment]
        start = chosen.replace(second=0, microsecond=0) if self.has_time.isChecked() else None
        return SessionSlot(start, self.length.value())

    def shift_rest(self) -> bool:
        """Whether the open steps after this one in its phase move along."""
        return not self.shift.isHidden() and self.shift.isChecked()

    def warn_after(self, last: datetime.date, words: str) -> None:
        """Say `words` beside the field while the date picked is after `last` (saving is
        still allowed: a warning, not a refusal)."""

        def check() -> None:
            shown = words if self.date() > last else ""
            grows = bool(shown) != self.warning.isVisibleTo(self)
            self.warning.say(shown)
            self.date_edit.setAccessibleDescription(shown)
            if grows:  # the words get their lines, the dialog its height
                self.adjustSize()

        self.date_edit.dateChanged.connect(lambda _day: check())
        check()


def done_on_dialog(
    step: StepDetail,
    today: date,
    parent: QWidget | None = None,
    practice: PracticeInfo | None = None,
) -> StepDateDialog:
    return StepDateDialog(
        tr("Mark done on a date"),
        tr("When was '{step}' done? It was due {due}.").format(
            step=step.title, due=text.long_date(step.due_on)
        ),
        tr("&Done on:"),
        today,
        maximum=today,  # a step cannot be done in the future
        practice=practice,
        parent=parent,
    )


def paid_on_dialog(
    step: StepDetail,
    today: date,
    parent: QWidget | None = None,
    practice: PracticeInfo | None = None,
) -> StepDateDialog:
    """When an invoice step's invoice was paid: today unless said, never before it was sent."""
    invoiced = step.completed_on or today
    return StepDateDialog(
        tr("Mark paid"),
        tr("When was '{step}' paid? It was invoiced {day}.").format(
            step=step.title, day=text.long_date(invoiced)
        ),
        tr("&Paid on:"),
        today,
        minimum=min(invoiced, today),  # never paid before it was sent
        maximum=today,  # paid cannot be in the future
        practice=practice,
        parent=parent,
    )


def due_date_dialog(
    step: StepDetail,
    parent: QWidget | None = None,
    *,
    planned_end: date | None = None,
    phase: str | None = None,
    practice: PracticeInfo | None = None,
) -> StepDateDialog:
    """No earlier than the step starts (the service's rule); a date after the journey's
    `planned_end` is allowed, with a warning beside the field. With the step's `phase`,
    it offers to shift the rest of that phase, as Today's Reschedule does."""
    dialog = StepDateDialog(
        tr("Change due date"),
        tr("'{step}' starts {start}; it cannot be due before that.").format(
            step=step.title, start=text.long_date(step.start_on)
        ),
        tr("&Due on:"),
        step.due_on,
        minimum=step.start_on,
        shift_phase=phase,
        practice=practice,
        parent=parent,
    )
    if step.kind is StepKind.SESSION:
        dialog.setWindowTitle(tr("Change date and time"))
        dialog.ask_session_time(step.session_time, step.session_minutes)
    if planned_end is not None:
        dialog.warn_after(
            planned_end,
            tr("This is after the journey's planned end, {day}").format(
                day=text.long_date(planned_end)
            ),
        )
    return dialog


def ask_date(dialog: StepDateDialog) -> date | None:
    """Run the dialog; the date chosen, or None when the person cancelled."""
    try:
        return dialog.date() if dialog.exec() else None
    finally:
        dialog.deleteLater()

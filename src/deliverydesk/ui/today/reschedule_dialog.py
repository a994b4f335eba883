"""Reschedule a step: a new due date, and whether the later steps of its phase follow.

The client page's "Change due date…" is the same dialog (StepDateDialog with its phase):
one field, one "Shift the rest" box, worded and typed into alike on both screens."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.services.practice.practice import PracticeInfo
from deliverydesk.services.views.today import TodayRow
from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.step_dialogs import StepDateDialog, to_qdate


class RescheduleDialog(StepDateDialog):
    """Enter accepts, Escape cancels; the date cannot be before the step starts."""

    def __init__(
        self,
        row: TodayRow,
        today: date,
        parent: QWidget | None = None,
        practice: PracticeInfo | None = None,
    ) -> None:
        super().__init__(
            tr("Reschedule"),
            tr("'{step}' for {client} is due {due}. It started {start}.").format(
                step=row.step_title,
                client=row.client_name,
                due=text.long_date(row.due_on),
                start=text.long_date(row.start_on),
            ),
            tr("&Due on:"),
            # An overdue step is offered today: a date in the past is rarely the new plan.
            max(row.due_on, row.start_on, today),
            minimum=row.start_on,
            shift_phase=row.phase_name,
            practice=practice,
            parent=parent,
        )
        self.row = row
        self.date_edit.setAccessibleName(tr("New due date"))
        if row.kind is StepKind.SESSION:  # a session moved takes its time along
            self.ask_session_time(row.session_time, row.session_minutes)

    def set_date(self, day: date) -> None:
        self.date_edit.setDate(to_qdate(day))

    def due_on(self) -> date:
        return self.date()

"""Settings → Practice: the fields, each with its validation message beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.practice.practice_settings import PracticeSettings
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.settings.closed_dates import ClosedDatesEditor
from deliverydesk.ui.widgets.field_problem import ProblemLabel
from deliverydesk.wording import WEEKDAYS

MAX_NAME = 200
FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _with_problem(field: QWidget | QHBoxLayout, problem: ProblemLabel) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(2)
    if isinstance(field, QWidget):
        column.addWidget(field)
    else:
        column.addLayout(field)
    column.addWidget(problem)
    return column


class PracticeForm(QWidget):
    """Signals:
    edited(): a field changed (the page compares with what is stored).
    submitted(): Enter in a text field: save.
    """

    edited = Signal()
    submitted = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(tr("Practice name"))
        self.owner = QLineEdit()
        self.owner.setMaxLength(MAX_NAME)
        self.owner.setPlaceholderText(tr("Optional"))
        self.owner.setAccessibleName(tr("Your name"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 999)  # out-of-range values are explained, not silently clamped
        self.hours.setDecimals(1)
        self.hours.setSuffix(tr(" hours a week"))
        self.hours.setAccessibleName(tr("Weekly hours"))
        self.hours.setToolTip(tr("The time you can give to client delivery each week."))
        days_row = QHBoxLayout()
        self.day_boxes: dict[int, QCheckBox] = {}
        for day in range(1, 8):
            box = QCheckBox(tr(WEEKDAYS[day - 1]))
            box.setAccessibleName(tr(FULL_DAY_NAMES[day - 1]))
            box.toggled.connect(self._on_edit)
            self.day_boxes[day] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.closed = ClosedDatesEditor(today)
        self.name_problem = ProblemLabel()
        self.hours_problem = ProblemLabel()
        self.days_problem = ProblemLabel()
        days_hint = QLabel(
            tr(
                "Due dates fall on working days. Changing them moves the due dates of open "
                "steps; steps already done keep theirs."
            )
        )
        days_hint.setWordWrap(True)
        days_hint.setForegroundRole(days_hint.foregroundRole())
        days_hint.setEnabled(False)  # drawn muted: a hint, not a field

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            self._label(tr("Practice &name:"), self.name),
            _with_problem(self.name, self.name_problem),
        )
        form.addRow(self._label(tr("&Your name:"), self.owner), self.owner)
        form.addRow(
            self._label(tr("&Weekly hours:"), self.hours),
            _with_problem(self.hours, self.hours_problem),
        )
        days_column = _with_problem(days_row, self.days_problem)
        days_column.addWidget(days_hint)
        form.addRow(self._label(tr("Working days:"), self.day_boxes[1]), days_column)
        form.addRow(self._label(tr("&Closed dates:"), self.closed.list), self.closed)

        self.name.textChanged.connect(self._on_edit)
        self.owner.textChanged.connect(self._on_edit)
        self.hours.valueChanged.connect(self._on_edit)
        self.closed.changed.connect(self._on_edit)
        self.name.returnPressed.connect(self.submitted)
        self.owner.returnPressed.connect(self.submitted)
        self._loading = False

    @staticmethod
    def _label(words: str, buddy: QWidget) -> QLabel:
        label = QLabel(words)
        label.setBuddy(buddy)
        return label

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: PracticeSettings, today: date) -> None:
        self._loading = True
        try:
            self.name.setText(settings.name)
            self.owner.setText(settings.owner_name)
            self.hours.setValue(settings.weekly_hours)
            for day, box in self.day_boxes.items():
                box.setChecked(day in settings.working_days)
            self.closed.set_dates(settings.closed_dates, today)
        finally:
            self._loading = False
        for problem in (self.name_problem, self.hours_problem, self.days_problem):
            problem.clear()

    def values(self) -> PracticeSettings:
        return PracticeSettings(
            self.name.text().strip(),
            self.owner.text().strip(),
            round(self.hours.value(), 1),
            frozenset(day for day, box in self.day_boxes.items() if box.isChecked()),
            self.closed.dates(),
        )

    # -- validation --------------------------------------------------------------------------
    def check(self, *, focus: bool = False) -> bool:
        """Say beside each field what is wrong; True when nothing is. With `focus`, the
        first field at fault takes the focus."""
        values = self.values()
        problems = [
            (
                self.name_problem,
                self.name,
                "" if values.name else tr("Give your practice a name."),
            ),
            (
                self.hours_problem,
                self.hours,
                ""
                if 1 <= values.weekly_hours <= 168
                else tr("Weekly hours must be between 1 and 168 (a week has 168)."),
            ),
            (
                self.days_problem,
                self.day_boxes[1],
                "" if values.working_days else tr("Choose at least one working day."),
            ),
        ]
        first = True
        for label, field, words in problems:
            label.say(words, field, focus=focus and first)
            first = first and not words
        return all(not words for _label, _field, words in problems)

    def _on_edit(self) -> None:
        if self._loading:
            return
        self.check()  # what was stored is valid: a message appears only for the person's edit
        self.edited.emit()

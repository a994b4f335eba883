"""Settings → Practice: the fields, each with its validation message beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.services.practice.practice_settings import PracticeSettings
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.settings.closed_dates import ClosedDatesEditor
from deliverydesk.ui.settings.time_off import TimeOffEditor
from deliverydesk.ui.widgets.field_problem import ProblemLabel
from deliverydesk.wording import WEEKDAYS

MAX_NAME = 200
FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _with_problem(field: QWidget | QLayout, problem: ProblemLabel) -> QVBoxLayout:
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
        # Hours per working day: when ticked, they replace the weekly hours (their sum).
        self.per_day = QCheckBox(tr("Set &hours for each working day"))
        self.per_day.setToolTip(
            tr("Your hours differ from day to day: the weekly hours become their sum.")
        )
        self.per_day.toggled.connect(self._per_day_toggled)
        days_row = QGridLayout()
        days_row.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: dict[int, QCheckBox] = {}
        self.day_hours: dict[int, QDoubleSpinBox] = {}
        for day in range(1, 8):
            box = QCheckBox(tr(WEEKDAYS[day - 1]))
            box.setAccessibleName(tr(FULL_DAY_NAMES[day - 1]))
            box.toggled.connect(self._on_edit)
            self.day_boxes[day] = box
            days_row.addWidget(box, 0, day - 1)
            spin = QDoubleSpinBox()
            spin.setRange(0, 24)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setSuffix(tr(" h"))
            spin.setAccessibleName(tr("Hours on {day}").format(day=tr(FULL_DAY_NAMES[day - 1])))
            spin.valueChanged.connect(self._on_edit)
            self.day_hours[day] = spin
            days_row.addWidget(spin, 1, day - 1)
        days_row.setColumnStretch(7, 1)
        self.closed = ClosedDatesEditor(today)
        self.time_off = TimeOffEditor(today)
        # One width for the two lists' buttons, so the lists line up one above the other.
        side = (
            self.closed.add_button,
            self.closed.remove_button,
            self.time_off.add_button,
            self.time_off.edit_button,
            self.time_off.remove_button,
        )
        widest = max(button.sizeHint().width() for button in side)
        for button in side:
            button.setMinimumWidth(widest)
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
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours)
        hours_row.addWidget(self.per_day, 1)
        form.addRow(
            self._label(tr("&Weekly hours:"), self.hours),
            _with_problem(hours_row, self.hours_problem),
        )
        days_column = _with_problem(days_row, self.days_problem)
        days_column.addWidget(days_hint)
        form.addRow(self._label(tr("Working days:"), self.day_boxes[1]), days_column)
        form.addRow(self._label(tr("&Closed dates:"), self.closed.list), self.closed)
        form.addRow(self._label(tr("Time o&ff:"), self.time_off.list), self.time_off)

        self.name.textChanged.connect(self._on_edit)
        self.owner.textChanged.connect(self._on_edit)
        self.hours.valueChanged.connect(self._on_edit)
        self.closed.changed.connect(self._on_edit)
        self.time_off.changed.connect(self._on_edit)
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
            own = dict(settings.day_hours)
            self.per_day.setChecked(bool(own))
            even = settings.weekly_hours / max(1, len(settings.working_days))
            for day, spin in self.day_hours.items():
                working = day in settings.working_days
                spin.setValue(own.get(day, 0.0) if own else (round(even, 2) if working else 0))
            self.closed.set_dates(settings.closed_dates, today)
            self.time_off.set_spans(settings.time_off, today)
        finally:
            self._loading = False
        self._show_hours()
        for problem in (self.name_problem, self.hours_problem, self.days_problem):
            problem.clear()

    def values(self) -> PracticeSettings:
        days = frozenset(day for day, box in self.day_boxes.items() if box.isChecked())
        per_day = self.own_day_hours(days)
        # As the service stores them: the sum of the hours per day, else the weekly hours.
        weekly = round(sum(h for _, h in per_day), 2) if per_day else round(self.hours.value(), 1)
        return PracticeSettings(
            self.name.text().strip(),
            self.owner.text().strip(),
            weekly,
            days,
            self.closed.dates(),
            per_day,
            self.time_off.spans(),
        )

    def own_day_hours(self, days: frozenset[int]) -> tuple[tuple[int, float], ...]:
        """The hours per working day when set for each day; () for the even share."""
        if not self.per_day.isChecked():
            return ()
        return tuple((day, round(self.day_hours[day].value(), 2)) for day in sorted(days))

    def _per_day_toggled(self, on: bool) -> None:
        if on and not self._loading:
            # Start from the even share of the weekly hours the person had.
            days = [d for d, box in self.day_boxes.items() if box.isChecked()]
            for day in days:
                self.day_hours[day].setValue(round(self.hours.value() / max(1, len(days)), 2))
        self._on_edit()

    def _show_hours(self) -> None:
        """Hours per day show under the working days they belong to, when set per day;
        the weekly hours then follow their sum."""
        own = self.per_day.isChecked()
        for day, spin in self.day_hours.items():
            spin.setVisible(own)
            spin.setEnabled(self.day_boxes[day].isChecked())
        self.hours.setEnabled(not own)
        if own:
            self.hours.blockSignals(True)
            self.hours.setValue(self.values().weekly_hours)
            self.hours.blockSignals(False)

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
                else tr("Your hours per day must add up to at least 1 hour a week.")
                if values.day_hours
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
        self._show_hours()
        self.check()  # what was stored is valid: a message appears only for the person's edit
        self.edited.emit()

"""The start page's "already under way" choice: the phase or step a client has reached,
and whether the earlier steps were done on their due dates or on one day for all.

It only gathers the choice (a model/rules/under_way.py Reached); the enrolment's service does
the work in the same transaction, so one undo takes it all back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.journeys.under_way import PlannedPhase, planned_reach
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.day_edit import DayEdit


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def place_label(phase: PlannedPhase, step: int) -> str:
    """How a place reads in the list: a phase from its start, or a step within it."""
    if step == 0:
        return tr("{phase} — from its start").format(phase=phase.name)
    return tr("{phase} — at “{step}”").format(phase=phase.name, step=phase.steps[step].title)


class UnderWayBox(QWidget):
    """Signals: changed(): the choice changed (the page says what it will do)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places: list[Reached] = []
        self._plan: tuple[PlannedPhase, ...] = ()
        self._picked = False  # the person chose a place: a new start date keeps it
        self.toggle = QCheckBox(tr("Already under &way: the client has done part of it"))
        self.place = QComboBox()
        self.place.setAccessibleName(tr("Where the client is now"))
        self.place.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.place.setMinimumContentsLength(28)
        place_label_widget = QLabel(tr("Now &at:"))
        place_label_widget.setBuddy(self.place)
        self.on_due = QRadioButton(tr("Earlier steps done on their &due dates"))
        self.on_one = QRadioButton(tr("All done &on:"))
        self.on_due.setChecked(True)
        self.done_on = DayEdit()
        self.done_on.setAccessibleName(tr("Day every earlier step was done"))
        self.said = QLabel()
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        self.said.setWordWrap(True)
        self.said.setAccessibleName(tr("What being under way does"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.toggle, 0, 0, 1, 3)
        grid.addWidget(place_label_widget, 1, 0)
        grid.addWidget(self.place, 1, 1, 1, 2)
        grid.addWidget(self.on_due, 2, 1, 1, 2)
        grid.addWidget(self.on_one, 3, 1)
        grid.addWidget(self.done_on, 3, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.said, 4, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self._details = [
            place_label_widget,
            self.place,
            self.on_due,
            self.on_one,
            self.done_on,
            self.said,
        ]

        self.toggle.toggled.connect(self._show_details)
        self.place.activated.connect(self._on_picked)
        self.place.currentIndexChanged.connect(lambda _i: self._say())
        self.on_one.toggled.connect(self._say)
        self.done_on.dateChanged.connect(lambda _d: self._say())
        self._show_details(False)

    # -- filling -----------------------------------------------------------------------------
    def set_plan(self, plan: Sequence[PlannedPhase], today: date) -> None:
        """The offer's places, dated from the chosen start; the one the plan says the client
        is at today is chosen, unless the person chose one already."""
        kept = self.reached_place() if self._picked else None
        self._plan = tuple(plan)
        self._places = [
            Reached(position, step)
            for position, phase in enumerate(self._plan)
            for step in range(max(len(phase.steps), 1))
        ]
        self.place.blockSignals(True)
        self.place.clear()
        for reached in self._places:
            self.place.addItem(place_label(self._plan[reached.phase], reached.step))
        wanted = kept if kept in self._places else planned_reach(self._plan, today)
        self.place.setCurrentIndex(self._places.index(wanted) if wanted in self._places else 0)
        self.place.blockSignals(False)
        start = self._plan[0].start_on if self._plan else today
        self.done_on.setDateRange(_qdate(min(start, today)), _qdate(today))
        if not self._picked:
            self.done_on.setDate(_qdate(today))
        self._say()

    # -- reading -----------------------------------------------------------------------------
    def reached_place(self) -> Reached | None:
        index = self.place.currentIndex()
        return self._places[index] if 0 <= index < len(self._places) else None

    def reached(self) -> Reached | None:
        """The choice for the enrolment; None when the client starts at the beginning."""
        place = self.reached_place()
        if not self.toggle.isChecked() or place is None or not place.anything_done:
            return None
        day: date | None = None
        if self.on_one.isChecked():
            day = self.done_on.date().toPython()  # type: ignore[assignment]
        return Reached(place.phase, place.step, day)

    def earlier_steps(self) -> int:
        place = self.reached_place()
        if place is None:
            return 0
        return sum(len(p.steps) for p in self._plan[: place.phase]) + place.step

    # -- showing -----------------------------------------------------------------------------
    def _on_picked(self, _index: int) -> None:
        self._picked = True

    def _show_details(self, on: bool) -> None:
        for widget in self._details:
            widget.setVisible(on)
        self._say()

    def _say(self, *_args: object) -> None:
        self.done_on.setEnabled(self.on_one.isChecked())
        count = self.earlier_steps() if self.toggle.isChecked() else 0
        if not self.toggle.isChecked():
            words = ""
        elif count == 0:
            words = tr("Nothing is done yet: the client starts at the beginning.")
        else:
            words = (
                tr("1 earlier step is marked done, brought in: it never counts as late.")
                if count == 1
                else tr(
                    "{n} earlier steps are marked done, brought in: none of them counts as late."
                ).format(n=count)
            )
        self.said.setText(words)
        self.changed.emit()

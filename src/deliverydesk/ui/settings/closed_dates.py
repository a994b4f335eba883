"""Closed dates (holidays): a list with Add… (one day or a range) and Remove."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deliverydesk.ui.core import text
from deliverydesk.ui.core.item_values import date_data
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.settings.dated_list import dated_list
from deliverydesk.ui.widgets.day_edit import DayEdit
from deliverydesk.ui.widgets.field_problem import ProblemLabel
from deliverydesk.ui.widgets.step_dialogs import to_qdate

MAX_RANGE_DAYS = 366  # one holiday range at a time: a year at most
DATE_ROLE = Qt.ItemDataRole.UserRole + 1


def _python(edit: QDateEdit) -> date:
    picked: date = edit.date().toPython()  # type: ignore[assignment]
    return picked


class ClosedRangeDialog(QDialog):
    """From and To; a single day when they are the same. Enter adds, Escape goes back."""

    def __init__(self, first: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Add closed dates"))
        self.intro = intro = QLabel(
            tr("Days you do not work (holidays, a conference). Due dates skip them like weekends.")
        )
        intro.setWordWrap(True)
        self.start = self._date_edit(first, tr("First closed day"))
        self.end = self._date_edit(first, tr("Last closed day"))
        self.start.dateChanged.connect(self._start_moved)
        self.problem = ProblemLabel()
        self.start.dateChanged.connect(lambda _day: self.problem.clear())
        self.end.dateChanged.connect(lambda _day: self.problem.clear())
        self.form = form = QFormLayout()  # time_off.py adds its reason here
        form.addRow(tr("&From:"), self.start)
        form.addRow(tr("&To:"), self.end)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.add_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start.setFocus()
        self.setMinimumWidth(30 * self.fontMetrics().horizontalAdvance("M"))

    def _date_edit(self, day: date, name: str) -> DayEdit:
        edit = DayEdit()  # a day, or a whole date, can be typed in
        edit.setDate(to_qdate(day))
        edit.setAccessibleName(name)
        return edit

    def _start_moved(self, day: QDate) -> None:
        """The last day follows the first when it would fall before it."""
        if self.end.date() < day:
            self.end.setDate(day)

    def dates(self) -> list[date]:
        first, last = _python(self.start), _python(self.end)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def accept(self) -> None:
        first, last = _python(self.start), _python(self.end)
        if last < first:
            self.problem.say(tr("The last day comes before the first."), self.end)
            self.adjustSize()
            return
        if (last - first).days >= MAX_RANGE_DAYS:
            self.problem.say(tr("Add at most a year at a time."), self.end)
            self.adjustSize()
            return
        super().accept()


class ClosedDatesEditor(QWidget):
    """Signals:
    changed(): a date was added or removed.
    """

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._dates: set[date] = set()
        self.add_button = QPushButton(tr("&Add…"))
        self.add_button.setToolTip(tr("Add a closed day or a range of days"))
        self.add_button.clicked.connect(self.ask_and_add)
        self.remove_button = QPushButton(tr("Re&move"))
        self.remove_button.setToolTip(tr("Remove the selected dates (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = dated_list(
            self, tr("Closed dates"), self.remove_selected, (self.add_button, self.remove_button)
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._fill()

    def dates(self) -> frozenset[date]:
        return frozenset(self._dates)

    def set_dates(self, dates: frozenset[date], today: date) -> None:
        self._today = today
        self._dates = set(dates)
        self._fill()

    def add(self, dates: list[date]) -> None:
        new = set(dates) - self._dates
        if not new:
            return
        self._dates |= new
        self._fill(select=new)
        self.changed.emit()

    def ask_and_add(self) -> None:
        dialog = range_dialog(self._today, self)
        try:
            if dialog.exec():
                self.add(dialog.dates())
        finally:
            dialog.deleteLater()

    def remove_selected(self) -> None:
        gone = {date_data(item.data(DATE_ROLE)) for item in self.list.selectedItems()}
        if not gone:
            return
        row = min(self.list.row(item) for item in self.list.selectedItems())
        self._dates -= gone
        self._fill()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.changed.emit()

    def _fill(self, select: set[date] | None = None) -> None:
        self.list.clear()
        for day in sorted(self._dates):
            item = QListWidgetItem(text.long_date(day))
            item.setData(DATE_ROLE, day)
            if day < self._today:
                item.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
                item.setToolTip(tr("In the past: it no longer moves any due date."))
            self.list.addItem(item)
            if select and day in select:
                item.setSelected(True)
        if not self._dates:
            placeholder = QListWidgetItem(
                tr("No closed dates. Add holidays so due dates skip them.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))


def range_dialog(today: date, parent: QWidget | None = None) -> ClosedRangeDialog:
    return ClosedRangeDialog(today, parent)

"""A date field a person can type a day into.

Dates read "Mon 7 Dec 2026", and a QDateEdit puts the cursor in its first section, the
weekday, where digits do nothing: typing "15" changed nothing. Entering the field selects
the day of the month instead, so "15" gives the 15th; Tab moves on to the month and year
(typing "Dec", "2027"), and the calendar popup still opens with Alt+Down.

The day's digits are read here, not by Qt: with a minimum date in the month (a step that
starts on the 20th), Qt refuses the "2" of "25" as a day before it, so "25" never came.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATE_FORMAT = "ddd d MMM yyyy"
_DAY_OF_MONTH = 1  # the section of DATE_FORMAT that holds it: "ddd" is 0


class DayEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self._typed = ""  # the digits of the day typed so far

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._typed = ""
        self.select_day()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = event.text()
        if not (digit.isdigit() and len(digit) == 1 and self._in_day()):
            self._typed = ""
            super().keyPressEvent(event)
            return
        shown = self.date()
        typed = self._typed + digit
        if len(typed) > 2 or int(typed) > shown.daysInMonth():
            typed = digit  # a new day begins
        self._typed = typed if len(typed) < 2 else ""
        day = QDate(shown.year(), shown.month(), int(typed))
        if day.isValid() and self.minimumDate() <= day <= self.maximumDate():
            self.setDate(day)
        self.select_day()
        event.accept()

    def _in_day(self) -> bool:
        return self.currentSectionIndex() == _DAY_OF_MONTH

    def select_day(self) -> None:
        """Put the cursor on the day of the month, selected, so typing replaces it."""
        if self.sectionCount() <= _DAY_OF_MONTH:
            return
        if self.sectionAt(_DAY_OF_MONTH) is not QDateTimeEdit.Section.DaySection:
            return
        self.setCurrentSectionIndex(_DAY_OF_MONTH)
        words = self.lineEdit().text().split(" ")
        start = len(words[0]) + 1
        self.lineEdit().setSelection(start, len(words[_DAY_OF_MONTH]))

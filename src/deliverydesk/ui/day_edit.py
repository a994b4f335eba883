"""A date field a person can type a day into.

Dates read "Mon 7 Dec 2026", and a QDateEdit puts the cursor in its first section, the
weekday, where digits do nothing: typing "15" changed nothing. Entering the field selects
the day of the month instead, so "15" gives the 15th; Tab moves on to the month and year
(typing "Dec", "2027"), and the calendar popup still opens with Alt+Down.
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

DATE_FORMAT = "ddd d MMM yyyy"
_DAY_OF_MONTH = 1  # the section of DATE_FORMAT that holds it: "ddd" is 0


class DayEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.select_day()

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

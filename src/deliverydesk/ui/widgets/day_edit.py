"""A date field a person can type a day, or a whole date, into.

Dates read "Mon 7 Dec 2026", and a QDateEdit puts the cursor in its first section, the
weekday, where digits do nothing: typing "15" changed nothing. Entering the field selects
the day of the month instead, so "15" gives the 15th; Tab moves on to the month and year
(typing "Dec", "2027"), and the calendar popup still opens with Alt+Down.

The day's digits are read here, not by Qt: with a minimum date in the month (a step that
starts on the 20th), Qt refuses the "2" of "25" as a day before it, so "25" never came.

A whole date typed from there ("12 Jan 2027", "2027-01-12", the locale's "12.01.27") is
taken as typed and read (ui/widgets/typed_date.py) when the person presses Enter or Tab or leaves
the field; one that names no day, or a day out of the field's range, leaves the date as it
was and says why beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QToolTip, QWidget

from deliverydesk.ui.core import text
from deliverydesk.ui.core.text import tr
from deliverydesk.ui.widgets.typed_date import typed_date

DATE_FORMAT = "ddd d MMM yyyy"
_DAY_OF_MONTH = 1  # the section of DATE_FORMAT that holds it: "ddd" is 0
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class DayEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._free: str | None = None  # a whole date being typed, not yet read
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self._typed = ""  # the digits of the day typed so far
        self._keys = ""  # every character typed since the day was selected
        self._before = QDate()  # the date when that typing began
        self.refusal = ""  # why the last whole date typed was not taken

    # -- typing ------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._typed, self._keys, self._free, self.refusal = "", "", None, ""
        self.select_day()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.take_typed()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._free is not None:
            self._free_key(event)
            return
        typed = event.text()
        printable = len(typed) == 1 and typed.isprintable()
        if not (printable and self._in_day()):
            self._typed, self._keys = "", ""
            super().keyPressEvent(event)
            return
        if not self._keys:
            self._before = self.date()
        self._keys += typed
        if not (self._keys.isdigit() and len(self._keys) <= 2):
            self._start_free(self._keys)
        elif typed.isdigit():
            self._day_digit(typed)
        event.accept()

    def _day_digit(self, digit: str) -> None:
        shown = self.date()
        typed = self._typed + digit
        if len(typed) > 2 or int(typed) > shown.daysInMonth():
            typed = digit  # a new day begins
        self._typed = typed if len(typed) < 2 else ""
        day = QDate(shown.year(), shown.month(), int(typed))
        if day.isValid() and self.minimumDate() <= day <= self.maximumDate():
            self.setDate(day)
        self.select_day()

    def _start_free(self, typed: str) -> None:
        """More than a day is being typed: show it as typed, read it at the end."""
        if self.date() != self._before:
            self.setDate(self._before)  # the day its first digits picked was not meant
        self._free = typed
        self.lineEdit().setText(typed)

    def _free_key(self, event: QKeyEvent) -> None:
        assert self._free is not None
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._free, self._keys = None, ""
            self.setDate(self._before)
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            self.select_day()
            event.accept()
            return
        if key in _COMMIT_KEYS:
            self.take_typed()
            super().keyPressEvent(event)  # Enter reaches the default button, Tab moves on
            return
        if key == Qt.Key.Key_Backspace:
            self._free = self._free[:-1]
        elif event.text() and event.text().isprintable():
            self._free += event.text()
        else:
            event.accept()
            return
        self.lineEdit().setText(self._free)
        event.accept()

    def take_typed(self) -> bool:
        """Read the whole date typed, if any: set it, or keep the date and say why."""
        written, self._free, self._keys = self._free, None, ""
        if written is None:
            return True
        self.refusal = ""
        day = typed_date(written)
        low, high = self.minimumDate().toPython(), self.maximumDate().toPython()
        if day is not None and low <= day <= high:  # type: ignore[operator]
            self.setDate(QDate(day.year, day.month, day.day))
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
            return True
        self.setDate(self._before)
        self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        if day is None:
            why = tr("'{typed}' is not a date: type it as 12 Jan 2027 or 2027-01-12.").format(
                typed=written.strip()
            )
        else:
            why = tr("{day} is out of range here: choose a day from {low} to {high}.").format(
                day=text.long_date(day),
                low=text.long_date(low),  # type: ignore[arg-type]
                high=text.long_date(high),  # type: ignore[arg-type]
            )
        self.refusal = why
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), why, self)
        return False

    def validate(  # noqa: A002 (Qt's name)
        self, input: str, pos: int
    ) -> tuple[QValidator.State, str, int]:
        if self._free is not None:  # a whole date still being typed: read at the end
            return (QValidator.State.Intermediate, input, pos)
        return super().validate(input, pos)

    # -- the day section ---------------------------------------------------------------------
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

"""The date picker's calendar marks the days the practice is closed: its non-working
weekdays (whichever they are, not Qt's Saturday and Sunday) and the closed dates from
Settings, so a due date or a start is not put on a closed Friday by mistake."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateEdit

from deliverydesk.ui.core.text import tr

ALL_WEEKDAYS = range(1, 8)  # ISO: Monday = 1


def closed_format(calendar: QCalendarWidget) -> QTextCharFormat:
    """How a closed day looks: greyed and struck through, in light and dark alike."""
    shown = QTextCharFormat()
    palette = calendar.palette()
    shown.setForeground(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    shown.setFontStrikeOut(True)
    return shown


def mark_closed_days(
    edit: QDateEdit, working_days: Iterable[int], closed_dates: Iterable[date]
) -> None:
    """Give `edit` a calendar popup that greys the days the practice does not work."""
    edit.setCalendarPopup(True)
    calendar = edit.calendarWidget()
    working = set(working_days)
    closed = closed_format(calendar)
    open_day = QTextCharFormat()
    open_day.setForeground(calendar.palette().color(QPalette.ColorRole.Text))
    for weekday in ALL_WEEKDAYS:
        calendar.setWeekdayTextFormat(
            Qt.DayOfWeek(weekday), open_day if weekday in working else closed
        )
    calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget earlier marks
    for day in closed_dates:
        calendar.setDateTextFormat(QDate(day.year, day.month, day.day), closed)
    calendar.setToolTip(tr("Struck-through days are closed: not a working day, or closed dates"))

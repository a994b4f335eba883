"""Moving dates that are not done yet: after a pause, and after the working days or closed
dates change. Dates already kept (steps done, phases finished) are never passed in here."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, timedelta

from deliverydesk.model.rules.calendar import WorkCalendar


def shift(day: date, working_days: int, calendar: WorkCalendar) -> date:
    """`day` moved later by `working_days` working days (unchanged when that is 0)."""
    return calendar.add_working_days(day, working_days) if working_days > 0 else day


def pause_length(paused_on: date, resumed_on: date, calendar: WorkCalendar) -> int:
    """Working days lost to a pause: those after the day it began, up to the day it ended."""
    return max(0, calendar.working_days_between(paused_on, resumed_on))


class Retimer:
    """Re-dates open work when the calendar changes from `old` to `new`.

    Each date keeps its working-day distance from its anchor (a step's start from its
    phase's planned start; its due date from its start), counted in the old calendar and
    laid out again in the new one. Dates whose span holds no day that changed (a weekday
    now off or on, a closed date added or removed) are left exactly as they are.
    """

    def __init__(self, old: WorkCalendar, new: WorkCalendar, days: Iterable[date]) -> None:
        self.old, self.new = old, new
        self._cache: dict[tuple[date, date, date], tuple[date, date]] = {}
        span = list(days)
        self._changed: list[date] = []
        if span and old != new:
            day, last = min(span), max(span) + timedelta(days=7)
            while day <= last:
                if old.is_working(day) != new.is_working(day):
                    self._changed.append(day)
                day += timedelta(days=1)

    def touches(self, first: date, last: date) -> bool:
        """True when some day in [first, last] changed between the calendars."""
        index = bisect_left(self._changed, first)
        return index < len(self._changed) and self._changed[index] <= last

    def step(self, anchor: date, start: date, due: date) -> tuple[date, date]:
        """A step's (start, due) in the new calendar."""
        if not self.touches(min(anchor, start), due):
            return start, due
        key = (anchor, start, due)
        found = self._cache.get(key)
        if found is None:
            offset = max(0, self.old.working_days_between(anchor, start))
            length = max(0, self.old.working_days_between(start, due))
            new_start = self.new.add_working_days(anchor, offset)
            found = self._cache[key] = (new_start, self.new.add_working_days(new_start, length))
        return found

    def end(self, start: date, end: date) -> date:
        """A phase's planned end in the new calendar, keeping its working-day length."""
        if not self.touches(start, end):
            return end
        length = max(0, self.old.working_days_between(start, end))
        return self.new.add_working_days(start, length)

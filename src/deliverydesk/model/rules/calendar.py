"""Working-day arithmetic: due dates skip the days the practice does not work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

ALL_WEEKDAYS = frozenset(range(1, 8))


@dataclass(frozen=True)
class WorkCalendar:
    """ISO weekdays worked (Monday = 1) and dates closed anyway (holidays, time off)."""

    weekdays: frozenset[int] = frozenset({1, 2, 3, 4, 5})
    closed: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= ALL_WEEKDAYS:
            raise ValueError("a work calendar needs at least one weekday between 1 and 7")

    @classmethod
    def from_code(cls, code: str, closed: frozenset[date] = frozenset()) -> WorkCalendar:
        """Build from the stored form, e.g. "12345" for Monday to Friday."""
        return cls(frozenset(int(ch) for ch in code if ch in "1234567"), closed)

    def is_working(self, day: date) -> bool:
        return day.isoweekday() in self.weekdays and day not in self.closed

    def first_working_on_or_after(self, day: date) -> date:
        while not self.is_working(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The working day `days` working days after `start` (which is rolled forward first)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = self.first_working_on_or_after(start)
        remaining = days
        while remaining:
            day += timedelta(days=1)
            if self.is_working(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working(day)
        return count


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.isoweekday() - 1)

"""Planned against actual: when a phase really ran, when it will likely end, and its slip.

Pure rules over dates and a given "today". A phase's plan is the dates the journey was
given at enrolment (from the offer's durations); its actual run is the day it was entered
and the day it was left. Slip is counted in calendar days, as a timeline draws them.
"""

from __future__ import annotations

from datetime import date, timedelta

from deliverydesk.model.rules.calendar import WorkCalendar


def forecast_end(
    planned_start: date,
    planned_end: date,
    started_on: date | None,
    completed_on: date | None,
    today: date,
) -> date:
    """When the phase ended, or when it will likely end.

    A running phase keeps its planned length from the day it really started, and cannot end
    before today. A phase not started yet starts today at the earliest.
    """
    if completed_on is not None:
        return completed_on
    length = planned_end - planned_start
    if started_on is not None:
        return max(today, started_on + length)
    return max(planned_end, today + length) if today > planned_start else planned_end


def phase_slip(
    planned_start: date,
    planned_end: date,
    started_on: date | None,
    completed_on: date | None,
    today: date,
) -> int:
    """Days the phase ends (or will end) after its planned end; negative when early."""
    end = forecast_end(planned_start, planned_end, started_on, completed_on, today)
    return (end - planned_end).days


def shift_working_days(calendar: WorkCalendar, day: date, days: int) -> date:
    """`day` moved by `days` working days, back when negative; a day that is not a working
    day moves from the working day it rolls forward to."""
    if days >= 0:
        return calendar.add_working_days(day, days)
    day = calendar.first_working_on_or_after(day)
    remaining = -days
    while remaining:
        day -= timedelta(days=1)
        if calendar.is_working(day):
            remaining -= 1
    return day

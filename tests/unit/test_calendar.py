"""Working-day arithmetic: the due dates a coach sees on every step."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.model.rules.calendar import WorkCalendar, week_start

MON_FRI = WorkCalendar()
MON_THU = WorkCalendar(frozenset({1, 2, 3, 4}))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 23), 0, date(2026, 11, 23)),  # Monday + 0 is the same Monday
        (date(2026, 11, 23), 4, date(2026, 11, 27)),  # Monday + 4 is Friday
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 skips the weekend
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # a full working week later
        (date(2026, 11, 23), 10, date(2026, 12, 7)),  # two weekends, across a month end
        (date(2028, 1, 31), 1, date(2028, 2, 1)),  # January 31 + 1 is February 1
        (date(2026, 1, 30), 1, date(2026, 2, 2)),  # Friday January 30 + 1: Monday in February
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # across a year end
        (date(2028, 2, 28), 1, date(2028, 2, 29)),  # leap day is a working day
        (date(2028, 2, 29), 1, date(2028, 3, 1)),
        (date(2027, 2, 26), 1, date(2027, 3, 1)),  # no leap day in 2027: Friday to Monday
    ],
)
def test_add_working_days_monday_to_friday(start: date, days: int, expected: date) -> None:
    assert MON_FRI.add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 28), 0, date(2026, 11, 30)),  # Saturday rolls forward to Monday
        (date(2026, 11, 29), 0, date(2026, 11, 30)),  # Sunday rolls forward to Monday
        (date(2026, 11, 28), 1, date(2026, 12, 1)),  # Saturday + 1 counts from Monday
    ],
)
def test_a_non_working_start_rolls_forward(start: date, days: int, expected: date) -> None:
    assert MON_FRI.add_working_days(start, days) == expected


def test_closed_dates_are_skipped() -> None:
    christmas = WorkCalendar(closed=frozenset({date(2026, 12, 24), date(2026, 12, 25)}))
    # Wednesday 23 December + 1 skips the two closed days and the weekend.
    assert christmas.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 28)
    # Starting on a closed day rolls forward like a weekend does.
    assert christmas.add_working_days(date(2026, 12, 24), 0) == date(2026, 12, 28)
    assert not christmas.is_working(date(2026, 12, 25))
    assert christmas.is_working(date(2026, 12, 23))


def test_a_monday_to_thursday_practice() -> None:
    assert MON_THU.add_working_days(date(2026, 11, 26), 1) == date(2026, 11, 30)  # Thu -> Mon
    assert MON_THU.add_working_days(date(2026, 11, 27), 0) == date(2026, 11, 30)  # Fri rolls
    assert MON_THU.add_working_days(date(2026, 11, 23), 4) == date(2026, 11, 30)
    assert not MON_THU.is_working(date(2026, 11, 27))


def test_from_code_reads_the_stored_form() -> None:
    assert WorkCalendar.from_code("1234") == MON_THU
    assert WorkCalendar.from_code("12345") == MON_FRI


@pytest.mark.parametrize(
    ("calendar", "start", "end", "expected"),
    [
        (MON_FRI, date(2026, 11, 23), date(2026, 11, 23), 0),
        (MON_FRI, date(2026, 11, 23), date(2026, 11, 27), 4),  # (Mon, Fri]
        (MON_FRI, date(2026, 11, 27), date(2026, 11, 30), 1),  # the weekend counts nothing
        (MON_FRI, date(2026, 11, 30), date(2026, 11, 27), -1),  # end before start
        (MON_FRI, date(2026, 11, 28), date(2026, 11, 29), 0),  # inside a weekend
        (MON_FRI, date(2028, 2, 25), date(2028, 3, 1), 3),  # Mon 28, leap day, Wed 1 March
        (MON_THU, date(2026, 11, 23), date(2026, 11, 30), 4),
    ],
)
def test_working_days_between(
    calendar: WorkCalendar, start: date, end: date, expected: int
) -> None:
    assert calendar.working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [0, 1, 7, 23])
def test_working_days_between_undoes_add_working_days(days: int) -> None:
    start = date(2026, 11, 23)
    assert MON_THU.working_days_between(start, MON_THU.add_working_days(start, days)) == days


@pytest.mark.parametrize("weekdays", [frozenset(), frozenset({0}), frozenset({1, 8})])
def test_invalid_calendars_are_refused(weekdays: frozenset[int]) -> None:
    with pytest.raises(ValueError, match="at least one weekday"):
        WorkCalendar(weekdays)


@pytest.mark.parametrize("code", ["", "089", "weekdays"])
def test_a_stored_code_with_no_weekday_is_refused(code: str) -> None:
    with pytest.raises(ValueError, match="at least one weekday"):
        WorkCalendar.from_code(code)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        MON_FRI.add_working_days(date(2026, 11, 23), -1)


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 23), date(2026, 11, 23)),
        (date(2026, 11, 29), date(2026, 11, 23)),
        (date(2027, 1, 1), date(2026, 12, 28)),  # the week a new year starts in
    ],
)
def test_week_start_is_the_monday(day: date, monday: date) -> None:
    assert week_start(day) == monday

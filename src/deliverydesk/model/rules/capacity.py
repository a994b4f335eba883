"""Capacity: my working hours against the work booked, and what one more client would add.

This module is the one capacity rule; the enrolment check, the timeline's strip, the
dashboard's chart, the planner and the earliest start all go through it:

- Hours: `WeekCapacity` holds the minutes I work on each working weekday, either the weekly
  hours shared evenly over the working days (the simple form) or my own hours per day (then
  the weekly hours are their sum). A week's capacity is the sum over its days that I work:
  closed days (holidays) and time off give none.
- Load: minutes per week (keyed by Monday); each step's effort is spread evenly over the
  days I work between its start and due dates (`spread`, on `WeekCapacity.spread_calendar`),
  or put on its due date when it has none (a step that falls wholly in time off shows as
  load in a week without hours: a conflict to see, not to hide).
- Time off takes hours away; it does not move due dates (closed dates do).
- `week_table` sets one against the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deliverydesk.model.rules.calendar import WorkCalendar, week_start
from deliverydesk.model.rules.delivery import PhasePlan, schedule

WINDOW_WEEKS = 12  # what the enrolment check draws
SEARCH_WEEKS = 52  # how far ahead "earliest start that fits" looks
_EPSILON = 1e-6  # minutes: float sums must not tip a full week over

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Effort:
    """Minutes of my work on a step, between its start and due dates."""

    start_on: date
    due_on: date
    minutes: int


def spread(efforts: Iterable[Effort], calendar: WorkCalendar) -> dict[date, float]:
    """Minutes per week (keyed by Monday): each effort spread over its working days, or put
    on its due date when it has none."""
    load: dict[date, float] = defaultdict(float)
    for effort in efforts:
        if effort.minutes <= 0:
            continue
        days = []
        day = effort.start_on
        while day <= effort.due_on:
            if calendar.is_working(day):
                days.append(day)
            day += ONE_DAY
        if not days:
            days = [effort.due_on]
        share = effort.minutes / len(days)
        for day in days:
            load[day - timedelta(days=day.weekday())] += share
    return dict(load)


@dataclass(frozen=True, slots=True)
class DesignEffort:
    """An offer's design as capacity sees it: the phase plans, and per step my minutes
    (0 for a step the client or a third party does)."""

    plans: tuple[PhasePlan, ...]
    minutes: tuple[tuple[int, ...], ...]  # per phase, per step

    def load(
        self,
        start: date,
        calendar: WorkCalendar,
        done_before: tuple[int, int] = (0, 0),
        spread_on: WorkCalendar | None = None,
    ) -> dict[date, float]:
        """Minutes per week a journey starting on `start` would add. `done_before` (phase
        position, step within it): a client already under way, whose earlier steps are
        done (brought in), adds only the work from there on. Due dates fall on `calendar`;
        effort is spread over the days of `spread_on` (WeekCapacity.spread_calendar)."""
        dates = schedule(self.plans, start, calendar)
        return spread(
            (
                Effort(step_start, due, minutes)
                for position, (phase, phase_minutes) in enumerate(
                    zip(dates, self.minutes, strict=True)
                )
                for index, ((step_start, due), minutes) in enumerate(
                    zip(phase.steps, phase_minutes, strict=True)
                )
                if minutes > 0 and (position, index) >= done_before
            ),
            spread_on or calendar,
        )


@dataclass(frozen=True, slots=True)
class TimeOff:
    """Days I do not work, `first` to `last` inclusive, and why (for me only)."""

    first: date
    last: date
    reason: str = ""

    def days(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += ONE_DAY


def day_minutes(
    weekly_hours: float, weekdays: frozenset[int], day_hours: Mapping[int, float] | None = None
) -> dict[int, float]:
    """Minutes I work on each working ISO weekday: my own hours per day when given,
    else the weekly hours shared evenly over the working days."""
    if day_hours:
        return {day: day_hours.get(day, 0.0) * 60 for day in weekdays}
    return {day: weekly_hours * 60 / len(weekdays) for day in weekdays}


class WeekCapacity:
    """Minutes available per week: the hours of each working day, none on a closed day or
    a day of time off."""

    def __init__(
        self,
        weekly_hours: float,
        calendar: WorkCalendar,
        day_hours: Mapping[int, float] | None = None,
        time_off: Iterable[TimeOff] = (),
    ) -> None:
        self._per_day = day_minutes(weekly_hours, calendar.weekdays, day_hours)
        self.calendar = calendar  # due dates fall on its working days
        self.off = frozenset(day for span in time_off for day in span.days())
        # The days I work, for spreading effort: the calendar less my time off.
        self.spread_calendar = (
            WorkCalendar(calendar.weekdays, calendar.closed | self.off) if self.off else calendar
        )
        self._cache: dict[date, float] = {}

    @property
    def weekly_hours(self) -> float:
        """A usual week's hours (no closed day, no time off)."""
        return sum(self._per_day.values()) / 60

    def day(self, day: date) -> float:
        """Minutes I can work on `day`."""
        if not self.spread_calendar.is_working(day):
            return 0.0
        return self._per_day.get(day.isoweekday(), 0.0)

    def minutes(self, monday: date) -> float:
        found = self._cache.get(monday)
        if found is None:
            found = self._cache[monday] = sum(
                self.day(monday + timedelta(days=i)) for i in range(7)
            )
        return found


@dataclass(frozen=True, slots=True)
class WeekLoad:
    week_start: date
    booked_hours: float  # open steps of active journeys
    added_hours: float  # the journey being considered
    capacity_hours: float
    over: bool  # booked + added beyond capacity


def week_table(
    booked: Mapping[date, float],
    added: Mapping[date, float],
    capacity: WeekCapacity,
    first_week: date,
    weeks: int = WINDOW_WEEKS,
) -> tuple[WeekLoad, ...]:
    """`weeks` weeks from the week holding `first_week`, in hours."""
    monday = week_start(first_week)
    rows = []
    for index in range(weeks):
        week = monday + timedelta(weeks=index)
        have, extra, room = booked.get(week, 0.0), added.get(week, 0.0), capacity.minutes(week)
        rows.append(
            WeekLoad(week, have / 60, extra / 60, room / 60, have + extra > room + _EPSILON)
        )
    return tuple(rows)


def added_overload(
    booked: Mapping[date, float], added: Mapping[date, float], capacity: WeekCapacity
) -> float:
    """Minutes over capacity that `added` causes, beyond what was over already."""
    total = 0.0
    for week, extra in added.items():
        have, room = booked.get(week, 0.0), capacity.minutes(week)
        total += max(0.0, have + extra - room) - max(0.0, have - room)
    return total


@dataclass(frozen=True, slots=True)
class StartSuggestion:
    start_on: date
    fits: bool  # no week of the journey goes over capacity
    over_hours: float  # hours over capacity this start adds (0 when it fits)


def candidate_starts(not_before: date, calendar: WorkCalendar, weeks: int) -> list[date]:
    """`not_before` itself, then the first working day of each following week."""
    first = calendar.first_working_on_or_after(not_before)
    monday = week_start(not_before)
    starts = [first]
    for index in range(1, weeks + 1):
        day = calendar.first_working_on_or_after(monday + timedelta(weeks=index))
        if day > starts[-1]:
            starts.append(day)
    return starts


def earliest_start_that_fits(
    design: DesignEffort,
    booked: Mapping[date, float],
    capacity: WeekCapacity,
    calendar: WorkCalendar,
    not_before: date,
    weeks: int = SEARCH_WEEKS,
) -> StartSuggestion:
    """The first start (from `not_before`, then week by week) whose whole journey stays
    within capacity; when none within `weeks` does, the one adding the least overload."""
    best: StartSuggestion | None = None
    for start in candidate_starts(not_before, calendar, weeks):
        added = design.load(start, calendar, spread_on=capacity.spread_calendar)
        over = added_overload(booked, added, capacity)
        if over <= _EPSILON:
            return StartSuggestion(start, True, 0.0)
        if best is None or over < best.over_hours * 60 - _EPSILON:
            best = StartSuggestion(start, False, over / 60)
    assert best is not None  # candidate_starts always holds `not_before`'s working day
    return best


def design_effort(phases: Sequence[tuple[int, Sequence[tuple[int, int, int]]]]) -> DesignEffort:
    """From (planned_days, [(offset_days, duration_days, my_minutes), ...]) per phase."""
    return DesignEffort(
        tuple(PhasePlan(days, tuple((o, d) for o, d, _ in steps)) for days, steps in phases),
        tuple(tuple(m for _, _, m in steps) for _, steps in phases),
    )

"""Pure rules behind enrolment: right-fit scoring, the weekly load, the earliest start
that fits, and moving open dates after a pause or a calendar change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.capacity import (
    DesignEffort,
    Effort,
    WeekCapacity,
    added_overload,
    candidate_starts,
    design_effort,
    earliest_start_that_fits,
    spread,
    week_table,
)
from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import JourneyStatus, PhaseStatus
from deliverydesk.model.rules.fit import FitCriterion, RightFit, fit_record, fit_score
from deliverydesk.model.rules.retime import Retimer, pause_length, shift

MONDAY = date(2026, 11, 23)
MON_FRI = WorkCalendar()


def week(n: int) -> date:
    return MONDAY + timedelta(weeks=n)


# right fit --------------------------------------------------------------------------------

CHECKLIST = RightFit(
    (
        FitCriterion("Has a budget", 3),
        FitCriterion("Can give 3 hours a week", 2),
        FitCriterion("Wants it done for them", -2),  # a warning sign takes points away
    ),
    threshold=4,
)


@pytest.mark.parametrize(
    ("answers", "score", "below"),
    [
        ({"Has a budget": True, "Can give 3 hours a week": True}, 5, False),
        ({"Has a budget": True, "Can give 3 hours a week": False}, 3, True),
        ({"Has a budget": True, "Can give 3 hours a week": True, "Wants it done for them": True},
         3, True),
        ({}, 0, True),  # nothing answered counts as no
        ({"Has a budget": True, "A question since removed": True}, 3, True),
    ],
)  # fmt: skip
def test_fit_score_adds_the_weights_of_yes_answers(
    answers: dict[str, bool], score: int, below: bool
) -> None:
    result = fit_score(CHECKLIST, answers)
    assert (result.score, result.threshold, result.below) == (score, 4, below)
    assert result.maximum == 5


def test_an_offer_without_a_checklist_never_warns() -> None:
    assert fit_score(RightFit(), {"anything": True}).below is False


def test_fit_record_keeps_only_answers_to_the_checklist() -> None:
    record = fit_record(CHECKLIST, {"Has a budget": True, "Old question": True})
    assert record == {"answers": {"Has a budget": True}, "score": 3}


def test_right_fit_reads_the_stored_form_leniently() -> None:
    stored = {
        "criteria": [
            {"text": "Has a budget", "weight": 3},
            {"text": "No weight given"},
            {"text": "", "weight": 9},  # no text: skipped
            {"weight": 2},
            "not a criterion",
            {"text": "Weight is text", "weight": "heavy"},
        ],
        "threshold": "high",
    }
    checklist = RightFit.from_json(stored)
    assert checklist.criteria == (
        FitCriterion("Has a budget", 3),
        FitCriterion("No weight given", 1),
        FitCriterion("Weight is text", 1),
    )
    assert checklist.threshold == 0
    assert RightFit.from_json(CHECKLIST.to_json()) == CHECKLIST
    assert RightFit.from_json(None) == RightFit()


# weekly load ------------------------------------------------------------------------------


def test_spread_puts_effort_on_working_days_by_week() -> None:
    # Thursday to the next Tuesday: Thu, Fri, Mon, Tue worked; 240 minutes, 60 a day.
    load = spread([Effort(date(2026, 11, 26), date(2026, 12, 1), 240)], MON_FRI)
    assert load == {MONDAY: 120.0, week(1): 120.0}


def test_spread_skips_closed_dates_and_keeps_a_day_off_step_in_its_week() -> None:
    closed = WorkCalendar(closed=frozenset({date(2026, 11, 24)}))
    assert spread([Effort(MONDAY, date(2026, 11, 25), 120)], closed) == {MONDAY: 120.0}
    saturday = date(2026, 11, 28)
    assert spread([Effort(saturday, saturday, 90)], MON_FRI) == {MONDAY: 90.0}


def test_a_week_with_closed_days_has_less_capacity() -> None:
    calendar = WorkCalendar(closed=frozenset({week(1), week(1) + timedelta(days=1)}))
    capacity = WeekCapacity(30, calendar)
    assert capacity.minutes(MONDAY) == 30 * 60
    assert capacity.minutes(week(1)) == pytest.approx(18 * 60)  # 3 of 5 days


def test_week_table_marks_weeks_over_capacity() -> None:
    booked = {MONDAY: 25 * 60.0, week(1): 10 * 60.0}
    added = {MONDAY: 6 * 60.0, week(1): 6 * 60.0, week(2): 30 * 60.0}
    rows = week_table(booked, added, WeekCapacity(30, MON_FRI), MONDAY + timedelta(days=2), 4)
    assert [r.week_start for r in rows] == [MONDAY, week(1), week(2), week(3)]
    assert [(r.booked_hours, r.added_hours, r.capacity_hours) for r in rows] == [
        (25, 6, 30),
        (10, 6, 30),
        (0, 30, 30),
        (0, 0, 30),
    ]
    assert [r.over for r in rows] == [True, False, False, False]  # exactly full is not over


def test_added_overload_counts_only_what_the_new_journey_pushes_over() -> None:
    capacity = WeekCapacity(10, MON_FRI)
    booked = {MONDAY: 12 * 60.0, week(1): 8 * 60.0}  # week 0 is over already
    added = {MONDAY: 60.0, week(1): 4 * 60.0}
    assert added_overload(booked, added, capacity) == pytest.approx(60 + 2 * 60)


# earliest start ---------------------------------------------------------------------------

# One phase of a week: a 10-hour piece of my work spread over the five days.
TEN_HOUR_WEEK = design_effort([(5, [(0, 5, 600)])])


def test_design_effort_loads_the_week_it_starts_in() -> None:
    assert TEN_HOUR_WEEK.load(MONDAY, MON_FRI) == {MONDAY: 600.0}
    # Starting on Wednesday spreads the same work over two weeks.
    assert TEN_HOUR_WEEK.load(MONDAY + timedelta(days=2), MON_FRI) == {
        MONDAY: 360.0,
        week(1): 240.0,
    }


def test_candidate_starts_are_the_day_then_each_following_week() -> None:
    starts = candidate_starts(MONDAY + timedelta(days=2), MON_FRI, 3)
    assert starts == [MONDAY + timedelta(days=2), week(1), week(2), week(3)]
    holiday = WorkCalendar(closed=frozenset({week(1)}))
    assert candidate_starts(MONDAY, holiday, 1) == [MONDAY, week(1) + timedelta(days=1)]


def test_earliest_start_is_today_when_it_fits() -> None:
    suggestion = earliest_start_that_fits(
        TEN_HOUR_WEEK, {}, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY
    )
    assert (suggestion.start_on, suggestion.fits, suggestion.over_hours) == (MONDAY, True, 0)


def test_earliest_start_skips_the_full_weeks() -> None:
    booked = {MONDAY: 25 * 60.0, week(1): 21 * 60.0, week(2): 20 * 60.0, week(3): 30 * 60.0}
    suggestion = earliest_start_that_fits(
        TEN_HOUR_WEEK, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY
    )
    assert (suggestion.start_on, suggestion.fits) == (week(2), True)


def test_a_journey_spanning_weeks_must_fit_in_every_one() -> None:
    # Two weeks of work; week 1 is full, so neither week 0 nor week 1 can start it.
    two_weeks = design_effort([(10, [(0, 5, 600), (5, 5, 600)])])
    booked = {week(1): 30 * 60.0}
    suggestion = earliest_start_that_fits(
        two_weeks, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY
    )
    assert suggestion.start_on == week(2)


def test_when_nothing_fits_the_least_overloaded_start_is_suggested() -> None:
    booked = {week(n): 28 * 60.0 for n in range(60)}
    booked[week(4)] = 25 * 60.0  # the lightest week: 10 h there goes 5 h over, not 8
    suggestion = earliest_start_that_fits(
        TEN_HOUR_WEEK, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY, weeks=52
    )
    assert (suggestion.start_on, suggestion.fits) == (week(4), False)
    assert suggestion.over_hours == pytest.approx(5)


def test_the_search_is_bounded() -> None:
    booked = {week(n): 30 * 60.0 for n in range(10)}
    suggestion = earliest_start_that_fits(
        TEN_HOUR_WEEK, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY, weeks=5
    )
    assert suggestion.fits is False
    assert suggestion.start_on == MONDAY  # every start as bad: the earliest of them


def test_a_design_without_my_effort_fits_at_once() -> None:
    clients_only = DesignEffort(TEN_HOUR_WEEK.plans, ((0,),))
    booked = {week(n): 99 * 60.0 for n in range(60)}
    suggestion = earliest_start_that_fits(
        clients_only, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY
    )
    assert (suggestion.start_on, suggestion.fits) == (MONDAY, True)


# pauses and calendar changes --------------------------------------------------------------


def test_a_two_week_pause_is_ten_working_days() -> None:
    assert pause_length(MONDAY, week(2), MON_FRI) == 10
    assert pause_length(MONDAY, MONDAY, MON_FRI) == 0
    assert shift(date(2026, 11, 24), 10, MON_FRI) == date(2026, 12, 8)
    assert shift(date(2026, 11, 24), 0, MON_FRI) == date(2026, 11, 24)


def test_a_pause_over_a_holiday_counts_only_days_that_would_have_been_worked() -> None:
    holiday = WorkCalendar(closed=frozenset({week(1), week(1) + timedelta(days=1)}))
    assert pause_length(MONDAY, week(2), holiday) == 8


def test_retimer_keeps_working_day_offsets_from_the_phase_start() -> None:
    # The step starts 2 working days after its phase (Wed) and takes 2 days (Wed-Thu).
    anchor, start, due = MONDAY, date(2026, 11, 25), date(2026, 11, 26)
    tuesday_off = WorkCalendar(closed=frozenset({date(2026, 11, 24)}))
    retimer = Retimer(MON_FRI, tuesday_off, [anchor, due])
    assert retimer.step(anchor, start, due) == (date(2026, 11, 26), date(2026, 11, 27))
    four_days = WorkCalendar(frozenset({1, 2, 3, 4}))
    retimer = Retimer(MON_FRI, four_days, [anchor, due])
    assert retimer.step(anchor, date(2026, 11, 26), date(2026, 11, 27)) == (
        date(2026, 11, 26),
        date(2026, 11, 30),
    )


def test_retimer_leaves_dates_whose_span_did_not_change() -> None:
    later_holiday = WorkCalendar(closed=frozenset({week(3)}))
    retimer = Retimer(MON_FRI, later_holiday, [MONDAY, week(4)])
    saturday = date(2026, 11, 28)  # a due date moved by hand to a day off stays put
    assert retimer.step(MONDAY, MONDAY, saturday) == (MONDAY, saturday)
    assert retimer.end(MONDAY, date(2026, 11, 27)) == date(2026, 11, 27)
    assert retimer.end(week(3) - timedelta(days=3), week(3) + timedelta(days=1)) == week(
        3
    ) + timedelta(days=2)


# checkpoint skip --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "current", "status", "open_steps", "expected"),
    [
        (0, 1, JourneyStatus.ACTIVE, False, PhaseStatus.DONE),
        (0, 1, JourneyStatus.ACTIVE, True, PhaseStatus.SKIPPED),
        (1, 1, JourneyStatus.ACTIVE, True, PhaseStatus.CURRENT),
        (2, 1, JourneyStatus.ACTIVE, True, PhaseStatus.UPCOMING),
        (2, 1, JourneyStatus.COMPLETED, True, PhaseStatus.SKIPPED),
        (2, 1, JourneyStatus.COMPLETED, False, PhaseStatus.DONE),
    ],
)
def test_a_phase_left_with_open_steps_is_skipped_not_done(
    position: int, current: int, status: JourneyStatus, open_steps: bool, expected: PhaseStatus
) -> None:
    assert phase_status(position, current, status, open_steps) is expected

"""The one capacity rule on constructed data with known answers: working hours per day,
closed days and time off against the booked effort, the planner, what fills a week and
the what-if, each figure the same wherever capacity is drawn."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.capacity import (
    Effort,
    TimeOff,
    WeekCapacity,
    design_effort,
    earliest_start_that_fits,
    spread,
)
from deliverydesk.model.rules.enums import Owner
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.services.clients.capacity import capacity_preview
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.services.practice.practice_settings import (
    practice_settings,
    restore_practice,
    update_practice,
)
from deliverydesk.services.views.dashboard import dashboard
from deliverydesk.services.views.planner import PLANNER_WEEKS, planner, week_work
from deliverydesk.services.views.timeline import capacity_strip

MONDAY = date(2026, 11, 23)  # the pinned "today" of the ctx fixture
MON_FRI = WorkCalendar()


def week(n: int) -> date:
    return MONDAY + timedelta(weeks=n)


# Two weeks of my work: 5 h in the first, 10 h in the second; the client's homework is
# not my time and counts nowhere.
TWO_WEEKS = OfferSpec(
    "Focus Fortnight",
    phases=(
        PhaseSpec(
            "Sessions",
            10,
            (
                StepSpec("Plan", offset_days=0, duration_days=5, effort_minutes=300),
                StepSpec("Review", offset_days=5, duration_days=5, effort_minutes=600),
                StepSpec("Homework", owner=Owner.CLIENT, duration_days=5, effort_minutes=120),
            ),
        ),
    ),
)


# the rule ---------------------------------------------------------------------------------


def test_weekly_hours_are_shared_evenly_over_the_working_days() -> None:
    capacity = WeekCapacity(30, MON_FRI)
    assert capacity.minutes(MONDAY) == 30 * 60
    assert capacity.weekly_hours == 30
    closed = WeekCapacity(30, WorkCalendar(closed=frozenset({MONDAY + timedelta(days=2)})))
    assert closed.minutes(MONDAY) == 24 * 60  # a closed Wednesday takes its 6 h


def test_hours_per_day_replace_the_even_share() -> None:
    hours = {1: 8.0, 2: 8.0, 3: 4.0, 4: 0.0, 5: 2.0}
    capacity = WeekCapacity(30, MON_FRI, hours)
    assert capacity.weekly_hours == 22
    assert capacity.minutes(MONDAY) == 22 * 60
    wednesday_closed = WorkCalendar(closed=frozenset({MONDAY + timedelta(days=2)}))
    assert WeekCapacity(30, wednesday_closed, hours).minutes(MONDAY) == 18 * 60


def test_time_off_takes_the_hours_of_the_days_it_covers() -> None:
    whole_week = TimeOff(week(1), week(1) + timedelta(days=6), "Holiday")
    two_days = TimeOff(week(2), week(2) + timedelta(days=1))
    capacity = WeekCapacity(30, MON_FRI, time_off=(whole_week, two_days))
    assert [capacity.minutes(week(n)) / 60 for n in range(4)] == [30, 0, 18, 30]
    assert capacity.calendar == MON_FRI  # due dates do not move for time off


def test_effort_is_spread_over_the_days_i_work_and_lands_on_its_due_date_in_time_off() -> None:
    capacity = WeekCapacity(30, MON_FRI, time_off=(TimeOff(week(1), week(1) + timedelta(6)),))
    thursday = MONDAY + timedelta(days=3)
    # Thursday to the next Wednesday: five working days, three of them off.
    across = Effort(thursday, week(1) + timedelta(days=2), 500)
    assert spread([across], capacity.spread_calendar) == {MONDAY: 500.0}
    assert spread([across], MON_FRI) == {MONDAY: 200.0, week(1): 300.0}
    # Wholly in the time off: the work still has to happen, shown in a week without hours.
    inside = Effort(week(1), week(1) + timedelta(days=4), 120)
    assert spread([inside], capacity.spread_calendar) == {week(1): 120.0}


def test_earliest_start_skips_a_week_of_time_off() -> None:
    design = design_effort([(5, [(0, 5, 600)])])  # 10 h of mine in one week
    capacity = WeekCapacity(30, MON_FRI, time_off=(TimeOff(week(1), week(1) + timedelta(6)),))
    booked = {MONDAY: 25 * 60.0}  # this week has 5 h left
    best = earliest_start_that_fits(design, booked, capacity, MON_FRI, MONDAY)
    assert (best.start_on, best.fits) == (week(2), True)
    without = earliest_start_that_fits(design, booked, WeekCapacity(30, MON_FRI), MON_FRI, MONDAY)
    assert without.start_on == week(1)


# the planner, against the practice ---------------------------------------------------------


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, frozenset({1, 2, 3, 4, 5}), owner_name="Jo")
    return ctx


def enrol(ctx: Context, name: str, start: date = MONDAY, offer_id: int | None = None) -> int:
    offer_id = offer_id if offer_id is not None else create_offer(ctx, TWO_WEEKS)[0]
    client_id = add_client(ctx, ClientInput(name)).value
    enrol_client(ctx, client_id, offer_id, start)
    return offer_id


def hours_by_week(ctx: Context, weeks: int = 4) -> list[tuple[float, float]]:
    """(booked, available) hours of the planner's first weeks."""
    board = planner(ctx)
    return [(w.load.booked_hours, w.load.capacity_hours) for w in board.weeks[:weeks]]


def test_empty_practice_has_nothing_booked(ctx: Context) -> None:
    board = planner(ctx)
    assert len(board.weeks) == PLANNER_WEEKS
    assert board.weeks[0].week_start == MONDAY
    assert board.offers == ()
    assert all(w.load.booked_hours == 0 and not w.load.over for w in board.weeks)


def test_one_client_fills_the_weeks_of_their_journey(practice: Context) -> None:
    offer_id = enrol(practice, "Ana Souza")
    board = planner(practice)
    assert [(o.offer_id, o.name) for o in board.offers] == [(offer_id, "Focus Fortnight")]
    assert [w.by_offer for w in board.weeks[:3]] == [(5.0,), (10.0,), (0.0,)]
    assert hours_by_week(practice, 3) == [(5, 30), (10, 30), (0, 30)]
    assert board.over_weeks == ()


def test_load_is_stacked_by_offer(practice: Context) -> None:
    first = enrol(practice, "Ana Souza")
    second = create_offer(practice, replace(TWO_WEEKS, name="Audit"))[0]
    enrol(practice, "Ben Okafor", week(1), second)
    board = planner(practice)
    assert [o.offer_id for o in board.offers] == [second, first]  # by name
    assert [w.by_offer for w in board.weeks[:3]] == [(0.0, 5.0), (5.0, 10.0), (10.0, 0.0)]


def test_time_off_for_a_whole_week_empties_it_everywhere(practice: Context) -> None:
    offer_id = enrol(practice, "Ana Souza")
    before = practice_settings(practice)
    off = TimeOff(week(1), week(1) + timedelta(days=6), "Family holiday")
    result = update_practice(practice, replace(before, time_off=(off,)))
    assert practice_settings(practice).time_off == (off,)
    # The planner, the timeline's strip and the enrolment check say the same.
    assert hours_by_week(practice, 3) == [(5, 30), (10, 0), (0, 30)]
    assert [w.capacity_hours for w in capacity_strip(practice).weeks[:3]] == [30, 0, 30]
    assert [w.capacity_hours for w in dashboard(practice).capacity.weeks[:3]] == [30, 0, 30]
    check = capacity_preview(practice, offer_id, MONDAY, weeks=3)
    assert [w.capacity_hours for w in check.weeks] == [30, 0, 30]
    assert planner(practice).weeks[1].load.over  # the Review is due in that week
    # Undone: the week has its hours back.
    restore_practice(practice, result.value)
    assert hours_by_week(practice, 2) == [(5, 30), (10, 30)]


def test_closed_days_take_their_share_of_the_week(practice: Context) -> None:
    before = practice_settings(practice)
    closed = frozenset({week(1) + timedelta(days=2), week(1) + timedelta(days=3)})
    update_practice(practice, replace(before, closed_dates=closed))
    assert [w for _, w in hours_by_week(practice, 3)] == [30, 18, 30]


def test_hours_per_day_make_the_weekly_hours(practice: Context) -> None:
    before = practice_settings(practice)
    per_day = ((1, 8.0), (2, 8.0), (3, 4.0), (4, 0.0), (5, 2.0))
    update_practice(practice, replace(before, day_hours=per_day))
    info = get_practice(practice)
    assert info is not None and info.weekly_hours == 22
    assert practice_settings(practice).day_hours == per_day
    assert planner(practice).weekly_hours == 22
    assert [w for _, w in hours_by_week(practice, 1)] == [22]
    # Back to the simple form: the weekly hours shared evenly.
    update_practice(practice, replace(before, weekly_hours=25))
    assert [w for _, w in hours_by_week(practice, 1)] == [25]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"time_off": (TimeOff(week(2), week(1)),)}, "cannot end before it starts"),
        ({"time_off": (TimeOff(week(1), week(60)),)}, "a year at most"),
        ({"time_off": (TimeOff(week(1), week(1), "x" * 201),)}, "200"),
        ({"day_hours": ((1, 25.0),)}, "between 0 and 24"),
        ({"day_hours": ((1, 0.0), (2, 0.0))}, "at least 1 hour"),
    ],
)
def test_bad_time_off_or_hours_are_refused_and_change_nothing(
    practice: Context, change: dict[str, object], message: str
) -> None:
    before = practice_settings(practice)
    with pytest.raises(InvalidInput, match=message):
        update_practice(practice, replace(before, **change))  # type: ignore[arg-type]
    assert practice_settings(practice) == before


def test_a_week_lists_the_steps_that_fill_it(practice: Context) -> None:
    enrol(practice, "Ana Souza")
    enrol(practice, "Ben Okafor", week(1))
    work = week_work(practice, week(1))
    assert [(w.client_name, w.step_title, w.hours) for w in work] == [
        ("Ana Souza", "Review", 10.0),
        ("Ben Okafor", "Plan", 5.0),
    ]
    assert sum(w.hours for w in work) == planner(practice).weeks[1].load.booked_hours
    assert week_work(practice, week(5)) == ()


def test_what_if_adds_the_new_clients_hours_and_the_enrolment_rule_earliest_start(
    practice: Context,
) -> None:
    offer_id = enrol(practice, "Ana Souza")
    for name in ("Ben Okafor", "Chloé Martin"):
        enrol(practice, name, offer_id=offer_id)  # 15 h in this week, 30 h in the next
    board = planner(practice, (offer_id, week(1)))
    assert [w.load.added_hours for w in board.weeks[:4]] == [0, 5, 10, 0]
    assert [w.load.over for w in board.weeks[:4]] == [False, True, False, False]
    assert board.what_if is not None
    check = capacity_preview(practice, offer_id, week(1))
    assert board.what_if.earliest.start_on == check.earliest_fit == week(2)
    assert planner(practice).weeks[1].load.added_hours == 0  # no what-if, no ghost

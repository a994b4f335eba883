"""Settings → Practice re-dating open work, and the capacity check of an enrolment."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.services.changes import Aspect
from deliverydesk.services.clients.capacity import capacity_preview
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.lifecycle import pause
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.services.practice.practice_settings import (
    PracticeSettings,
    practice_settings,
    preview_reschedule,
    restore_practice,
    update_practice,
)
from deliverydesk.services.views.queries import board_rows
from deliverydesk.store.summaries import summary_drift
from tests.unit.test_services import MON_FRI, MONDAY, Enrolled, dump, enrol

WEDNESDAY = MONDAY + timedelta(days=2)


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


def due_dates(ctx: Context, enrolled: Enrolled) -> dict[str, date]:
    detail = journey_detail(ctx, enrolled.journey_id)
    return {s.title: s.due_on for p in detail.phases for s in p.steps}


def assert_summaries_true(ctx: Context) -> None:
    """The bulk re-dating left every journey's summary as its steps say."""
    with ctx.db.engine.connect() as connection:
        assert summary_drift(connection) == []


# practice settings ------------------------------------------------------------------------


def test_settings_change_name_hours_and_undo(practice: Context) -> None:
    before = practice_settings(practice)
    result = update_practice(
        practice, replace(before, name="  Bright Path  ", owner_name="Jo Lee", weekly_hours=24)
    )
    assert result.value.settings == before
    assert result.changes.aspects == Aspect.PRACTICE | Aspect.CAPACITY
    info = get_practice(practice)
    assert info is not None
    assert (info.name, info.owner_name, info.weekly_hours) == ("Bright Path", "Jo Lee", 24)
    restore_practice(practice, result.value)
    assert practice_settings(practice) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " \u200b "}, "name"),
        ({"weekly_hours": 0}, "between 1 and 168"),
        ({"working_days": frozenset()}, "at least one working day"),
        ({"working_days": frozenset({0, 8})}, "at least one working day"),
        ({"closed_dates": frozenset({date(2150, 1, 1)})}, "50 years"),
    ],
)
def test_bad_settings_are_refused(
    practice: Context, change: dict[str, object], message: str
) -> None:
    before = dump(practice)
    with pytest.raises(InvalidInput, match=message):
        update_practice(practice, replace(practice_settings(practice), **change))  # type: ignore[arg-type]
    assert dump(practice) == before


def test_a_new_holiday_moves_only_open_due_dates_after_showing_how_many(
    practice: Context,
) -> None:
    enrolled = enrol(practice)
    complete_step(practice, enrolled.step_id(practice, "Welcome call"))
    complete_step(practice, enrolled.step_id(practice, "Intake form"))
    before = due_dates(practice, enrolled)
    holiday = frozenset({date(2026, 11, 26)})  # Thursday of the first week
    settings = practice_settings(practice)
    # Deep work starts that Thursday: its two steps move; Wrap-up's phase plan starts later
    # and its own span holds no changed day, so Final review stays.
    assert preview_reschedule(practice, settings.working_days, holiday) == 2
    result = update_practice(practice, replace(settings, closed_dates=holiday))
    assert result.changes.aspects == Aspect.PRACTICE | Aspect.CAPACITY | Aspect.STEPS
    assert result.changes.journeys == frozenset({enrolled.journey_id})
    after = due_dates(practice, enrolled)
    assert after["Welcome call"] == before["Welcome call"]  # done: never moved
    assert after["Intake form"] == before["Intake form"]
    assert after["Draft the plan"] == date(2026, 11, 30)  # Fri-Mon instead of Thu-Fri
    assert after["Plan approved"] == date(2026, 12, 2)
    assert after["Final review"] == before["Final review"]
    assert practice_settings(practice).closed_dates == holiday
    (card,) = board_rows(practice, enrolled.offer_id)
    assert (card.next_step_title, card.next_step_due) == ("Draft the plan", date(2026, 11, 30))
    assert_summaries_true(practice)
    # Undo puts every date and the settings back.
    restore_practice(practice, result.value)
    assert due_dates(practice, enrolled) == before
    assert practice_settings(practice) == settings
    assert_summaries_true(practice)


def test_dropping_a_working_day_moves_open_work_of_active_and_paused_journeys(
    practice: Context,
) -> None:
    first = enrol(practice, "Ana Souza")
    client = add_client(practice, ClientInput("Ben Okafor")).value
    second = Enrolled(
        client, first.offer_id, enrol_client(practice, client, first.offer_id, MONDAY).value
    )
    pause(practice, second.journey_id)
    mon_thu = frozenset({1, 2, 3, 4})
    count = preview_reschedule(practice, mon_thu, frozenset())
    assert count == 2 * 2  # Deep work's two steps (Thu-Fri, Thu-Tue) in both journeys
    update_practice(practice, replace(practice_settings(practice), working_days=mon_thu))
    for enrolled in (first, second):
        dates = due_dates(practice, enrolled)
        assert all(day.isoweekday() != 5 for day in dates.values())
    # The paused journey is on the board too (marked paused): read the active one's card.
    (card,) = [r for r in board_rows(practice, first.offer_id) if r.journey_id == first.journey_id]
    assert card.next_step_due == due_dates(practice, first)["Welcome call"]
    assert_summaries_true(practice)


def test_a_preview_without_working_days_is_refused(practice: Context) -> None:
    with pytest.raises(InvalidInput, match="at least one working day"):
        preview_reschedule(practice, frozenset(), frozenset())


def test_nothing_moves_when_the_calendar_is_unchanged(practice: Context) -> None:
    enrol(practice)
    settings = practice_settings(practice)
    assert preview_reschedule(practice, settings.working_days, settings.closed_dates) == 0
    assert update_practice(practice, replace(settings, weekly_hours=20)).value.steps == ()


# capacity ---------------------------------------------------------------------------------

# One week of my work (10 hours over five days) and a client task without my effort.
WEEK_OF_WORK = OfferSpec(
    name="Intensive",
    phases=(
        PhaseSpec(
            "The week",
            5,
            (
                StepSpec("Workshop days", StepKind.SESSION, duration_days=5, effort_minutes=600),
                StepSpec("Homework", StepKind.HOMEWORK, Owner.CLIENT, effort_minutes=600),
            ),
        ),
    ),
)


def fill(ctx: Context, offer_id: int, clients: int, start: date) -> None:
    for n in range(clients):
        client = add_client(ctx, ClientInput(f"Client {n}")).value
        enrol_client(ctx, client, offer_id, start)


def test_the_preview_draws_what_a_new_client_adds_against_the_booked_load(
    practice: Context,
) -> None:
    offer_id, _ = create_offer(practice, WEEK_OF_WORK)
    fill(practice, offer_id, 3, MONDAY)  # 30 hours booked this week: full
    preview = capacity_preview(practice, offer_id, MONDAY)
    assert len(preview.weeks) == 12
    first, second = preview.weeks[:2]
    assert (first.week_start, first.booked_hours, first.added_hours) == (MONDAY, 30, 10)
    assert (first.capacity_hours, first.over) == (30, True)
    assert (second.booked_hours, second.added_hours, second.over) == (0, 0, False)
    assert preview.over_weeks == 1
    assert preview.earliest_fit == MONDAY + timedelta(days=7)
    assert preview.least_over is None


def test_the_earliest_start_looks_past_every_full_week(practice: Context) -> None:
    offer_id, _ = create_offer(practice, WEEK_OF_WORK)
    fill(practice, offer_id, 3, MONDAY)
    fill(practice, offer_id, 3, MONDAY + timedelta(days=7))
    preview = capacity_preview(practice, offer_id, WEDNESDAY)
    assert preview.start_on == WEDNESDAY
    # Starting Wednesday the work spills into next week, which is full too.
    assert [w.added_hours for w in preview.weeks[:2]] == [6, 4]
    assert preview.earliest_fit == MONDAY + timedelta(days=14)


def test_paused_and_done_work_is_not_booked(practice: Context) -> None:
    offer_id, _ = create_offer(practice, WEEK_OF_WORK)
    client = add_client(practice, ClientInput("Ana")).value
    journey = enrol_client(practice, client, offer_id, MONDAY).value
    assert capacity_preview(practice, offer_id, MONDAY).weeks[0].booked_hours == 10
    pause(practice, journey)
    assert capacity_preview(practice, offer_id, MONDAY).weeks[0].booked_hours == 0


def test_when_no_start_in_a_year_fits_the_least_overloaded_one_is_named(
    practice: Context,
) -> None:
    huge = OfferSpec(
        "Too big",
        phases=(
            PhaseSpec("All", 5, (StepSpec("Sprint", duration_days=5, effort_minutes=40 * 60),)),
        ),
    )
    offer_id, _ = create_offer(practice, huge)
    preview = capacity_preview(practice, offer_id, MONDAY)
    assert preview.earliest_fit is None
    assert preview.least_over == MONDAY
    assert preview.least_over_hours == pytest.approx(10)


def test_a_preview_start_years_away_is_refused(practice: Context) -> None:
    offer_id, _ = create_offer(practice, WEEK_OF_WORK)
    with pytest.raises(InvalidInput, match="ten years"):
        capacity_preview(practice, offer_id, date(2099, 1, 1))


def test_practice_settings_value_is_a_plain_record() -> None:
    settings = PracticeSettings("P", "", 30, frozenset({1}), frozenset())
    assert settings.calendar.weekdays == frozenset({1})

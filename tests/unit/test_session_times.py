"""Sessions have times: the offer's length goes into each journey, a reschedule sets a
session's time and its undo takes it off, Today lists today's sessions first by time,
and the practice's time zone is checked before it is kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import event

from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.model.rules.offer_design import StepSpec
from deliverydesk.services.clients.capacity import booked_load
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.journeys.reschedule import (
    SessionSlot,
    reschedule_step,
    restore_step_dates,
)
from deliverydesk.services.practice.session_settings import (
    SessionSettings,
    practice_zone,
    session_settings,
    update_session_settings,
)
from deliverydesk.services.views.today import today_list
from deliverydesk.wording import ENGLISH
from tests.builders import WELCOME_CALL, onboarding, phase, sprint
from tests.unit.timeline_support import TODAY, enrol, practice

SESSIONS = sprint(
    onboarding(replace(WELCOME_CALL, session_minutes=50)),
    phase("Deep work", 5, "Draft the plan"),
)


def steps(ctx: Context, journey_id: int) -> dict[str, StepDetail]:
    detail = journey_detail(ctx, journey_id)
    return {s.title: s for p in detail.phases for s in p.steps}


@pytest.fixture
def journey(ctx: Context) -> int:
    from deliverydesk.services.offers.offers import create_offer

    practice(ctx)
    offer_id, _ = create_offer(ctx, SESSIONS)
    return enrol(ctx, offer_id, "Ana Souza", TODAY, "ana@example.com")


def test_a_journey_takes_the_offers_session_length(ctx: Context, journey: int) -> None:
    call = steps(ctx, journey)["Welcome call"]
    assert (call.kind, call.session_minutes, call.session_time) == (StepKind.SESSION, 50, None)


def test_setting_a_sessions_time_is_logged_and_undone(ctx: Context, journey: int) -> None:
    call = steps(ctx, journey)["Welcome call"]
    done = reschedule_step(ctx, call.id, call.due_on, slot=SessionSlot(time(10, 30), 60))
    now = steps(ctx, journey)["Welcome call"]
    assert (now.session_time, now.session_minutes, now.due_on) == (time(10, 30), 60, call.due_on)
    lines = [
        ENGLISH.activity_text(a.kind, a.detail)
        for a in journey_detail(ctx, journey).activity
        if a.kind in (ActivityKind.SESSION_TIMED, ActivityKind.DUE_DATE_CHANGED)
    ]
    # Only the time changed: one line says so, none says the date moved to the same day.
    assert lines == [f"Set the session 'Welcome call' for {ENGLISH.long_date(TODAY)} at 10:30"]
    restore_step_dates(ctx, done.value)
    back = steps(ctx, journey)["Welcome call"]
    assert (back.session_time, back.session_minutes) == (None, 50)


def test_only_a_session_takes_a_time_and_a_length_has_limits(ctx: Context, journey: int) -> None:
    plan = steps(ctx, journey)["Draft the plan"]
    with pytest.raises(InvalidInput) as refused:
        reschedule_step(ctx, plan.id, plan.due_on, slot=SessionSlot(time(9, 0), 60))
    assert "Only a session has a time; 'Draft the plan' is not one." in str(refused.value)
    call = steps(ctx, journey)["Welcome call"]
    with pytest.raises(InvalidInput) as refused:
        reschedule_step(ctx, call.id, call.due_on, slot=SessionSlot(time(9, 0), 24 * 60 + 1))
    assert "between 0 and 1,440 minutes" in str(refused.value)
    assert steps(ctx, journey)["Welcome call"].session_time is None


def test_today_lists_todays_sessions_first_by_time(ctx: Context, journey: int) -> None:
    from deliverydesk.services.offers.offers import create_offer

    other_offer, _ = create_offer(ctx, replace(SESSIONS, name="Second sprint"))
    other = enrol(ctx, other_offer, "Bea Lund", TODAY)
    enrol(ctx, other_offer, "Carl Overdue", date(2026, 11, 2))  # his steps are overdue
    before = [(row.client_name, row.step_title) for row in today_list(ctx).mine]
    assert before[0] == ("Carl Overdue", "Welcome call")  # most late first
    for journey_id, at in ((journey, time(14, 0)), (other, time(9, 15))):
        call = steps(ctx, journey_id)["Welcome call"]
        reschedule_step(ctx, call.id, TODAY, slot=SessionSlot(at, 60))
    mine = today_list(ctx).mine
    assert [(r.client_name, r.session_time) for r in mine[:2]] == [
        ("Bea Lund", time(9, 15)),
        ("Ana Souza", time(14, 0)),
    ]
    assert ENGLISH.timed_step(mine[0].step_title, mine[0].session_time, 60) == (
        "09:15–10:15 Welcome call"
    )
    # The rest keep their order: most late first.
    timed = {("Ana Souza", "Welcome call"), ("Bea Lund", "Welcome call")}
    assert [(r.client_name, r.step_title) for r in mine[2:]] == [
        pair for pair in before if pair not in timed
    ]


def test_the_time_zone_is_checked_and_kept(ctx: Context, journey: int) -> None:
    assert session_settings(ctx) == SessionSettings("", 15)
    with pytest.raises(InvalidInput) as refused:
        update_session_settings(ctx, SessionSettings("Mars/Olympus_Mons", 15))
    assert "'Mars/Olympus_Mons' is not a time zone this computer knows" in str(refused.value)
    with pytest.raises(InvalidInput):
        update_session_settings(ctx, SessionSettings("../../etc/passwd", 15))
    with pytest.raises(InvalidInput):
        update_session_settings(ctx, SessionSettings("Europe/Berlin", -5))
    assert session_settings(ctx) == SessionSettings("", 15)
    was = update_session_settings(ctx, SessionSettings(" Europe/Berlin ", 30)).value
    assert session_settings(ctx) == SessionSettings("Europe/Berlin", 30)
    assert str(practice_zone(ctx)) == "Europe/Berlin"
    update_session_settings(ctx, was)
    assert session_settings(ctx) == SessionSettings("", 15)


def test_capacity_counts_a_sessions_length_instead_of_its_effort(
    ctx: Context, journey: int
) -> None:
    from deliverydesk.services.practice.practice import work_calendar

    def booked() -> float:
        with ctx.db.engine.connect() as connection:
            return sum(booked_load(connection, TODAY, work_calendar(ctx)).values())

    assert booked() == 50  # the offer's 50-minute length, not the 60 minutes of effort
    call = steps(ctx, journey)["Welcome call"]
    reschedule_step(ctx, call.id, call.due_on, slot=SessionSlot(time(9, 0), 90))
    assert booked() == 90
    # Still found through the open-steps index (the load is asked at every enrolment).
    said: list[tuple[str, object]] = []

    def heard(_conn: object, _cursor: object, statement: str, params: object, *_: object) -> None:
        said.append((statement, params))

    event.listen(ctx.db.engine, "before_cursor_execute", heard)
    try:
        booked()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", heard)
    statement, params = next((st, p) for st, p in said if "sum(" in st)
    with ctx.db.engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
    assert any("INDEX ix_journey_step_open_due (due_on>?)" in str(row) for row in plan)


def test_only_a_session_keeps_a_length_in_the_offer(ctx: Context) -> None:
    from deliverydesk.services.offers.offer_design import offer_design
    from deliverydesk.services.offers.offers import create_offer

    practice(ctx)
    spec = sprint(onboarding(StepSpec("Intake form", StepKind.FORM, session_minutes=45)))
    offer_id, _ = create_offer(ctx, spec)
    assert offer_design(ctx, offer_id).spec.phases[0].steps[0].session_minutes == 0

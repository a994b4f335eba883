"""Clients already under way: enrolled at the step they have reached, every earlier step
done and brought in, nothing earlier late (the board's badges, the dashboard's on-time
rate, the bottleneck, the paper), and one undo takes the enrolment back whole."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from deliverydesk.model.entities import Activity, Journey, JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.seeding.offer_templates import OFFERS
from deliverydesk.services.clients.capacity import capacity_preview
from deliverydesk.services.clients.clients import (
    ClientInput,
    add_client,
    enrol_client,
    reinstate_enrolment,
    unenrol,
)
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step, reopen_step
from deliverydesk.services.journeys.under_way import offer_plan, planned_reach
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.paper.report_data import progress_report
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.dashboard import dashboard
from deliverydesk.services.views.today import overdue_counts
from tests.conftest import TODAY

MON_FRI = frozenset({1, 2, 3, 4, 5})
EIGHT_WEEKS_AGO = TODAY - timedelta(weeks=8)


@pytest.fixture
def offer_id(ctx: Context) -> int:
    create_practice(ctx, "Rivera Studio", 30, MON_FRI)
    return create_offer(ctx, OFFERS["coaching"])[0]


def _client(ctx: Context, name: str = "Priya Garcia") -> int:
    return add_client(ctx, ClientInput(name, email=f"{name.split()[0].lower()}@mail.test")).value


def _steps(ctx: Context, journey_id: int) -> list[JourneyStep]:
    with ctx.transaction() as session:
        steps = session.query(JourneyStep).filter_by(journey_id=journey_id)
        found = list(steps.order_by(JourneyStep.position))
        session.expunge_all()
        return found


def test_earlier_steps_are_done_on_their_due_dates_and_the_client_is_in_the_phase_picked(
    ctx: Context, offer_id: int
) -> None:
    journey_id = enrol_client(
        ctx, _client(ctx), offer_id, EIGHT_WEEKS_AGO, reached=Reached(phase=2, step=1)
    ).value

    steps = _steps(ctx, journey_id)
    before = [s for s in steps if s.position < 13]  # 6 + 6 steps, then one of Strategy
    assert len(before) == 13
    assert all(s.completed_on == min(s.due_on, TODAY) and s.brought_in for s in before)
    assert all(s.completed_on is None and not s.brought_in for s in steps[13:])
    detail = journey_detail(ctx, journey_id)
    assert [p.status.value for p in detail.phases] == [
        "done",
        "done",
        "current",
        "upcoming",
        "upcoming",
    ]
    assert detail.steps_done == 13
    # Nothing brought in is late: only what the plan says is still open can be.
    assert all(s.completed_on is not None for p in detail.phases[:2] for s in p.steps)
    assert all(
        p.completed_on is not None and p.completed_on <= p.planned_end_on for p in detail.phases[:2]
    )
    words = [a for a in detail.activity if a.kind is ActivityKind.STEPS_BROUGHT_IN]
    assert len(words) == 1 and words[0].detail["steps"] == 13
    assert words[0].detail["phase"] == "Strategy"


def test_one_date_for_all_counts_nothing_late_on_the_dashboard_or_the_paper(
    ctx: Context, offer_id: int
) -> None:
    """All done 'today', weeks after they were due: none of it is late anywhere."""
    start = TODAY - timedelta(weeks=6)
    journey_id = enrol_client(
        ctx, _client(ctx), offer_id, start, reached=Reached(phase=2, done_on=TODAY)
    ).value

    assert all(s.completed_on == TODAY for s in _steps(ctx, journey_id)[:12])
    board = dashboard(ctx)
    # The only steps counted are those still open and already past due in Strategy.
    open_late = [s for s in _steps(ctx, journey_id) if s.completed_on is None and s.due_on < TODAY]
    assert board.on_time.steps.total == len(open_late)
    assert board.on_time.steps.hits == 0
    assert board.integrity.ratio(board.integrity.parts[1].part).total == 0  # no checkpoint
    assert board.bottleneck is None or board.bottleneck.phase_name not in (
        "Onboarding",
        "Discovery",
    )
    assert all(w.phase_name not in ("Onboarding", "Discovery") for w in board.phases)
    report = progress_report(ctx, journey_detail(ctx, journey_id).client_id)
    brought = {s.title for s in _steps(ctx, journey_id) if s.brought_in}
    listed = [*report.wins, *report.coming_next, *report.needed]
    assert not [item for item in listed if item.title in brought]  # not wins, nothing owed


def test_the_undo_takes_the_whole_enrolment_back_and_redo_brings_it_again(
    ctx: Context, offer_id: int
) -> None:
    journey_id = enrol_client(
        ctx, _client(ctx), offer_id, EIGHT_WEEKS_AGO, reached=Reached(phase=3)
    ).value
    steps = _steps(ctx, journey_id)
    late = [s for s in steps if s.completed_on is None and s.due_on < TODAY]
    assert sum(overdue_counts(ctx).values()) == len(late)  # none of the 18 brought in
    unenrol(ctx, journey_id)
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        assert journey is not None and journey.status is JourneyStatus.WITHDRAWN
    assert dashboard(ctx).journeys == 0
    reinstate_enrolment(ctx, journey_id)
    assert journey_detail(ctx, journey_id).steps_done == 18


def test_a_step_ticked_since_keeps_the_enrolment_from_being_undone(
    ctx: Context, offer_id: int
) -> None:
    from deliverydesk.services.journeys.journeys import complete_step

    journey_id = enrol_client(
        ctx, _client(ctx), offer_id, EIGHT_WEEKS_AGO, reached=Reached(phase=1)
    ).value
    complete_step(ctx, _steps(ctx, journey_id)[6].id)
    with pytest.raises(InvalidInput, match="already done"):
        unenrol(ctx, journey_id)


@pytest.mark.parametrize(
    ("reached", "words"),
    [
        (Reached(phase=9), "not part of this offer"),
        (Reached(phase=1, step=40), "not part of this phase"),
        (Reached(phase=1, done_on=TODAY + timedelta(days=1)), "day still to come"),
        (Reached(phase=1, done_on=EIGHT_WEEKS_AGO - timedelta(days=7)), "before the journey"),
    ],
)
def test_a_place_or_day_that_cannot_be_is_refused_and_changes_nothing(
    ctx: Context, offer_id: int, reached: Reached, words: str
) -> None:
    client_id = _client(ctx)
    with pytest.raises(InvalidInput, match=words):
        enrol_client(ctx, client_id, offer_id, EIGHT_WEEKS_AGO, reached=reached)
    with ctx.transaction() as session:
        assert session.query(Journey).count() == 0
        assert session.query(Activity).count() == 0


def test_the_plan_says_where_a_client_started_weeks_ago_should_be_today(
    ctx: Context, offer_id: int
) -> None:
    plan = offer_plan(ctx, offer_id, EIGHT_WEEKS_AGO)
    assert [p.name for p in plan][:2] == ["Onboarding", "Discovery"]
    reached = planned_reach(plan, TODAY)
    step = plan[reached.phase].steps[reached.step]
    assert step.due_on >= TODAY
    earlier = [s for p in plan for s in p.steps][: sum(len(p.steps) for p in plan[: reached.phase])]
    assert all(s.due_on < TODAY for s in earlier)
    assert planned_reach(offer_plan(ctx, offer_id, TODAY), TODAY) == Reached(0, 0)
    assert planned_reach(plan, date(2030, 1, 1)).phase == len(plan) - 1


def test_a_step_brought_in_opened_again_and_ticked_for_real_is_work_of_that_day(
    ctx: Context, offer_id: int
) -> None:
    """Opened again, a step brought in keeps the mark (an undo of the reopen puts it back
    as it was); a real tick after that is work done today: logged so, counted on time or
    late like any other step, and brought in no more. Undoing both restores the mark."""
    journey_id = enrol_client(
        ctx, _client(ctx), offer_id, EIGHT_WEEKS_AGO, reached=Reached(phase=2)
    ).value
    first = _steps(ctx, journey_id)[0]
    assert first.brought_in and first.due_on < TODAY
    counted = dashboard(ctx).on_time.steps.total

    was = reopen_step(ctx, first.id).value
    assert _steps(ctx, journey_id)[0].brought_in  # open again, the mark kept
    done = complete_step(ctx, first.id).value

    ticked = _steps(ctx, journey_id)[0]
    assert (ticked.completed_on, ticked.brought_in) == (TODAY, False)
    assert dashboard(ctx).on_time.steps.total == counted + 1  # a late tick, counted
    log = journey_detail(ctx, journey_id).activity[0]
    assert log.kind is ActivityKind.STEP_COMPLETED and log.detail["on"] == TODAY.isoformat()

    # Undo the tick, then the reopen: the step is as the enrolment left it.
    reopen_step(ctx, first.id, expected=done.on, brought_in=done.was_brought_in)
    assert _steps(ctx, journey_id)[0].brought_in
    complete_step(ctx, first.id, was, undo=True)
    restored = _steps(ctx, journey_id)[0]
    assert (restored.completed_on, restored.brought_in) == (was, True)
    assert dashboard(ctx).on_time.steps.total == counted


def test_the_capacity_check_adds_only_the_work_left_after_the_place_reached(
    ctx: Context, offer_id: int
) -> None:
    whole = capacity_preview(ctx, offer_id, EIGHT_WEEKS_AGO)
    reached = Reached(phase=2)
    left = capacity_preview(ctx, offer_id, EIGHT_WEEKS_AGO, reached=reached)
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert whole.weeks[0].week_start <= EIGHT_WEEKS_AGO
    assert left.weeks[0].week_start == monday  # from today's week: the past is not load
    # What enrolling adds once every step of the first two phases is brought in equals
    # what the steps of the phase reached and after would need, week by week.
    enrol_client(ctx, _client(ctx), offer_id, EIGHT_WEEKS_AGO, reached=reached)
    booked = capacity_preview(ctx, offer_id, TODAY)
    assert [w.booked_hours for w in booked.weeks] == pytest.approx(
        [w.added_hours for w in left.weeks]
    )

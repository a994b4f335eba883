"""What a journey says once it has ended, and what an undone edit leaves in the log
(issue 8, bugs 5 and 10, and the phases of a cancelled journey)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, PhaseStatus
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step, reopen_step, set_due_date
from deliverydesk.services.journeys.lifecycle import cancel
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.timeline import journey_timeline
from deliverydesk.wording import ENGLISH
from tests.conftest import TODAY
from tests.unit.test_services import MON_FRI, Enrolled, enrol


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


@pytest.fixture
def enrolled(practice: Context) -> Enrolled:
    return enrol(practice, start=TODAY)


# -- a cancelled journey's phases ------------------------------------------------------------
@pytest.mark.parametrize(
    ("position", "expected"),
    [(0, PhaseStatus.DONE), (1, PhaseStatus.STOPPED), (2, PhaseStatus.NOT_REACHED)],
)
def test_a_cancelled_journeys_phases_are_done_stopped_or_not_reached(
    position: int, expected: PhaseStatus
) -> None:
    assert phase_status(position, 1, JourneyStatus.CANCELLED) is expected


def test_phase_words_never_call_a_cancelled_journeys_phase_upcoming() -> None:
    assert ENGLISH.phase_status_label(PhaseStatus.NOT_REACHED) == "Not reached"
    assert ENGLISH.phase_status_label(PhaseStatus.STOPPED) == "Stopped here"


def test_the_client_page_reads_a_cancelled_journey_as_stopped(
    practice: Context, enrolled: Enrolled
) -> None:
    cancel(practice, enrolled.journey_id, "Moved abroad")
    statuses = [p.status for p in journey_detail(practice, enrolled.journey_id).phases]
    assert statuses == [PhaseStatus.STOPPED, PhaseStatus.NOT_REACHED, PhaseStatus.NOT_REACHED]


def test_an_ended_journeys_phase_stops_on_the_timeline_when_it_ended(
    practice: Context, enrolled: Enrolled
) -> None:
    cancel(practice, enrolled.journey_id, "")
    timeline = journey_timeline(practice, enrolled.journey_id)
    running = timeline.phases[0]
    assert running.started_on is not None
    assert running.completed_on == TODAY  # not "still running" for ever after
    assert all(p.started_on is None for p in timeline.phases[1:])


# -- an undone due date is logged "(undo)", as an undone move is ------------------------------
def test_an_undone_due_date_is_logged_as_undone(practice: Context, enrolled: Enrolled) -> None:
    step = enrolled.step_id(practice, "Welcome call")
    old = set_due_date(practice, step, TODAY + timedelta(days=3)).value
    set_due_date(practice, step, old, expected=TODAY + timedelta(days=3))  # the undo
    undone, done = journey_detail(practice, enrolled.journey_id).activity[:2]
    assert undone.kind is done.kind is ActivityKind.DUE_DATE_CHANGED
    assert ENGLISH.activity_text(undone.kind, undone.detail).endswith(
        f"to {ENGLISH.long_date(old)} (undo)"
    )
    assert not ENGLISH.activity_text(done.kind, done.detail).endswith("(undo)")


def test_an_undone_tick_and_an_undone_untick_are_logged_as_undone(
    practice: Context, enrolled: Enrolled
) -> None:
    step = enrolled.step_id(practice, "Welcome call")
    done_on = complete_step(practice, step).value.on
    reopen_step(practice, step, expected=done_on)  # the tick's undo
    reopen_log, tick_log = journey_detail(practice, enrolled.journey_id).activity[:2]
    assert ENGLISH.activity_text(reopen_log.kind, reopen_log.detail).endswith("(undo)")
    assert not ENGLISH.activity_text(tick_log.kind, tick_log.detail).endswith("(undo)")

    complete_step(practice, step)
    was = reopen_step(practice, step).value  # an untick, by hand: not an undo
    complete_step(practice, step, was, undo=True)  # the untick's undo
    redone, untick, _tick = journey_detail(practice, enrolled.journey_id).activity[:3]
    assert redone.kind is ActivityKind.STEP_COMPLETED
    assert ENGLISH.activity_text(redone.kind, redone.detail).endswith("(undo)")
    assert not ENGLISH.activity_text(untick.kind, untick.detail).endswith("(undo)")


# -- refusals say dates in words --------------------------------------------------------------
def test_a_due_date_before_the_start_is_refused_in_words(
    practice: Context, enrolled: Enrolled
) -> None:
    step_id = enrolled.step_id(practice, "Plan approved")
    step = next(
        s
        for p in journey_detail(practice, enrolled.journey_id).phases
        for s in p.steps
        if s.id == step_id
    )
    with pytest.raises(InvalidInput) as refused:
        set_due_date(practice, step_id, step.start_on - timedelta(days=1))
    assert ENGLISH.long_date(step.start_on) in str(refused.value)
    assert step.start_on.isoformat() not in str(refused.value)


def test_undo_refusals_say_dates_in_words(practice: Context, enrolled: Enrolled) -> None:
    step = enrolled.step_id(practice, "Welcome call")
    moved = TODAY + timedelta(days=5)
    set_due_date(practice, step, moved)
    with pytest.raises(InvalidInput) as refused:
        set_due_date(practice, step, TODAY, expected=moved + timedelta(days=1))
    assert ENGLISH.long_date(moved) in str(refused.value)
    assert moved.isoformat() not in str(refused.value)
    complete_step(practice, step, TODAY)
    with pytest.raises(InvalidInput) as refused:
        reopen_step(practice, step, expected=TODAY - timedelta(days=1))
    assert ENGLISH.long_date(TODAY) in str(refused.value)
    assert TODAY.isoformat() not in str(refused.value)

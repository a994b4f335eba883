"""A journey's whole life: pause, resume, complete, cancel, archive, each undone exactly;
and a phase left past an open checkpoint shows as skipped, not done."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, PhaseStatus
from deliverydesk.services.changes import Aspect
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail
from deliverydesk.services.journeys.journeys import complete_step, move_to_phase
from deliverydesk.services.journeys.lifecycle import (
    StepsStillOpen,
    archive,
    cancel,
    complete,
    journey_finished,
    pause,
    restore_journey_state,
    resume,
    skipped_phases,
)
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.queries import board_rows
from tests.conftest import TODAY
from tests.unit.test_services import MON_FRI, Enrolled, dump, enrol, kinds


@pytest.fixture
def enrolled(ctx: Context) -> Enrolled:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return enrol(ctx)


def dates(detail: JourneyDetail) -> dict[str, tuple[date, date, date | None]]:
    return {s.title: (s.start_on, s.due_on, s.completed_on) for p in detail.phases for s in p.steps}


def on(ctx: Context, day: date) -> None:
    ctx.clock = FixedClock(day)


# pause and resume -------------------------------------------------------------------------


def test_a_paused_journey_stays_on_the_board_marked_paused_and_comes_back_active(
    ctx: Context, enrolled: Enrolled
) -> None:
    result = pause(ctx, enrolled.journey_id, "Family emergency", date(2026, 12, 7))
    assert result.changes.aspects == Aspect.JOURNEY | Aspect.CAPACITY
    assert result.changes.journeys == frozenset({enrolled.journey_id})
    (card,) = board_rows(ctx, enrolled.offer_id)
    assert card.paused and card.pause_reason == "Family emergency"
    assert (card.paused_on, card.resume_on) == (TODAY, date(2026, 12, 7))
    detail = journey_detail(ctx, enrolled.journey_id)
    assert detail.status is JourneyStatus.PAUSED and detail.resume_on == date(2026, 12, 7)
    resume(ctx, enrolled.journey_id)
    (card,) = board_rows(ctx, enrolled.offer_id)
    assert card.status is JourneyStatus.ACTIVE and not card.paused and card.resume_on is None
    assert journey_detail(ctx, enrolled.journey_id).resume_on is None
    assert kinds(journey_detail(ctx, enrolled.journey_id))[-2:] == [
        ActivityKind.JOURNEY_PAUSED,
        ActivityKind.JOURNEY_RESUMED,
    ]


def test_a_planned_resume_date_must_be_after_today_and_undo_puts_it_back(
    ctx: Context, enrolled: Enrolled
) -> None:
    for day in (TODAY, date(2026, 11, 20)):
        with pytest.raises(InvalidInput, match="must be after today"):
            pause(ctx, enrolled.journey_id, "Holiday", day)
    assert journey_detail(ctx, enrolled.journey_id).status is JourneyStatus.ACTIVE
    before = pause(ctx, enrolled.journey_id, "Holiday", date(2026, 12, 7)).value
    after = restore_journey_state(ctx, enrolled.journey_id, before).value
    assert journey_detail(ctx, enrolled.journey_id).resume_on is None
    restore_journey_state(ctx, enrolled.journey_id, after)  # redo
    assert journey_detail(ctx, enrolled.journey_id).resume_on == date(2026, 12, 7)


def test_a_two_week_pause_moves_open_due_dates_ten_working_days(
    ctx: Context, enrolled: Enrolled
) -> None:
    complete_step(ctx, enrolled.step_id(ctx, "Welcome call"))
    before = dates(journey_detail(ctx, enrolled.journey_id))
    pause(ctx, enrolled.journey_id, "Holiday")
    on(ctx, date(2026, 12, 7))  # two weeks later
    result = resume(ctx, enrolled.journey_id)
    assert result.changes.aspects == Aspect.JOURNEY | Aspect.CAPACITY | Aspect.STEPS
    after = dates(journey_detail(ctx, enrolled.journey_id))
    assert after["Welcome call"] == before["Welcome call"]  # done: untouched
    assert before["Intake form"][1] == date(2026, 11, 24)
    assert after["Intake form"][1] == date(2026, 12, 8)
    assert before["Plan approved"][1] == date(2026, 12, 1)
    assert after["Plan approved"][1] == date(2026, 12, 15)
    assert after["Final review"][:2] == (date(2026, 12, 17), date(2026, 12, 17))
    detail = journey_detail(ctx, enrolled.journey_id)
    assert detail.planned_end_on == date(2026, 12, 18)
    assert detail.phases[2].planned_start_on == date(2026, 12, 17)
    # The card's next step and its date moved with them.
    (card,) = board_rows(ctx, enrolled.offer_id)
    assert (card.next_step_title, card.next_step_due) == ("Intake form", date(2026, 12, 8))


def test_undoing_a_resume_puts_every_date_back(ctx: Context, enrolled: Enrolled) -> None:
    pause(ctx, enrolled.journey_id)
    on(ctx, date(2026, 12, 7))
    before = journey_detail(ctx, enrolled.journey_id)
    state = resume(ctx, enrolled.journey_id).value
    undone = restore_journey_state(ctx, enrolled.journey_id, state)
    assert undone.changes.aspects & Aspect.STEPS
    after = journey_detail(ctx, enrolled.journey_id)
    assert dates(after) == dates(before)
    assert after.phases == before.phases
    assert (after.status, after.planned_end_on) == (JourneyStatus.PAUSED, before.planned_end_on)
    # Redo: restoring the value handed back resumes again, with the same shift.
    restore_journey_state(ctx, enrolled.journey_id, undone.value)
    assert dates(journey_detail(ctx, enrolled.journey_id))["Intake form"][1] == date(2026, 12, 8)


def test_only_an_active_journey_pauses_and_only_a_paused_one_resumes(
    ctx: Context, enrolled: Enrolled
) -> None:
    with pytest.raises(InvalidInput, match="Only a paused journey"):
        resume(ctx, enrolled.journey_id)
    pause(ctx, enrolled.journey_id)
    with pytest.raises(InvalidInput, match="Only an active journey"):
        pause(ctx, enrolled.journey_id)


def test_a_reason_with_a_nul_is_refused(ctx: Context, enrolled: Enrolled) -> None:
    before = dump(ctx)
    with pytest.raises(InvalidInput, match="NUL"):
        pause(ctx, enrolled.journey_id, "because\x00")
    assert dump(ctx) == before


# completing, cancelling, archiving --------------------------------------------------------


def test_complete_refuses_while_steps_are_open_unless_forced(
    ctx: Context, enrolled: Enrolled
) -> None:
    complete_step(ctx, enrolled.step_id(ctx, "Welcome call"))
    with pytest.raises(StepsStillOpen, match="4 steps are still open") as refused:
        complete(ctx, enrolled.journey_id)
    assert refused.value.titles[:2] == ["Intake form", "Draft the plan"]
    complete(ctx, enrolled.journey_id, force=True)
    detail = journey_detail(ctx, enrolled.journey_id)
    assert detail.status is JourneyStatus.COMPLETED
    assert dates(detail)["Intake form"][2] is None  # still open: not pretended done
    # Every phase left with a step open reads Skipped, never Done.
    assert [p.name for p in skipped_phases(ctx, enrolled.journey_id)] == [
        "Onboarding",
        "Deep work",
        "Wrap-up",
    ]


def test_the_app_offers_to_complete_when_the_last_step_is_done(
    ctx: Context, enrolled: Enrolled
) -> None:
    titles = ["Welcome call", "Intake form", "Draft the plan", "Plan approved", "Final review"]
    for title in titles:
        assert not journey_finished(ctx, enrolled.journey_id)
        complete_step(ctx, enrolled.step_id(ctx, title))
    assert journey_finished(ctx, enrolled.journey_id)
    result = complete(ctx, enrolled.journey_id)
    assert result.value.status is JourneyStatus.ACTIVE
    assert not journey_finished(ctx, enrolled.journey_id)  # completed: nothing to offer
    detail = journey_detail(ctx, enrolled.journey_id)
    assert {p.status for p in detail.phases} == {PhaseStatus.DONE}
    assert board_rows(ctx, enrolled.offer_id) == []


@pytest.mark.parametrize(
    ("action", "status", "kind"),
    [
        (lambda c, j: complete(c, j, force=True), JourneyStatus.COMPLETED, "journey_completed"),
        (lambda c, j: cancel(c, j, "Budget cut"), JourneyStatus.CANCELLED, "journey_cancelled"),
        (lambda c, j: pause(c, j, "Surgery"), JourneyStatus.PAUSED, "journey_paused"),
    ],
    ids=["complete", "cancel", "pause"],
)
def test_each_action_is_logged_and_undone_exactly(
    ctx: Context, enrolled: Enrolled, action: object, status: JourneyStatus, kind: str
) -> None:
    before = journey_detail(ctx, enrolled.journey_id)
    result = action(ctx, enrolled.journey_id)  # type: ignore[operator]
    after = journey_detail(ctx, enrolled.journey_id)
    assert after.status is status
    assert kinds(after)[-1] == ActivityKind(kind)
    restore_journey_state(ctx, enrolled.journey_id, result.value)
    undone = journey_detail(ctx, enrolled.journey_id)
    assert undone.status is JourneyStatus.ACTIVE
    assert undone.phases == before.phases
    assert kinds(undone)[-1] is ActivityKind.JOURNEY_RESTORED
    assert [r.journey_id for r in board_rows(ctx, enrolled.offer_id)] == [enrolled.journey_id]


def test_cancel_keeps_the_reason_and_the_day(ctx: Context, enrolled: Enrolled) -> None:
    on(ctx, date(2026, 11, 30))
    cancel(ctx, enrolled.journey_id, "  Moved abroad  ")
    detail = journey_detail(ctx, enrolled.journey_id)
    entry = detail.activity[0]
    assert (entry.kind, entry.detail["reason"]) == (ActivityKind.JOURNEY_CANCELLED, "Moved abroad")


def test_archive_only_an_ended_journey_and_undo_it(ctx: Context, enrolled: Enrolled) -> None:
    with pytest.raises(InvalidInput, match="Complete or cancel"):
        archive(ctx, enrolled.journey_id)
    cancel(ctx, enrolled.journey_id, "No show")
    result = archive(ctx, enrolled.journey_id)
    assert result.changes.aspects == Aspect.JOURNEY
    assert journey_detail(ctx, enrolled.journey_id).status is JourneyStatus.ARCHIVED
    assert not JourneyStatus.ARCHIVED.listed
    restore_journey_state(ctx, enrolled.journey_id, result.value)
    assert journey_detail(ctx, enrolled.journey_id).status is JourneyStatus.CANCELLED


def test_an_ended_journey_cannot_be_ended_again(ctx: Context, enrolled: Enrolled) -> None:
    complete(ctx, enrolled.journey_id, force=True)
    for act in (
        lambda: cancel(ctx, enrolled.journey_id),
        lambda: complete(ctx, enrolled.journey_id),
    ):
        with pytest.raises(InvalidInput, match="already completed"):
            act()


# going past an open checkpoint ------------------------------------------------------------


def test_a_phase_passed_with_its_checkpoint_open_is_skipped_not_done(
    ctx: Context, enrolled: Enrolled
) -> None:
    complete_step(ctx, enrolled.step_id(ctx, "Welcome call"))
    move_to_phase(ctx, enrolled.journey_id, 1, override=True)
    detail = journey_detail(ctx, enrolled.journey_id)
    onboarding = detail.phases[0]
    open_steps = [s.title for s in onboarding.steps if s.completed_on is None]
    assert open_steps == ["Intake form"]
    # The rule, given what the phase holds, says Skipped (the detail view passes it).
    assert phase_status(0, detail.current_position, detail.status, bool(open_steps)) is (
        PhaseStatus.SKIPPED
    )
    (skipped,) = skipped_phases(ctx, enrolled.journey_id)
    assert (skipped.position, skipped.name, skipped.open_steps) == (
        0,
        "Onboarding",
        ("Intake form",),
    )
    # The next step stays truthful: the skipped checkpoint is still owed, first.
    (card,) = board_rows(ctx, enrolled.offer_id)
    assert (card.phase_name, card.next_step_title) == ("Deep work", "Intake form")
    # Once it is done, nothing is skipped any more.
    complete_step(ctx, enrolled.step_id(ctx, "Intake form"))
    assert skipped_phases(ctx, enrolled.journey_id) == []


def test_a_phase_passed_with_everything_done_is_not_skipped(
    ctx: Context, enrolled: Enrolled
) -> None:
    for title in ("Welcome call", "Intake form"):
        complete_step(ctx, enrolled.step_id(ctx, title))
    move_to_phase(ctx, enrolled.journey_id, 1)
    assert skipped_phases(ctx, enrolled.journey_id) == []

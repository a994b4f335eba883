"""The phase follows the work (issue 16): ticking a phase's last open step moves the
client on, in one undoable change; a phase reads Done only when its steps are done; health
never blames a finished phase; a passed milestone is said to be late."""

from __future__ import annotations

from datetime import date

import pytest

from deliverydesk.model.rules.enums import (
    ActivityKind,
    Health,
    JourneyStatus,
    Owner,
    PhaseStatus,
    StepKind,
)
from deliverydesk.model.rules.health import LateStep, ReasonCode, journey_health
from deliverydesk.services.changes import Aspect
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail
from deliverydesk.services.journeys.journeys import complete_step, move_to_phase, reopen_step
from deliverydesk.services.journeys.lifecycle import journey_finished, skipped_phases
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.paper.intake import (
    FilledForm,
    IntakeAnswer,
    restore_intake,
    save_intake_answers,
)
from deliverydesk.services.paper.report_data import progress_report
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.queries import JourneyRow, board_rows, client_rows
from deliverydesk.services.views.timeline import journey_timeline
from deliverydesk.store.summaries import summary_drift
from deliverydesk.wording import ENGLISH
from tests.conftest import TODAY
from tests.unit.test_journey_invariants import OFFER as INTAKE_OFFER
from tests.unit.test_journey_invariants import QUESTION

MON_FRI = frozenset({1, 2, 3, 4, 5})
OFFER = OfferSpec(
    name="Brand Sprint",
    promise="A brand you can use.",
    phases=(
        PhaseSpec(
            "Discover",
            3,
            (
                StepSpec("Kick-off call", kind=StepKind.SESSION),
                StepSpec("Brand questionnaire", owner=Owner.CLIENT, offset_days=1),
                StepSpec("Discovery agreed", offset_days=2, is_checkpoint=True),
            ),
        ),
        PhaseSpec(
            "Design",
            5,
            (
                StepSpec("First concepts", kind=StepKind.DELIVERABLE, is_milestone=True),
                StepSpec("Concept chosen", owner=Owner.CLIENT, offset_days=3),
            ),
        ),
        PhaseSpec("Launch", 2, (StepSpec("Launch kit", kind=StepKind.DELIVERABLE),)),
    ),
)


def enrol(ctx: Context, start: date = TODAY) -> tuple[int, int]:
    """A practice with Tom Becker enrolled; (client id, journey id)."""
    create_practice(ctx, "Becker Design", 30, MON_FRI, owner_name="Jo")
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput("Tom Becker")).value
    return client_id, enrol_client(ctx, client_id, offer_id, start).value


def step_ids(detail: JourneyDetail) -> dict[str, int]:
    return {s.title: s.id for p in detail.phases for s in p.steps}


def the_row(ctx: Context, journey_id: int) -> JourneyRow:
    return next(r for r in board_rows(ctx) if r.journey_id == journey_id)


def test_ticking_the_last_open_step_of_the_phase_moves_the_client_on(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    complete_step(ctx, steps["Kick-off call"])
    complete_step(ctx, steps["Brand questionnaire"])
    assert the_row(ctx, journey_id).phase_name == "Discover"  # one step still open
    done = complete_step(ctx, steps["Discovery agreed"])
    assert done.value.moved is not None
    assert (done.value.client_name, done.value.phase_name) == ("Tom Becker", "Design")
    assert Aspect.PHASE in done.changes.aspects  # the board moves the card
    row = the_row(ctx, journey_id)
    assert (row.phase_position, row.phase_name, row.phase_entered_on) == (1, "Design", TODAY)
    detail = journey_detail(ctx, journey_id)
    assert [p.status for p in detail.phases] == [
        PhaseStatus.DONE,
        PhaseStatus.CURRENT,
        PhaseStatus.UPCOMING,
    ]
    moved = detail.activity[0]  # logged, newest first
    assert moved.kind is ActivityKind.PHASE_MOVED
    assert ENGLISH.activity_text(moved.kind, moved.detail) == "Moved from 'Discover' to 'Design'"
    with ctx.db.engine.connect() as connection:
        assert summary_drift(connection) == []


def test_one_undo_takes_back_the_tick_and_the_move(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    before = journey_detail(ctx, journey_id).phases
    complete_step(ctx, steps["Kick-off call"])
    complete_step(ctx, steps["Brand questionnaire"])
    done = complete_step(ctx, steps["Discovery agreed"]).value
    reopen_step(ctx, steps["Discovery agreed"], expected=done.on, moved=done.moved)
    detail = journey_detail(ctx, journey_id)
    assert detail.current_position == 0
    assert [(p.started_on, p.completed_on) for p in detail.phases] == [
        (p.started_on, p.completed_on) for p in before
    ]
    assert (
        next(s for s in detail.phases[0].steps if s.title == "Discovery agreed").completed_on
        is None
    )
    assert the_row(ctx, journey_id).phase_name == "Discover"
    # Redone the way the window redoes it: the move comes again with the tick.
    again = complete_step(ctx, steps["Discovery agreed"]).value
    assert again.moved is not None and the_row(ctx, journey_id).phase_name == "Design"


def test_an_undo_refuses_when_the_journey_moved_since_and_changes_nothing(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    for title in ("Kick-off call", "Brand questionnaire"):
        complete_step(ctx, steps[title])
    done = complete_step(ctx, steps["Discovery agreed"]).value
    move_to_phase(ctx, journey_id, 2, override=True)  # another window moved it on
    with pytest.raises(Exception, match="moved since"):
        reopen_step(ctx, steps["Discovery agreed"], expected=done.on, moved=done.moved)
    detail = journey_detail(ctx, journey_id)
    assert detail.current_position == 2
    assert all(s.completed_on for s in detail.phases[0].steps)


def test_a_step_ticked_outside_the_current_phase_moves_nothing(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    complete_step(ctx, steps["Launch kit"])  # ahead of time, in a later phase
    assert complete_step(ctx, steps["Kick-off call"]).value.moved is None
    assert the_row(ctx, journey_id).phase_name == "Discover"


def test_a_later_phase_already_done_is_passed_on_the_way(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    for title in ("First concepts", "Concept chosen", "Kick-off call", "Brand questionnaire"):
        complete_step(ctx, steps[title])
    done = complete_step(ctx, steps["Discovery agreed"]).value
    assert done.phase_name == "Launch"
    statuses = [p.status for p in journey_detail(ctx, journey_id).phases]
    assert statuses == [PhaseStatus.DONE, PhaseStatus.DONE, PhaseStatus.CURRENT]


def test_the_last_phase_done_stays_and_offers_completion(ctx: Context) -> None:
    _client, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    for title in steps:
        complete_step(ctx, steps[title])
    assert the_row(ctx, journey_id).phase_name == "Launch"
    assert journey_finished(ctx, journey_id)


def test_a_phase_left_with_open_steps_reads_skipped_with_its_count_everywhere(
    ctx: Context,
) -> None:
    client_id, journey_id = enrol(ctx)
    steps = step_ids(journey_detail(ctx, journey_id))
    complete_step(ctx, steps["Discovery agreed"])  # the checkpoint, not the rest
    move_to_phase(ctx, journey_id, 1)
    detail = journey_detail(ctx, journey_id)
    assert (detail.phases[0].status, detail.phases[0].open_steps) == (PhaseStatus.SKIPPED, 2)
    assert ENGLISH.phase_status_label(PhaseStatus.SKIPPED, 2) == "Skipped, 2 steps still open"
    report = progress_report(ctx, client_id)
    first = report.journey_map.phases[0]
    assert (first.status, first.open_steps) == (PhaseStatus.SKIPPED, 2)
    span = journey_timeline(ctx, journey_id).phases[0]
    assert (span.status, span.open_steps) == (PhaseStatus.SKIPPED, 2)
    assert [p.name for p in skipped_phases(ctx, journey_id)] == ["Discover"]
    # Ticking a left phase's steps never moves the journey back; done, it reads Done.
    complete_step(ctx, steps["Kick-off call"])
    complete_step(ctx, steps["Brand questionnaire"])
    assert journey_detail(ctx, journey_id).phases[0].status is PhaseStatus.DONE
    # A step of a done phase opened again: Skipped again, never Done with a step open.
    reopen_step(ctx, steps["Kick-off call"])
    assert journey_detail(ctx, journey_id).phases[0].status is PhaseStatus.SKIPPED


def test_health_never_blames_a_phase_whose_steps_are_all_done(ctx: Context) -> None:
    """Everything done on time, weeks ago: the last phase is far past its plan, but its
    work is finished, so the client is on track (the card, the list and the page alike)."""
    start = date(2026, 10, 5)
    client_id, journey_id = enrol(ctx, start)
    detail = journey_detail(ctx, journey_id)
    for phase in detail.phases:
        for step in phase.steps:
            complete_step(ctx, step.id, on=step.due_on)
    assert journey_detail(ctx, journey_id).phases[2].planned_end_on < TODAY
    assert the_row(ctx, journey_id).health is Health.ON_TRACK
    listed = next(r for r in client_rows(ctx) if r.journey_id == journey_id)
    assert listed.health is Health.ON_TRACK
    assert journey_detail(ctx, journey_id).verdict.health is Health.ON_TRACK
    # With a step open in it again, the overrun is the phase's to answer for.
    reopen_step(ctx, step_ids(detail)["Launch kit"])
    reasons = {r.code for r in the_row(ctx, journey_id).reasons}
    assert ReasonCode.PHASE_OVER_PLAN in reasons
    assert reasons == {r.code for r in journey_detail(ctx, journey_id).verdict.reasons}


def test_a_passed_milestone_is_said_to_be_late_never_just_next(ctx: Context) -> None:
    client_id, journey_id = enrol(ctx, date(2026, 10, 5))
    report = progress_report(ctx, client_id)
    concepts = next(
        s for p in journey_detail(ctx, journey_id).phases for s in p.steps
        if s.title == "First concepts"
    )  # fmt: skip
    late = (TODAY - concepts.due_on).days
    assert late > 0
    assert (
        f"next milestone: First concepts, was due {ENGLISH.paper_date(concepts.due_on)}, "
        f"{late} days late." in report.summary
    )


def test_a_milestone_still_to_come_is_dated_as_next() -> None:
    sentence = ENGLISH.progress_sentence(
        JourneyStatus.ACTIVE,
        (2, 3, "Design"),
        (3, 6),
        ("First concepts", date(2026, 12, 3)),
        date(2026, 11, 23),
    )
    assert sentence.endswith("next milestone: First concepts, 3 Dec 2026.")


def test_due_words_say_late_when_the_date_has_passed() -> None:
    assert ENGLISH.due_words(date(2026, 12, 3), date(2026, 12, 7)) == "was due 3 Dec, 4 days late"
    assert ENGLISH.due_words(date(2026, 12, 9), date(2026, 12, 7)) == "due Wed 9 Dec 2026"


def test_equally_late_steps_are_told_in_one_order_whoever_asks() -> None:
    """The card gives the late steps per owner, the page in journey order: the verdict is
    the same (found by tests/unit/test_journey_invariants.py)."""
    due = date(2026, 10, 19)
    mine, theirs = LateStep("First concepts", due, Owner.ME), LateStep("Intake", due, Owner.CLIENT)
    assert journey_health(TODAY, open_steps=[mine, theirs]) == journey_health(
        TODAY, open_steps=[theirs, mine]
    )


def test_an_intake_form_that_closes_the_phase_moves_the_client_on_and_its_undo_back(
    ctx: Context,
) -> None:
    create_practice(ctx, "Becker Design", 30, MON_FRI, owner_name="Jo")
    offer_id, _ = create_offer(ctx, INTAKE_OFFER)
    client_id = add_client(ctx, ClientInput("Tom Becker")).value
    journey_id = enrol_client(ctx, client_id, offer_id, TODAY).value
    steps = step_ids(journey_detail(ctx, journey_id))
    complete_step(ctx, steps["Kick-off call"])
    complete_step(ctx, steps["Discovery agreed"])
    answers = (IntakeAnswer(QUESTION.text, QUESTION.kind, "A clearer brand"),)
    form = FilledForm(client_id, offer_id, INTAKE_OFFER.name, answers)
    saved = save_intake_answers(ctx, client_id, form)
    assert saved.value.moved is not None and Aspect.PHASE in saved.changes.aspects
    assert the_row(ctx, journey_id).phase_name == "Design"
    restore_intake(ctx, client_id, saved.value)
    assert the_row(ctx, journey_id).phase_name == "Discover"
    assert journey_detail(ctx, journey_id).phases[0].status is PhaseStatus.CURRENT

"""Use cases against a real SQLite file: what a coach does, and what they then see."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import event, exc, func, select

from deliverydesk.model.entities import Journey, OfferPhase, OfferStep
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import (
    ActivityKind,
    Health,
    Owner,
    PhaseStatus,
    Severity,
)
from deliverydesk.model.rules.health import ReasonCode
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.clients.clients import (
    MAX_NAME_LENGTH,
    ClientInput,
    add_client,
    enrol_client,
    update_client,
)
from deliverydesk.services.context import Context
from deliverydesk.services.errors import CheckpointBlocked, InvalidInput, NotFound
from deliverydesk.services.journeys.detail import JourneyDetail, journey_detail, refresh_detail
from deliverydesk.services.journeys.journeys import (
    add_note,
    checkpoints_in_the_way,
    complete_step,
    move_to_phase,
    reopen_step,
    restore_phase_state,
    set_due_date,
)
from deliverydesk.services.journeys.lifecycle import pause
from deliverydesk.services.journeys.records import log_friction, record_feedback, resolve_friction
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.services.views.queries import JourneyRow, board_rows, client_rows, offer_summaries
from deliverydesk.store.summaries import summary_drift
from tests.builders import THREE_PHASES

MON_FRI = frozenset({1, 2, 3, 4, 5})
MONDAY = date(2026, 11, 23)  # the pinned "today" of the ctx fixture

OFFER = THREE_PHASES


@dataclass(frozen=True)
class Enrolled:
    client_id: int
    offer_id: int
    journey_id: int

    def step_id(self, ctx: Context, title: str) -> int:
        detail = journey_detail(ctx, self.journey_id)
        return next(s.id for p in detail.phases for s in p.steps if s.title == title)


def enrol(ctx: Context, name: str = "Ana Souza", start: date = MONDAY) -> Enrolled:
    offer_id, _ = create_offer(ctx, OFFER)
    client_id = add_client(ctx, ClientInput(name)).value
    journey_id = enrol_client(ctx, client_id, offer_id, start).value
    return Enrolled(client_id, offer_id, journey_id)


@pytest.fixture
def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


@pytest.fixture
def enrolled(practice: Context) -> Enrolled:
    return enrol(practice)


def the_row(ctx: Context, journey_id: int) -> JourneyRow:
    (row,) = [r for r in client_rows(ctx) if r.journey_id == journey_id]
    return row


def kinds(detail: JourneyDetail) -> list[ActivityKind]:
    """Activity kinds, oldest first."""
    return [a.kind for a in reversed(detail.activity)]


def dump(ctx: Context) -> list[str]:
    with closing(sqlite3.connect(ctx.path)) as connection:
        return list(connection.iterdump())


# practice ---------------------------------------------------------------------------------


def test_create_practice(ctx: Context) -> None:
    changes = create_practice(ctx, "  North Star Coaching  ", 30, frozenset({1, 2, 3, 4}))
    assert changes == Changes(aspects=Aspect.PRACTICE | Aspect.CAPACITY)
    info = get_practice(ctx)
    assert info is not None
    assert info.name == "North Star Coaching"
    assert info.weekly_hours == 30
    assert info.working_days == frozenset({1, 2, 3, 4})


@pytest.mark.parametrize(
    ("name", "hours", "days", "message"),
    [
        ("", 30, MON_FRI, "name"),
        ("   ", 30, MON_FRI, "name"),
        ("Practice", 0, MON_FRI, "hours"),
        ("Practice", 169, MON_FRI, "hours"),
        ("Practice", 30, frozenset(), "working day"),
        ("Practice", 30, frozenset({0, 1}), "working day"),
    ],
)
def test_create_practice_refuses_bad_input_and_writes_nothing(
    ctx: Context, name: str, hours: float, days: frozenset[int], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        create_practice(ctx, name, hours, days)
    assert get_practice(ctx) is None


def test_a_second_practice_is_refused(practice: Context) -> None:
    with pytest.raises(InvalidInput, match="already"):
        create_practice(practice, "Another", 10, MON_FRI)
    info = get_practice(practice)
    assert info is not None
    assert info.name == "North Star Coaching"


# offers -----------------------------------------------------------------------------------


def test_create_offer(practice: Context) -> None:
    offer_id, changes = create_offer(practice, OFFER)
    assert changes == Changes(offers=frozenset({offer_id}), aspects=Aspect.OFFER)
    (summary,) = offer_summaries(practice)
    assert summary.id == offer_id
    assert summary.name == "Clarity Sprint"
    assert summary.promise == "A plan you believe in, in three weeks."
    assert summary.phase_names == ("Onboarding", "Deep work", "Wrap-up")
    assert summary.active_journeys == 0


@pytest.mark.parametrize(
    "spec",
    [
        OfferSpec("  "),
        OfferSpec("Offer", phases=(PhaseSpec(" ", 3),)),
        OfferSpec("Offer", phases=(PhaseSpec("Phase", 0),)),
        OfferSpec("Offer", phases=(PhaseSpec("Phase", 3, (StepSpec(""),)),)),
        OfferSpec("Offer", phases=(PhaseSpec("Phase", 3, (StepSpec("Call", offset_days=-1),)),)),
        OfferSpec("Offer", phases=(PhaseSpec("Phase", 3, (StepSpec("Call", duration_days=0),)),)),
    ],
)
def test_create_offer_refuses_bad_designs(practice: Context, spec: OfferSpec) -> None:
    with pytest.raises(InvalidInput):
        create_offer(practice, spec)
    assert offer_summaries(practice) == []


# clients ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "x" * MAX_NAME_LENGTH,
        "Zoë 👩🏽‍💻 Nguyễn 🇧🇷",
        "مريم الحسيني",
        "דנה לוי (Dana Levi)",
        "<b>Bold &amp; Co</b> <script>alert(1)</script>",
        'O\'Brien "Ltd"; DROP TABLE client; --',
    ],
    ids=["10000-chars", "emoji", "arabic", "hebrew", "markup", "quotes"],
)
def test_client_names_round_trip_exactly(practice: Context, name: str) -> None:
    result = add_client(practice, ClientInput(name))
    client_id, changes = result.value, result.changes
    assert changes == Changes(clients=frozenset({client_id}), aspects=Aspect.CLIENT)
    (row,) = client_rows(practice)
    assert row.client_id == client_id
    assert row.name == name
    assert row.journey_id is None


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "needs a name"), (" \t\n ", "needs a name"), ("x" * (MAX_NAME_LENGTH + 1), "10,000")],
    ids=["empty", "blank", "10001-chars"],
)
def test_add_client_refuses_bad_names_and_writes_nothing(
    practice: Context, name: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        add_client(practice, ClientInput(name))
    assert client_rows(practice) == []


# enrolment --------------------------------------------------------------------------------


def test_enrolment_snapshots_the_offer(practice: Context) -> None:
    offer_id, _ = create_offer(practice, OFFER)
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    result = enrol_client(practice, client_id, offer_id, MONDAY)
    journey_id, changes = result.value, result.changes

    assert changes == Changes(
        journeys=frozenset({journey_id}),
        clients=frozenset({client_id}),
        offers=frozenset({offer_id}),
        aspects=Aspect.JOURNEY | Aspect.CAPACITY,
    )
    detail = journey_detail(practice, journey_id)
    assert detail.offer_name == "Clarity Sprint"
    assert [p.name for p in detail.phases] == [p.name for p in OFFER.phases]
    copied = [(s.title, s.kind, s.owner, s.is_checkpoint) for p in detail.phases for s in p.steps]
    designed = [(s.title, s.kind, s.owner, s.is_checkpoint) for p in OFFER.phases for s in p.steps]
    assert copied == designed
    assert [p.status for p in detail.phases] == [
        PhaseStatus.CURRENT,
        PhaseStatus.UPCOMING,
        PhaseStatus.UPCOMING,
    ]
    assert kinds(detail) == [ActivityKind.ENROLLED]
    (row,) = board_rows(practice, offer_id)
    assert (row.name, row.phase_name, row.steps_done, row.steps_total) == (
        "Ana Souza",
        "Onboarding",
        0,
        5,
    )
    assert row.next_step_title == "Welcome call"
    assert row.health is Health.ON_TRACK


def test_editing_the_offer_does_not_change_a_journey(practice: Context) -> None:
    ids = enrol(practice)
    before = journey_detail(practice, ids.journey_id)

    with practice.transaction() as session:
        phases = session.scalars(
            select(OfferPhase).where(OfferPhase.offer_id == ids.offer_id)
        ).all()
        phases[0].name = "Renamed phase"
        phases[0].planned_days = 10
        phases[0].steps[0].title = "Renamed step"
        phases[0].steps[0].owner = Owner.THIRD_PARTY
        session.delete(phases[1].steps[1])  # drop "Plan approved" from the design
        phases[2].steps.append(OfferStep(position=1, title="New step", offset_days=0))

    after = journey_detail(practice, ids.journey_id)
    assert after.phases == before.phases
    assert after.offer_name == "Clarity Sprint"
    assert the_row(practice, ids.journey_id).steps_total == 5


def test_due_dates_skip_days_the_practice_does_not_work(ctx: Context) -> None:
    create_practice(ctx, "Four-day week", 24, frozenset({1, 2, 3, 4}))
    thursday = date(2026, 11, 26)
    ids = enrol(ctx, start=thursday)
    detail = journey_detail(ctx, ids.journey_id)

    dates = [d for p in detail.phases for d in (p.planned_start_on, p.planned_end_on)]
    dates += [d for p in detail.phases for s in p.steps for d in (s.start_on, s.due_on)]
    assert all(d.isoweekday() <= 4 for d in dates), dates
    welcome, intake = detail.phases[0].steps
    assert welcome.due_on == thursday
    assert intake.due_on == date(2026, 11, 30)  # one working day after Thursday: Monday
    assert detail.phases[0].planned_end_on == date(2026, 12, 1)  # three working days


def test_enrolment_starting_on_a_weekend_starts_on_monday(practice: Context) -> None:
    ids = enrol(practice, start=date(2026, 11, 28))
    detail = journey_detail(practice, ids.journey_id)
    assert detail.start_on == date(2026, 11, 30)
    assert detail.phases[0].steps[0].due_on == date(2026, 11, 30)


# steps ------------------------------------------------------------------------------------


def test_completing_and_reopening_a_step_updates_progress_and_next_step(
    practice: Context, enrolled: Enrolled
) -> None:
    welcome = enrolled.step_id(practice, "Welcome call")

    complete_step(practice, welcome)
    row = the_row(practice, enrolled.journey_id)
    (card,) = board_rows(practice, enrolled.offer_id)
    for shown in (row, card):
        assert (shown.steps_done, shown.steps_total) == (1, 5)
        assert shown.progress == pytest.approx(0.2)
        assert shown.next_step_title == "Intake form"
        assert shown.next_step_owner is Owner.CLIENT
        assert shown.next_step_due == date(2026, 11, 24)
    done = journey_detail(practice, enrolled.journey_id).phases[0].steps[0]
    assert done.completed_on == MONDAY

    reopen_step(practice, welcome)
    row = the_row(practice, enrolled.journey_id)
    (card,) = board_rows(practice, enrolled.offer_id)
    for shown in (row, card):
        assert (shown.steps_done, shown.progress) == (0, 0.0)
        assert shown.next_step_title == "Welcome call"
    detail = journey_detail(practice, enrolled.journey_id)
    assert detail.phases[0].steps[0].completed_on is None
    assert kinds(detail)[-2:] == [ActivityKind.STEP_COMPLETED, ActivityKind.STEP_REOPENED]


def test_completing_every_step_leaves_no_next_step(practice: Context, enrolled: Enrolled) -> None:
    detail = journey_detail(practice, enrolled.journey_id)
    for step in (s for p in detail.phases for s in p.steps):
        complete_step(practice, step.id)
    row = the_row(practice, enrolled.journey_id)
    assert row.progress == 1.0
    assert (row.next_step_title, row.next_step_due, row.next_step_owner) == ("", None, None)


def test_completing_a_step_twice_is_refused(practice: Context, enrolled: Enrolled) -> None:
    welcome = enrolled.step_id(practice, "Welcome call")
    complete_step(practice, welcome)
    with pytest.raises(InvalidInput, match="'Welcome call' is already done"):
        complete_step(practice, welcome, on=date(2026, 11, 24))
    assert the_row(practice, enrolled.journey_id).steps_done == 1
    detail = journey_detail(practice, enrolled.journey_id)
    assert detail.phases[0].steps[0].completed_on == MONDAY
    assert kinds(detail).count(ActivityKind.STEP_COMPLETED) == 1


def test_reopening_an_open_step_is_refused(practice: Context, enrolled: Enrolled) -> None:
    with pytest.raises(InvalidInput, match="is not done"):
        reopen_step(practice, enrolled.step_id(practice, "Welcome call"))


def test_set_due_date(practice: Context, enrolled: Enrolled) -> None:
    welcome = enrolled.step_id(practice, "Welcome call")
    set_due_date(practice, welcome, date(2026, 11, 25))
    assert the_row(practice, enrolled.journey_id).next_step_due == date(2026, 11, 25)
    detail = journey_detail(practice, enrolled.journey_id)
    assert detail.activity[0].kind is ActivityKind.DUE_DATE_CHANGED
    assert detail.activity[0].detail["was"] == "2026-11-23"
    assert detail.activity[0].detail["now"] == "2026-11-25"


def test_a_due_date_before_the_step_starts_is_refused(
    practice: Context, enrolled: Enrolled
) -> None:
    intake = enrolled.step_id(practice, "Intake form")  # starts Tuesday 24
    with pytest.raises(InvalidInput, match="cannot be due before it starts"):
        set_due_date(practice, intake, MONDAY)
    step = journey_detail(practice, enrolled.journey_id).phases[0].steps[1]
    assert step.due_on == date(2026, 11, 24)


# phases -----------------------------------------------------------------------------------


def test_an_open_checkpoint_blocks_moving_on(practice: Context, enrolled: Enrolled) -> None:
    with pytest.raises(CheckpointBlocked, match="Intake form") as blocked:
        move_to_phase(practice, enrolled.journey_id, 1)
    assert blocked.value.checkpoints == ["Intake form"]
    row = the_row(practice, enrolled.journey_id)
    assert (row.phase_position, row.phase_name) == (0, "Onboarding")
    assert ActivityKind.PHASE_MOVED not in kinds(journey_detail(practice, enrolled.journey_id))


def test_the_checkpoints_in_the_way_of_a_move_are_read_before_it(
    practice: Context, enrolled: Enrolled
) -> None:
    """What the board asks about before it writes: the same checkpoints the move refuses
    on, none for a move back or once the checkpoint is done; a journey gone says so."""
    journey = enrolled.journey_id
    assert checkpoints_in_the_way(practice, journey, 1) == ["Intake form"]
    assert checkpoints_in_the_way(practice, journey, 0) == []
    complete_step(practice, enrolled.step_id(practice, "Intake form"))
    assert checkpoints_in_the_way(practice, journey, 1) == []
    with pytest.raises(NotFound):
        checkpoints_in_the_way(practice, journey + 1000, 1)


def test_a_done_checkpoint_lets_the_journey_move_on(practice: Context, enrolled: Enrolled) -> None:
    complete_step(practice, enrolled.step_id(practice, "Intake form"))
    changes = move_to_phase(practice, enrolled.journey_id, 1).changes
    assert enrolled.offer_id in changes.offers
    row = the_row(practice, enrolled.journey_id)
    assert (row.phase_position, row.phase_name, row.phase_entered_on) == (1, "Deep work", MONDAY)
    detail = journey_detail(practice, enrolled.journey_id)
    # Left with its welcome call open: Skipped, never Done (a phase is Done when its steps are).
    assert [p.status for p in detail.phases] == [
        PhaseStatus.SKIPPED,
        PhaseStatus.CURRENT,
        PhaseStatus.UPCOMING,
    ]
    assert detail.phases[0].open_steps == 1
    assert detail.phases[0].completed_on == MONDAY
    assert ActivityKind.CHECKPOINT_OVERRIDDEN not in kinds(detail)


def test_a_move_reads_the_journey_with_its_phases_in_one_statement(
    practice: Context, enrolled: Enrolled
) -> None:
    # A card move is on the board's hot path: every round trip to SQLite counts.
    complete_step(practice, enrolled.step_id(practice, "Intake form"))
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.lstrip())

    event.listen(practice.db.engine, "before_cursor_execute", record)
    try:
        move_to_phase(practice, enrolled.journey_id, 1)
    finally:
        event.remove(practice.db.engine, "before_cursor_execute", record)
    reads = [s for s in seen if s.startswith("SELECT")]
    assert len(reads) == 2  # the journey joined to its phases; its checkpoints
    assert "journey_phase" in reads[0] and "is_checkpoint" in reads[1]
    assert the_row(practice, enrolled.journey_id).phase_position == 1


def test_a_tick_that_leaves_its_phase_open_reads_in_three_statements(
    practice: Context, enrolled: Enrolled
) -> None:
    # A tick is the commonest edit: the step with its journey, the summary's facts, and
    # each phase's open steps (which also says which phase is current); no phase loaded.
    welcome = enrolled.step_id(practice, "Welcome call")
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.lstrip())

    event.listen(practice.db.engine, "before_cursor_execute", record)
    try:
        complete_step(practice, welcome)
    finally:
        event.remove(practice.db.engine, "before_cursor_execute", record)
    assert len([s for s in seen if s.startswith("SELECT")]) == 3
    row = the_row(practice, enrolled.journey_id)
    assert (row.phase_position, row.steps_done) == (0, 1)


def test_an_override_moves_and_is_logged(practice: Context, enrolled: Enrolled) -> None:
    move_to_phase(practice, enrolled.journey_id, 2, override=True)
    row = the_row(practice, enrolled.journey_id)
    assert (row.phase_position, row.phase_name) == (2, "Wrap-up")
    detail = journey_detail(practice, enrolled.journey_id)
    assert kinds(detail)[-2:] == [ActivityKind.CHECKPOINT_OVERRIDDEN, ActivityKind.PHASE_MOVED]
    overridden, moved = detail.activity[1], detail.activity[0]
    assert overridden.detail == {"checkpoints": ["Intake form", "Plan approved"]}
    assert moved.detail == {
        "source": "Onboarding",
        "target": "Wrap-up",
        "from_position": 0,
        "to_position": 2,
    }


def test_moving_back_works_and_every_move_is_logged(practice: Context, enrolled: Enrolled) -> None:
    move_to_phase(practice, enrolled.journey_id, 1, override=True)
    move_to_phase(practice, enrolled.journey_id, 0)
    row = the_row(practice, enrolled.journey_id)
    assert (row.phase_position, row.phase_name) == (0, "Onboarding")
    detail = journey_detail(practice, enrolled.journey_id)
    assert [p.status for p in detail.phases] == [
        PhaseStatus.CURRENT,
        PhaseStatus.UPCOMING,
        PhaseStatus.UPCOMING,
    ]
    assert detail.phases[0].completed_on is None
    moves = [a.detail for a in reversed(detail.activity) if a.kind is ActivityKind.PHASE_MOVED]
    assert [(m["from_position"], m["to_position"]) for m in moves] == [(0, 1), (1, 0)]


def test_moving_to_the_current_phase_changes_nothing(practice: Context, enrolled: Enrolled) -> None:
    assert not move_to_phase(practice, enrolled.journey_id, 0).changes
    assert kinds(journey_detail(practice, enrolled.journey_id)) == [ActivityKind.ENROLLED]


@pytest.mark.parametrize("position", [-1, 3])
def test_moving_to_a_phase_outside_the_journey_is_refused(
    practice: Context, enrolled: Enrolled, position: int
) -> None:
    with pytest.raises(InvalidInput, match="not part of this journey"):
        move_to_phase(practice, enrolled.journey_id, position, override=True)


# health on the board ---------------------------------------------------------------------


def test_late_work_shows_on_the_card_and_the_client_page_alike(practice: Context) -> None:
    ids = enrol(practice, start=date(2026, 11, 9))  # two weeks ago: everything is late
    (card,) = board_rows(practice, ids.offer_id)
    reasons = [(r.code, r.subject, r.days, r.owner) for r in card.reasons]
    assert card.health is Health.OFF_TRACK
    assert reasons == [
        (ReasonCode.STEP_LATE, "Welcome call", 14, Owner.ME),
        (ReasonCode.STEP_LATE, "Intake form", 13, Owner.CLIENT),
        (ReasonCode.PHASE_OVER_PLAN, "Onboarding", 12, None),
    ]
    assert journey_detail(practice, ids.journey_id).verdict.reasons == card.reasons

    # With the oldest of my steps done, my most late step is the next one, by its own title.
    complete_step(practice, ids.step_id(practice, "Welcome call"))
    (card,) = board_rows(practice, ids.offer_id)
    mine = next(r for r in card.reasons if r.owner is Owner.ME)
    assert (mine.subject, mine.days) == ("Draft the plan", 10)
    assert journey_detail(practice, ids.journey_id).verdict.reasons == card.reasons


# notes, friction, feedback ----------------------------------------------------------------


def test_add_note_keeps_the_text_verbatim(practice: Context, enrolled: Enrolled) -> None:
    text = "Felt <b>stuck</b> & unsure 🙃\nSecond line"
    note_id = add_note(practice, enrolled.journey_id, text).value
    detail = journey_detail(practice, enrolled.journey_id)
    assert [(n.id, n.text) for n in detail.notes] == [(note_id, text)]
    assert detail.activity[0].kind is ActivityKind.NOTE_ADDED


def test_a_blank_note_is_refused(practice: Context, enrolled: Enrolled) -> None:
    with pytest.raises(InvalidInput):
        add_note(practice, enrolled.journey_id, "  \n ")
    assert journey_detail(practice, enrolled.journey_id).notes == ()


@pytest.mark.parametrize(
    ("severity", "health"), [(Severity.MEDIUM, Health.AT_RISK), (Severity.HIGH, Health.OFF_TRACK)]
)
def test_open_friction_shows_on_the_board_until_resolved(
    practice: Context, enrolled: Enrolled, severity: Severity, health: Health
) -> None:
    friction_id, _ = log_friction(
        practice, enrolled.journey_id, "Missed the welcome call", severity=severity
    )
    (card,) = board_rows(practice, enrolled.offer_id)
    assert card.health is health
    assert [(r.code, r.subject, r.severity) for r in card.reasons] == [
        (ReasonCode.OPEN_FRICTION, "Missed the welcome call", severity)
    ]

    resolve_friction(practice, friction_id, "Rebooked for Tuesday")
    (card,) = board_rows(practice, enrolled.offer_id)
    assert card.health is Health.ON_TRACK
    (friction,) = journey_detail(practice, enrolled.journey_id).friction
    assert (friction.recovery, friction.resolved_on) == ("Rebooked for Tuesday", MONDAY)


def test_the_board_reports_every_open_friction_worst_first(
    practice: Context, enrolled: Enrolled
) -> None:
    log_friction(practice, enrolled.journey_id, "Slow reply", severity=Severity.LOW)
    log_friction(practice, enrolled.journey_id, "Invoice dispute", severity=Severity.HIGH)
    log_friction(practice, enrolled.journey_id, "Confused", severity=Severity.MEDIUM)
    (card,) = board_rows(practice, enrolled.offer_id)
    assert card.health is Health.OFF_TRACK
    assert [r.subject for r in card.reasons] == ["Invoice dispute", "Confused", "Slow reply"]
    assert card.open_friction == 3


@pytest.mark.parametrize("score", [11, -1])
def test_a_feedback_score_outside_0_to_10_is_refused(
    practice: Context, enrolled: Enrolled, score: int
) -> None:
    with pytest.raises(InvalidInput, match="0 to 10"):
        record_feedback(practice, enrolled.journey_id, score=score)
    assert journey_detail(practice, enrolled.journey_id).feedback == ()


@pytest.mark.parametrize("score", [0, 10, None])
def test_record_feedback(practice: Context, enrolled: Enrolled, score: int | None) -> None:
    record_feedback(practice, enrolled.journey_id, score=score, words=" Loved it ")
    (feedback,) = journey_detail(practice, enrolled.journey_id).feedback
    assert (feedback.score, feedback.words, feedback.received_on) == (score, "Loved it", MONDAY)


# every mutation names what it touched -----------------------------------------------------

Mutation = Callable[[Context, Enrolled], Changes]


def _friction_then_resolve(ctx: Context, e: Enrolled) -> Changes:
    friction_id, _ = log_friction(ctx, e.journey_id, "Late")
    return resolve_friction(ctx, friction_id, "Called")


def _complete_then_reopen(ctx: Context, e: Enrolled) -> Changes:
    complete_step(ctx, e.step_id(ctx, "Welcome call"))
    return reopen_step(ctx, e.step_id(ctx, "Welcome call")).changes


MUTATIONS: dict[str, Mutation] = {
    "complete_step": lambda ctx, e: complete_step(ctx, e.step_id(ctx, "Welcome call")).changes,
    "reopen_step": _complete_then_reopen,
    "set_due_date": lambda ctx, e: (
        set_due_date(ctx, e.step_id(ctx, "Welcome call"), date(2026, 11, 24)).changes
    ),
    "move_to_phase": lambda ctx, e: move_to_phase(ctx, e.journey_id, 1, override=True).changes,
    "add_note": lambda ctx, e: add_note(ctx, e.journey_id, "Note").changes,
    "log_friction": lambda ctx, e: log_friction(ctx, e.journey_id, "Late")[1],
    "resolve_friction": _friction_then_resolve,
    "record_feedback": lambda ctx, e: record_feedback(ctx, e.journey_id, score=9)[1],
}


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_every_mutation_names_the_journey_and_client(
    practice: Context, enrolled: Enrolled, mutation: Mutation
) -> None:
    # A second client's journey must not be named by a change to the first.
    other = enrol(practice, name="Bea")
    changes = mutation(practice, enrolled)
    assert enrolled.journey_id in changes.journeys
    assert enrolled.client_id in changes.clients
    assert other.journey_id not in changes.journeys
    assert other.client_id not in changes.clients


@pytest.mark.parametrize("mutation", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_every_mutation_leaves_every_summary_column_true_to_the_steps(
    practice: Context, enrolled: Enrolled, mutation: Mutation
) -> None:
    enrol(practice, name="Bea")
    mutation(practice, enrolled)
    with practice.db.engine.connect() as connection:
        # All fourteen columns of both journeys, against a fresh recomputation.
        assert summary_drift(connection) == []


REFRESHED: dict[str, Mutation] = {
    **MUTATIONS,
    "update_client": lambda ctx, e: (
        (
            update_client(ctx, e.client_id, ClientInput("Ana Souza-Lima", email="ana@example.org"))
        ).changes
    ),
    "pause": lambda ctx, e: pause(ctx, e.journey_id, "Holiday").changes,
}


@pytest.mark.parametrize("mutation", REFRESHED.values(), ids=REFRESHED.keys())
def test_a_refresh_by_aspect_reads_what_a_whole_read_would(
    practice: Context, enrolled: Enrolled, mutation: Mutation
) -> None:
    # The client page re-reads only what a change's aspects can alter and keeps the rest:
    # what it then shows must be what opening the journey afresh would show.
    log_friction(practice, enrolled.journey_id, "Slow reply")
    record_feedback(practice, enrolled.journey_id, score=8, words="Clear")
    add_note(practice, enrolled.journey_id, "Prefers mornings")
    shown = journey_detail(practice, enrolled.journey_id)
    changes = mutation(practice, enrolled)
    assert refresh_detail(practice, shown, changes.aspects) == journey_detail(
        practice, enrolled.journey_id
    )


def test_a_refresh_keeps_the_log_in_order_when_the_clock_went_back(
    practice: Context, enrolled: Enrolled
) -> None:
    shown = journey_detail(practice, enrolled.journey_id)
    practice.clock = FixedClock(MONDAY - timedelta(days=30))  # an entry older than the last
    changes = add_note(practice, enrolled.journey_id, "Written on a wrongly set clock").changes
    fresh = journey_detail(practice, enrolled.journey_id)
    assert fresh.activity[-1].kind is ActivityKind.NOTE_ADDED  # it sorts last, not first
    assert refresh_detail(practice, shown, changes.aspects) == fresh


# the database keeps its promises ----------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    ["UPDATE activity SET kind = 'note_added'", "DELETE FROM activity"],
    ids=["update", "delete"],
)
def test_the_activity_log_is_append_only(
    practice: Context, enrolled: Enrolled, statement: str
) -> None:
    before = dump(practice)
    with closing(sqlite3.connect(practice.path)) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute(statement)
        connection.rollback()
    assert dump(practice) == before
    assert kinds(journey_detail(practice, enrolled.journey_id)) == [ActivityKind.ENROLLED]


def _fail_next_activity_write(ctx: Context) -> None:
    """A real SQLite failure late in the transaction, after the other rows were written."""
    with closing(sqlite3.connect(ctx.path)) as connection:
        connection.execute(
            "CREATE TRIGGER fail_activity BEFORE INSERT ON activity "
            "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
        )
        connection.commit()


def test_a_step_change_that_fails_midway_leaves_the_database_unchanged(
    practice: Context, enrolled: Enrolled
) -> None:
    _fail_next_activity_write(practice)
    before = dump(practice)
    with pytest.raises(exc.IntegrityError, match="simulated failure"):
        complete_step(practice, enrolled.step_id(practice, "Welcome call"))
    assert dump(practice) == before
    row = the_row(practice, enrolled.journey_id)
    assert (row.steps_done, row.next_step_title) == (0, "Welcome call")


def test_an_enrolment_that_fails_midway_leaves_the_database_unchanged(
    practice: Context,
) -> None:
    offer_id, _ = create_offer(practice, OFFER)
    client_id = add_client(practice, ClientInput("Ana Souza")).value
    _fail_next_activity_write(practice)
    before = dump(practice)
    with pytest.raises(exc.IntegrityError, match="simulated failure"):
        enrol_client(practice, client_id, offer_id, MONDAY)
    assert dump(practice) == before
    (row,) = client_rows(practice)
    assert row.journey_id is None
    with practice.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Journey)) == 0


def test_each_undoable_use_case_returns_what_undoing_it_needs(
    practice: Context, enrolled: Enrolled
) -> None:
    welcome = enrolled.step_id(practice, "Welcome call")
    designed_due = next(
        step.due_on
        for phase in journey_detail(practice, enrolled.journey_id).phases
        for step in phase.steps
        if step.id == welcome
    )
    assert complete_step(practice, welcome, on=date(2026, 11, 20)).value.on == date(2026, 11, 20)
    assert reopen_step(practice, welcome).value == date(2026, 11, 20)
    assert set_due_date(practice, welcome, date(2026, 11, 27)).value == designed_due

    before = journey_detail(practice, enrolled.journey_id).phases
    move = move_to_phase(practice, enrolled.journey_id, 1, override=True).value
    assert move is not None and move.before.current_position == 0
    assert move.after.current_position == 1
    restore_phase_state(practice, enrolled.journey_id, move.before, expected=move.after)
    after = journey_detail(practice, enrolled.journey_id).phases
    assert [(p.status, p.started_on, p.completed_on) for p in after] == [
        (p.status, p.started_on, p.completed_on) for p in before
    ]

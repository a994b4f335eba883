"""The dashboard's figures, each checked against hand-made journeys counted by hand.

Today is Mon 23 Nov 2026; the window is the 90 days from Wed 26 Aug to today.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from deliverydesk.model.entities import Journey, JourneyStep
from deliverydesk.model.rules.enums import JourneyStatus, Owner
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.lifecycle import cancel, pause
from deliverydesk.services.journeys.records import log_friction, record_feedback, resolve_friction
from deliverydesk.services.offers.offer_design import offer_design, save_offer
from deliverydesk.services.offers.offers import OfferSpec, PhaseSpec, StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from deliverydesk.services.views.dashboard import (
    NONE,
    Integrity,
    IntegrityPart,
    Part,
    Ratio,
    dashboard,
)
from deliverydesk.services.views.timeline import capacity_strip
from tests.unit.timeline_support import MON_FRI, TODAY, enrol, move_on


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


# -- the score's arithmetic ------------------------------------------------------------------


def test_ratio_shows_whole_percent_rounded_down_and_nothing_without_a_count() -> None:
    assert Ratio(164, 200).percent == 82
    assert Ratio(199, 200).percent == 99  # never "100 %" while one is missing
    assert Ratio(2, 3).share == pytest.approx(0.6667, abs=1e-4)
    assert NONE.share is None and NONE.percent is None


def test_integrity_score_is_the_average_of_the_parts_that_count_out_of_10() -> None:
    integrity = Integrity(
        (
            IntegrityPart(Part.ON_TIME, Ratio(3, 4)),  # 75 %
            IntegrityPart(Part.CHECKPOINTS, Ratio(1, 1)),  # 100 %
            IntegrityPart(Part.INFORMED, NONE),  # nothing due: left out
            IntegrityPart(Part.CAPACITY, Ratio(6, 12)),  # 50 %
            IntegrityPart(Part.FRICTION, NONE),
            IntegrityPart(Part.RECOMMEND, Ratio(3, 4)),  # 75 %
        )
    )
    assert integrity.score == pytest.approx(7.5)
    assert [p.part for p in integrity.counted] == [
        Part.ON_TIME,
        Part.CHECKPOINTS,
        Part.CAPACITY,
        Part.RECOMMEND,
    ]
    assert integrity.weakest == IntegrityPart(Part.CAPACITY, Ratio(6, 12))
    assert Integrity(tuple(IntegrityPart(p, NONE) for p in Part)).score is None


# -- a new practice --------------------------------------------------------------------------


def test_a_new_practice_has_nothing_to_measure(ctx: Context) -> None:
    create_practice(ctx, "North Star", 30, MON_FRI)
    board = dashboard(ctx)
    assert board.is_new and board.journeys == 0 and board.active == 0
    assert board.on_time.steps == NONE
    assert board.integrity.score is None  # not even capacity: nothing is booked
    assert board.phases == () and board.bottleneck is None
    assert board.feedback.records == 0 and board.feedback.average is None
    assert len(board.capacity.weeks) == 12
    assert board.capacity.weeks[0].week_start == TODAY


# -- on time ---------------------------------------------------------------------------------

NINE = OfferSpec(
    name="Nine steps",
    phases=(PhaseSpec("All of it", 5, tuple(StepSpec(f"Step {n}") for n in range(1, 10))),),
)


def _journey_of(ctx: Context, offer_id: int, name: str) -> tuple[int, list[int]]:
    client_id = add_client(ctx, ClientInput(name)).value
    journey_id = enrol_client(ctx, client_id, offer_id, TODAY).value
    with ctx.transaction() as session:
        steps = session.query(JourneyStep).filter_by(journey_id=journey_id)
        return journey_id, [s.id for s in steps.order_by(JourneyStep.position)]


def _set(
    ctx: Context,
    step_id: int,
    due: date,
    done: date | None = None,
    owner: Owner = Owner.ME,
    touchpoint: bool = False,
) -> None:
    """A step as the story needs it (its journey's summary follows on flush)."""
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id)
        assert step is not None
        step.start_on = min(due, done or due)
        step.due_on, step.completed_on = due, done
        step.owner, step.is_touchpoint = owner, touchpoint


def _status(ctx: Context, journey_id: int, status: JourneyStatus) -> None:
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        assert journey is not None
        journey.status = status


def test_on_time_counts_steps_due_in_the_last_90_days_done_by_their_due_date(
    ctx: Context,
) -> None:
    create_practice(ctx, "North Star", 30, MON_FRI)
    offer_id, _ = create_offer(ctx, NINE)
    ana, s = _journey_of(ctx, offer_id, "Ana")
    _set(ctx, s[0], d(2), d(2))  # mine, on the day: on time
    _set(ctx, s[1], d(3), d(5))  # mine, two days late
    _set(ctx, s[2], d(4), d(4), Owner.CLIENT)  # the client's, on time
    _set(ctx, s[3], d(20), None, Owner.CLIENT)  # the client's, still open: late
    _set(ctx, s[4], d(10), d(9), touchpoint=True)  # an update, a day early
    _set(ctx, s[5], TODAY)  # due today, open: not late yet, not counted
    _set(ctx, s[6], TODAY, TODAY, Owner.THIRD_PARTY)  # due and done today: on time
    _set(ctx, s[7], d(25, 8), d(2, 9))  # due the day before the window: not counted
    _set(ctx, s[8], d(30), d(20))  # due next week, done already: not counted yet
    ended, e = _journey_of(ctx, offer_id, "Ben")
    _set(ctx, e[0], d(4), d(6))  # done late before the client left: counted
    _set(ctx, e[1], d(5))  # open when they left: no longer anyone's to do
    for step in e[2:]:
        _set(ctx, step, d(1, 12))
    cancel(ctx, ended)
    undone, u = _journey_of(ctx, offer_id, "Cy")
    _set(ctx, u[0], d(4), d(4))
    _set(ctx, u[1], d(5))
    _status(ctx, undone, JourneyStatus.WITHDRAWN)  # an enrolment taken back: never counted

    # Counted: Ana's 1st to 5th and 7th, Ben's 1st; on time: Ana's 1st, 3rd, 5th and 7th.
    on_time = dashboard(ctx).on_time
    assert on_time.steps == Ratio(4, 7)
    assert on_time.mine == Ratio(2, 4)
    assert on_time.client == Ratio(1, 2)
    assert on_time.third_party == Ratio(1, 1)
    parts = dashboard(ctx).integrity
    assert parts.ratio(Part.ON_TIME) == Ratio(2, 4)  # the integrity part is my own steps
    assert parts.ratio(Part.INFORMED) == Ratio(1, 1)


def test_ticking_a_late_step_today_still_counts_it_late(ctx: Context) -> None:
    create_practice(ctx, "North Star", 30, MON_FRI)
    offer_id, _ = create_offer(ctx, NINE)
    _, s = _journey_of(ctx, offer_id, "Ana")
    for step in s:
        _set(ctx, step, d(1, 12))
    _set(ctx, s[0], d(20))
    _set(ctx, s[1], TODAY)
    assert dashboard(ctx).on_time.steps == Ratio(0, 1)
    complete_step(ctx, s[0])
    complete_step(ctx, s[1])
    assert dashboard(ctx).on_time.steps == Ratio(1, 2)


# -- time per phase, the bottleneck and checkpoints kept -------------------------------------

SPRINT = OfferSpec(
    name="Sprint",
    phases=(
        PhaseSpec(
            "Start",
            5,
            (StepSpec("Kick-off agreed", owner=Owner.CLIENT, offset_days=4, is_checkpoint=True),),
        ),
        PhaseSpec("Build", 5, (StepSpec("Build it", offset_days=4),)),
        PhaseSpec("Ship", 3, (StepSpec("Ship it", offset_days=2),)),
    ),
)


def _checkpoint(ctx: Context, journey_id: int) -> int:
    with ctx.transaction() as session:
        step = session.query(JourneyStep).filter_by(journey_id=journey_id, position=0).one()
        return step.id


def _done(ctx: Context, step_id: int, on: date) -> None:
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id)
        assert step is not None
        step.completed_on = on


@pytest.fixture
def sprint(ctx: Context) -> dict[str, int]:
    """Mon-Fri. Start is planned Mon 2 to Fri 6 Nov for those who began on the 2nd, Build
    Mon 9 to Fri 13, Ship Mon 16 to Wed 18 (one week later for those who began on the 9th).

    Ana: Start on plan, left Fri 6 (its checkpoint done the 5th); Build a week long (left
        Fri 20); in Ship since. Start 4 days of 4, Build 14 of 7, Ship so far 3 of 5.
    Ben: Start left late, Mon 9, past its open checkpoint; in Build since: 14 days of 7.
    Cy (began Mon 9): Start on plan (left Fri 13, checkpoint ticked only on the 16th);
        Build early (left Thu 19: 6 days of 7); in Ship since: 4 days of 5.
    Dee (began in June): left Start on 5 Jun, before the window, then paused.
    """
    create_practice(ctx, "North Star", 30, MON_FRI)
    offer_id, _ = create_offer(ctx, SPRINT)
    ana = enrol(ctx, offer_id, "Ana", d(2))
    _done(ctx, _checkpoint(ctx, ana), d(5))
    move_on(ctx, ana, 1, d(6))
    move_on(ctx, ana, 2, d(20))
    ben = enrol(ctx, offer_id, "Ben", d(2))
    move_on(ctx, ben, 1, d(9))
    cy = enrol(ctx, offer_id, "Cy", d(9))
    move_on(ctx, cy, 1, d(13))
    _done(ctx, _checkpoint(ctx, cy), d(16))
    move_on(ctx, cy, 2, d(19))
    dee = enrol(ctx, offer_id, "Dee", d(1, 6))
    move_on(ctx, dee, 1, d(5, 6))
    pause(ctx, dee)
    return {"offer": offer_id, "Ana": ana, "Ben": ben, "Cy": cy, "Dee": dee}


def test_time_per_phase_is_the_median_days_spent_against_days_planned(
    ctx: Context, sprint: dict[str, int]
) -> None:
    waits = {w.phase_name: w for w in dashboard(ctx).phases}
    build, start, ship = waits["Build"], waits["Start"], waits["Ship"]
    assert (build.clients, build.spent_days, build.planned_days) == (3, 14, 7)
    assert (start.clients, start.spent_days, start.planned_days) == (3, 4, 4)
    # Still running: each counts the days since it entered (Ana 3, Cy 4), not its plan.
    assert (ship.clients, ship.spent_days, ship.planned_days, ship.running) == (2, 3, 5, 2)
    assert build.over_days == 7 and build.offer_name == "Sprint" and build.position == 1


def test_the_bottleneck_is_the_phase_most_over_plan(ctx: Context, sprint: dict[str, int]) -> None:
    board = dashboard(ctx)
    assert [w.phase_name for w in board.phases] == ["Build", "Start", "Ship"]
    assert board.bottleneck is not None and board.bottleneck.phase_name == "Build"


def test_no_bottleneck_when_every_phase_keeps_its_plan(ctx: Context) -> None:
    create_practice(ctx, "North Star", 30, MON_FRI)
    offer_id, _ = create_offer(ctx, SPRINT)
    ana = enrol(ctx, offer_id, "Ana", d(9))  # Start to Fri 13, Build to 20, Ship to Wed 25
    move_on(ctx, ana, 1, d(13))
    move_on(ctx, ana, 2, d(19))  # a day early
    board = dashboard(ctx)
    assert {w.phase_name: (w.spent_days, w.planned_days) for w in board.phases} == {
        "Start": (4, 4),
        "Build": (6, 7),
        "Ship": (4, 5),  # in it since Thu 19, planned to Wed 25: 4 days so far
    }
    assert board.bottleneck is None


def test_a_client_who_entered_a_phase_today_has_spent_no_days_in_it(ctx: Context) -> None:
    create_practice(ctx, "North Star", 30, MON_FRI)
    offer_id, _ = create_offer(ctx, SPRINT)
    ana = enrol(ctx, offer_id, "Ana", d(2))
    move_on(ctx, ana, 1, TODAY)  # into Build today (planned 7 days)
    build = next(w for w in dashboard(ctx).phases if w.phase_name == "Build")
    assert (build.clients, build.spent_days, build.planned_days) == (1, 0, 7)


def test_an_override_is_not_a_checkpoint_kept_even_when_ticked_that_day_or_backdated(
    ctx: Context, sprint: dict[str, int]
) -> None:
    # Eve and Fay were moved past their open checkpoint on Fri 20; Eve's was ticked later
    # that day, Fay's marked done on the 18th: neither kept it (Ana's still did).
    for name, done_on in (("Eve", d(20)), ("Fay", d(18))):
        journey = enrol(ctx, sprint["offer"], name, d(16))
        move_on(ctx, journey, 1, d(20))
        _done(ctx, _checkpoint(ctx, journey), done_on)
    assert dashboard(ctx).integrity.ratio(Part.CHECKPOINTS) == Ratio(1, 5)


def test_checkpoints_kept_are_those_done_before_their_phase_was_left(
    ctx: Context, sprint: dict[str, int]
) -> None:
    # Ana's was done first; Ben was moved past his; Cy's was ticked after leaving; Dee
    # left hers before the window.
    assert dashboard(ctx).integrity.ratio(Part.CHECKPOINTS) == Ratio(1, 3)


# -- friction, feedback and referrals --------------------------------------------------------


def test_friction_resolved_and_feedback_come_from_their_records(
    ctx: Context, sprint: dict[str, int]
) -> None:
    ana = sprint["Ana"]
    resolved, _ = log_friction(ctx, ana, "Late files", occurred_on=d(2))
    resolve_friction(ctx, resolved, "Sent a reminder", on=d(4))
    log_friction(ctx, ana, "Confused about the brief", occurred_on=d(10))
    log_friction(ctx, ana, "Old and never closed", occurred_on=d(1, 6))  # before the window
    record_feedback(
        ctx,
        ana,
        score=10,
        testimonial_ok=True,
        referral_asked=True,
        referral_given=True,
        received_on=d(6),
    )
    record_feedback(ctx, ana, score=9, referral_asked=True, received_on=d(13))
    record_feedback(ctx, ana, score=6, received_on=d(20))
    record_feedback(ctx, ana, score=None, words="Thanks!", received_on=d(20))
    record_feedback(ctx, ana, score=2, received_on=d(1, 6))  # before the window

    board = dashboard(ctx)
    assert board.integrity.ratio(Part.FRICTION) == Ratio(1, 2)
    feedback = board.feedback
    assert (feedback.records, feedback.scored) == (4, 3)
    assert feedback.average == pytest.approx(25 / 3)
    assert (feedback.recommend, feedback.testimonials) == (2, 1)
    assert (feedback.referrals_asked, feedback.referrals_given) == (2, 1)
    assert board.integrity.ratio(Part.RECOMMEND) == Ratio(2, 3)


# -- capacity --------------------------------------------------------------------------------

HEAVY = OfferSpec(
    name="Heavy",
    phases=(PhaseSpec("Only", 5, (StepSpec("Big session", effort_minutes=180),)),),
)


def test_capacity_is_the_timelines_strip_for_the_next_12_weeks(ctx: Context) -> None:
    create_practice(ctx, "North Star", 2, MON_FRI)  # two hours a week
    offer_id, _ = create_offer(ctx, HEAVY)
    client_id = add_client(ctx, ClientInput("Ana")).value
    enrol_client(ctx, client_id, offer_id, TODAY)
    board = dashboard(ctx)
    weeks = board.capacity.weeks
    assert [w.week_start for w in weeks] == [TODAY + timedelta(weeks=n) for n in range(12)]
    assert weeks == capacity_strip(ctx, TODAY + timedelta(weeks=11)).weeks
    assert weeks[0].over and weeks[0].booked_hours == pytest.approx(3.0)
    assert not any(w.over for w in weeks[1:])
    assert board.integrity.ratio(Part.CAPACITY) == Ratio(11, 12)


def test_a_renamed_phase_counts_its_clients_under_its_new_name(
    ctx: Context, sprint: dict[str, int]
) -> None:
    """Journeys keep the names they were enrolled with; the offer phase is one group."""
    design = offer_design(ctx, sprint["offer"])
    phases = list(design.spec.phases)
    phases[1] = replace(phases[1], name="Build <b>it</b>")
    save_offer(ctx, design.id, replace(design.spec, phases=tuple(phases)))
    board = dashboard(ctx)
    assert board.bottleneck is not None
    assert (board.bottleneck.phase_name, board.bottleneck.clients) == ("Build <b>it</b>", 3)
    assert "Build" not in {w.phase_name for w in board.phases}


# -- its reads stay small at 5,000 clients ---------------------------------------------------


def test_the_dashboard_never_reads_every_step_of_the_practice(
    ctx: Context, sprint: dict[str, int]
) -> None:
    """At 5,000 clients (150,000 steps) a read of every step cost the first paint ~70 ms:
    the on-time rate and the checkpoints kept come from two small indexes instead."""
    seen: list[tuple[str, object]] = []

    def record(
        _conn: object, _cursor: object, statement: str, parameters: object, *_: object
    ) -> None:
        seen.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        board = dashboard(ctx)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    assert board.integrity.ratio(Part.CHECKPOINTS) == Ratio(1, 3)  # as the sprint says
    with ctx.db.engine.connect() as connection:
        plans = [
            row[3]
            for statement, parameters in seen
            if statement.lstrip().upper().startswith(("SELECT", "WITH"))
            for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    whole_reads = [line for line in plans if re.match(r"SCAN (s|journey_step)\b", line)]
    assert plans and whole_reads == []

"""Enrolling a client already under way: the steps before where they have got to are
done, brought in (model/rules/under_way.py), inside the enrolment's own transaction, so one
undo of the enrolment takes it all back (services/clients/clients.py unenrol)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Journey, OfferPhase, OfferStep
from deliverydesk.model.rules.clock import Clock
from deliverydesk.model.rules.delivery import PhasePlan, schedule
from deliverydesk.model.rules.enums import ActivityKind
from deliverydesk.model.rules.under_way import (
    Reached,
    brought_in_on,
    brought_in_phase,
    reached_phase_start,
)
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.wording import RefusalCode


def check_reached(journey: Journey, reached: Reached, today: date) -> None:
    """InvalidInput, in plain words, for a place the journey does not have or a day that
    cannot be."""
    if not 0 <= reached.phase < len(journey.phases):
        raise InvalidInput(RefusalCode.PHASE_NOT_IN_OFFER)
    steps = journey.phases[reached.phase].steps
    if not 0 <= reached.step < max(len(steps), 1):
        raise InvalidInput(RefusalCode.STEP_NOT_IN_PHASE)
    if reached.done_on is not None and reached.done_on > today:
        raise InvalidInput(RefusalCode.DONE_BEFORE_IN_FUTURE)
    if reached.done_on is not None and reached.done_on < journey.start_on:
        raise InvalidInput(RefusalCode.DONE_BEFORE_START, starts=journey.start_on)


def bring_in(session: Session, clock: Clock, journey: Journey, reached: Reached) -> int:
    """Mark every step before `reached` done and brought in, date the phases left behind,
    put the journey in the phase reached and log it; the number of steps brought in.
    `journey` is a new snapshot with its phases and steps loaded."""
    today = clock.today()
    check_reached(journey, reached, today)
    if not reached.anything_done:
        return 0
    count = 0
    for phase in journey.phases[: reached.phase + 1]:
        here = phase.position == reached.phase
        earlier = phase.steps[: reached.step] if here else phase.steps
        days = []
        for step in earlier:
            step.completed_on = brought_in_on(step.due_on, reached, today)
            step.brought_in = True
            days.append(step.completed_on)
        count += len(earlier)
        if here:
            phase.started_on = reached_phase_start(phase.planned_start_on, days, today)
            phase.completed_on = None
        else:
            phase.started_on, phase.completed_on = brought_in_phase(
                phase.planned_start_on, phase.planned_end_on, days, today
            )
    journey.current_position = reached.phase
    steps = journey.phases[reached.phase].steps
    activity.log(
        session,
        clock,
        journey,
        ActivityKind.STEPS_BROUGHT_IN,
        steps=count,
        phase=journey.phases[reached.phase].name,
        step=steps[reached.step].title if reached.step < len(steps) else "",
        on=reached.done_on,
    )
    return count


# -- what the wizard and the import offer to choose from ---------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedStep:
    title: str
    due_on: date


@dataclass(frozen=True, slots=True)
class PlannedPhase:
    name: str
    start_on: date
    steps: tuple[PlannedStep, ...]


def offer_plan(ctx: Context, offer_id: int, start_on: date) -> tuple[PlannedPhase, ...]:
    """The offer's phases and steps with the dates a journey starting on `start_on` would
    have: where a client already under way may be, and where the plan says they are."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(
                OfferPhase.id,
                OfferPhase.name,
                OfferPhase.planned_days,
                OfferStep.title,
                OfferStep.offset_days,
                OfferStep.duration_days,
            )
            .join(OfferStep, OfferStep.phase_id == OfferPhase.id, isouter=True)
            .where(OfferPhase.offer_id == offer_id)
            .order_by(OfferPhase.position, OfferStep.position)
        ).all()
    if not rows:
        raise NotFound(RefusalCode.OFFER_GONE_OR_EMPTY)
    phases: dict[int, tuple[str, int, list[tuple[str, int, int]]]] = {}
    for phase_id, name, days, title, offset, duration in rows:
        steps = phases.setdefault(phase_id, (name, days, []))[2]
        if title is not None:
            steps.append((title, offset, duration))
    designs = list(phases.values())
    plans = [PhasePlan(days, tuple((o, d) for _, o, d in steps)) for _, days, steps in designs]
    dated = schedule(plans, start_on, work_calendar(ctx))
    return tuple(
        PlannedPhase(
            name,
            when.start_on,
            tuple(
                PlannedStep(t, due) for (t, _, _), (_, due) in zip(steps, when.steps, strict=True)
            ),
        )
        for (name, _, steps), when in zip(designs, dated, strict=True)
    )


def planned_reach(plan: Sequence[PlannedPhase], today: date) -> Reached:
    """Where the plan says a client is today: the first step not yet due (the last step
    when every one is due already)."""
    last = Reached(0)
    for position, phase in enumerate(plan):
        for index, step in enumerate(phase.steps):
            last = Reached(position, index)
            if step.due_on >= today:
                return last
    return last

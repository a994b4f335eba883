"""The capacity check of an enrolment: what a new client adds to the coming weeks' load,
against the weekly hours and the work already booked, and the earliest start that fits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, func, select

from deliverydesk.model.entities import Journey, JourneyStep, Offer, OfferPhase, OfferStep
from deliverydesk.model.rules.calendar import WorkCalendar, week_start
from deliverydesk.model.rules.capacity import (
    SEARCH_WEEKS,
    WINDOW_WEEKS,
    DesignEffort,
    Effort,
    WeekLoad,
    design_effort,
    earliest_start_that_fits,
    spread,
    week_table,
)
from deliverydesk.model.rules.enums import JourneyStatus, Owner
from deliverydesk.model.rules.under_way import Reached
from deliverydesk.services.clients.clients import check_start
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.practice.practice import get_practice, week_capacity
from deliverydesk.wording import RefusalCode

DEFAULT_WEEKLY_HOURS = 30.0  # before a practice exists (never in the app's normal use)


@dataclass(frozen=True, slots=True)
class CapacityPreview:
    start_on: date  # the start asked for, rolled to a working day
    weekly_hours: float
    weeks: tuple[WeekLoad, ...]  # WINDOW_WEEKS weeks from the start's week
    # The first start from today whose whole journey stays within capacity; None when no
    # start in the coming year does, and then `least_over` is the start that adds least.
    earliest_fit: date | None
    least_over: date | None
    least_over_hours: float  # hours over capacity that `least_over` still adds

    @property
    def over_weeks(self) -> int:
        return sum(week.over for week in self.weeks)


# A step's minutes in the week: a session's length where set (only a session has one,
# services/offers/offers.py: normalized), else its effort; both in the open-steps index.
STEP_MINUTES = func.coalesce(
    func.nullif(JourneyStep.session_minutes, 0), JourneyStep.effort_minutes
)
OFFER_STEP_MINUTES = func.coalesce(
    func.nullif(OfferStep.session_minutes, 0), OfferStep.effort_minutes
)


def _open_effort(*keys: Any) -> Select[Any]:
    """My open steps' minutes in active journeys, summed per (keys..., start, due): the one
    definition of booked work, read by the load and by the planner's load per offer."""
    return (
        select(*keys, JourneyStep.start_on, JourneyStep.due_on, func.sum(STEP_MINUTES))
        .join(Journey, Journey.id == JourneyStep.journey_id)
        .where(
            JourneyStep.completed_on.is_(None),
            JourneyStep.owner == Owner.ME,
            STEP_MINUTES > 0,
            Journey.status == JourneyStatus.ACTIVE,
        )
        .group_by(*keys, JourneyStep.start_on, JourneyStep.due_on)
    )


def booked_load(connection: Connection, since: date, calendar: WorkCalendar) -> dict[date, float]:
    """Minutes per week of my open steps in active journeys, from the week of `since` on,
    spread over the days of `calendar` (WeekCapacity.spread_calendar: the days I work).

    One query: the open-steps index (due date, journey) finds the rows, the journey's
    status is checked by its primary key, and steps sharing their dates are summed in SQL,
    so each (start, due) span is spread over its working days once."""
    rows = connection.execute(_open_effort().where(JourneyStep.due_on >= week_start(since))).all()
    return spread((Effort(*row) for row in rows), calendar)


def booked_by_offer(
    connection: Connection, since: date, calendar: WorkCalendar
) -> dict[int | None, dict[date, float]]:
    """booked_load split by the journeys' offer (None: an offer since deleted)."""
    rows = connection.execute(
        _open_effort(Journey.offer_id).where(JourneyStep.due_on >= week_start(since))
    ).all()
    by_offer: dict[int | None, list[Effort]] = {}
    for offer_id, start, due, minutes in rows:
        by_offer.setdefault(offer_id, []).append(Effort(start, due, minutes))
    return {offer_id: spread(efforts, calendar) for offer_id, efforts in by_offer.items()}


def offer_effort(ctx: Context, offer_id: int) -> DesignEffort:
    """The offer's phases and my effort per step, as a new journey would snapshot them
    (one query: phases with their steps, in order)."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(
                Offer.name,
                OfferPhase.id,
                OfferPhase.planned_days,
                OfferStep.id,
                OfferStep.offset_days,
                OfferStep.duration_days,
                OFFER_STEP_MINUTES,
                OfferStep.owner,
            )
            .outerjoin(OfferPhase, OfferPhase.offer_id == Offer.id)
            .outerjoin(OfferStep, OfferStep.phase_id == OfferPhase.id)
            .where(Offer.id == offer_id)
            .order_by(OfferPhase.position, OfferStep.position)
        ).all()
    if not rows:
        raise NotFound(RefusalCode.OFFER_GONE)
    if rows[0][1] is None:
        raise InvalidInput(RefusalCode.OFFER_HAS_NO_PHASES, offer=rows[0][0])
    phases: dict[int, tuple[int, list[tuple[int, int, int]]]] = {}
    for _, phase_id, days, step_id, offset, duration, minutes, owner in rows:
        steps = phases.setdefault(phase_id, (days, []))[1]
        if step_id is not None:
            steps.append((offset, duration, minutes if owner is Owner.ME else 0))
    return design_effort(list(phases.values()))


def capacity_preview(
    ctx: Context,
    offer_id: int,
    start_on: date,
    weeks: int = WINDOW_WEEKS,
    reached: Reached | None = None,
) -> CapacityPreview:
    """What enrolling one more client in the offer from `start_on` does to the load.

    `reached`: a client already under way. The steps before that place are brought in,
    done already, so they add nothing; the weeks shown start at today's at the earliest
    (the past's load is history, not work to plan)."""
    today = ctx.clock.today()
    check_start(start_on, today)
    capacity = week_capacity(get_practice(ctx), DEFAULT_WEEKLY_HOURS)
    calendar = capacity.calendar
    design = offer_effort(ctx, offer_id)
    start = calendar.first_working_on_or_after(start_on)
    with ctx.db.engine.connect() as connection:
        booked = booked_load(connection, min(start, today), capacity.spread_calendar)
    done_before = (reached.phase, reached.step) if reached is not None else (0, 0)
    added = design.load(start, calendar, done_before, capacity.spread_calendar)
    shown_from = max(start, today) if reached is not None and reached.anything_done else start
    table = week_table(booked, added, capacity, shown_from, weeks)
    best = earliest_start_that_fits(design, booked, capacity, calendar, today, SEARCH_WEEKS)
    return CapacityPreview(
        start_on=start,
        weekly_hours=capacity.weekly_hours,
        weeks=table,
        earliest_fit=best.start_on if best.fits else None,
        least_over=None if best.fits else best.start_on,
        least_over_hours=best.over_hours,
    )

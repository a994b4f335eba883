"""The capacity check of an enrolment: what a new client adds to the coming weeks' load,
against the weekly hours and the work already booked, and the earliest start that fits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select
from sqlalchemy.orm import selectinload

from deliverydesk.model.calendar import WorkCalendar, week_start
from deliverydesk.model.capacity import (
    SEARCH_WEEKS,
    WINDOW_WEEKS,
    DesignEffort,
    Effort,
    WeekCapacity,
    WeekLoad,
    design_effort,
    earliest_start_that_fits,
    spread,
    week_table,
)
from deliverydesk.model.entities import Journey, JourneyStep, Offer, OfferPhase
from deliverydesk.model.enums import JourneyStatus, Owner
from deliverydesk.services.clients import check_start
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.practice import get_practice

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


def booked_load(connection: Connection, since: date, calendar: WorkCalendar) -> dict[date, float]:
    """Minutes per week of my open steps in active journeys, from the week of `since` on.

    One query: the open-steps index (due date, journey) finds the rows, the journey's
    status is checked by its primary key."""
    rows = connection.execute(
        select(JourneyStep.start_on, JourneyStep.due_on, JourneyStep.effort_minutes)
        .join(Journey, Journey.id == JourneyStep.journey_id)
        .where(
            JourneyStep.completed_on.is_(None),
            JourneyStep.due_on >= week_start(since),
            JourneyStep.owner == Owner.ME,
            JourneyStep.effort_minutes > 0,
            Journey.status == JourneyStatus.ACTIVE,
        )
    ).all()
    return spread((Effort(*row) for row in rows), calendar)


def offer_design(ctx: Context, offer_id: int) -> DesignEffort:
    """The offer's phases and my effort per step, as a new journey would snapshot them."""
    with ctx.db.sessions() as session:
        offer = session.scalars(
            select(Offer)
            .where(Offer.id == offer_id)
            .options(selectinload(Offer.phases).selectinload(OfferPhase.steps))
        ).first()
        if offer is None:
            raise NotFound("That offer no longer exists.")
        if not offer.phases:
            raise InvalidInput(f"The offer '{offer.name}' has no phases yet; design it first.")
        return design_effort(
            [
                (
                    phase.planned_days,
                    [
                        (
                            step.offset_days,
                            step.duration_days,
                            step.effort_minutes if step.owner is Owner.ME else 0,
                        )
                        for step in phase.steps
                    ],
                )
                for phase in offer.phases
            ]
        )


def capacity_preview(
    ctx: Context, offer_id: int, start_on: date, weeks: int = WINDOW_WEEKS
) -> CapacityPreview:
    """What enrolling one more client in the offer from `start_on` does to the load."""
    today = ctx.clock.today()
    check_start(start_on, today)
    practice = get_practice(ctx)
    calendar = (
        WorkCalendar(practice.working_days, practice.closed_dates) if practice else WorkCalendar()
    )
    hours = practice.weekly_hours if practice else DEFAULT_WEEKLY_HOURS
    design = offer_design(ctx, offer_id)
    start = calendar.first_working_on_or_after(start_on)
    with ctx.db.engine.connect() as connection:
        booked = booked_load(connection, min(start, today), calendar)
    capacity = WeekCapacity(hours, calendar)
    table = week_table(booked, design.load(start, calendar), capacity, start, weeks)
    best = earliest_start_that_fits(design, booked, capacity, calendar, today, SEARCH_WEEKS)
    return CapacityPreview(
        start_on=start,
        weekly_hours=hours,
        weeks=table,
        earliest_fit=best.start_on if best.fits else None,
        least_over=None if best.fits else best.start_on,
        least_over_hours=best.over_hours,
    )

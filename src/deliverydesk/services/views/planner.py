"""The capacity planner: the next PLANNER_WEEKS weeks' booked hours by offer against the
hours I have, what fills a week, and what a new client would add (a what-if).

Every figure comes through the one capacity rule (model/rules/capacity.py): the hours
from the practice's WeekCapacity (working hours less closed days and time off), the load
from services/clients/capacity.py's booked work, and `week_table` setting one against
the other; the what-if's earliest start is the enrolment check's own search.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from deliverydesk.model.entities import Client, Journey, JourneyStep, Offer
from deliverydesk.model.rules.calendar import week_start
from deliverydesk.model.rules.capacity import (
    SEARCH_WEEKS,
    Effort,
    StartSuggestion,
    WeekLoad,
    earliest_start_that_fits,
    spread,
    week_table,
)
from deliverydesk.model.rules.enums import JourneyStatus, Owner
from deliverydesk.services.clients.capacity import (
    DEFAULT_WEEKLY_HOURS,
    booked_by_offer,
    offer_effort,
)
from deliverydesk.services.clients.clients import check_start
from deliverydesk.services.context import Context
from deliverydesk.services.practice.practice import get_practice, week_capacity

PLANNER_WEEKS = 26
_EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class PlannerOffer:
    offer_id: int | None  # None: journeys of an offer since deleted
    name: str


@dataclass(frozen=True, slots=True)
class PlannerWeek:
    load: WeekLoad  # booked (all offers), the what-if's hours as added, the hours I have
    by_offer: tuple[float, ...]  # booked hours per offer, in Planner.offers' order

    @property
    def week_start(self) -> date:
        return self.load.week_start


@dataclass(frozen=True, slots=True)
class WhatIf:
    offer_id: int
    offer_name: str
    start_on: date  # rolled to a working day
    earliest: StartSuggestion  # the first start from today that fits (the enrolment rule)


@dataclass(frozen=True, slots=True)
class Planner:
    today: date
    weekly_hours: float  # a usual week's hours
    offers: tuple[PlannerOffer, ...]  # those with booked hours in the window, by name
    weeks: tuple[PlannerWeek, ...]  # from this week on
    what_if: WhatIf | None

    @property
    def over_weeks(self) -> tuple[PlannerWeek, ...]:
        return tuple(week for week in self.weeks if week.load.over)


@dataclass(frozen=True, slots=True)
class WeekWork:
    """One of my open steps with hours in a week: what fills it."""

    journey_id: int
    client_name: str
    offer_name: str
    step_id: int
    step_title: str
    start_on: date
    due_on: date
    hours: float  # of the step's effort that falls in the week


def planner(
    ctx: Context, what_if: tuple[int, date] | None = None, weeks: int = PLANNER_WEEKS
) -> Planner:
    """The planner from this week on; `what_if` (offer id, start): a new client on that
    offer from that day, drawn as the added hours."""
    today = ctx.clock.today()
    if what_if is not None:
        check_start(what_if[1], today)
    capacity = week_capacity(get_practice(ctx), DEFAULT_WEEKLY_HOURS)
    first = week_start(today)
    with ctx.db.engine.connect() as connection:
        loads = booked_by_offer(connection, today, capacity.spread_calendar)
        names: dict[int, str] = {i: n for i, n in connection.execute(select(Offer.id, Offer.name))}
    shown = [first + timedelta(weeks=i) for i in range(weeks)]
    offers = sorted(
        (
            PlannerOffer(offer_id, names.get(offer_id, "") if offer_id is not None else "")
            for offer_id, load in loads.items()
            if any(load.get(week, 0.0) > _EPSILON for week in shown)
        ),
        key=lambda o: (o.offer_id is None, o.name.casefold(), o.offer_id or 0),
    )
    booked: dict[date, float] = defaultdict(float)
    for load in loads.values():
        for week, minutes in load.items():
            booked[week] += minutes
    added: dict[date, float] = {}
    chosen = None
    if what_if is not None:
        offer_id, asked = what_if
        design = offer_effort(ctx, offer_id)
        start = capacity.calendar.first_working_on_or_after(asked)
        added = design.load(start, capacity.calendar, spread_on=capacity.spread_calendar)
        earliest = earliest_start_that_fits(
            design, booked, capacity, capacity.calendar, today, SEARCH_WEEKS
        )
        chosen = WhatIf(offer_id, names.get(offer_id, ""), start, earliest)
    table = week_table(booked, added, capacity, first, weeks)
    rows = tuple(
        PlannerWeek(
            load,
            tuple(loads[o.offer_id].get(load.week_start, 0.0) / 60 for o in offers),
        )
        for load in table
    )
    return Planner(today, capacity.weekly_hours, tuple(offers), rows, chosen)


def week_work(ctx: Context, monday: date) -> tuple[WeekWork, ...]:
    """My open steps in active journeys whose effort falls in the week of `monday`, by
    client then due date: what the planner's bar for that week is made of."""
    monday = week_start(monday)
    sunday = monday + timedelta(days=6)
    capacity = week_capacity(get_practice(ctx), DEFAULT_WEEKLY_HOURS)
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(
                Journey.id,
                Client.name,
                Journey.offer_name,
                JourneyStep.id,
                JourneyStep.title,
                JourneyStep.start_on,
                JourneyStep.due_on,
                JourneyStep.effort_minutes,
            )
            .join(Journey, Journey.id == JourneyStep.journey_id)
            .join(Client, Client.id == Journey.client_id)
            .where(
                JourneyStep.completed_on.is_(None),
                JourneyStep.due_on >= monday,
                JourneyStep.start_on <= sunday,
                JourneyStep.owner == Owner.ME,
                JourneyStep.effort_minutes > 0,
                Journey.status == JourneyStatus.ACTIVE,
            )
            .order_by(func.lower(Client.name), Journey.id, JourneyStep.due_on, JourneyStep.id)
        ).all()
    # The week's part of a step's effort, spread as the load is (one rule): the same for
    # every step of the same span, so spread once per span (thousands of steps at XL).
    part: dict[tuple[date, date], float] = {}
    found = []
    for journey_id, client, offer, step_id, title, start, due, minutes in rows:
        span = (start, due)
        if span not in part:
            part[span] = spread([Effort(start, due, 1)], capacity.spread_calendar).get(monday, 0)
        if part[span] > _EPSILON:
            hours = minutes * part[span] / 60
            found.append(WeekWork(journey_id, client, offer, step_id, title, start, due, hours))
    return tuple(found)

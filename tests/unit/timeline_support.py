"""Shared by the timeline and Today tests: a practice, one small offer and clients enrolled
on days in the past, their phases moved on the days a coach would have moved them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context
from deliverydesk.services.journeys.journeys import move_to_phase
from deliverydesk.services.offers.offers import StepSpec, create_offer
from deliverydesk.services.practice.practice import create_practice
from tests.builders import DRAFT_THE_PLAN, FINAL_REVIEW, PLAN_APPROVED, onboarding, phase, sprint

MON_FRI = frozenset({1, 2, 3, 4, 5})
TODAY = date(2026, 11, 23)  # a Monday: the pinned "today" of the ctx fixture
EVERY_PLACEHOLDER = (
    "{client_first_name}|{client_name}|{step}|{next_step}|{phase}|{due_date}|"
    "{practice_name}|{offer}"
)

OFFER = sprint(
    onboarding(),
    phase(
        "Deep work",
        5,
        DRAFT_THE_PLAN,
        StepSpec(
            "Progress note",
            kind=StepKind.MESSAGE,
            offset_days=2,
            is_touchpoint=True,
            message_template=EVERY_PLACEHOLDER,
        ),
        replace(PLAN_APPROVED, is_milestone=True),
        StepSpec("Printer quote", owner=Owner.THIRD_PARTY, offset_days=4),
    ),
    phase("Wrap-up", 2, FINAL_REVIEW),
    promise="A plan you believe in.",
)


def practice(ctx: Context) -> Context:
    create_practice(ctx, "North Star Coaching", 30, MON_FRI, owner_name="Jo")
    return ctx


def offer(ctx: Context) -> int:
    offer_id, _ = create_offer(ctx, OFFER)
    return offer_id


def enrol(ctx: Context, offer_id: int, name: str, start: date, email: str = "") -> int:
    """Enrol `name` on `start` (the clock set to that day), then back to today."""
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    clock.day = start
    try:
        client_id = add_client(ctx, ClientInput(name, email=email)).value
        return enrol_client(ctx, client_id, offer_id, start).value
    finally:
        clock.day = TODAY


def move_on(ctx: Context, journey_id: int, position: int, day: date) -> None:
    """Move the journey to the phase at `position` on `day` (past open checkpoints)."""
    clock = ctx.clock
    assert isinstance(clock, FixedClock)
    clock.day = day
    try:
        move_to_phase(ctx, journey_id, position, override=True)
    finally:
        clock.day = TODAY


def late_and_long(ctx: Context, offer_id: int, name: str = "Ana Souza") -> int:
    """A journey begun Mon 2 Nov whose second phase ("Deep work", planned Thu 5 to Wed
    11 Nov) started late, on Mon 9 Nov, and ran long, to Fri 20 Nov."""
    journey_id = enrol(ctx, offer_id, name, date(2026, 11, 2))
    move_on(ctx, journey_id, 1, date(2026, 11, 9))
    move_on(ctx, journey_id, 2, date(2026, 11, 20))
    return journey_id

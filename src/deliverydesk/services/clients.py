"""Adding clients and enrolling them in an offer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.calendar import WorkCalendar
from deliverydesk.model.entities import (
    Client,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
)
from deliverydesk.model.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules import PhasePlan, schedule
from deliverydesk.services import activity
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.offer_design import check_enrollable
from deliverydesk.services.practice import work_calendar
from deliverydesk.services.summary import refresh_summary

MAX_NAME_LENGTH = 10_000


@dataclass(frozen=True)
class ClientInput:
    name: str
    company: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    right_fit: Mapping[str, bool] = field(default_factory=dict)


def add_client(ctx: Context, data: ClientInput) -> tuple[int, Changes]:
    name = data.name.strip()
    if not name:
        raise InvalidInput("A client needs a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"A name can be at most {MAX_NAME_LENGTH:,} characters long.")
    with ctx.transaction() as session:
        client = Client(
            name=name,
            company=data.company.strip(),
            email=data.email.strip(),
            phone=data.phone.strip(),
            notes=data.notes,
            right_fit=dict(data.right_fit),
            created_at=ctx.clock.now(),
        )
        session.add(client)
        session.flush()
        return client.id, Changes(clients=frozenset({client.id}), aspects=Aspect.CLIENT)


def enrol_client(
    ctx: Context, client_id: int, offer_id: int, start_on: date
) -> tuple[int, Changes]:
    """Snapshot the offer's journey for the client, dated from `start_on`."""
    calendar = work_calendar(ctx)
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        offer = session.scalars(
            select(Offer)
            .where(Offer.id == offer_id)
            .options(selectinload(Offer.phases).selectinload(OfferPhase.steps))
        ).first()
        if client is None or offer is None:
            raise NotFound("That client or offer no longer exists.")
        if not offer.phases:
            raise InvalidInput(f"The offer '{offer.name}' has no phases yet; design it first.")
        check_enrollable(offer)  # archived, or a design with problems: say why
        journey = _snapshot(session, client, offer, start_on, calendar, ctx.clock.now())
        activity.log(session, ctx.clock, journey, ActivityKind.ENROLLED, offer=offer.name)
        return journey.id, Changes(
            journeys=frozenset({journey.id}),
            clients=frozenset({client.id}),
            offers=frozenset({offer.id}),
            aspects=Aspect.JOURNEY | Aspect.CAPACITY,
        )


def _snapshot(
    session: Session,
    client: Client,
    offer: Offer,
    start_on: date,
    calendar: WorkCalendar,
    now: datetime,
) -> Journey:
    plans = [
        PhasePlan(p.planned_days, tuple((s.offset_days, s.duration_days) for s in p.steps))
        for p in offer.phases
    ]
    dates = schedule(plans, start_on, calendar)
    journey = Journey(
        client_id=client.id,
        offer_id=offer.id,
        offer_revision=offer.revision,
        offer_name=offer.name,
        status=JourneyStatus.ACTIVE,
        start_on=dates[0].start_on,
        planned_end_on=dates[-1].end_on,
        created_at=now,
    )
    position = 0
    for phase_position, (design, when) in enumerate(zip(offer.phases, dates, strict=True)):
        phase = JourneyPhase(
            position=phase_position,
            name=design.name,
            offer_phase_id=design.id,
            planned_start_on=when.start_on,
            planned_end_on=when.end_on,
            started_on=when.start_on if phase_position == 0 else None,
        )
        for step_design, (step_start, step_due) in zip(design.steps, when.steps, strict=True):
            phase.steps.append(
                JourneyStep(
                    journey=journey,
                    position=position,
                    offer_step_id=step_design.id,
                    start_on=step_start,
                    due_on=step_due,
                    **{column: getattr(step_design, column) for column in SNAPSHOT_COLUMNS},
                )
            )
            position += 1
        journey.phases.append(phase)
    session.add(journey)
    refresh_summary(session, journey)
    return journey


SNAPSHOT_COLUMNS = (
    "title",
    "description",
    "kind",
    "owner",
    "effort_minutes",
    "is_milestone",
    "is_checkpoint",
    "is_touchpoint",
    "message_template",
    "failure_point",
    "recovery_protocol",
    "client_facing",
    "resource_link",
)

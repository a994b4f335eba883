"""Friction across the practice, for the command line's `friction list`, and a journey's
step found by its title (`friction add --step`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from deliverydesk.model.entities import Client, Friction, Journey, JourneyStep
from deliverydesk.model.rules.enums import FrictionKind, Severity
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.wording import RefusalCode


@dataclass(frozen=True, slots=True)
class FrictionLine:
    id: int
    journey_id: int
    client: str
    offer: str
    step: str  # "" when it concerns no one step
    occurred_on: date
    kind: FrictionKind
    severity: Severity
    description: str
    recovery: str
    resolved_on: date | None


def friction_lines(
    ctx: Context, *, journey_id: int | None = None, open_only: bool = False
) -> list[FrictionLine]:
    """Every friction (of one journey), oldest first."""
    query = (
        select(
            Friction.id,
            Friction.journey_id,
            Client.name,
            Journey.offer_name,
            func.coalesce(JourneyStep.title, ""),
            Friction.occurred_on,
            Friction.kind,
            Friction.severity,
            Friction.description,
            Friction.recovery,
            Friction.resolved_on,
        )
        .join(Journey, Journey.id == Friction.journey_id)
        .join(Client, Client.id == Journey.client_id)
        .outerjoin(JourneyStep, JourneyStep.id == Friction.step_id)
        .order_by(Friction.occurred_on, Friction.id)
    )
    if journey_id is not None:
        query = query.where(Friction.journey_id == journey_id)
    if open_only:
        query = query.where(Friction.resolved_on.is_(None))
    with ctx.db.engine.connect() as connection:
        return [FrictionLine(*row) for row in connection.execute(query)]


def step_named(ctx: Context, journey_id: int, title: str) -> int:
    """The id of the journey's step called `title` (case aside); the first of namesakes."""
    with ctx.db.engine.connect() as connection:
        journey = connection.execute(
            select(Journey.id).where(Journey.id == journey_id)
        ).scalar_one_or_none()
        if journey is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        found = connection.execute(
            select(JourneyStep.id)
            .where(
                JourneyStep.journey_id == journey_id,
                func.lower(JourneyStep.title) == title.strip().lower(),
            )
            .order_by(JourneyStep.position)
        ).first()
    if found is None:
        raise InvalidInput(RefusalCode.FRICTION_UNKNOWN_STEP, step=title.strip())
    return int(found[0])

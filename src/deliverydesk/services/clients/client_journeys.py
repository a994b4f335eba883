"""A client's journeys, newest first: the client page's switcher between them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from deliverydesk.model.entities import Journey
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.context import Context

_RUNNING = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


@dataclass(frozen=True, slots=True)
class ClientJourney:
    journey_id: int
    offer_name: str
    status: JourneyStatus
    start_on: date
    ended_on: date | None

    @property
    def running(self) -> bool:
        return self.status in _RUNNING


def client_journeys(ctx: Context, client_id: int) -> list[ClientJourney]:
    """Every journey of the client but one taken back (withdrawn): running ones first,
    then the latest started first."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(
                Journey.id, Journey.offer_name, Journey.status, Journey.start_on, Journey.ended_on
            )
            .where(Journey.client_id == client_id, Journey.status != JourneyStatus.WITHDRAWN)
            .order_by(Journey.start_on.desc(), Journey.id.desc())
        ).all()
    found = [ClientJourney(*r) for r in rows]
    return sorted(found, key=lambda j: not j.running)  # stable: newest first within each


def is_earlier(journeys: list[ClientJourney], journey_id: int) -> bool:
    """An ended journey of a client who has a running or a later one: kept as it was."""
    mine = next((j for j in journeys if j.journey_id == journey_id), None)
    if mine is None or mine.running:
        return False
    return journeys[0].journey_id != journey_id

"""Appending to the journey's activity log, inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from deliverydesk.model.entities import Activity, Journey
from deliverydesk.model.rules.clock import Clock
from deliverydesk.model.rules.enums import ActivityKind


def log(
    session: Session, clock: Clock, journey: Journey, what: ActivityKind, **detail: Any
) -> None:
    session.add(
        Activity(
            at=clock.now(),
            client_id=journey.client_id,
            journey_id=journey.id,
            kind=what,
            detail={key: _plain(value) for key, value in detail.items()},
        )
    )


def log_client(
    session: Session, clock: Clock, client_id: int, what: ActivityKind, **detail: Any
) -> None:
    """An entry about the client rather than one of their journeys (details edited)."""
    session.add(
        Activity(
            at=clock.now(),
            client_id=client_id,
            journey_id=None,
            kind=what,
            detail={key: _plain(value) for key, value in detail.items()},
        )
    )


def _plain(value: Any) -> Any:
    """JSON-friendly: dates as ISO text, enums as their value."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)

"""Archiving clients (a soft delete, undone by restoring) and the trash that holds them.

Archiving a client puts them and their ended journeys away: they leave every list, and
nothing is deleted. Restoring brings back the client and exactly the journeys archived
with them (the activity log remembers which, and what each was). Only "Empty trash",
asked for and confirmed, deletes anything: the trashed clients and all their records,
after a backup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Activity, Client, Journey
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.wording import RefusalCode

_RUNNING = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
_ENDED = (JourneyStatus.COMPLETED, JourneyStatus.CANCELLED)
# The append-only activity log's guard; emptying the trash lifts it for that one
# transaction (a crash part-way rolls the whole of it back, the guard included).
_GUARD = "activity_no_delete"


@dataclass(frozen=True, slots=True)
class TrashedClient:
    id: int
    name: str
    company: str
    email: str
    archived_at: datetime | None  # None for a client whose adding was undone
    journeys: int


def _changes(client_id: int, journeys: frozenset[int]) -> Changes:
    aspects = Aspect.CLIENT | (Aspect.JOURNEY if journeys else Aspect.NONE)
    return Changes(journeys=journeys, clients=frozenset({client_id}), aspects=aspects)


def archive_client(ctx: Context, client_id: int) -> Result[int]:
    """Put a client and their ended journeys in the trash; the value is the client's id
    (undo: restore_from_trash). Refused while a journey of theirs is still running."""
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        if client is None or client.archived:
            raise NotFound(RefusalCode.CLIENT_NOT_IN_LIST)
        journeys = session.scalars(select(Journey).where(Journey.client_id == client_id)).all()
        running = [j for j in journeys if j.status in _RUNNING]
        if running:
            raise InvalidInput(
                RefusalCode.CLIENT_STILL_ON_OFFER, client=client.name, offer=running[0].offer_name
            )
        archived = set()
        for journey in journeys:
            if journey.status in _ENDED:
                was = journey.status
                journey.status = JourneyStatus.ARCHIVED
                activity.log(
                    session,
                    ctx.clock,
                    journey,
                    ActivityKind.JOURNEY_ARCHIVED,
                    was=was,
                    with_client=True,
                )
                archived.add(journey.id)
        client.archived = True
        activity.log_client(session, ctx.clock, client_id, ActivityKind.CLIENT_ARCHIVED)
        return Result(client_id, _changes(client_id, frozenset(archived)))


def restore_from_trash(ctx: Context, client_id: int) -> Result[int]:
    """Bring a client back from the trash with the journeys archived along with them."""
    with ctx.transaction() as session:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound(RefusalCode.CLIENT_NOT_IN_TRASH_ANY_MORE)
        if not client.archived:
            raise InvalidInput(RefusalCode.CLIENT_NOT_IN_TRASH, client=client.name)
        restored = set()
        for journey, was in _archived_with_client(session, client_id):
            journey.status = was
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.JOURNEY_RESTORED,
                status=was,
                was="archived",
            )
            restored.add(journey.id)
        client.archived = False
        activity.log_client(session, ctx.clock, client_id, ActivityKind.CLIENT_RESTORED)
        return Result(client_id, _changes(client_id, frozenset(restored)))


def _archived_with_client(session: Session, client_id: int) -> list[tuple[Journey, JourneyStatus]]:
    """The client's archived journeys whose last archiving was the client's, with the
    status each had before."""
    found = []
    journeys = session.scalars(
        select(Journey).where(
            Journey.client_id == client_id, Journey.status == JourneyStatus.ARCHIVED
        )
    ).all()
    for journey in journeys:
        last = session.scalars(
            select(Activity.detail)
            .where(
                Activity.journey_id == journey.id,
                Activity.kind == ActivityKind.JOURNEY_ARCHIVED,
            )
            .order_by(Activity.id.desc())
            .limit(1)
        ).first()
        if last and last.get("with_client") and last.get("was") in set(JourneyStatus):
            found.append((journey, JourneyStatus(last["was"])))
    return found


def trashed_clients(ctx: Context) -> list[TrashedClient]:
    """The clients in the trash, most recently archived first."""
    with ctx.db.engine.connect() as connection:
        archived_at = (
            select(func.max(Activity.at))
            .where(
                Activity.client_id == Client.id,
                Activity.kind == ActivityKind.CLIENT_ARCHIVED,
            )
            .scalar_subquery()
        )
        journeys = (
            select(func.count())
            .select_from(Journey)
            .where(Journey.client_id == Client.id, Journey.status != JourneyStatus.WITHDRAWN)
            .scalar_subquery()
        )
        rows = connection.execute(
            select(Client.id, Client.name, Client.company, Client.email, archived_at, journeys)
            .where(Client.archived.is_(True))
            .order_by(archived_at.desc().nulls_last(), Client.id.desc())
        ).all()
    return [TrashedClient(*row) for row in rows]


def empty_trash(ctx: Context) -> Result[int]:
    """Delete every client in the trash with all their records, after a backup; the value
    is how many were deleted. This cannot be undone except by restoring that backup."""
    with ctx.db.engine.connect() as connection:
        if not connection.execute(select(Client.id).where(Client.archived.is_(True))).first():
            return Result(0, Changes())
    backups.back_up(ctx, backups.BEFORE_EMPTY_TRASH)
    with ctx.transaction() as session:
        ids = session.scalars(select(Client.id).where(Client.archived.is_(True))).all()
        journeys = session.scalars(select(Journey.id).where(Journey.client_id.in_(ids))).all()
        guard = session.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
            {"name": _GUARD},
        ).scalar()
        sql = session.connection().exec_driver_sql
        if guard is not None:
            sql(f"DROP TRIGGER {_GUARD}")
        session.execute(delete(Activity).where(Activity.client_id.in_(ids)))
        # Journeys, their phases, steps, notes, friction and feedback follow by cascade.
        session.execute(delete(Client).where(Client.id.in_(ids)))
        if guard is not None:
            sql(guard)
    aspects = Aspect.CLIENT | Aspect.JOURNEY
    return Result(len(ids), Changes(frozenset(journeys), frozenset(ids), aspects=aspects))

"""Read models: small frozen rows for lists and boards, each read in one statement."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import aliased

from deliverydesk.model.entities import (
    Client,
    Friction,
    Journey,
    JourneyPhase,
    Offer,
    OfferPhase,
)
from deliverydesk.model.enums import JourneyStatus
from deliverydesk.services.context import Context
from deliverydesk.services.rows import SEVERITY_RANK, JourneyRow, OfferSummary, journey_row


def client_rows(ctx: Context) -> list[JourneyRow]:
    """Every current client with their journeys, active ones first, then by name."""
    return _rows(ctx, Client.archived.is_(False), ordered=True)


def board_rows(ctx: Context, offer_id: int | None = None) -> list[JourneyRow]:
    """The active journeys of one offer (or of every offer): the cards of a board."""
    where = Journey.status == JourneyStatus.ACTIVE
    if offer_id is not None:
        where = and_(Journey.offer_id == offer_id, where)
    return _rows(ctx, where, inner=True)


def rows_for_journeys(ctx: Context, journey_ids: Iterable[int]) -> list[JourneyRow]:
    """Fresh rows for just these journeys, to refresh what a change touched."""
    ids = list(journey_ids)
    return _rows(ctx, Journey.id.in_(ids), inner=True) if ids else []


def rows_for_clients(ctx: Context, client_ids: Iterable[int]) -> list[JourneyRow]:
    """Fresh client-list rows for these clients (every journey, or one row without)."""
    ids = list(client_ids)
    return _rows(ctx, Client.id.in_(ids), ordered=True) if ids else []


def _rows(ctx: Context, where: Any, inner: bool = False, ordered: bool = False) -> list[JourneyRow]:
    today = ctx.clock.today()
    statement = _statement(inner).where(where)
    if ordered:  # boards sort each column themselves; a list is read in name order
        active_first = case((Journey.status == JourneyStatus.ACTIVE, 0), else_=1)
        statement = statement.order_by(active_first, func.lower(Client.name), Client.id, Journey.id)
    with ctx.db.engine.connect() as connection:
        result = connection.execute(statement).all()
    return [journey_row(r, today) for r in result]


@cache  # building this select costs ~3 ms of Python; a card refresh should not pay it
def _statement(inner: bool) -> Select[*tuple[Any, ...]]:
    """One row per journey, from the journey's own summary columns (kept by the services)."""
    phase = aliased(JourneyPhase)
    rank = case(*((Friction.severity == sev.value, n) for sev, n in SEVERITY_RANK.items()), else_=0)
    friction = (
        select(
            Friction.journey_id,
            func.max(rank).label("rank"),  # SQLite: description comes from that row
            Friction.description,
            func.count().label("count"),
        )
        .where(Friction.resolved_on.is_(None))
        .group_by(Friction.journey_id)
        .subquery("open_friction")
    )
    journey_join = Client.__table__.join if inner else Client.__table__.outerjoin
    source = journey_join(Journey, Journey.client_id == Client.id)
    source = source.outerjoin(
        phase, and_(phase.journey_id == Journey.id, phase.position == Journey.current_position)
    )
    source = source.outerjoin(friction, friction.c.journey_id == Journey.id)
    return select(
        Client.id.label("client_id"),
        Journey.id.label("journey_id"),
        Client.name,
        Client.company,
        Journey.offer_id,
        Journey.offer_name,
        Journey.status,
        Journey.current_position,
        Journey.phase_count,
        phase.name.label("phase_name"),
        phase.started_on.label("phase_entered_on"),
        phase.planned_end_on.label("phase_planned_end"),
        Journey.steps_done,
        Journey.steps_total,
        Journey.next_step_title,
        Journey.next_step_due,
        Journey.next_step_owner,
        Journey.feedback_due,
        Journey.first_open_me_title,
        Journey.first_open_me_due,
        Journey.first_open_client_title,
        Journey.first_open_client_due,
        Journey.first_open_third_party_title,
        Journey.first_open_third_party_due,
        friction.c.rank.label("friction_rank"),
        friction.c.description.label("friction_text"),
        friction.c.count.label("friction_count"),
    ).select_from(source)


def offer_summaries(ctx: Context) -> list[OfferSummary]:
    with ctx.db.engine.connect() as connection:
        offers = connection.execute(
            select(Offer.id, Offer.name, Offer.promise)
            .where(Offer.archived.is_(False))
            .order_by(Offer.position, Offer.id)
        ).all()
        phases = connection.execute(
            select(OfferPhase.offer_id, OfferPhase.name).order_by(
                OfferPhase.offer_id, OfferPhase.position
            )
        ).all()
        counts = dict(
            connection.execute(
                select(Journey.offer_id, func.count())
                .where(Journey.status == JourneyStatus.ACTIVE)
                .group_by(Journey.offer_id)
            ).all()
        )
    names: dict[int, list[str]] = {}
    for offer_id, name in phases:
        names.setdefault(offer_id, []).append(name)
    return [
        OfferSummary(o.id, o.name, o.promise, tuple(names.get(o.id, ())), counts.get(o.id, 0))
        for o in offers
    ]

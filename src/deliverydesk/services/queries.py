"""Read models: small frozen rows for lists and boards, each read in one statement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import aliased

from deliverydesk.model import (
    Client,
    Friction,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
)
from deliverydesk.model.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules import HealthReason, LateStep, assess_health, progress
from deliverydesk.services.context import Context

_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


@dataclass(frozen=True, slots=True)
class JourneyRow:
    """One client in one journey: a row of the client list and a card on the board."""

    client_id: int
    journey_id: int | None
    name: str
    company: str
    offer_id: int | None
    offer_name: str
    status: JourneyStatus | None
    phase_position: int
    phase_name: str
    phase_count: int
    phase_entered_on: date | None
    steps_done: int
    steps_total: int
    next_step_title: str
    next_step_due: date | None
    next_step_owner: Owner | None
    health: Health
    reasons: tuple[HealthReason, ...]

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)


def client_rows(ctx: Context) -> list[JourneyRow]:
    """Every current client with their journeys, active ones first, then by name."""
    return _rows(ctx, Client.archived.is_(False))


def board_rows(ctx: Context, offer_id: int) -> list[JourneyRow]:
    """The active journeys of one offer: the cards of its board."""
    return _rows(
        ctx,
        and_(Journey.offer_id == offer_id, Journey.status == JourneyStatus.ACTIVE),
        inner=True,
    )


def _rows(ctx: Context, where: Any, inner: bool = False) -> list[JourneyRow]:
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        result = connection.execute(_statement(today, where, inner)).all()
    return list(_assemble(result, today))


def _statement(today: date, where: Any, inner: bool) -> Select[Any]:
    phase = aliased(JourneyPhase)
    late = (
        select(
            JourneyStep.journey_id,
            JourneyStep.owner,
            JourneyStep.title,
            func.min(JourneyStep.due_on).label("due_on"),  # SQLite: title comes from that row
        )
        .where(JourneyStep.completed_on.is_(None), JourneyStep.due_on < today)
        .group_by(JourneyStep.journey_id, JourneyStep.owner)
        .subquery("late")
    )
    rank = case(
        *((Friction.severity == sev.value, n) for sev, n in _SEVERITY_RANK.items()), else_=0
    )
    friction = (
        select(Friction.journey_id, func.max(rank).label("rank"), Friction.description)
        .where(Friction.resolved_on.is_(None))
        .group_by(Friction.journey_id)
        .subquery("open_friction")
    )
    phase_count = (
        select(func.count())
        .where(JourneyPhase.journey_id == Journey.id)
        .correlate(Journey)
        .scalar_subquery()
    )
    active_first = case((Journey.status == JourneyStatus.ACTIVE, 0), else_=1)
    journey_join = Client.__table__.join if inner else Client.__table__.outerjoin
    source = journey_join(Journey, Journey.client_id == Client.id)
    source = source.outerjoin(
        phase, and_(phase.journey_id == Journey.id, phase.position == Journey.current_position)
    )
    source = source.outerjoin(late, late.c.journey_id == Journey.id)
    source = source.outerjoin(friction, friction.c.journey_id == Journey.id)
    return (
        select(
            Client.id,
            Journey.id,
            Client.name,
            Client.company,
            Journey.offer_id,
            Journey.offer_name,
            Journey.status,
            Journey.current_position,
            phase.name,
            phase_count,
            phase.started_on,
            Journey.steps_done,
            Journey.steps_total,
            Journey.next_step_title,
            Journey.next_step_due,
            Journey.next_step_owner,
            phase.planned_end_on,
            late.c.owner,
            late.c.title,
            late.c.due_on,
            friction.c.rank,
            friction.c.description,
        )
        .select_from(source)
        .where(where)
        .order_by(active_first, func.lower(Client.name), Client.id, Journey.id)
    )


def _assemble(result: Iterable[Any], today: date) -> Iterable[JourneyRow]:
    """Fold the up-to-three rows per journey (one per owner with late work) into one."""
    current_key: tuple[int, int | None] | None = None
    head: Any = None
    late: list[LateStep] = []
    for row in result:
        key = (row[0], row[1])
        if key != current_key:
            if head is not None:
                yield _row(head, late, today)
            current_key, head, late = key, row, []
        if row[17] is not None:
            late.append(LateStep(row[18], row[19], Owner(row[17])))
    if head is not None:
        yield _row(head, late, today)


def _row(r: Any, late: list[LateStep], today: date) -> JourneyRow:
    active = r[6] == JourneyStatus.ACTIVE
    friction = []
    if r[20]:
        severity = next(s for s, n in _SEVERITY_RANK.items() if n == r[20])
        friction.append((r[21], severity))
    verdict = assess_health(
        today,
        late_steps=late if active else (),
        phase_name=r[8] or "",
        phase_planned_end=r[16] if active and r[10] is not None else None,
        open_friction=friction if active else (),
    )
    return JourneyRow(
        client_id=r[0],
        journey_id=r[1],
        name=r[2],
        company=r[3],
        offer_id=r[4],
        offer_name=r[5] or "",
        status=r[6],
        phase_position=r[7] or 0,
        phase_name=r[8] or "",
        phase_count=r[9] or 0,
        phase_entered_on=r[10],
        steps_done=r[11] or 0,
        steps_total=r[12] or 0,
        next_step_title=r[13] or "",
        next_step_due=r[14],
        next_step_owner=r[15],
        health=verdict.health,
        reasons=verdict.reasons,
    )


@dataclass(frozen=True, slots=True)
class OfferSummary:
    id: int
    name: str
    promise: str
    phase_names: tuple[str, ...]
    active_journeys: int


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

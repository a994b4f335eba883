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
    Offer,
    OfferPhase,
)
from deliverydesk.model.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules import (
    HealthReason,
    HealthVerdict,
    LateStep,
    ReasonCode,
    assess_health,
    progress,
)
from deliverydesk.services.context import Context

_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}
_SEVERITY_BY_RANK = {n: s for s, n in _SEVERITY_RANK.items()}
_NO_VERDICT = HealthVerdict(Health.ON_TRACK)


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
    feedback_due: bool = False  # a checkpoint passed with no feedback recorded for it
    open_friction: int = 0

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)

    def late_days(self, owner: Owner) -> int:
        """How late the most late open step of `owner` is, 0 when nothing of theirs is late."""
        return max(
            (r.days for r in self.reasons if r.code is ReasonCode.STEP_LATE and r.owner is owner),
            default=0,
        )

    @property
    def over_plan_days(self) -> int:
        return max(
            (r.days for r in self.reasons if r.code is ReasonCode.PHASE_OVER_PLAN), default=0
        )


def client_rows(ctx: Context) -> list[JourneyRow]:
    """Every current client with their journeys, active ones first, then by name."""
    return _rows(ctx, Client.archived.is_(False))


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


def _rows(ctx: Context, where: Any, inner: bool = False) -> list[JourneyRow]:
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        result = connection.execute(_statement(where, inner)).all()
    return [_row(r, today) for r in result]


def _statement(where: Any, inner: bool) -> Select[*tuple[Any, ...]]:
    """One row per journey, from the journey's own summary columns (kept by the services)."""
    phase = aliased(JourneyPhase)
    rank = case(
        *((Friction.severity == sev.value, n) for sev, n in _SEVERITY_RANK.items()), else_=0
    )
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
    active_first = case((Journey.status == JourneyStatus.ACTIVE, 0), else_=1)
    journey_join = Client.__table__.join if inner else Client.__table__.outerjoin
    source = journey_join(Journey, Journey.client_id == Client.id)
    source = source.outerjoin(
        phase, and_(phase.journey_id == Journey.id, phase.position == Journey.current_position)
    )
    source = source.outerjoin(friction, friction.c.journey_id == Journey.id)
    return (
        select(
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
        )
        .select_from(source)
        .where(where)
        .order_by(active_first, func.lower(Client.name), Client.id, Journey.id)
    )


def _row(r: Any, today: date) -> JourneyRow:
    """One result row, unpacked by position: this runs 5,000 times for a large list."""
    (
        client_id, journey_id, name, company, offer_id, offer_name, status, position,
        phase_count, phase_name, entered_on, planned_end, steps_done, steps_total,
        next_title, next_due, next_owner, feedback_due,
        me_title, me_due, client_title, client_due, third_title, third_due,
        friction_rank, friction_text, friction_count,
    ) = r  # fmt: skip
    active = status is JourneyStatus.ACTIVE
    if active:
        late = [
            LateStep(title, due, owner)
            for title, due, owner in (
                (me_title, me_due, Owner.ME),
                (client_title, client_due, Owner.CLIENT),
                (third_title, third_due, Owner.THIRD_PARTY),
            )
            if due is not None and due < today
        ]
        friction = [(friction_text, _SEVERITY_BY_RANK[friction_rank])] if friction_rank else []
        verdict = assess_health(
            today,
            late_steps=late,
            phase_name=phase_name or "",
            phase_planned_end=planned_end if entered_on else None,
            open_friction=friction,
        )
    else:
        verdict = _NO_VERDICT
    return JourneyRow(
        client_id=client_id,
        journey_id=journey_id,
        name=name,
        company=company,
        offer_id=offer_id,
        offer_name=offer_name or "",
        status=status,
        phase_position=position or 0,
        phase_name=phase_name or "",
        phase_count=phase_count or 0,
        phase_entered_on=entered_on,
        steps_done=steps_done or 0,
        steps_total=steps_total or 0,
        next_step_title=next_title or "",
        next_step_due=next_due,
        next_step_owner=next_owner,
        health=verdict.health,
        reasons=verdict.reasons,
        feedback_due=bool(feedback_due) and active,
        open_friction=friction_count or 0,
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

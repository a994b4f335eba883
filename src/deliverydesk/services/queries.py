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
    Feedback,
    Friction,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
)
from deliverydesk.model.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules import (
    HealthReason,
    LateStep,
    ReasonCode,
    assess_health,
    progress,
)
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
    phase_count = (
        select(func.count())
        .where(JourneyPhase.journey_id == Journey.id)
        .correlate(Journey)
        .scalar_subquery()
    )
    checkpoint = aliased(JourneyStep)
    feedback_due = (
        select(checkpoint.id)
        .where(
            checkpoint.journey_id == Journey.id,
            checkpoint.is_checkpoint.is_(True),
            checkpoint.completed_on.is_not(None),
            ~select(Feedback.id).where(Feedback.step_id == checkpoint.id).exists(),
        )
        .correlate(Journey)
        .exists()
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
            Client.id.label("client_id"),
            Journey.id.label("journey_id"),
            Client.name,
            Client.company,
            Journey.offer_id,
            Journey.offer_name,
            Journey.status,
            Journey.current_position,
            phase.name.label("phase_name"),
            phase_count.label("phase_count"),
            phase.started_on.label("phase_entered_on"),
            phase.planned_end_on.label("phase_planned_end"),
            Journey.steps_done,
            Journey.steps_total,
            Journey.next_step_title,
            Journey.next_step_due,
            Journey.next_step_owner,
            late.c.owner.label("late_owner"),
            late.c.title.label("late_title"),
            late.c.due_on.label("late_due"),
            friction.c.rank.label("friction_rank"),
            friction.c.description.label("friction_text"),
            friction.c.count.label("friction_count"),
            case((Journey.id.is_(None), False), else_=feedback_due).label("feedback_due"),
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
        key = (row.client_id, row.journey_id)
        if key != current_key:
            if head is not None:
                yield _row(head, late, today)
            current_key, head, late = key, row, []
        if row.late_owner is not None:
            late.append(LateStep(row.late_title, row.late_due, Owner(row.late_owner)))
    if head is not None:
        yield _row(head, late, today)


def _row(r: Any, late: list[LateStep], today: date) -> JourneyRow:
    active = r.status == JourneyStatus.ACTIVE
    friction = []
    if r.friction_rank:
        severity = next(s for s, n in _SEVERITY_RANK.items() if n == r.friction_rank)
        friction.append((r.friction_text, severity))
    verdict = assess_health(
        today,
        late_steps=late if active else (),
        phase_name=r.phase_name or "",
        phase_planned_end=r.phase_planned_end if active and r.phase_entered_on else None,
        open_friction=friction if active else (),
    )
    return JourneyRow(
        client_id=r.client_id,
        journey_id=r.journey_id,
        name=r.name,
        company=r.company,
        offer_id=r.offer_id,
        offer_name=r.offer_name or "",
        status=r.status,
        phase_position=r.current_position or 0,
        phase_name=r.phase_name or "",
        phase_count=r.phase_count or 0,
        phase_entered_on=r.phase_entered_on,
        steps_done=r.steps_done or 0,
        steps_total=r.steps_total or 0,
        next_step_title=r.next_step_title or "",
        next_step_due=r.next_step_due,
        next_step_owner=r.next_step_owner,
        health=verdict.health,
        reasons=verdict.reasons,
        feedback_due=bool(r.feedback_due) and active,
        open_friction=r.friction_count or 0,
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

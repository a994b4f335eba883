"""One journey in full, for the client page: the checklist, notes, friction, feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from deliverydesk.model.entities import (
    Activity,
    Client,
    Feedback,
    Friction,
    Journey,
    JourneyPhase,
    Note,
)
from deliverydesk.model.enums import (
    ActivityKind,
    FrictionKind,
    JourneyStatus,
    Owner,
    PhaseStatus,
    Severity,
    StepKind,
)
from deliverydesk.model.health import HealthVerdict, LateStep, OpenFriction, journey_health
from deliverydesk.model.rules import phase_status, progress
from deliverydesk.services.context import Context
from deliverydesk.services.errors import NotFound


@dataclass(frozen=True, slots=True)
class StepDetail:
    id: int
    title: str
    description: str
    kind: StepKind
    owner: Owner
    start_on: date
    due_on: date
    completed_on: date | None
    is_milestone: bool
    is_checkpoint: bool
    is_touchpoint: bool
    message_template: str
    failure_point: str
    recovery_protocol: str


@dataclass(frozen=True, slots=True)
class PhaseDetail:
    position: int
    name: str
    status: PhaseStatus
    planned_start_on: date
    planned_end_on: date
    started_on: date | None
    completed_on: date | None
    steps: tuple[StepDetail, ...]


@dataclass(frozen=True, slots=True)
class NoteDetail:
    id: int
    written_at: datetime
    text: str


@dataclass(frozen=True, slots=True)
class FrictionDetail:
    id: int
    occurred_on: date
    kind: FrictionKind
    severity: Severity
    description: str
    recovery: str
    resolved_on: date | None


@dataclass(frozen=True, slots=True)
class FeedbackDetail:
    id: int
    received_on: date
    score: int | None
    words: str
    testimonial_ok: bool
    referral_asked: bool
    referral_given: bool


@dataclass(frozen=True, slots=True)
class ActivityDetail:
    at: datetime
    kind: ActivityKind
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class JourneyDetail:
    journey_id: int
    client_id: int
    client_name: str
    company: str
    email: str
    phone: str
    offer_name: str
    status: JourneyStatus
    start_on: date
    planned_end_on: date
    current_position: int
    steps_done: int
    steps_total: int
    verdict: HealthVerdict
    phases: tuple[PhaseDetail, ...]
    notes: tuple[NoteDetail, ...]
    friction: tuple[FrictionDetail, ...]
    feedback: tuple[FeedbackDetail, ...]
    activity: tuple[ActivityDetail, ...]
    # Since when a journey is paused, when it ended, and why (paused or cancelled).
    paused_on: date | None = None
    ended_on: date | None = None
    end_reason: str = ""

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)


def journey_detail(ctx: Context, journey_id: int) -> JourneyDetail:
    today = ctx.clock.today()
    with ctx.db.sessions() as session:
        journey = session.scalars(
            select(Journey)
            .where(Journey.id == journey_id)
            .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
        ).first()
        if journey is None:
            raise NotFound("That journey no longer exists.")
        client = session.get(Client, journey.client_id)
        assert client is not None
        notes = session.scalars(
            select(Note)
            .where(Note.journey_id == journey_id)
            .order_by(Note.written_at.desc(), Note.id.desc())
        ).all()
        friction = session.scalars(
            select(Friction)
            .where(Friction.journey_id == journey_id)
            .order_by(Friction.occurred_on.desc(), Friction.id.desc())
        ).all()
        feedback = session.scalars(
            select(Feedback)
            .where(Feedback.journey_id == journey_id)
            .order_by(Feedback.received_on.desc())
        ).all()
        log = session.scalars(
            select(Activity)
            .where(Activity.journey_id == journey_id)
            .order_by(Activity.at.desc(), Activity.id.desc())
        ).all()
        phases = tuple(
            PhaseDetail(
                p.position,
                p.name,
                phase_status(
                    p.position,
                    journey.current_position,
                    journey.status,
                    open_checkpoint=any(
                        s.is_checkpoint and s.completed_on is None for s in p.steps
                    ),
                ),
                p.planned_start_on,
                p.planned_end_on,
                p.started_on,
                p.completed_on,
                tuple(_step(s) for s in p.steps),
            )
            for p in journey.phases
        )
        return JourneyDetail(
            journey_id=journey.id,
            client_id=client.id,
            client_name=client.name,
            company=client.company,
            email=client.email,
            phone=client.phone,
            offer_name=journey.offer_name,
            status=journey.status,
            start_on=journey.start_on,
            planned_end_on=journey.planned_end_on,
            current_position=journey.current_position,
            steps_done=journey.steps_done,
            steps_total=journey.steps_total,
            verdict=_verdict(journey, phases, friction, today),
            phases=phases,
            notes=tuple(NoteDetail(n.id, n.written_at, n.text) for n in notes),
            friction=tuple(
                FrictionDetail(
                    f.id,
                    f.occurred_on,
                    f.kind,
                    f.severity,
                    f.description,
                    f.recovery,
                    f.resolved_on,
                )
                for f in friction
            ),
            feedback=tuple(
                FeedbackDetail(
                    f.id,
                    f.received_on,
                    f.score,
                    f.words,
                    f.testimonial_ok,
                    f.referral_asked,
                    f.referral_given,
                )
                for f in feedback
            ),
            activity=tuple(ActivityDetail(a.at, a.kind, dict(a.detail)) for a in log),
            paused_on=journey.paused_on,
            ended_on=journey.ended_on,
            end_reason=journey.end_reason,
        )


def _step(s: Any) -> StepDetail:
    return StepDetail(
        s.id,
        s.title,
        s.description,
        s.kind,
        s.owner,
        s.start_on,
        s.due_on,
        s.completed_on,
        s.is_milestone,
        s.is_checkpoint,
        s.is_touchpoint,
        s.message_template,
        s.failure_point,
        s.recovery_protocol,
    )


def _verdict(
    journey: Journey, phases: tuple[PhaseDetail, ...], friction: Any, today: date
) -> HealthVerdict:
    """The same rule, fed the same facts as a board card (services/rows.py)."""
    if journey.status is not JourneyStatus.ACTIVE:
        return journey_health(today, journey.status)
    current = phases[journey.current_position] if phases else None
    return journey_health(
        today,
        journey.status,
        open_steps=[
            LateStep(s.title, s.due_on, s.owner)
            for p in phases
            for s in p.steps
            if s.completed_on is None
        ],
        phase_name=current.name if current else "",
        phase_planned_end=current.planned_end_on if current and current.started_on else None,
        open_friction=[
            OpenFriction(f.description, f.severity, f.occurred_on)
            for f in friction
            if f.resolved_on is None
        ],
    )

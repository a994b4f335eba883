"""One journey in full, for the client page: the checklist, notes, friction, feedback."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, bindparam, select

from deliverydesk.model.entities import (
    Activity,
    Client,
    Feedback,
    Friction,
    Journey,
    JourneyPhase,
    JourneyStep,
    Note,
)
from deliverydesk.model.rules.delivery import phase_status, progress
from deliverydesk.model.rules.enums import (
    ActivityKind,
    FrictionKind,
    JourneyStatus,
    Owner,
    PhaseStatus,
    Severity,
    StepKind,
)
from deliverydesk.model.rules.health import HealthVerdict, LateStep, OpenFriction, journey_health
from deliverydesk.services.changes import Aspect
from deliverydesk.services.context import Context
from deliverydesk.services.errors import NotFound
from deliverydesk.wording import RefusalCode


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
    brought_in: bool = False  # done before DeliveryDesk (enrolled already under way)
    session_time: time | None = None  # a session's start on its due date
    session_minutes: int = 0  # a session's length; 0 = not said
    # An invoice step's amount (in the journey's currency) and the day it was paid.
    amount_minor: int | None = None
    paid_on: date | None = None


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

    @property
    def open_steps(self) -> int:
        return sum(s.completed_on is None for s in self.steps)


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
    step_id: int | None = None  # the step it concerns, if one


@dataclass(frozen=True, slots=True)
class Resolution:
    """How a friction stands: resolved on a day with a note, or open (`on` None); what
    resolving or reopening it hands back for the undo."""

    note: str
    on: date | None


@dataclass(frozen=True, slots=True)
class FeedbackDetail:
    id: int
    received_on: date
    score: int | None
    words: str
    testimonial_ok: bool
    referral_asked: bool
    referral_given: bool
    referral_name: str = ""
    step_id: int | None = None  # the checkpoint it answers, if one
    follow_up: bool = False  # the answer to the follow-up after completion


@dataclass(frozen=True, slots=True)
class ActivityDetail:
    at: datetime
    kind: ActivityKind
    detail: dict[str, Any]
    id: int = 0  # entries since the last read are those with a larger id


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
    resume_on: date | None = None  # a paused journey's planned resume date
    currency: str = ""  # of its invoice steps' amounts (the offer's when enrolled)

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)


# Columns in the order of the dataclasses they fill: rows become details directly, with no
# ORM objects in between (half the time of loading the entities, on every edit's redraw).
_STEP_COLUMNS = (
    JourneyStep.phase_id,
    JourneyStep.id,
    JourneyStep.title,
    JourneyStep.description,
    JourneyStep.kind,
    JourneyStep.owner,
    JourneyStep.start_on,
    JourneyStep.due_on,
    JourneyStep.completed_on,
    JourneyStep.is_milestone,
    JourneyStep.is_checkpoint,
    JourneyStep.is_touchpoint,
    JourneyStep.message_template,
    JourneyStep.failure_point,
    JourneyStep.recovery_protocol,
    JourneyStep.brought_in,
    JourneyStep.session_time,
    JourneyStep.session_minutes,
    JourneyStep.amount_minor,
    JourneyStep.paid_on,
)


def journey_detail(ctx: Context, journey_id: int) -> JourneyDetail:
    with ctx.db.engine.connect() as connection:
        head = _read_head(connection, journey_id)
        status, current = head["status"], head["current_position"]
        phases = _read_plan(connection, journey_id, status, current)
        friction = _read_friction(connection, journey_id)
        return JourneyDetail(
            **head,
            verdict=_verdict(status, current, phases, friction, ctx.clock.today()),
            phases=phases,
            notes=_read_notes(connection, journey_id),
            friction=friction,
            feedback=_read_feedback(connection, journey_id),
            activity=_read_activity(connection, journey_id),
        )


# What each kind of change can alter on a journey's page; a refresh keeps the rest as shown.
_RECORDS = Aspect.NOTES | Aspect.FRICTION | Aspect.FEEDBACK
_HEAD_KEPT = _RECORDS  # the client, status, dates and counts are read for anything else
_PLAN_KEPT = _RECORDS | Aspect.CLIENT  # phases and steps: a client's details never move them


def refresh_detail(ctx: Context, shown: JourneyDetail, aspects: Aspect) -> JourneyDetail:
    """`shown` brought up to date after a change of `aspects` to its journey or client.

    Reads only what such a change can alter (the head, the phases and steps, the records of
    the kinds named) and the activity logged since `shown` was read, and keeps the rest:
    ticking a step reads no notes, friction or feedback. NotFound when the journey is gone.
    """
    if aspects == Aspect.NONE:  # nothing named: read it all
        return journey_detail(ctx, shown.journey_id)
    journey_id = shown.journey_id
    fields: dict[str, Any] = {}
    with ctx.db.engine.connect() as connection:
        if aspects not in _HEAD_KEPT:
            fields.update(_read_head(connection, journey_id))
        if aspects not in _PLAN_KEPT:
            fields["phases"] = _read_plan(
                connection,
                journey_id,
                fields.get("status", shown.status),
                fields.get("current_position", shown.current_position),
            )
        if aspects & Aspect.NOTES:
            fields["notes"] = _read_notes(connection, journey_id)
        if aspects & Aspect.FRICTION:
            fields["friction"] = _read_friction(connection, journey_id)
        if aspects & Aspect.FEEDBACK:
            fields["feedback"] = _read_feedback(connection, journey_id)
        fields["activity"] = _activity_since(connection, journey_id, shown.activity)
    detail = replace(shown, **fields)
    return replace(detail, verdict=_verdict_of(detail, ctx.clock.today()))


# The statements are built once: a refresh after each edit runs them, not their building.
def _of_journey(column: Any) -> Any:
    return column == bindparam("journey_id")


_HEAD = (
    select(
        Journey.id,
        Client.id,
        Client.name,
        Client.company,
        Client.email,
        Client.phone,
        Journey.offer_name,
        Journey.status,
        Journey.start_on,
        Journey.planned_end_on,
        Journey.current_position,
        Journey.steps_done,
        Journey.steps_total,
        Journey.paused_on,
        Journey.ended_on,
        Journey.end_reason,
        Journey.resume_on,
        Journey.currency,
    )
    .join(Client, Client.id == Journey.client_id)
    .where(_of_journey(Journey.id))
)
_HEAD_FIELDS = (
    "journey_id", "client_id", "client_name", "company", "email", "phone", "offer_name",
    "status", "start_on", "planned_end_on", "current_position", "steps_done", "steps_total",
    "paused_on", "ended_on", "end_reason", "resume_on", "currency",
)  # fmt: skip
_PHASES = (
    select(
        JourneyPhase.id,
        JourneyPhase.position,
        JourneyPhase.name,
        JourneyPhase.planned_start_on,
        JourneyPhase.planned_end_on,
        JourneyPhase.started_on,
        JourneyPhase.completed_on,
    )
    .where(_of_journey(JourneyPhase.journey_id))
    .order_by(JourneyPhase.position)
)
_STEPS = (
    select(*_STEP_COLUMNS).where(_of_journey(JourneyStep.journey_id)).order_by(JourneyStep.position)
)
_NOTES = (
    select(Note.id, Note.written_at, Note.text)
    .where(_of_journey(Note.journey_id))
    .order_by(Note.written_at.desc(), Note.id.desc())
)
_FRICTION = (
    select(
        Friction.id,
        Friction.occurred_on,
        Friction.kind,
        Friction.severity,
        Friction.description,
        Friction.recovery,
        Friction.resolved_on,
        Friction.step_id,
    )
    .where(_of_journey(Friction.journey_id))
    .order_by(Friction.occurred_on.desc(), Friction.id.desc())
)
_FEEDBACK = (
    select(
        Feedback.id,
        Feedback.received_on,
        Feedback.score,
        Feedback.words,
        Feedback.testimonial_ok,
        Feedback.referral_asked,
        Feedback.referral_given,
        Feedback.referral_name,
        Feedback.step_id,
        Feedback.follow_up,
    )
    .where(_of_journey(Feedback.journey_id))
    .order_by(Feedback.received_on.desc(), Feedback.id.desc())
)
_ACTIVITY = (
    select(Activity.at, Activity.kind, Activity.detail, Activity.id)
    .where(_of_journey(Activity.journey_id), Activity.id > bindparam("after"))
    .order_by(Activity.at.desc(), Activity.id.desc())
)


def _read_head(connection: Connection, journey_id: int) -> dict[str, Any]:
    """The journey's own fields and its client's, named as JourneyDetail names them."""
    head = connection.execute(_HEAD, {"journey_id": journey_id}).first()
    if head is None:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    return dict(zip(_HEAD_FIELDS, head, strict=True))


def _read_plan(
    connection: Connection, journey_id: int, status: JourneyStatus, current: int
) -> tuple[PhaseDetail, ...]:
    phase_rows = connection.execute(_PHASES, {"journey_id": journey_id}).all()
    steps: dict[int, list[StepDetail]] = {phase.id: [] for phase in phase_rows}
    for phase_id, *fields in connection.execute(_STEPS, {"journey_id": journey_id}):
        steps[phase_id].append(StepDetail(*fields))
    return tuple(
        PhaseDetail(
            position,
            name,
            phase_status(
                position,
                current,
                status,
                open_steps=sum(s.completed_on is None for s in steps[phase_id]),
            ),
            planned_start,
            planned_end,
            started_on,
            completed_on,
            tuple(steps[phase_id]),
        )
        for phase_id, position, name, planned_start, planned_end, started_on, completed_on in (
            phase_rows
        )
    )


def _read_notes(connection: Connection, journey_id: int) -> tuple[NoteDetail, ...]:
    rows = connection.execute(_NOTES, {"journey_id": journey_id})
    return tuple(NoteDetail(*row) for row in rows)


def _read_friction(connection: Connection, journey_id: int) -> tuple[FrictionDetail, ...]:
    rows = connection.execute(_FRICTION, {"journey_id": journey_id})
    return tuple(FrictionDetail(*row) for row in rows)


def _read_feedback(connection: Connection, journey_id: int) -> tuple[FeedbackDetail, ...]:
    rows = connection.execute(_FEEDBACK, {"journey_id": journey_id})
    return tuple(FeedbackDetail(**row._asdict()) for row in rows)


def _read_activity(
    connection: Connection, journey_id: int, after: int = 0
) -> tuple[ActivityDetail, ...]:
    """The journey's log newest first; with `after`, only the entries with a larger id."""
    rows = connection.execute(_ACTIVITY, {"journey_id": journey_id, "after": after})
    return tuple(ActivityDetail(at, kind, dict(detail), id_) for at, kind, detail, id_ in rows)


def _activity_since(
    connection: Connection, journey_id: int, shown: tuple[ActivityDetail, ...]
) -> tuple[ActivityDetail, ...]:
    """`shown` with what was logged since on top (the log only grows); read whole again
    when an entry since sorts below the newest shown (a clock set back)."""
    new = _read_activity(connection, journey_id, after=max((a.id for a in shown), default=0))
    if not new:
        return shown
    if shown and (new[-1].at, new[-1].id) < (shown[0].at, shown[0].id):
        return _read_activity(connection, journey_id)
    return new + shown


def _verdict_of(detail: JourneyDetail, today: date) -> HealthVerdict:
    return _verdict(detail.status, detail.current_position, detail.phases, detail.friction, today)


def _verdict(
    status: JourneyStatus,
    position: int,
    phases: tuple[PhaseDetail, ...],
    friction: tuple[FrictionDetail, ...],
    today: date,
) -> HealthVerdict:
    """The same rule, fed the same facts as a board card (services/views/rows.py)."""
    if status is not JourneyStatus.ACTIVE:
        return journey_health(today, status)
    current = phases[position] if phases else None
    return journey_health(
        today,
        status,
        open_steps=[
            LateStep(s.title, s.due_on, s.owner)
            for p in phases
            for s in p.steps
            if s.completed_on is None
        ],
        phase_name=current.name if current else "",
        phase_planned_end=current.planned_end_on if current and current.started_on else None,
        phase_finished=current is not None and not current.open_steps,
        open_friction=[
            OpenFriction(f.description, f.severity, f.occurred_on)
            for f in friction
            if f.resolved_on is None
        ],
    )

"""Friction on a journey (feedback: services/journeys/feedback.py, re-exported here)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from deliverydesk.model.entities import Friction, Journey, JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, FrictionKind, Severity
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.journeys.detail import Resolution as Resolution  # for its callers
from deliverydesk.services.journeys.feedback import record_feedback as record_feedback
from deliverydesk.services.validation import clean_text
from deliverydesk.wording import RefusalCode

MAX_TEXT_LENGTH = 100_000


def log_friction(
    ctx: Context,
    journey_id: int,
    description: str,
    *,
    kind: FrictionKind = FrictionKind.DELAY,
    severity: Severity = Severity.MEDIUM,
    step_id: int | None = None,
    occurred_on: date | None = None,
    friction_id: int | None = None,
) -> tuple[int, Changes]:
    """Log friction; `friction_id` puts back one taken back (the redo of logging it), under
    its own id so the commands stacked after it still find it."""
    description = clean_text(description, "What went wrong", MAX_TEXT_LENGTH).strip()
    if not description:
        raise InvalidInput(RefusalCode.FRICTION_NEEDS_TEXT)
    occurred_on = occurred_on or ctx.clock.today()
    if occurred_on > ctx.clock.today():  # it could never be resolved: not before it happens
        raise InvalidInput(RefusalCode.FRICTION_NOT_YET, occurred=occurred_on)
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        _check_step(session, journey, step_id)
        if friction_id is not None and session.get(Friction, friction_id) is not None:
            raise InvalidInput(RefusalCode.FRICTION_CHANGED)
        friction = Friction(
            id=friction_id,
            journey_id=journey_id,
            step_id=step_id,
            occurred_on=occurred_on,
            kind=kind,
            severity=severity,
            description=description,
        )
        session.add(friction)
        session.flush()
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.FRICTION_LOGGED,
            friction_id=friction.id,
            kind=kind,
            severity=severity,
        )
        return friction.id, _changed(journey)


def resolve_friction(
    ctx: Context, friction_id: int, recovery: str, on: date | None = None
) -> Changes:
    """Resolve a friction with what was done about it, on `on` (default today)."""
    recovery = clean_text(recovery, "The recovery", MAX_TEXT_LENGTH).strip()
    return set_resolution(ctx, friction_id, Resolution(recovery, on or ctx.clock.today())).changes


def reopen_friction(ctx: Context, friction_id: int) -> Result[Resolution]:
    """Open a resolved friction again; its note stays, as what was tried. The value is how
    it stood before, for the undo."""
    with ctx.transaction() as session:
        friction = session.get(Friction, friction_id)
        if friction is None:
            raise NotFound(RefusalCode.FRICTION_GONE)
        note = friction.recovery
    return set_resolution(ctx, friction_id, Resolution(note, None))


def set_resolution(ctx: Context, friction_id: int, resolution: Resolution) -> Result[Resolution]:
    """Resolve, reopen or put back how a friction stood; the value is how it stood before."""
    note = clean_text(resolution.note, "The recovery", MAX_TEXT_LENGTH).strip()
    with ctx.transaction() as session:
        friction = session.get(Friction, friction_id)
        if friction is None:
            raise NotFound(RefusalCode.FRICTION_GONE)
        if resolution.on is not None:
            _check_resolved_on(ctx, friction, resolution.on)
        journey = session.get(Journey, friction.journey_id)
        assert journey is not None  # a friction's journey is a foreign key with cascade
        before = Resolution(friction.recovery, friction.resolved_on)
        friction.recovery, friction.resolved_on = note, resolution.on
        kind = (
            ActivityKind.FRICTION_REOPENED
            if resolution.on is None
            else ActivityKind.FRICTION_RESOLVED
        )
        activity.log(session, ctx.clock, journey, kind, friction_id=friction.id)
        return Result(before, _changed(journey))


def remove_friction(ctx: Context, friction_id: int) -> Changes:
    """Take friction back (the undo of logging it); the activity log keeps that it was."""
    with ctx.transaction() as session:
        friction = session.get(Friction, friction_id)
        if friction is None:
            raise NotFound(RefusalCode.FRICTION_GONE)
        journey = session.get(Journey, friction.journey_id)
        assert journey is not None
        session.delete(friction)
        activity.log(
            session, ctx.clock, journey, ActivityKind.FRICTION_REMOVED, friction_id=friction_id
        )
        return _changed(journey)


def _check_resolved_on(ctx: Context, friction: Friction, on: date) -> None:
    if on < friction.occurred_on:
        raise InvalidInput(
            RefusalCode.FRICTION_RESOLVED_BEFORE, resolved=on, occurred=friction.occurred_on
        )
    if on > ctx.clock.today():
        raise InvalidInput(RefusalCode.FRICTION_RESOLVED_LATER, resolved=on)


def _changed(journey: Journey) -> Changes:
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        aspects=Aspect.FRICTION,
    )


def _check_step(session: Session, journey: Journey, step_id: int | None) -> None:
    if step_id is None:
        return
    step = session.get(JourneyStep, step_id)
    if step is None or step.journey_id != journey.id:
        raise InvalidInput(RefusalCode.STEP_NOT_IN_JOURNEY)

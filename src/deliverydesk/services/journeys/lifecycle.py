"""A journey's whole life after enrolment: pause, resume, complete, cancel, archive.

Each action returns a Result whose value is the journey's state before it (a JourneyState);
restore_journey_state puts that back exactly, which is how each action is undone. Every
action, and every undo, is written to the activity log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.entities import Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, PhaseStatus
from deliverydesk.model.rules.retime import pause_length, shift
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.services.validation import clean_text
from deliverydesk.wording import RefusalCode

MAX_REASON_LENGTH = 2_000
_RUNNING = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)
_ENDED = (JourneyStatus.COMPLETED, JourneyStatus.CANCELLED)


class StepsStillOpen(InvalidInput):
    """Completing would leave steps open; the caller may ask and complete with force."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__(RefusalCode.STEPS_STILL_OPEN, count=len(titles), titles=titles)
        self.titles = titles


@dataclass(frozen=True)
class JourneyState:
    """A journey's status and the dates an action may move: what an undo puts back."""

    status: JourneyStatus
    paused_on: date | None
    ended_on: date | None
    end_reason: str
    planned_end_on: date
    resume_on: date | None = None  # a paused journey's planned resume date
    # Only the dates an action moved (resuming shifts open work); empty otherwise.
    steps: tuple[tuple[int, date, date], ...] = ()  # (step id, start_on, due_on)
    phases: tuple[tuple[int, date, date], ...] = ()  # (id, planned_start_on, planned_end_on)


def _state(journey: Journey, with_dates: bool = False) -> JourneyState:
    steps: tuple[tuple[int, date, date], ...] = ()
    phases: tuple[tuple[int, date, date], ...] = ()
    if with_dates:
        steps = tuple(
            (s.id, s.start_on, s.due_on)
            for p in journey.phases
            for s in p.steps
            if s.completed_on is None
        )
        phases = tuple(
            (p.id, p.planned_start_on, p.planned_end_on)
            for p in journey.phases
            if p.completed_on is None
        )
    return JourneyState(
        journey.status,
        journey.paused_on,
        journey.ended_on,
        journey.end_reason,
        journey.planned_end_on,
        journey.resume_on,
        steps,
        phases,
    )


def _load(session: Session, journey_id: int, with_steps: bool = False) -> Journey:
    options = [selectinload(Journey.phases).selectinload(JourneyPhase.steps)] if with_steps else []
    journey = session.get(Journey, journey_id, options=options)
    if journey is None or journey.status is JourneyStatus.WITHDRAWN:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    return journey


def _changes(journey: Journey, aspects: Aspect) -> Changes:
    offers = frozenset({journey.offer_id}) if journey.offer_id is not None else frozenset()
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        offers=offers,
        aspects=aspects,
    )


def _reason(reason: str) -> str:
    return clean_text(reason, "The reason", MAX_REASON_LENGTH).strip()


def pause(
    ctx: Context, journey_id: int, reason: str = "", resume_on: date | None = None
) -> Result[JourneyState]:
    """Pause an active journey from today: it leaves the load until resumed and stays on
    the board marked paused. `resume_on`, the planned resume date, is when Today, the
    overdue banner and the calendar remind the practitioner to resume it."""
    why = _reason(reason)
    if resume_on is not None and resume_on <= ctx.clock.today():
        raise InvalidInput(RefusalCode.RESUME_DATE_NOT_AFTER_TODAY)
    with ctx.transaction() as session:
        journey = _load(session, journey_id)
        if journey.status is not JourneyStatus.ACTIVE:
            raise InvalidInput(RefusalCode.PAUSE_NEEDS_ACTIVE, status=journey.status)
        before = _state(journey)
        journey.status, journey.paused_on, journey.end_reason = (
            JourneyStatus.PAUSED,
            ctx.clock.today(),
            why,
        )
        journey.resume_on = resume_on
        planned = {"until": resume_on.isoformat()} if resume_on else {}
        activity.log(
            session, ctx.clock, journey, ActivityKind.JOURNEY_PAUSED, reason=why, **planned
        )
        return Result(before, _changes(journey, Aspect.JOURNEY | Aspect.CAPACITY))


def resume(ctx: Context, journey_id: int) -> Result[JourneyState]:
    """Resume a paused journey: every open step, and the plan of every phase not finished,
    moves later by the working days the pause lasted. Steps done keep their dates."""
    calendar = work_calendar(ctx)
    today = ctx.clock.today()
    with ctx.transaction() as session:
        journey = _load(session, journey_id, with_steps=True)
        if journey.status is not JourneyStatus.PAUSED:
            raise InvalidInput(RefusalCode.RESUME_NEEDS_PAUSED, status=journey.status)
        before = _state(journey, with_dates=True)
        paused_on = journey.paused_on or today
        days = pause_length(paused_on, today, calendar)
        if days:
            for phase in journey.phases:
                if phase.completed_on is None:
                    if phase.started_on is None:
                        phase.planned_start_on = shift(phase.planned_start_on, days, calendar)
                    phase.planned_end_on = shift(phase.planned_end_on, days, calendar)
                for step in phase.steps:
                    if step.completed_on is None:
                        step.start_on = shift(step.start_on, days, calendar)
                        step.due_on = shift(step.due_on, days, calendar)
            journey.planned_end_on = max(
                [journey.planned_end_on, *(p.planned_end_on for p in journey.phases)]
            )
        journey.status, journey.paused_on, journey.end_reason = JourneyStatus.ACTIVE, None, ""
        journey.resume_on = None
        activity.log(
            session, ctx.clock, journey, ActivityKind.JOURNEY_RESUMED, days=days, since=paused_on
        )
        aspects = Aspect.JOURNEY | Aspect.CAPACITY | (Aspect.STEPS if days else Aspect.NONE)
        return Result(before, _changes(journey, aspects))


def complete(ctx: Context, journey_id: int, force: bool = False) -> Result[JourneyState]:
    """Complete a journey today. With steps still open this raises StepsStillOpen, unless
    `force`: those steps then stay open (not done), and their phases show as skipped."""
    with ctx.transaction() as session:
        journey = _load(session, journey_id)
        if journey.status not in _RUNNING:
            raise InvalidInput(RefusalCode.JOURNEY_ALREADY_IN_STATUS, status=journey.status)
        open_titles = list(
            session.scalars(
                select(JourneyStep.title)
                .where(JourneyStep.journey_id == journey_id, JourneyStep.completed_on.is_(None))
                .order_by(JourneyStep.position)
            )
        )
        if open_titles and not force:
            raise StepsStillOpen(open_titles)
        before = _state(journey)
        journey.status, journey.ended_on = JourneyStatus.COMPLETED, ctx.clock.today()
        journey.paused_on, journey.end_reason, journey.resume_on = None, "", None
        activity.log(
            session, ctx.clock, journey, ActivityKind.JOURNEY_COMPLETED, open_steps=len(open_titles)
        )
        return Result(before, _changes(journey, Aspect.JOURNEY | Aspect.CAPACITY))


def cancel(ctx: Context, journey_id: int, reason: str = "") -> Result[JourneyState]:
    """End an active or paused journey today without completing it."""
    why = _reason(reason)
    with ctx.transaction() as session:
        journey = _load(session, journey_id)
        if journey.status not in _RUNNING:
            raise InvalidInput(RefusalCode.JOURNEY_ALREADY_IN_STATUS, status=journey.status)
        before = _state(journey)
        journey.status, journey.ended_on = JourneyStatus.CANCELLED, ctx.clock.today()
        journey.paused_on, journey.end_reason, journey.resume_on = None, why, None
        activity.log(session, ctx.clock, journey, ActivityKind.JOURNEY_CANCELLED, reason=why)
        return Result(before, _changes(journey, Aspect.JOURNEY | Aspect.CAPACITY))


def archive(ctx: Context, journey_id: int) -> Result[JourneyState]:
    """Put an ended journey away: it leaves every list (its history stays)."""
    with ctx.transaction() as session:
        journey = _load(session, journey_id)
        if journey.status not in _ENDED:
            raise InvalidInput(RefusalCode.ARCHIVE_NEEDS_ENDED)
        before = _state(journey)
        journey.status = JourneyStatus.ARCHIVED
        activity.log(session, ctx.clock, journey, ActivityKind.JOURNEY_ARCHIVED, was=before.status)
        return Result(before, _changes(journey, Aspect.JOURNEY))


def restore_journey_state(
    ctx: Context, journey_id: int, state: JourneyState
) -> Result[JourneyState]:
    """Put a journey back as `state` says (the undo of any action here); the value is the
    state it had, so restoring that again redoes the action exactly."""
    with ctx.transaction() as session:
        journey = _load(session, journey_id, with_steps=bool(state.steps or state.phases))
        steps = {s.id: s for p in journey.phases for s in p.steps} if state.steps else {}
        phases = {p.id: p for p in journey.phases} if state.phases else {}
        if any(i not in steps for i, _, _ in state.steps) or any(
            i not in phases for i, _, _ in state.phases
        ):
            raise InvalidInput(RefusalCode.STEPS_CHANGED_SINCE)
        now = JourneyState(
            journey.status,
            journey.paused_on,
            journey.ended_on,
            journey.end_reason,
            journey.planned_end_on,
            journey.resume_on,
            tuple((i, steps[i].start_on, steps[i].due_on) for i, _, _ in state.steps),
            tuple(
                (i, phases[i].planned_start_on, phases[i].planned_end_on)
                for i, _, _ in state.phases
            ),
        )
        journey.status, journey.paused_on = state.status, state.paused_on
        journey.ended_on, journey.end_reason = state.ended_on, state.end_reason
        journey.planned_end_on, journey.resume_on = state.planned_end_on, state.resume_on
        for step_id, start_on, due_on in state.steps:
            steps[step_id].start_on, steps[step_id].due_on = start_on, due_on
        for phase_id, start_on, end_on in state.phases:
            phases[phase_id].planned_start_on, phases[phase_id].planned_end_on = start_on, end_on
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.JOURNEY_RESTORED,
            status=state.status,
            was=now.status,
            undo=True,
        )
        moved = Aspect.STEPS if state.steps else Aspect.NONE
        return Result(now, _changes(journey, Aspect.JOURNEY | Aspect.CAPACITY | moved))


def journey_finished(ctx: Context, journey_id: int) -> bool:
    """True when an active journey has steps and all are done: the app offers to complete."""
    with ctx.db.engine.connect() as connection:
        status = connection.execute(select(Journey.status).where(Journey.id == journey_id)).scalar()
        if status is not JourneyStatus.ACTIVE:
            return False
        total, open_steps = connection.execute(
            select(
                func.count(),
                func.count().filter(JourneyStep.completed_on.is_(None)),
            ).where(JourneyStep.journey_id == journey_id)
        ).one()
    return bool(total) and not open_steps


@dataclass(frozen=True, slots=True)
class SkippedPhase:
    position: int
    name: str
    open_steps: tuple[str, ...]  # titles, in journey order


def skipped_phases(ctx: Context, journey_id: int) -> list[SkippedPhase]:
    """Phases left behind with steps still open (moved past a checkpoint, imported, a step
    reopened later, or the journey completed without them), each with every step still
    open: what the card and page say was skipped."""
    with ctx.db.engine.connect() as connection:
        found = connection.execute(
            select(Journey.current_position, Journey.status).where(Journey.id == journey_id)
        ).first()
        if found is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        current, status = found
        rows = connection.execute(
            select(JourneyPhase.position, JourneyPhase.name, JourneyStep.title)
            .join(JourneyStep, JourneyStep.phase_id == JourneyPhase.id)
            .where(JourneyPhase.journey_id == journey_id, JourneyStep.completed_on.is_(None))
            .order_by(JourneyPhase.position, JourneyStep.position)
        ).all()
    open_titles: dict[int, tuple[str, list[str]]] = {}
    for position, name, title in rows:
        open_titles.setdefault(position, (name, []))[1].append(title)
    return [
        SkippedPhase(position, name, tuple(titles))
        for position, (name, titles) in open_titles.items()
        if phase_status(position, current, status, len(titles)) is PhaseStatus.SKIPPED
    ]

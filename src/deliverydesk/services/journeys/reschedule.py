"""Rescheduling a step from Today: a new due date, and on request the later open steps of
the same phase moved by as many working days; a session also takes a time and a length.
The value returned is every step's dates (and a session's time) as they were, which is
all an undo needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select

from deliverydesk.model.entities import Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES
from deliverydesk.model.rules.timeline import shift_working_days
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.wording import RefusalCode


@dataclass(frozen=True, slots=True)
class StepDates:
    step_id: int
    start_on: date
    due_on: date
    session_time: time | None = None  # a session's start on its due date
    session_minutes: int = 0


@dataclass(frozen=True, slots=True)
class SessionSlot:
    """A session's new time on its (new) due date and its length; `start` None takes the
    time off, leaving the session on its date."""

    start: time | None
    minutes: int


@dataclass(frozen=True, slots=True)
class Rescheduled:
    """What a reschedule changed: the steps' dates before it (first the step asked for)."""

    journey_id: int
    before: tuple[StepDates, ...]

    @property
    def shifted(self) -> int:
        """How many later steps moved along with the step."""
        return max(len(self.before) - 1, 0)


def reschedule_step(
    ctx: Context,
    step_id: int,
    due_on: date,
    *,
    shift_rest: bool = False,
    slot: SessionSlot | None = None,
) -> Result[Rescheduled]:
    """Give an open step a new due date; with `shift_rest`, the open steps after it in its
    phase move by the same number of working days (start and due alike). With `slot`, a
    session also takes that time and length (a session's time moves with its date)."""
    if slot is not None and not 0 <= slot.minutes <= MAX_SESSION_MINUTES:
        raise InvalidInput(RefusalCode.SESSION_LENGTH_OUT_OF_RANGE, limit=MAX_SESSION_MINUTES)
    calendar = work_calendar(ctx)
    with ctx.transaction() as session:
        step = session.get(JourneyStep, step_id)
        if step is None:
            raise NotFound(RefusalCode.STEP_GONE)
        if step.completed_on is not None:
            raise InvalidInput(RefusalCode.RESCHEDULE_DONE_STEP, step=step.title)
        if due_on < step.start_on:
            raise InvalidInput(
                RefusalCode.STEP_DUE_BEFORE_START, step=step.title, starts=step.start_on
            )
        if slot is not None and step.kind is not StepKind.SESSION:
            raise InvalidInput(RefusalCode.SESSION_TIME_NOT_SESSION, step=step.title)
        journey = step.journey
        before = [_dates(step)]
        later: list[JourneyStep] = []
        if shift_rest:
            later = list(
                session.scalars(
                    select(JourneyStep)
                    .where(
                        JourneyStep.phase_id == step.phase_id,
                        JourneyStep.position > step.position,
                        JourneyStep.completed_on.is_(None),
                    )
                    .order_by(JourneyStep.position)
                )
            )
        moved_by = calendar.working_days_between(step.due_on, due_on)
        was, step.due_on = step.due_on, due_on
        timed = slot is not None and (slot.start, slot.minutes) != (
            step.session_time,
            step.session_minutes,
        )
        if slot is not None:
            step.session_time, step.session_minutes = slot.start, slot.minutes
        for other in later:
            before.append(_dates(other))
            other.start_on = shift_working_days(calendar, other.start_on, moved_by)
            other.due_on = shift_working_days(calendar, other.due_on, moved_by)
        if slot is None or was != due_on:  # a session only retimed says so, once
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.DUE_DATE_CHANGED,
                step=step.title,
                step_id=step.id,
                was=was,
                now=due_on,
            )
        if timed and step.session_time is not None:
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.SESSION_TIMED,
                step=step.title,
                step_id=step.id,
                now=due_on,
                at=step.session_time.strftime("%H:%M"),
            )
        if later:
            phase = session.get(JourneyPhase, step.phase_id)
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.STEPS_SHIFTED,
                step_id=step.id,
                phase=phase.name if phase else "",
                steps=len(later),
                working_days=moved_by,
            )
        return Result(Rescheduled(journey.id, tuple(before)), _changed(journey))


def restore_step_dates(ctx: Context, rescheduled: Rescheduled) -> Result[Rescheduled]:
    """Put the steps' dates back as `rescheduled.before` holds them (the undo of a
    reschedule); the value is what they were just before, for a redo."""
    with ctx.transaction() as session:
        journey = session.get(Journey, rescheduled.journey_id)
        if journey is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        steps = {
            s.id: s
            for s in session.scalars(
                select(JourneyStep).where(
                    JourneyStep.id.in_([d.step_id for d in rescheduled.before])
                )
            )
        }
        if len(steps) != len(rescheduled.before):
            raise InvalidInput(RefusalCode.STEPS_REMOVED_SINCE)
        replaced = []
        for dates in rescheduled.before:
            step = steps[dates.step_id]
            replaced.append(_dates(step))
            step.start_on, step.due_on = dates.start_on, dates.due_on
            step.session_time, step.session_minutes = dates.session_time, dates.session_minutes
        first = steps[rescheduled.before[0].step_id]
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.DUE_DATE_CHANGED,
            step=first.title,
            step_id=first.id,
            was=replaced[0].due_on,
            now=first.due_on,
            undo=True,
        )
        return Result(Rescheduled(journey.id, tuple(replaced)), _changed(journey))


def _dates(step: JourneyStep) -> StepDates:
    return StepDates(step.id, step.start_on, step.due_on, step.session_time, step.session_minutes)


def _changed(journey: Journey) -> Changes:
    return Changes(
        journeys=frozenset({journey.id}),
        clients=frozenset({journey.client_id}),
        aspects=Aspect.STEPS | Aspect.CAPACITY,
    )

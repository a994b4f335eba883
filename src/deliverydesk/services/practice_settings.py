"""Settings → Practice: name, owner, weekly hours, working days and closed dates, changed
after the first run. A change to the working days or closed dates re-dates the work not
done yet (open steps of active and paused journeys), after showing how many dates move."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.calendar import WorkCalendar
from deliverydesk.model.entities import Journey, JourneyPhase, JourneyStep, Practice
from deliverydesk.model.enums import ActivityKind, JourneyStatus
from deliverydesk.model.retime import Retimer
from deliverydesk.services import activity
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.practice import closed_dates
from deliverydesk.services.summary import refresh_summary
from deliverydesk.services.validation import clean_line

MAX_CLOSED_DATES = 2_000
CLOSED_WINDOW = timedelta(days=365 * 50)
_REDATED = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


@dataclass(frozen=True)
class PracticeSettings:
    name: str
    owner_name: str
    weekly_hours: float
    working_days: frozenset[int]  # ISO weekdays, Monday = 1
    closed_dates: frozenset[date]

    @property
    def calendar(self) -> WorkCalendar:
        return WorkCalendar(self.working_days, self.closed_dates)


@dataclass(frozen=True)
class PracticeUndo:
    """The settings before a change, and the dates it moved: restore_practice puts both
    back exactly."""

    settings: PracticeSettings
    steps: tuple[tuple[int, date, date], ...] = ()  # (step id, start_on, due_on)
    phases: tuple[tuple[int, date], ...] = ()  # (phase id, planned_end_on)
    journeys: tuple[tuple[int, date], ...] = ()  # (journey id, planned_end_on)


def _practice(session: Session) -> Practice:
    practice = session.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
    if practice is None:
        raise NotFound("There is no practice yet; create one first.")
    return practice


def _settings(practice: Practice) -> PracticeSettings:
    return PracticeSettings(
        practice.name,
        practice.owner_name,
        practice.weekly_hours,
        practice.weekdays,
        closed_dates(practice.closed_dates),
    )


def practice_settings(ctx: Context) -> PracticeSettings:
    with ctx.db.sessions() as session:
        return _settings(_practice(session))


def clean_settings(settings: PracticeSettings, today: date) -> PracticeSettings:
    if not 1 <= settings.weekly_hours <= 168:
        raise InvalidInput("Weekly hours must be between 1 and 168.")
    if not settings.working_days or not settings.working_days <= set(range(1, 8)):
        raise InvalidInput("Choose at least one working day.")
    if len(settings.closed_dates) > MAX_CLOSED_DATES:
        raise InvalidInput(f"At most {MAX_CLOSED_DATES:,} closed dates can be kept.")
    if any(abs(day - today) > CLOSED_WINDOW for day in settings.closed_dates):
        raise InvalidInput("Closed dates must be within 50 years of today.")
    return PracticeSettings(
        clean_line(settings.name, "The practice's name", 200, required=True),
        clean_line(settings.owner_name, "Your name", 200),
        float(settings.weekly_hours),
        frozenset(settings.working_days),
        frozenset(settings.closed_dates),
    )


def _open_steps(connection: Connection | Session) -> list[tuple[int, int, date, date, date]]:
    """(journey id, step id, phase planned start, start, due) of every open step of an
    active or paused journey: one query."""
    rows = connection.execute(
        select(
            JourneyStep.journey_id,
            JourneyStep.id,
            JourneyPhase.planned_start_on,
            JourneyStep.start_on,
            JourneyStep.due_on,
        )
        .join(JourneyPhase, JourneyPhase.id == JourneyStep.phase_id)
        .join(Journey, Journey.id == JourneyStep.journey_id)
        .where(JourneyStep.completed_on.is_(None), Journey.status.in_(_REDATED))
    ).all()
    return [(j, s, anchor, start, due) for j, s, anchor, start, due in rows]


def _moves(
    rows: list[tuple[int, int, date, date, date]], old: WorkCalendar, new: WorkCalendar
) -> dict[int, dict[int, tuple[date, date]]]:
    """New (start, due) of the open steps whose dates change, by journey then step id."""
    retimer = Retimer(old, new, (d for row in rows for d in (row[2], row[4])))
    moved: dict[int, dict[int, tuple[date, date]]] = {}
    for journey_id, step_id, anchor, start, due in rows:
        new_dates = retimer.step(anchor, start, due)
        if new_dates != (start, due):
            moved.setdefault(journey_id, {})[step_id] = new_dates
    return moved


def preview_reschedule(ctx: Context, working_days: frozenset[int], closed: frozenset[date]) -> int:
    """How many open steps' due dates would move with these working days and closed dates."""
    new = WorkCalendar(working_days, closed)
    with ctx.db.sessions() as session:
        old = _settings(_practice(session)).calendar
        rows = _open_steps(session)
    if old == new:
        return 0
    retimer = Retimer(old, new, (d for row in rows for d in (row[2], row[4])))
    return sum(retimer.step(anchor, start, due)[1] != due for _, _, anchor, start, due in rows)


def update_practice(ctx: Context, settings: PracticeSettings) -> Result[PracticeUndo]:
    """Save the settings; open work is re-dated when the calendar changed. The value holds
    what undoing needs (restore_practice)."""
    clean = clean_settings(settings, ctx.clock.today())
    with ctx.transaction() as session:
        practice = _practice(session)
        before = _settings(practice)
        _write(practice, clean)
        steps, phases, ends = _redate(ctx, session, before.calendar, clean.calendar)
        aspects = Aspect.PRACTICE | Aspect.CAPACITY | (Aspect.STEPS if steps else Aspect.NONE)
        return Result(
            PracticeUndo(before, steps, phases, ends),
            Changes(journeys=frozenset(j for j, _ in ends), aspects=aspects),
        )


def restore_practice(ctx: Context, undo: PracticeUndo) -> Result[PracticeUndo]:
    """Put the settings and every date a change moved back as they were (undo of
    update_practice); the value undoes this in turn (redo)."""
    with ctx.transaction() as session:
        practice = _practice(session)
        now = _settings(practice)
        _write(practice, undo.settings)
        steps = {
            s.id: s
            for s in session.scalars(
                select(JourneyStep).where(JourneyStep.id.in_([i for i, _, _ in undo.steps]))
            )
        }
        phases = {
            p.id: p
            for p in session.scalars(
                select(JourneyPhase).where(JourneyPhase.id.in_([i for i, _ in undo.phases]))
            )
        }
        journeys = {
            j.id: j
            for j in session.scalars(
                select(Journey)
                .where(Journey.id.in_([i for i, _ in undo.journeys]))
                .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
            )
        }
        redo = PracticeUndo(
            now,
            tuple((i, steps[i].start_on, steps[i].due_on) for i, _, _ in undo.steps if i in steps),
            tuple((i, phases[i].planned_end_on) for i, _ in undo.phases if i in phases),
            tuple((i, journeys[i].planned_end_on) for i, _ in undo.journeys if i in journeys),
        )
        for step_id, start_on, due_on in undo.steps:
            if step_id in steps:
                steps[step_id].start_on, steps[step_id].due_on = start_on, due_on
        for phase_id, end_on in undo.phases:
            if phase_id in phases:
                phases[phase_id].planned_end_on = end_on
        for journey_id, end_on in undo.journeys:
            if journey_id in journeys:
                journeys[journey_id].planned_end_on = end_on
                refresh_summary(session, journeys[journey_id])
                activity.log(
                    session,
                    ctx.clock,
                    journeys[journey_id],
                    ActivityKind.STEPS_RESCHEDULED,
                    steps=sum(s.journey_id == journey_id for s in steps.values()),
                    undo=True,
                )
        aspects = Aspect.PRACTICE | Aspect.CAPACITY | (Aspect.STEPS if undo.steps else Aspect.NONE)
        return Result(redo, Changes(journeys=frozenset(journeys), aspects=aspects))


def _write(practice: Practice, settings: PracticeSettings) -> None:
    practice.name, practice.owner_name = settings.name, settings.owner_name
    practice.weekly_hours = settings.weekly_hours
    practice.working_days = "".join(str(d) for d in sorted(settings.working_days))
    practice.closed_dates = [d.isoformat() for d in sorted(settings.closed_dates)]


_Dates = tuple[
    tuple[tuple[int, date, date], ...], tuple[tuple[int, date], ...], tuple[tuple[int, date], ...]
]


def _redate(ctx: Context, session: Session, old: WorkCalendar, new: WorkCalendar) -> _Dates:
    """Move the open work of active and paused journeys into the new calendar; returns the
    dates it moved as they were: (steps, phase ends, journey ends)."""
    moves = _moves(_open_steps(session), old, new) if old != new else {}
    if not moves:
        return (), (), ()
    journeys = session.scalars(
        select(Journey)
        .where(Journey.id.in_(list(moves)))
        .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
    ).all()
    retimer = Retimer(
        old,
        new,
        (d for j in journeys for p in j.phases for d in (p.planned_start_on, p.planned_end_on)),
    )
    steps, phases, ends = [], [], []
    for journey in journeys:
        moved = moves[journey.id]
        for phase in journey.phases:
            for step in phase.steps:
                if step.id in moved:
                    steps.append((step.id, step.start_on, step.due_on))
                    step.start_on, step.due_on = moved[step.id]
            if phase.completed_on is None:
                end = retimer.end(phase.planned_start_on, phase.planned_end_on)
                if end != phase.planned_end_on:
                    phases.append((phase.id, phase.planned_end_on))
                    phase.planned_end_on = end
        ends.append((journey.id, journey.planned_end_on))
        journey.planned_end_on = max(p.planned_end_on for p in journey.phases)
        refresh_summary(session, journey)
        activity.log(session, ctx.clock, journey, ActivityKind.STEPS_RESCHEDULED, steps=len(moved))
    return tuple(steps), tuple(phases), tuple(ends)

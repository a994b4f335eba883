"""Changing a journey: steps done and reopened, due dates, phase moves, notes.

Each undoable use case returns what undoing it needs (the date a step was done, the due
date it had, where the journey stood), so an undo command reads nothing before it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload

from deliverydesk.model.entities import Journey, JourneyPhase, JourneyStep, Note
from deliverydesk.model.rules.delivery import StepFacts, advance_target, move_blockers
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus, Owner
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import CheckpointBlocked, InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.validation import clean_text
from deliverydesk.wording import RefusalCode

MAX_NOTE_LENGTH = 100_000


def _step(session: Session, step_id: int) -> JourneyStep:
    # With its journey (every step use case logs on it): one statement, not a second.
    step = session.get(JourneyStep, step_id, options=[joinedload(JourneyStep.journey)])
    if step is None:
        raise NotFound(RefusalCode.STEP_GONE)
    return step


def _changed(journey: Journey, aspects: Aspect) -> Changes:
    return Changes(
        journeys=frozenset({journey.id}), clients=frozenset({journey.client_id}), aspects=aspects
    )


@dataclass(frozen=True)
class StepDone:
    """A step marked done: the day, and where the journey moved on to because of it."""

    on: date
    moved: PhaseMove | None = None  # the journey moved on (the step was its phase's last open)
    client_name: str = ""
    phase_name: str = ""  # the phase it moved on to
    # The step had been brought in (done before DeliveryDesk), then opened again: this tick
    # is real work, so the step is brought in no more; the tick's undo makes it so again.
    was_brought_in: bool = False


def complete_step(
    ctx: Context, step_id: int, on: date | None = None, *, undo: bool = False
) -> Result[StepDone]:
    """Mark a step done (today unless `on`); the value says the day it was marked done and,
    when it was the last open step of the current phase, where the journey moved on to (in
    the same transaction, logged as a move: one undo takes back both).

    `undo`: it undoes opening the step again, and the log says so; it never moves a phase.
    A step brought in and opened again keeps that mark for such an undo; a real tick is
    work done that day, counted like any other (on time or late), and clears it.
    """
    with ctx.transaction() as session:
        step = _step(session, step_id)
        if step.completed_on is not None:
            raise InvalidInput(RefusalCode.STEP_ALREADY_DONE, step=step.title)
        if on is not None and on > ctx.clock.today():
            raise InvalidInput(RefusalCode.STEP_DONE_IN_FUTURE)
        step.completed_on = on or ctx.clock.today()
        was_brought_in = step.brought_in and not undo
        if was_brought_in:
            step.brought_in = False
        journey = step.journey  # its summary is rewritten on flush (store/summaries.py)
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.STEP_COMPLETED,
            step=step.title,
            step_id=step.id,
            on=step.completed_on,
            **({"undo": True} if undo else {}),
        )
        aspects = Aspect.STEPS | Aspect.CAPACITY
        moved = None if undo else move_on(ctx, session, journey, step)
        if moved is None:
            done = StepDone(step.completed_on, was_brought_in=was_brought_in)
            return Result(done, _changed(journey, aspects))
        target = journey.phases[journey.current_position].name
        done = StepDone(
            step.completed_on, moved, journey.client.name, target, was_brought_in=was_brought_in
        )
        return Result(done, _changed(journey, aspects) | _moved(journey))


@cache
def _open_per_phase_query() -> Select[int, int]:
    # Built once: building a select() cost more than running it (~1 ms a tick).
    return (
        select(JourneyPhase.id, func.count(JourneyStep.id))
        .outerjoin(
            JourneyStep,
            (JourneyStep.phase_id == JourneyPhase.id) & JourneyStep.completed_on.is_(None),
        )
        .where(JourneyPhase.journey_id == bindparam("journey_id"))
        .group_by(JourneyPhase.id)
        .order_by(JourneyPhase.position)
    )


def _open_per_phase(session: Session, journey: Journey) -> list[tuple[int, int]]:
    """Each phase's id and how many of its steps are still open, in phase order (one
    query, which also tells which phase is current without loading the phases). Run on
    the session's connection: plain rows, no ORM layer (the caller has flushed)."""
    rows = session.connection().execute(_open_per_phase_query(), {"journey_id": journey.id})
    return [(phase_id, count) for phase_id, count in rows]


def move_on(
    ctx: Context, session: Session, journey: Journey, step: JourneyStep
) -> PhaseMove | None:
    """Move an active journey on once `step`, just marked done, closed its current phase
    (model/rules/delivery.py advance_target says where); logged like a move. None when it stays.
    A paused journey moves on too: the phase follows the work, paused or not.
    Every path that marks a step done calls this, in its own transaction."""
    if journey.status not in (JourneyStatus.ACTIVE, JourneyStatus.PAUSED):
        return None  # an ended journey stays where it ended
    current = journey.current_position
    session.flush()  # the tick counts in the open counts
    phases = _open_per_phase(session, journey)  # a tick stays put mostly: no phase loaded
    if current >= len(phases) or phases[current][0] != step.phase_id:
        return None
    target = advance_target([count for _id, count in phases], current)
    if target is None:
        return None
    phase = journey.phases[current]
    day = max(step.completed_on or ctx.clock.today(), phase.started_on or date.min)
    before = PhaseState.of(journey)
    _advance(journey, target, day)
    activity.log(
        session,
        ctx.clock,
        journey,
        ActivityKind.PHASE_MOVED,
        source=phase.name,
        target=journey.phases[target].name,
        from_position=current,
        to_position=target,
        step_id=step.id,
    )
    return PhaseMove(before, PhaseState.of(journey))


def reopen_step(
    ctx: Context,
    step_id: int,
    *,
    expected: date | None = None,
    moved: PhaseMove | None = None,
    brought_in: bool = False,
) -> Result[date]:
    """Open a done step again; the value is the day it had been done.

    `expected` (an undo's): the day the step must still be marked done on; a step marked
    done on another day since (by another window or program) is left as it is. The log
    marks an undo "(undo)". `moved` (the undo of a tick that moved the journey on): the
    journey goes back to where it stood, in the same transaction, unless it moved since.
    `brought_in` (the undo of a tick that cleared it, StepDone.was_brought_in): the step,
    open again, is marked brought in again. A step opened by hand keeps its mark.
    """
    with ctx.transaction() as session:
        step = _step(session, step_id)
        if moved is not None:
            put_back(ctx, session, step.journey_id, moved.before, moved.after)
        if step.completed_on is None:
            raise InvalidInput(RefusalCode.STEP_NOT_DONE, step=step.title)
        if step.paid_on is not None:  # an invoice paid was sent: take back "paid" first
            raise InvalidInput(RefusalCode.INVOICE_PAID_STAYS_SENT, step=step.title)
        if expected is not None and step.completed_on != expected:
            raise InvalidInput(
                RefusalCode.STEP_DONE_ON_OTHER_DAY, step=step.title, completed_on=step.completed_on
            )
        was = step.completed_on
        step.completed_on = None
        step.brought_in = step.brought_in or brought_in
        journey = step.journey  # its summary is rewritten on flush (store/summaries.py)
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.STEP_REOPENED,
            step=step.title,
            step_id=step.id,
            was=was,
            **({"undo": True} if expected is not None else {}),
        )
        changes = _changed(journey, Aspect.STEPS | Aspect.CAPACITY)
        return Result(was, changes | _moved(journey) if moved is not None else changes)


def set_due_date(
    ctx: Context, step_id: int, due_on: date, *, expected: date | None = None
) -> Result[date]:
    """Move a step's due date; the value is the due date it had.

    `expected` (an undo's): the due date the step must still have; one changed since (by
    another window or program) is kept, not overwritten. The log marks the change "(undo)",
    as restore_phase_state marks an undone move.
    """
    with ctx.transaction() as session:
        step = _step(session, step_id)
        if expected is not None and step.due_on != expected:
            raise InvalidInput(
                RefusalCode.STEP_DUE_DATE_CHANGED_SINCE, step=step.title, due_on=step.due_on
            )
        if due_on < step.start_on:
            raise InvalidInput(
                RefusalCode.STEP_DUE_BEFORE_START, step=step.title, starts=step.start_on
            )
        was, step.due_on = step.due_on, due_on
        journey = step.journey  # its summary is rewritten on flush (store/summaries.py)
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.DUE_DATE_CHANGED,
            step=step.title,
            step_id=step.id,
            was=was,
            now=due_on,
            **({"undo": True} if expected is not None else {}),
        )
        return Result(was, _changed(journey, Aspect.STEPS | Aspect.CAPACITY))


@cache
def _checkpoints_query() -> Select[int, str, int, int, Owner, date, date, date | None]:
    return (
        select(
            JourneyStep.id,
            JourneyStep.title,
            JourneyStep.position,
            JourneyPhase.position,
            JourneyStep.owner,
            JourneyStep.start_on,
            JourneyStep.due_on,
            JourneyStep.completed_on,
        )
        .join(JourneyPhase, JourneyPhase.id == JourneyStep.phase_id)
        .where(
            JourneyStep.journey_id == bindparam("journey_id"), JourneyStep.is_checkpoint.is_(True)
        )
    )


def _checkpoint_facts(session: Session, journey_id: int) -> list[StepFacts]:
    """The journey's checkpoints only: all a phase move needs to know (a few rows)."""
    rows = session.connection().execute(_checkpoints_query(), {"journey_id": journey_id})
    return [StepFacts(*row, is_checkpoint=True) for row in rows]


@cache
def _blockers_query() -> Select[int, int, str, int, int, Owner, date, date, date | None]:
    """The journey's place with its checkpoints (none: one row of NULLs), in one statement."""
    return (
        select(
            Journey.current_position,
            JourneyStep.id,
            JourneyStep.title,
            JourneyStep.position,
            JourneyPhase.position,
            JourneyStep.owner,
            JourneyStep.start_on,
            JourneyStep.due_on,
            JourneyStep.completed_on,
        )
        .select_from(Journey)
        .outerjoin(
            JourneyStep,
            (JourneyStep.journey_id == Journey.id) & JourneyStep.is_checkpoint.is_(True),
        )
        .outerjoin(JourneyPhase, JourneyPhase.id == JourneyStep.phase_id)
        .where(Journey.id == bindparam("journey_id"))
    )


def checkpoints_in_the_way(ctx: Context, journey_id: int, position: int) -> list[str]:
    """The open checkpoints a move to `position` would pass, by title, read without the
    write lock: the board asks before it moves, so a move past one is confirmed first and
    done in one write (move_to_phase checks them again as it moves)."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(_blockers_query(), {"journey_id": journey_id}).all()
    if not rows:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    facts = [
        StepFacts(step_id, title, at, phase_at, owner, start, due, done, is_checkpoint=True)
        for _place, step_id, title, at, phase_at, owner, start, due, done in rows
        if step_id is not None
    ]
    return [step.title for step in move_blockers(facts, rows[0][0], position)]


@dataclass(frozen=True)
class PhaseState:
    """Where a journey stands among its phases, exactly: what an undo puts back."""

    current_position: int
    dates: tuple[tuple[date | None, date | None], ...]  # (started_on, completed_on) per phase

    @classmethod
    def of(cls, journey: Journey) -> PhaseState:
        return cls(
            journey.current_position, tuple((p.started_on, p.completed_on) for p in journey.phases)
        )


@dataclass(frozen=True)
class PhaseMove:
    """A move's record: where the journey stood, and where the move left it (an undo puts
    `before` back only while the journey is still at `after`)."""

    before: PhaseState
    after: PhaseState


def _phases_only(session: Session, journey_id: int) -> Journey:
    # One statement: the journey joined to its few phases (a second one cost a round trip).
    journey = session.get(Journey, journey_id, options=[joinedload(Journey.phases)])
    if journey is None:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    return journey


def move_to_phase(
    ctx: Context, journey_id: int, position: int, *, override: bool = False
) -> Result[PhaseMove | None]:
    """Move a journey to the phase at `position`; the value is where it stood before and
    after (None when it was already there).

    Leaving a phase forward with a checkpoint not done raises CheckpointBlocked, unless
    the caller overrides, which the activity log records with the checkpoints skipped.
    """
    today = ctx.clock.today()
    with ctx.transaction() as session:
        # Phases only: the steps are not touched, and their checkpoints come in one query.
        journey = _phases_only(session, journey_id)
        if not 0 <= position < len(journey.phases):
            raise InvalidInput(RefusalCode.PHASE_NOT_IN_JOURNEY)
        current = journey.current_position
        if position == current:
            return Result(None, Changes())
        blockers = move_blockers(_checkpoint_facts(session, journey_id), current, position)
        if blockers and not override:
            raise CheckpointBlocked([b.title for b in blockers])
        before = PhaseState.of(journey)
        _advance(journey, position, today)
        target = journey.phases[position]
        if blockers:
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.CHECKPOINT_OVERRIDDEN,
                checkpoints=[b.title for b in blockers],
            )
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.PHASE_MOVED,
            source=journey.phases[current].name,
            target=target.name,
            from_position=current,
            to_position=position,
        )
        return Result(PhaseMove(before, PhaseState.of(journey)), _moved(journey))


def _advance(journey: Journey, position: int, day: date) -> None:
    """Put the journey in the phase at `position` on `day`: the phases it leaves forward
    are left that day; those from the target on are not left yet."""
    current = journey.current_position
    for phase in journey.phases:
        if current <= phase.position < position:
            phase.started_on = phase.started_on or day  # a phase skipped over
            phase.completed_on = phase.completed_on or day
        elif phase.position >= position:
            phase.completed_on = None
    journey.phases[position].started_on = day
    journey.current_position = position


def _moved(journey: Journey) -> Changes:
    offers = frozenset({journey.offer_id}) if journey.offer_id is not None else frozenset()
    return _changed(journey, Aspect.PHASE) | Changes(offers=offers)


def restore_phase_state(
    ctx: Context, journey_id: int, state: PhaseState, *, expected: PhaseState | None = None
) -> Changes:
    """Put a journey back exactly where `state` says; logged like any other move.

    `expected` (an undo's): where the move left the journey. One moved since, by another
    window or program, is left where it is rather than silently taken back.
    """
    with ctx.transaction() as session:
        return _moved(put_back(ctx, session, journey_id, state, expected))


def put_back(
    ctx: Context,
    session: Session,
    journey_id: int,
    state: PhaseState,
    expected: PhaseState | None,
) -> Journey:
    """restore_phase_state inside the caller's transaction (the undo of a tick that moved
    the journey on puts it back in the same transaction as it opens the step)."""
    journey = _phases_only(session, journey_id)
    if len(journey.phases) != len(state.dates):
        raise InvalidInput(RefusalCode.PHASES_CHANGED_SINCE)
    if expected is not None and PhaseState.of(journey) != expected:
        raise InvalidInput(
            RefusalCode.JOURNEY_MOVED_SINCE, phase=journey.phases[journey.current_position].name
        )
    source = journey.phases[journey.current_position].name
    for phase, (started, completed) in zip(journey.phases, state.dates, strict=True):
        phase.started_on, phase.completed_on = started, completed
    journey.current_position = state.current_position
    activity.log(
        session,
        ctx.clock,
        journey,
        ActivityKind.PHASE_MOVED,
        source=source,
        target=journey.phases[state.current_position].name,
        from_position=-1,
        to_position=state.current_position,
        undo=True,
    )
    return journey


def add_note(ctx: Context, journey_id: int, text: str) -> Result[int]:
    """Add a note to a journey; the value is the new note's id."""
    if not clean_text(text, "The note", MAX_NOTE_LENGTH):
        raise InvalidInput(RefusalCode.NOTE_EMPTY)
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None:
            raise NotFound(RefusalCode.JOURNEY_GONE)
        note = Note(journey_id=journey.id, written_at=ctx.clock.now(), text=text)
        session.add(note)
        session.flush()
        activity.log(
            session,
            ctx.clock,
            journey,
            ActivityKind.NOTE_ADDED,
            note_id=note.id,
            excerpt=text.strip()[:120],
        )
        return Result(note.id, _changed(journey, Aspect.NOTES))


def remove_note(ctx: Context, note_id: int) -> Changes:
    """Take a note back (undo of adding it); the activity log keeps that it was there."""
    with ctx.transaction() as session:
        note = session.get(Note, note_id)
        if note is None:
            raise NotFound(RefusalCode.NOTE_GONE)
        journey = session.get(Journey, note.journey_id)
        assert journey is not None  # a note's journey is a foreign key with cascade
        session.delete(note)
        activity.log(session, ctx.clock, journey, ActivityKind.NOTE_REMOVED, note_id=note_id)
        return _changed(journey, Aspect.NOTES)

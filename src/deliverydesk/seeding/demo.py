"""A demo practice that reads like a real one, its history replayed through the services.

Every record is made by the same use cases the window calls, each on the day it happened
(a FixedClock per day), so the activity log, phase dates and summaries are genuine. The
replay runs in a scratch folder; its result moves into the person's folder in one
transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, time, timedelta
from functools import partial
from importlib.resources import as_file, files

from sqlalchemy import select

from deliverydesk.model.entities import Friction, Journey, JourneyPhase, JourneyStep
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.clock import FixedClock
from deliverydesk.model.rules.enums import FrictionKind, JourneyStatus, Owner, StepKind
from deliverydesk.progress import CancelCheck, Progress, Tracker
from deliverydesk.seeding.demo_content import (
    CLIENTS,
    FEEDBACK,
    OFFERS,
    PAID_AFTER_DAYS,
    PRACTICE,
    RIGHT_FIT_QUESTIONS,
    SCORE_ONLY,
    ClientSeed,
    FrictionSeed,
)
from deliverydesk.seeding.demo_sessions import Session, session_times
from deliverydesk.services.clients.clients import ClientInput, add_client, enrol_client
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.data.calendar_import import CalendarPlan, ProposedSession, apply_plan
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.journeys import add_note, complete_step, move_to_phase
from deliverydesk.services.journeys.records import log_friction, record_feedback, resolve_friction
from deliverydesk.services.journeys.reschedule import StepDates
from deliverydesk.services.money.payments import mark_paid
from deliverydesk.services.offers.offers import create_offer
from deliverydesk.services.practice.brand import brand_settings, import_logo, update_brand
from deliverydesk.services.practice.practice import create_practice, get_practice
from deliverydesk.staging import staging
from deliverydesk.store.engine import without_fsync
from deliverydesk.store.transfer import copy_into_empty
from deliverydesk.wording import RefusalCode

Action = Callable[[Context], object]
# What happened on a day: sorted by (day, client, order in which the replay planned it).
Event = tuple[date, int, int, Action]

# Friction on a hand-off holds its step up: the step is done when the friction is resolved.
_HOLDS_STEP = (FrictionKind.DELAY, FrictionKind.MISSED_HANDOFF)


@dataclasses.dataclass(frozen=True, slots=True)
class _Step:
    id: int
    title: str
    position: int
    phase: int
    owner: Owner
    start_on: date
    due_on: date
    is_checkpoint: bool
    kind: StepKind
    session_minutes: int


def seed_demo(
    ctx: Context, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> str:
    """Fill an empty data folder with the Northlight demo practice; returns a summary.

    The practice is built in a scratch folder and moved in with one transaction, so a cancel
    (`cancelled()` turning True raises Cancelled) or a crash part-way leaves the folder as
    it was. `progress(done, total)` counts in percent.
    """
    if get_practice(ctx) is not None:
        raise InvalidInput(RefusalCode.DEMO_NEEDS_EMPTY_FOLDER)
    tracker = Tracker(progress, cancelled)
    with staging(ctx.path.parent, "demo") as folder:  # swept at start if killed
        scratch = open_workspace(folder, ctx.clock)  # a new file: every migration runs
        without_fsync(scratch.db.engine)  # the move below is the durable write
        try:
            tracker.step(_SCHEMA, 100)
            _build(scratch, tracker)
            # Branded in the scratch too, so the move below brings the brand with the data:
            # no moment when the practice is in place without it.
            _brand(scratch, logo_folder=ctx)
        finally:
            scratch.close()
        tracker.step(_BUILT, 100)  # the last moment to stop: the move below is all or nothing
        copy_into_empty(ctx.db.engine, scratch.path)
    tracker.report(100, 100)  # in place: too late to stop
    completed = sum(seed.story.completed for seed in CLIENTS)
    return f"{len(OFFERS)} offers, {len(CLIENTS)} clients ({completed} journeys completed)"


# Share of the work (in percent) done once the scratch file has its tables, once the clients
# are enrolled and once all is built: the bar moves from the first second on.
_SCHEMA, _ENROLLED, _BUILT = 5, 25, 95


def _build(ctx: Context, tracker: Tracker) -> None:
    """The demo practice, replayed day by day into the empty workspace `ctx`."""
    today = ctx.clock.today()
    calendar = WorkCalendar(PRACTICE.working_days)
    opened = _at(ctx, working_days_before(calendar, today, PRACTICE.founded))
    create_practice(
        opened, PRACTICE.name, PRACTICE.weekly_hours, PRACTICE.working_days, PRACTICE.owner_name
    )
    offer_ids = {key: create_offer(opened, spec)[0] for key, spec in OFFERS.items()}
    signed = []
    for count, seed in enumerate(CLIENTS):
        tracker.step(_SCHEMA + count * (_ENROLLED - _SCHEMA) // len(CLIENTS), 100)
        signed.append(_enrol(ctx, seed, offer_ids[seed.offer], calendar))
    feedback_used: dict[tuple[str, str], int] = {}
    replays = [
        _Replay(ctx, index, seed, journey_id, calendar, feedback_used)
        for index, (seed, (journey_id, _day)) in enumerate(zip(CLIENTS, signed, strict=True))
    ]
    times = session_times(
        Session(r.index, s.id, s.due_on, s.session_minutes)
        for r in replays
        for s in r.steps
        if s.kind is StepKind.SESSION
    )
    events: list[Event] = []
    for replay, (_journey, day) in zip(replays, signed, strict=True):
        events.append((day, replay.index, -1, partial(_book, replay.booking(times))))
        events.extend(replay.events())
    for count, (day, _client, _order, action) in enumerate(sorted(events, key=lambda e: e[:3])):
        tracker.step(_ENROLLED + count * (_BUILT - _ENROLLED) // len(events), 100)
        action(_at(ctx, day))


def _brand(ctx: Context, logo_folder: Context) -> None:
    """The demo's contact details and logo, on the practice in `ctx`; the logo is copied
    into `logo_folder`'s data folder like any logo (a copy a kill leaves there unused is
    harmless, and a later run makes its own)."""
    settings = brand_settings(ctx)
    with as_file(files("deliverydesk.resources") / "brand" / PRACTICE.logo) as logo:
        stored = import_logo(logo_folder, logo)
    update_brand(
        ctx,
        dataclasses.replace(
            settings,
            tagline=PRACTICE.tagline,
            email=PRACTICE.email,
            website=PRACTICE.website,
            phone=PRACTICE.phone,
            signature=PRACTICE.signature,
            logo_path=stored,
        ),
    )


def _at(ctx: Context, day: date) -> Context:
    """The caller's workspace as it was on `day`: same database, a clock pinned there."""
    return dataclasses.replace(ctx, clock=FixedClock(day))


def working_days_before(calendar: WorkCalendar, day: date, count: int) -> date:
    """The working day `count` working days before `day` (`day` itself for 0)."""
    while count > 0:
        day -= timedelta(days=1)
        count -= calendar.is_working(day)
    return day


def _enrol(
    ctx: Context, seed: ClientSeed, offer_id: int, calendar: WorkCalendar
) -> tuple[int, date]:
    """The client added and enrolled: their journey's id and the day they signed up."""
    today = ctx.clock.today()
    start = working_days_before(calendar, today, seed.started)
    # Clients sign up a few days before they start.
    signed = _at(ctx, min(working_days_before(calendar, start, 3), today))
    client_id = add_client(
        signed,
        ClientInput(
            name=seed.name,
            company=seed.company,
            email=seed.email,
            phone=seed.phone,
            notes=seed.notes,
            right_fit=dict(zip(RIGHT_FIT_QUESTIONS, seed.right_fit, strict=True)),
        ),
    ).value
    return enrol_client(signed, client_id, offer_id, start).value, signed.clock.today()


class _Replay:
    """One client's history so far, as dated service calls."""

    def __init__(
        self,
        ctx: Context,
        index: int,
        seed: ClientSeed,
        journey_id: int,
        calendar: WorkCalendar,
        feedback_used: dict[tuple[str, str], int],
    ) -> None:
        self.index = index
        self.seed = seed
        self.story = seed.story
        self.journey_id = journey_id
        self.calendar = calendar
        self.today = ctx.clock.today()
        self.steps = _load_steps(ctx, journey_id)
        self.feedback_used = feedback_used
        self.held = self._held_steps()
        self.left_open = self._find(self.story.left_open)
        self.stall = self._find(self.story.stalled_at)
        self.done = self._completions()
        self.pending = self._pending_feedback()
        self._out: list[Event] = []

    def events(self) -> list[Event]:
        moves = dict(self._moves())
        for phase in range(self.steps[-1].phase + 1):
            for step in (s for s in self.steps if s.phase == phase and s.id in self.done):
                self._add(self.done[step.id], partial(complete_step, step_id=step.id, on=None))
                self._paid(step)
                self._feedback(step)
            if phase + 1 in moves:
                self._add(
                    moves[phase + 1],
                    partial(move_to_phase, journey_id=self.journey_id, position=phase + 1),
                )
        if self.story.completed and len(self.done) == len(self.steps):
            self._add(max(self.done.values()), partial(_close, journey_id=self.journey_id))
        for friction in self.story.friction:
            self._friction(friction)
        for working_days_ago, text in self.story.notes:
            day = working_days_before(self.calendar, self.today, working_days_ago)
            self._add(day, partial(add_note, journey_id=self.journey_id, text=text))
        return self._out

    def booking(self, times: dict[int, time]) -> CalendarPlan:
        """The client's sessions at the times they booked as they signed up, as the
        practitioner's calendar would bring them in (`Import calendar…`)."""
        booked = [s for s in self.steps if s.id in times]
        return CalendarPlan(
            "",
            tuple(
                ProposedSession(
                    s.id,
                    self.journey_id,
                    self.seed.name,
                    s.title,
                    StepDates(s.id, s.start_on, s.due_on, None, s.session_minutes),
                    s.due_on,
                    times[s.id],
                    s.session_minutes,
                    s.title,
                    "email",
                )
                for s in booked
            ),
            (),
        )

    def _paid(self, step: _Step) -> None:
        """An invoice sent long enough ago is paid; the recent ones are still owed."""
        paid_on = self.done[step.id] + timedelta(days=PAID_AFTER_DAYS)
        if step.kind is StepKind.INVOICE and paid_on <= self.today:
            self._add(paid_on, partial(mark_paid, step_id=step.id, on=None))

    def _add(self, day: date, action: Action) -> None:
        self._out.append((day, self.index, len(self._out), action))

    def _step(self, title: str) -> _Step:
        return next(s for s in self.steps if s.title == title)

    def _held_steps(self) -> dict[int, date]:
        """Steps a resolved hand-off friction held up, done the day it was resolved."""
        held = {}
        for friction in self.story.friction:
            if friction.recovery and friction.kind in _HOLDS_STEP:
                step = self._step(friction.step)
                held[step.id] = self._friction_dates(friction, step)[1]
        return held

    def _pending_feedback(self) -> int | None:
        """The latest passed checkpoint, when the story says its feedback is not in yet."""
        if not self.story.feedback_pending:
            return None
        passed = [s for s in self.steps if s.is_checkpoint and s.id in self.done]
        return max(passed, key=lambda s: self.done[s.id]).id if passed else None

    def _find(self, title: str) -> int | None:
        return self._step(title).id if title else None

    def _waiting(self, step: _Step) -> bool:
        """Held up by a client who went quiet: their steps, sessions and later phases."""
        if self.stall is None:
            return False
        stall = next(s for s in self.steps if s.id == self.stall)
        if step.position < stall.position:
            return False
        return (
            step.phase > stall.phase or step.owner is Owner.CLIENT or step.kind is StepKind.SESSION
        )

    def _completions(self) -> dict[int, date]:
        """When each step was done; steps missing from the result are still open."""
        done = {}
        for step in self.steps:
            if step.id == self.left_open or self._waiting(step):
                continue
            day = self.held.get(step.id) or self._done_on(step)
            if day < self.today:
                done[step.id] = day
        return done

    def _done_on(self, step: _Step) -> date:
        if self.story.slip and step.owner is Owner.CLIENT:
            return self.calendar.add_working_days(step.due_on, self.story.slip)
        # Most steps land on their due date; a few a day early, a few a day late.
        wobble = (self.index * 7 + step.position * 3) % 6
        if wobble == 0:
            return max(working_days_before(self.calendar, step.due_on, 1), step.start_on)
        if wobble == 5:
            later = self.calendar.add_working_days(step.due_on, 1)
            return later if later < self.today else step.due_on
        return step.due_on

    def _moves(self) -> list[tuple[int, date]]:
        """Each phase is left once its steps are done (the story's open step aside)."""
        moves: list[tuple[int, date]] = []
        entered = date.min
        for phase in range(self.steps[-1].phase):
            steps = [s for s in self.steps if s.phase == phase]
            if any(s.id not in self.done and s.id != self.left_open for s in steps):
                break
            entered = max([entered, *(self.done[s.id] for s in steps if s.id in self.done)])
            moves.append((phase + 1, entered))
        return moves

    def _feedback(self, step: _Step) -> None:
        """What the client said as a checkpoint passed, or in a closing survey."""
        key = (self.seed.offer, step.title)
        if not (step.is_checkpoint or key in FEEDBACK) or step.id == self.pending:
            return
        pool = FEEDBACK.get(key, ())
        turn = self.feedback_used.get(key, 0)
        self.feedback_used[key] = turn + 1
        said = pool[turn] if turn < len(pool) else None
        self._add(
            self.done[step.id],
            partial(
                record_feedback,
                journey_id=self.journey_id,
                step_id=step.id,
                score=said.score if said else SCORE_ONLY[turn % len(SCORE_ONLY)],
                words=said.words if said else "",
                testimonial_ok=bool(said and said.testimonial_ok),
                referral_asked=bool(said and said.referral_asked),
                referral_given=bool(said and said.referral_given),
            ),
        )

    def _friction_dates(self, friction: FrictionSeed, step: _Step) -> tuple[date, date]:
        occurred = min(self.calendar.add_working_days(step.due_on, 1), self.today)
        resolved = self.calendar.add_working_days(occurred, friction.days_to_resolve)
        return occurred, min(resolved, self.today)

    def _friction(self, friction: FrictionSeed) -> None:
        step = self._step(friction.step)
        occurred, resolved = self._friction_dates(friction, step)
        if occurred > self.today:
            return
        self._add(occurred, partial(_friction, self.journey_id, step.id, friction, occurred))
        if friction.recovery:
            self._add(resolved, partial(_recover, self.journey_id, friction.recovery))


def _load_steps(ctx: Context, journey_id: int) -> list[_Step]:
    with ctx.db.sessions() as session:
        rows = session.execute(
            select(
                JourneyStep.id,
                JourneyStep.title,
                JourneyStep.position,
                JourneyPhase.position,
                JourneyStep.owner,
                JourneyStep.start_on,
                JourneyStep.due_on,
                JourneyStep.is_checkpoint,
                JourneyStep.kind,
                JourneyStep.session_minutes,
            )
            .join(JourneyPhase, JourneyPhase.id == JourneyStep.phase_id)
            .where(JourneyStep.journey_id == journey_id)
            .order_by(JourneyStep.position)
        ).all()
    # SQLAlchemy types a row of ten columns as "ten or more": the slice says ten.
    return [_Step(*row[:10]) for row in rows]


def _friction(
    journey_id: int, step_id: int, friction: FrictionSeed, occurred: date, ctx: Context
) -> None:
    log_friction(
        ctx,
        journey_id,
        friction.description,
        kind=friction.kind,
        severity=friction.severity,
        step_id=step_id,
        occurred_on=occurred,
    )


def _recover(journey_id: int, recovery: str, ctx: Context) -> None:
    """Resolve the journey's latest open friction, the one this recovery answers."""
    with ctx.db.sessions() as session:
        friction_id = session.scalars(
            select(Friction.id)
            .where(Friction.journey_id == journey_id, Friction.resolved_on.is_(None))
            .order_by(Friction.id.desc())
        ).first()
    if friction_id is not None:
        resolve_friction(ctx, friction_id, recovery)


def _book(plan: CalendarPlan, ctx: Context) -> None:
    if plan.sessions:
        apply_plan(ctx, plan)


def _close(ctx: Context, journey_id: int) -> None:
    """Mark a journey whose every step is done as completed.

    No use case closes a journey yet, so this writes the status directly, in one
    transaction, the way such a use case would.
    """
    day = ctx.clock.today()
    with ctx.transaction() as session:
        journey = session.get(Journey, journey_id)
        if journey is None:
            return
        journey.status = JourneyStatus.COMPLETED
        journey.ended_on = day
        journey.phases[-1].completed_on = day

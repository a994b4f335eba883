"""Read models of the timelines: every active journey's phases planned against actual (the
portfolio), one journey's phases with its milestones and checkpoints, and the weekly load
beneath them. One statement each, raw values turned into small frozen rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, text

from deliverydesk.model.rules.calendar import week_start
from deliverydesk.model.rules.capacity import WeekLoad, week_table
from deliverydesk.model.rules.delivery import phase_status
from deliverydesk.model.rules.enums import JourneyStatus, Owner, PhaseStatus, StepKind
from deliverydesk.model.rules.timeline import forecast_end, phase_slip
from deliverydesk.services.clients.capacity import DEFAULT_WEEKLY_HOURS, booked_load
from deliverydesk.services.context import Context
from deliverydesk.services.errors import NotFound
from deliverydesk.services.practice.practice import get_practice, week_capacity
from deliverydesk.wording import RefusalCode

_day = date.fromisoformat
_STATUS = {s.value: s for s in JourneyStatus}
_OWNER = {o.value: o for o in Owner}
_KIND = {k.value: k for k in StepKind}

MIN_STRIP_WEEKS = 12  # the capacity strip shows at least a quarter ahead
MAX_STRIP_WEEKS = 104


class _Planned:
    """Planned against actual, for any row with the four dates."""

    __slots__ = ()
    planned_start: date
    planned_end: date
    started_on: date | None
    completed_on: date | None

    def forecast_end(self, today: date) -> date:
        """When the phase ended, or when it will likely end."""
        return forecast_end(
            self.planned_start, self.planned_end, self.started_on, self.completed_on, today
        )

    def slip(self, today: date) -> int:
        """Days this phase ends (or will end) after plan; negative when ahead."""
        return phase_slip(
            self.planned_start, self.planned_end, self.started_on, self.completed_on, today
        )


@dataclass(frozen=True, slots=True)
class PhaseDates(_Planned):
    """A phase as planned at enrolment and as it really ran (None: not entered or left)."""

    planned_start: date
    planned_end: date
    started_on: date | None
    completed_on: date | None


@dataclass(frozen=True, slots=True)
class PhaseSpan(_Planned):
    """A phase of one client's timeline: its name and position with its dates."""

    position: int
    name: str
    planned_start: date
    planned_end: date
    started_on: date | None
    completed_on: date | None
    # model/rules/delivery.py phase_status, as the client page and the papers say it
    status: PhaseStatus = PhaseStatus.UPCOMING
    open_steps: int = 0


class PortfolioRow(NamedTuple):
    """One active journey on the portfolio timeline (a named tuple: 4,500 at XL are made
    in a third of a frozen dataclass's time)."""

    journey_id: int
    client_id: int
    client_name: str
    offer_id: int | None
    offer_name: str
    offer_position: int
    start_on: date
    planned_end_on: date
    current_position: int
    phases: tuple[PhaseDates, ...]  # in order; names come with journey_timeline()
    slip_days: int  # the current phase's slip: how late the journey runs now
    forecast_end: date  # the planned end moved by the slip

    @property
    def current_phase(self) -> PhaseDates | None:
        if 0 <= self.current_position < len(self.phases):
            return self.phases[self.current_position]
        return None


@dataclass(frozen=True, slots=True)
class Mark:
    """A milestone or checkpoint step, drawn on its phase at its due (or done) date."""

    step_id: int
    phase_position: int
    title: str
    kind: StepKind
    owner: Owner
    is_milestone: bool
    is_checkpoint: bool
    due_on: date
    completed_on: date | None

    @property
    def on(self) -> date:
        """Where the mark sits: the day it was done, else the day it is due."""
        return self.completed_on or self.due_on


@dataclass(frozen=True, slots=True)
class JourneyTimeline:
    """One client's journey: each phase planned against actual, with its marks."""

    journey_id: int
    client_id: int
    client_name: str
    offer_name: str
    status: JourneyStatus
    start_on: date
    planned_end_on: date
    ended_on: date | None
    current_position: int
    phases: tuple[PhaseSpan, ...]
    marks: tuple[Mark, ...]
    slip_days: int
    sessions: tuple[TimedSession, ...] = ()  # the open sessions with a time, by date


@dataclass(frozen=True, slots=True)
class TimedSession:
    """An open session with a time: its phase's tooltip on the timeline names it."""

    phase_position: int
    title: str
    day: date
    start: time
    minutes: int


@dataclass(frozen=True, slots=True)
class CapacityStrip:
    weekly_hours: float
    weeks: tuple[WeekLoad, ...]  # from this week on


# One row per journey, its phases' dates in order as "position,start,end,started,done;..."
# (dates only, never a name, so no separator can clash): a quarter of the rows and values
# of a join on the phases, which costs ~4x as much at 5,000 journeys. The phases come in
# the order of the index on (journey, position), which the aggregate reads them in: a
# subquery sorting them first cost a fifth more.
_PORTFOLIO = text(
    """
SELECT journey.id, journey.client_id, client.name, journey.offer_id, journey.offer_name,
       coalesce(offer.position, 1000000), journey.start_on, journey.planned_end_on,
       journey.current_position,
       (SELECT group_concat(planned_start_on || ',' || planned_end_on || ','
                            || coalesce(started_on, '') || ',' || coalesce(completed_on, ''),
                            ';')
        FROM journey_phase INDEXED BY ix_journey_phase_position
        WHERE journey_phase.journey_id = journey.id)
FROM journey
JOIN client ON client.id = journey.client_id
LEFT JOIN offer ON offer.id = journey.offer_id
WHERE journey.status = 'active'
"""
)
_SOME = text(_PORTFOLIO.text + " AND journey.id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def portfolio(ctx: Context, journey_ids: Iterable[int] | None = None) -> list[PortfolioRow]:
    """Every active journey with its phases' dates (the view groups and sorts); with
    `journey_ids`, only those of them still active (to refresh what a change touched)."""
    today = ctx.clock.today()
    ids = None if journey_ids is None else list(journey_ids)
    if ids == []:
        return []
    with ctx.db.engine.connect() as connection:
        if ids is None:
            raw = connection.execute(_PORTFOLIO).all()
        else:
            raw = connection.execute(_SOME, {"ids": ids}).all()
    day = _Days()
    spans = _Spans(day)  # journeys that started together share their phases' dates
    rows: list[PortfolioRow] = []
    for jid, cid, name, offer_id, offer_name, offer_pos, start, end, current, packed in raw:
        phases = tuple([spans[phase] for phase in packed.split(";")] if packed else ())
        planned_end = _day(end)
        slip = _current_slip(phases, current, today)
        rows.append(
            PortfolioRow(
                jid,
                cid,
                name,
                offer_id,
                offer_name,
                offer_pos,
                _day(start),
                planned_end,
                current,
                phases,
                slip,
                planned_end + timedelta(days=slip),
            )
        )
    return rows


class _Days(dict[str, date | None]):
    """ISO text to dates, each distinct text parsed once; "" is no date."""

    def __missing__(self, value: str) -> date | None:
        found = self[value] = _day(value) if value else None
        return found


class _Spans(dict[str, PhaseDates]):
    """ "start,end,started,done" to its PhaseDates, each distinct text built once."""

    def __init__(self, days: _Days) -> None:
        super().__init__()
        self._days = days

    def __missing__(self, packed: str) -> PhaseDates:
        days = self._days
        start, end, started, done = packed.split(",")
        planned_start, planned_end = days[start], days[end]
        assert planned_start is not None and planned_end is not None  # NOT NULL columns
        found = self[packed] = PhaseDates(planned_start, planned_end, days[started], days[done])
        return found


def _current_slip(phases: Sequence[_Planned], current: int, today: date) -> int:
    if not phases:
        return 0
    return phases[min(max(current, 0), len(phases) - 1)].slip(today)


_JOURNEY = text(
    """
SELECT journey.client_id, client.name, journey.offer_name, journey.status, journey.start_on,
       journey.planned_end_on, journey.ended_on, journey.current_position,
       journey_phase.position, journey_phase.name, journey_phase.planned_start_on,
       journey_phase.planned_end_on, journey_phase.started_on, journey_phase.completed_on,
       journey_step.id, journey_step.title, journey_step.kind, journey_step.owner,
       journey_step.is_milestone, journey_step.is_checkpoint, journey_step.due_on,
       journey_step.completed_on,
       (SELECT count(*) FROM journey_step AS open_step
         WHERE open_step.phase_id = journey_phase.id AND open_step.completed_on IS NULL)
FROM journey
JOIN client ON client.id = journey.client_id
JOIN journey_phase ON journey_phase.journey_id = journey.id
LEFT JOIN journey_step
       ON journey_step.phase_id = journey_phase.id
      AND (journey_step.is_milestone OR journey_step.is_checkpoint)
WHERE journey.id = :journey
ORDER BY journey_phase.position, journey_step.position
"""
)


def journey_timeline(ctx: Context, journey_id: int) -> JourneyTimeline:
    """One journey's phases planned against actual, with its milestones and checkpoints."""
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        raw = connection.execute(_JOURNEY, {"journey": journey_id}).all()
    if not raw:
        raise NotFound(RefusalCode.JOURNEY_GONE)
    phases: dict[int, PhaseSpan] = {}
    marks: list[Mark] = []
    ended = _opt(raw[0][6])
    status, current = _STATUS[raw[0][3]], raw[0][7]
    for r in raw:
        position = r[8]
        if position not in phases:
            started, completed = _opt(r[12]), _opt(r[13])
            if ended is not None and started is not None and completed is None:
                completed = max(ended, started)  # it ran until the journey ended, not on
            phases[position] = PhaseSpan(
                position,
                r[9],
                _day(r[10]),
                _day(r[11]),
                started,
                completed,
                phase_status(position, current, status, r[22]),
                r[22],
            )
        if r[14] is not None:
            marks.append(
                Mark(
                    r[14],
                    position,
                    r[15],
                    _KIND[r[16]],
                    _OWNER[r[17]],
                    bool(r[18]),
                    bool(r[19]),
                    _day(r[20]),
                    _opt(r[21]),
                )
            )
    first = raw[0]
    spans = tuple(phases.values())
    planned_end = _day(first[5])
    if ended is not None:
        slip = (ended - planned_end).days
    else:
        slip = _current_slip(spans, first[7], today)
    return JourneyTimeline(
        journey_id,
        first[0],
        first[1],
        first[2],
        status,
        _day(first[4]),
        planned_end,
        ended,
        first[7],
        spans,
        tuple(marks),
        slip,
        _timed_sessions(ctx, journey_id),
    )


_SESSIONS = text(
    """
SELECT journey_phase.position, journey_step.title, journey_step.due_on,
       journey_step.session_time, journey_step.session_minutes
FROM journey_step
JOIN journey_phase ON journey_phase.id = journey_step.phase_id
WHERE journey_step.journey_id = :journey AND journey_step.kind = 'session'
  AND journey_step.session_time IS NOT NULL AND journey_step.completed_on IS NULL
ORDER BY journey_step.due_on, journey_step.session_time
"""
)


def _timed_sessions(ctx: Context, journey_id: int) -> tuple[TimedSession, ...]:
    with ctx.db.engine.connect() as connection:
        raw = connection.execute(_SESSIONS, {"journey": journey_id}).all()
    return tuple(
        TimedSession(r[0], r[1], _day(r[2]), time.fromisoformat(r[3]), r[4] or 0) for r in raw
    )


def _opt(value: str | None) -> date | None:
    return None if value is None else _day(value)


def capacity_strip(ctx: Context, until: date | None = None) -> CapacityStrip:
    """Hours my open steps need per week from this week on, against the weekly hours;
    through `until`'s week (at least MIN_STRIP_WEEKS, at most MAX_STRIP_WEEKS weeks)."""
    today = ctx.clock.today()
    capacity = week_capacity(get_practice(ctx), DEFAULT_WEEKLY_HOURS)
    with ctx.db.engine.connect() as connection:
        booked = booked_load(connection, today, capacity.spread_calendar)
    first = week_start(today)
    last = max([first, *booked]) if until is None else week_start(until)
    weeks = min(max((last - first).days // 7 + 1, MIN_STRIP_WEEKS), MAX_STRIP_WEEKS)
    table = week_table(booked, {}, capacity, first, weeks)
    return CapacityStrip(capacity.weekly_hours, table)

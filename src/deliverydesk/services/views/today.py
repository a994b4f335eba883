"""Today: the open steps due today, overdue or due this week across every active journey,
split by who must act (me, the client, a third party), today's sessions first by time,
and the paused journeys with their resume reminders. One statement each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import bindparam, text

from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.services.context import Context

WEEK_DAYS = 7  # "this week": today and the six days after it, so Friday still sees Monday

_day = date.fromisoformat
_OWNER = {o.value: o for o in Owner}
_KIND = {k.value: k for k in StepKind}


class Timing(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"


class TodayRow(NamedTuple):
    """One open step due (a named tuple: 12,800 of them at XL are made in 5 ms, where a
    frozen dataclass took 23)."""

    step_id: int
    journey_id: int
    client_id: int
    client_name: str
    step_title: str
    phase_name: str
    offer_name: str
    kind: StepKind
    owner: Owner
    is_touchpoint: bool
    start_on: date
    due_on: date
    timing: Timing
    days_late: int  # 0 unless overdue
    session_time: time | None = None  # a session's start on its due date
    session_minutes: int = 0
    position: int = 0  # in its journey: the last of the list's order (today_pages.py)

    @property
    def is_timed_session(self) -> bool:
        return self.kind is StepKind.SESSION and self.session_time is not None

    @property
    def can_nudge(self) -> bool:
        """A message goes to the client: their own step, or a reassurance touchpoint."""
        return self.owner is Owner.CLIENT or self.is_touchpoint


@dataclass(frozen=True, slots=True)
class PausedRow:
    """A paused journey: Today lists it (it has no steps due while paused), and from its
    planned resume date on, reminds the practitioner to resume it."""

    journey_id: int
    client_id: int
    client_name: str
    offer_name: str
    phase_name: str
    paused_on: date | None
    reason: str
    resume_on: date | None

    def resume_due(self, today: date) -> bool:
        return self.resume_on is not None and self.resume_on <= today


@dataclass(frozen=True, slots=True)
class TodayList:
    today: date
    mine: tuple[TodayRow, ...]
    client: tuple[TodayRow, ...]
    third_party: tuple[TodayRow, ...]
    paused: tuple[PausedRow, ...] = ()  # resume reminders first, then by name

    @property
    def resume_due(self) -> tuple[PausedRow, ...]:
        return tuple(row for row in self.paused if row.resume_due(self.today))

    def group(self, owner: Owner) -> tuple[TodayRow, ...]:
        return {Owner.ME: self.mine, Owner.CLIENT: self.client}.get(owner, self.third_party)

    @property
    def rows(self) -> tuple[TodayRow, ...]:
        return self.mine + self.client + self.third_party

    @property
    def overdue(self) -> int:
        return sum(row.days_late > 0 for row in self.rows)


_DUE = text(
    """
SELECT journey_step.id, journey_step.journey_id, journey.client_id, client.name,
       journey_step.title, journey_phase.name, journey.offer_name, journey_step.kind,
       journey_step.owner, journey_step.is_touchpoint, journey_step.start_on,
       journey_step.due_on, journey_step.session_time, journey_step.session_minutes,
       journey_step.position
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
JOIN client ON client.id = journey.client_id
JOIN journey_phase ON journey_phase.id = journey_step.phase_id
WHERE journey_step.completed_on IS NULL
  AND journey_step.due_on <= :horizon
  AND journey.status = 'active'
"""
)
_ORDER = """
ORDER BY journey_step.due_on, lower(client.name), journey_step.journey_id,
         journey_step.position
"""
_ALL_DUE = text(_DUE.text + _ORDER)
_SOME_DUE = text(_DUE.text + " AND journey_step.journey_id IN :ids" + _ORDER).bindparams(
    bindparam("ids", expanding=True)
)


def today_list(ctx: Context, journey_ids: Iterable[int] | None = None) -> TodayList:
    """What is overdue, due today and due in the coming six days, most late first; with
    `journey_ids`, only these journeys' steps (to refresh what a change touched)."""
    today = ctx.clock.today()
    horizon = {"horizon": (today + timedelta(days=WEEK_DAYS - 1)).isoformat()}
    ids = None if journey_ids is None else list(journey_ids)
    with ctx.db.engine.connect() as connection:
        if ids is None:
            raw = connection.execute(_ALL_DUE, horizon).all()
        else:
            raw = connection.execute(_SOME_DUE, {**horizon, "ids": ids}).all() if ids else []
    groups: dict[Owner, list[TodayRow]] = {owner: [] for owner in Owner}
    for r in raw:
        row = due_row(r, today)
        groups[row.owner].append(row)
    return TodayList(
        today,
        sessions_first(groups[Owner.ME], today),
        sessions_first(groups[Owner.CLIENT], today),
        sessions_first(groups[Owner.THIRD_PARTY], today),
        tuple(paused_journeys(ctx, ids)),
    )


def due_row(r: Any, today: date) -> TodayRow:
    """A row of the _DUE statement as the list shows it."""
    due = _day(r[11])
    return TodayRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        _KIND[r[7]],
        _OWNER[r[8]],
        bool(r[9]),
        _day(r[10]),
        due,
        _timing(due, today),
        max((today - due).days, 0),
        _time(r[12]),
        r[13] or 0,
        r[14],
    )


_PAUSED = """
SELECT journey.id, journey.client_id, client.name, journey.offer_name, journey_phase.name,
       journey.paused_on, journey.end_reason, journey.resume_on
FROM journey
JOIN client ON client.id = journey.client_id
LEFT JOIN journey_phase
       ON journey_phase.journey_id = journey.id
      AND journey_phase.position = journey.current_position
WHERE journey.status = 'paused'
"""
_ALL_PAUSED = text(_PAUSED)
_SOME_PAUSED = text(_PAUSED + " AND journey.id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_RESUME_DUE = text(_PAUSED + " AND journey.resume_on <= :today")


def paused_order(row: PausedRow, today: date) -> tuple[bool, date, str, int]:
    """Reminders due first (planned longest ago first), then the rest by name."""
    due = row.resume_due(today)
    return (not due, row.resume_on if due and row.resume_on else date.min,
            row.client_name.casefold(), row.journey_id)  # fmt: skip


def paused_journeys(ctx: Context, journey_ids: Iterable[int] | None = None) -> list[PausedRow]:
    """Every paused journey (with `journey_ids`, only those), resume reminders first."""
    ids = None if journey_ids is None else list(journey_ids)
    with ctx.db.engine.connect() as connection:
        if ids is None:
            raw = connection.execute(_ALL_PAUSED).all()
        else:
            raw = connection.execute(_SOME_PAUSED, {"ids": ids}).all() if ids else []
    return _paused_rows(raw, ctx.clock.today())


def resume_reminders(ctx: Context) -> list[PausedRow]:
    """The paused journeys whose planned resume date has come (the overdue banner's)."""
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        raw = connection.execute(_RESUME_DUE, {"today": today.isoformat()}).all()
    return _paused_rows(raw, today)


def _paused_rows(raw: Iterable[Any], today: date) -> list[PausedRow]:
    rows = [
        PausedRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4] or "",
            _day(r[5]) if r[5] else None,
            r[6] or "",
            _day(r[7]) if r[7] else None,
        )  # fmt: skip
        for r in raw
    ]
    return sorted(rows, key=lambda row: paused_order(row, today))


def today_order(row: TodayRow, today: date) -> tuple[bool, time, date, str, int, int]:
    """Today's sessions with a time first, by that time; then by due date, most late
    first, and name (the order of the statement above)."""
    first = row.is_timed_session and row.due_on == today
    at = row.session_time if first and row.session_time is not None else time.min
    return (not first, at, row.due_on, row.client_name.casefold(), row.journey_id, row.step_id)


def sessions_first(rows: list[TodayRow], today: date) -> tuple[TodayRow, ...]:
    """`rows` (in the statement's order) with today's timed sessions taken to the front,
    by time: one pass, so thousands of rows pay nothing when there are no sessions."""
    first = [row for row in rows if row.is_timed_session and row.due_on == today]
    if not first:
        return tuple(rows)
    first.sort(key=lambda row: today_order(row, today))
    chosen = {row.step_id for row in first}
    return (*first, *(row for row in rows if row.step_id not in chosen))


def _time(stored: object) -> time | None:
    """A session's time as SQLite keeps it ("10:00:00.000000"); None when unset."""
    if not isinstance(stored, str) or not stored:
        return None
    try:
        return time.fromisoformat(stored)
    except ValueError:
        return None


def _timing(due: date, today: date) -> Timing:
    if due < today:
        return Timing.OVERDUE
    return Timing.TODAY if due == today else Timing.THIS_WEEK


_OVERDUE = text(
    """
SELECT journey_step.owner, count(*)
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
WHERE journey_step.completed_on IS NULL
  AND journey_step.due_on < :today
  AND journey.status = 'active'
GROUP BY journey_step.owner
"""
)


def overdue_counts(ctx: Context) -> dict[Owner, int]:
    """Open steps past their due date in active journeys, per owner (a start asks this)."""
    with ctx.db.engine.connect() as connection:
        raw = connection.execute(_OVERDUE, {"today": ctx.clock.today().isoformat()}).all()
    return {_OWNER[owner]: count for owner, count in raw}


_OVERDUE_BY_JOURNEY = """
SELECT journey_step.journey_id, journey_step.owner, count(*)
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
WHERE journey_step.completed_on IS NULL
  AND journey_step.due_on < :today
  AND journey.status = 'active'
"""
_GROUP = " GROUP BY journey_step.journey_id, journey_step.owner"
_ALL_OVERDUE = text(_OVERDUE_BY_JOURNEY + _GROUP)
_SOME_OVERDUE = text(
    _OVERDUE_BY_JOURNEY + " AND journey_step.journey_id IN :ids" + _GROUP
).bindparams(bindparam("ids", expanding=True))


def overdue_by_journey(
    ctx: Context, journey_ids: Iterable[int] | None = None
) -> dict[int, dict[Owner, int]]:
    """`overdue_counts` per journey (a journey with nothing overdue is left out); with
    `journey_ids`, only these journeys, so a count kept per journey follows a change to a
    few of them without counting the whole practice again."""
    ids = None if journey_ids is None else list(journey_ids)
    params = {"today": ctx.clock.today().isoformat()}
    with ctx.db.engine.connect() as connection:
        if ids is None:
            raw = connection.execute(_ALL_OVERDUE, params).all()
        else:
            raw = connection.execute(_SOME_OVERDUE, {**params, "ids": ids}).all() if ids else []
    found: dict[int, dict[Owner, int]] = {}
    for journey_id, owner, count in raw:
        found.setdefault(journey_id, {})[_OWNER[owner]] = count
    return found

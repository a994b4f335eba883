"""Settings → Practice: name, owner, weekly hours, working days and closed dates, changed
after the first run. A change to the working days or closed dates re-dates the work not
done yet (open steps of active and paused journeys), after showing how many dates move.

Capacity: the weekly hours are the simple form; my own hours per working day, when given,
replace them and the weekly hours become their sum (so every figure that says "a week"
stays right). Time off takes hours from the weeks it covers and moves no due date."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Journey, JourneyPhase, JourneyStep, Practice
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.capacity import TimeOff
from deliverydesk.model.rules.enums import ActivityKind, JourneyStatus
from deliverydesk.model.rules.retime import Retimer
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import redate
from deliverydesk.services.practice.practice import closed_dates, day_hours, time_off
from deliverydesk.services.validation import clean_line
from deliverydesk.wording import RefusalCode

MAX_CLOSED_DATES = 2_000
MAX_TIME_OFF = 500
MAX_TIME_OFF_DAYS = 366  # one period at a time: a year at most
MAX_REASON = 200
CLOSED_WINDOW = timedelta(days=365 * 50)
_REDATED = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


@dataclass(frozen=True)
class PracticeSettings:
    name: str
    owner_name: str
    weekly_hours: float
    working_days: frozenset[int]  # ISO weekdays, Monday = 1
    closed_dates: frozenset[date]
    day_hours: tuple[tuple[int, float], ...] = ()  # (ISO weekday, hours); () = even
    time_off: tuple[TimeOff, ...] = ()  # by first day

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
        raise NotFound(RefusalCode.NO_PRACTICE_YET)
    return practice


def _settings(practice: Practice) -> PracticeSettings:
    return PracticeSettings(
        practice.name,
        practice.owner_name,
        practice.weekly_hours,
        practice.weekdays,
        closed_dates(practice.closed_dates),
        day_hours(practice.day_hours),
        time_off(practice.time_off),
    )


def practice_settings(ctx: Context) -> PracticeSettings:
    with ctx.db.sessions() as session:
        return _settings(_practice(session))


def clean_weekly_hours(hours: object) -> float:
    if (
        not isinstance(hours, int | float)
        or isinstance(hours, bool)
        or not 1 <= hours <= 168  # also refuses NaN
    ):
        raise InvalidInput(RefusalCode.WEEKLY_HOURS_OUT_OF_RANGE)
    return float(hours)


def clean_working_days(days: frozenset[int]) -> frozenset[int]:
    if not days or not days <= set(range(1, 8)):
        raise InvalidInput(RefusalCode.NO_WORKING_DAY)
    return frozenset(days)


def clean_closed_dates(days: frozenset[date], today: date) -> frozenset[date]:
    if len(days) > MAX_CLOSED_DATES:
        raise InvalidInput(RefusalCode.TOO_MANY_CLOSED_DATES, limit=MAX_CLOSED_DATES)
    if any(abs(day - today) > CLOSED_WINDOW for day in days):
        raise InvalidInput(RefusalCode.CLOSED_DATE_TOO_FAR)
    return frozenset(days)


def clean_day_hours(
    hours: tuple[tuple[int, float], ...], working_days: frozenset[int]
) -> tuple[tuple[int, float], ...]:
    """Hours per working day (others dropped), in weekday order; () stays () (even)."""
    if not hours:
        return ()
    kept = {}
    for day, value in hours:
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not 0 <= value <= 24  # also refuses NaN
        ):
            raise InvalidInput(RefusalCode.DAY_HOURS_OUT_OF_RANGE)
        if day in working_days:
            kept[day] = round(float(value), 2)
    if not 1 <= sum(kept.values()) <= 168:
        raise InvalidInput(RefusalCode.DAY_HOURS_OUT_OF_RANGE)
    return tuple(sorted(kept.items()))


def clean_time_off(spans: tuple[TimeOff, ...], today: date) -> tuple[TimeOff, ...]:
    if len(spans) > MAX_TIME_OFF:
        raise InvalidInput(RefusalCode.TOO_MANY_TIME_OFF, limit=MAX_TIME_OFF)
    clean = []
    for span in spans:
        if span.last < span.first:
            raise InvalidInput(RefusalCode.TIME_OFF_ENDS_BEFORE_START)
        if (span.last - span.first).days >= MAX_TIME_OFF_DAYS:
            raise InvalidInput(RefusalCode.TIME_OFF_TOO_LONG)
        if abs(span.first - today) > CLOSED_WINDOW or abs(span.last - today) > CLOSED_WINDOW:
            raise InvalidInput(RefusalCode.TIME_OFF_TOO_FAR)
        reason = clean_line(span.reason, "The reason for time off", MAX_REASON)
        clean.append(TimeOff(span.first, span.last, reason))
    return tuple(sorted(set(clean), key=lambda s: (s.first, s.last, s.reason)))


def _stored_day_hours(stored: object) -> dict[str, float]:
    """day_hours as stored: {"1": 6.0, ...}, or {} for the weekly hours shared evenly."""
    if not isinstance(stored, dict) or any(
        str(key) not in {"1", "2", "3", "4", "5", "6", "7"} for key in stored
    ):
        raise InvalidInput(RefusalCode.DAY_HOURS_NOT_A_TABLE)
    pairs = tuple((int(key), value) for key, value in stored.items())
    return {str(day): hours for day, hours in clean_day_hours(pairs, frozenset(range(1, 8)))}


def _stored_time_off(stored: object, today: date) -> list[dict[str, str]]:
    """time_off as stored: [{"first": ISO date, "last": ISO date, "reason": str}]."""
    if not isinstance(stored, list) or not all(isinstance(entry, dict) for entry in stored):
        raise InvalidInput(RefusalCode.TIME_OFF_NOT_A_LIST)
    spans = []
    for entry in stored:
        days = []
        for key in ("first", "last"):
            try:
                days.append(date.fromisoformat(entry.get(key)))
            except (TypeError, ValueError):
                written = str(entry.get(key))[:40]
                raise InvalidInput(RefusalCode.NOT_A_DATE, written=written) from None
        reason = entry.get("reason", "")
        if not isinstance(reason, str):
            raise InvalidInput(RefusalCode.TIME_OFF_NOT_A_LIST)
        spans.append(TimeOff(days[0], days[1], reason))
    return _time_off_json(clean_time_off(tuple(spans), today))


def _time_off_json(spans: tuple[TimeOff, ...]) -> list[dict[str, str]]:
    return [
        {"first": s.first.isoformat(), "last": s.last.isoformat(), "reason": s.reason}
        for s in spans
    ]


def _stored_days(stored: object) -> str:
    """working_days as stored ("12345"): ISO weekday digits, each once."""
    text = stored if isinstance(stored, str) else ""
    days = frozenset(int(ch) for ch in text if ch.isdigit())
    if len(days) != len(text):
        raise InvalidInput(RefusalCode.WORKING_DAYS_NOT_NUMBERS)
    return "".join(str(d) for d in sorted(clean_working_days(days)))


def _stored_closed(stored: object, today: date) -> list[str]:
    """closed_dates as stored: a list of ISO dates."""
    if not isinstance(stored, list):
        raise InvalidInput(RefusalCode.CLOSED_DATES_NOT_A_LIST)
    days = []
    for value in stored:
        try:
            days.append(date.fromisoformat(value))
        except (TypeError, ValueError):
            raise InvalidInput(RefusalCode.NOT_A_DATE, written=str(value)[:40]) from None
    return [d.isoformat() for d in sorted(clean_closed_dates(frozenset(days), today))]


def stored_rules(today: date) -> dict[str, Callable[[Any], Any]]:
    """The settings' rules for the values as the practice row stores them."""
    return {
        "name": lambda v: clean_line(v, "The practice's name", 200, required=True),
        "owner_name": lambda v: clean_line(v, "Your name", 200),
        "weekly_hours": clean_weekly_hours,
        "working_days": _stored_days,
        "closed_dates": lambda v: _stored_closed(v, today),
        "day_hours": _stored_day_hours,
        "time_off": lambda v: _stored_time_off(v, today),
    }


def clean_settings(settings: PracticeSettings, today: date) -> PracticeSettings:
    days = clean_working_days(settings.working_days)
    per_day = clean_day_hours(settings.day_hours, days)
    # Hours per day, when given, make the weekly hours: their sum.
    hours = clean_weekly_hours(
        round(sum(h for _, h in per_day), 2) if per_day else settings.weekly_hours
    )
    closed = clean_closed_dates(settings.closed_dates, today)
    rules = stored_rules(today)
    return PracticeSettings(
        rules["name"](settings.name),
        rules["owner_name"](settings.owner_name),
        hours,
        days,
        closed,
        per_day,
        clean_time_off(settings.time_off, today),
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
    clean_working_days(working_days)
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
        undo = _redate(ctx, session, before, clean)
        return Result(undo, _changes(undo))


def add_time_off(ctx: Context, span: TimeOff) -> Result[PracticeUndo]:
    """Add a period of time off, checked and kept as Settings → Practice keeps it (the
    command line's `time-off add`); undone by restore_practice."""
    return _change_time_off(ctx, lambda spans: (*spans, span))


def remove_time_off(ctx: Context, number: int) -> Result[PracticeUndo]:
    """Remove the `number`th period of time off (from 1, in the order they are kept: by
    first day); the value's settings hold the list as it was."""

    def without(spans: tuple[TimeOff, ...]) -> tuple[TimeOff, ...]:
        if not 1 <= number <= len(spans):
            raise NotFound(RefusalCode.NO_SUCH_TIME_OFF, number=number)
        return spans[: number - 1] + spans[number:]

    return _change_time_off(ctx, without)


def _change_time_off(
    ctx: Context, change: Callable[[tuple[TimeOff, ...]], tuple[TimeOff, ...]]
) -> Result[PracticeUndo]:
    """Read, change and write the time off in one transaction (a window saving other
    settings meanwhile is never overwritten); time off moves no date."""
    with ctx.transaction() as session:
        practice = _practice(session)
        before = _settings(practice)
        after = replace(before, time_off=change(before.time_off))
        _write(practice, clean_settings(after, ctx.clock.today()))
        undo = PracticeUndo(before)
        return Result(undo, _changes(undo))


def restore_practice(ctx: Context, undo: PracticeUndo) -> Result[PracticeUndo]:
    """Put the settings and every date a change moved back as they were (undo of
    update_practice); the value undoes this in turn (redo)."""
    with ctx.transaction() as session:
        practice = _practice(session)
        now = _settings(practice)
        _write(practice, undo.settings)
        steps = redate.step_dates(session, [i for i, _, _ in undo.steps])
        phases = redate.planned_ends(session, JourneyPhase, [i for i, _ in undo.phases])
        journeys = redate.journeys_of(session, [i for i, _ in undo.journeys])
        redate.write_step_dates(session, [d for d in undo.steps if d[0] in steps])
        redate.write_ends(session, JourneyPhase, [e for e in undo.phases if e[0] in phases])
        redate.write_ends(session, Journey, [e for e in undo.journeys if e[0] in journeys])
        redate.refresh_summaries(session, journeys)
        moved = Counter(journey_id for journey_id, _, _ in steps.values())
        redate.log_each(
            session,
            ctx.clock,
            ActivityKind.STEPS_RESCHEDULED,
            ((j, client, {"steps": moved[j], "undo": True}) for j, (client, _) in journeys.items()),
        )
        redo = PracticeUndo(
            now,
            tuple((i, start, due) for i, (_, start, due) in steps.items()),
            tuple(phases.items()),
            tuple((j, end) for j, (_, end) in journeys.items()),
        )
        return Result(redo, _changes(redo))


def _changes(undo: PracticeUndo) -> Changes:
    moved = Aspect.STEPS if undo.steps else Aspect.NONE
    return Changes(
        journeys=frozenset(j for j, _ in undo.journeys),
        aspects=Aspect.PRACTICE | Aspect.CAPACITY | moved,
    )


def _write(practice: Practice, settings: PracticeSettings) -> None:
    practice.name, practice.owner_name = settings.name, settings.owner_name
    practice.weekly_hours = settings.weekly_hours
    practice.working_days = "".join(str(d) for d in sorted(settings.working_days))
    practice.closed_dates = [d.isoformat() for d in sorted(settings.closed_dates)]
    practice.day_hours = {str(day): hours for day, hours in settings.day_hours}
    practice.time_off = _time_off_json(settings.time_off)


def _redate(
    ctx: Context, session: Session, before: PracticeSettings, after: PracticeSettings
) -> PracticeUndo:
    """Move the open work of active and paused journeys into the new calendar; returns the
    settings and the dates as they were."""
    old, new = before.calendar, after.calendar
    rows = _open_steps(session) if old != new else []
    moves = _moves(rows, old, new)
    if not moves:
        return PracticeUndo(before)
    was = tuple((i, start, due) for j, i, _, start, due in rows if i in moves.get(j, {}))
    redate.write_step_dates(
        session, [(i, s, d) for steps in moves.values() for i, (s, d) in steps.items()]
    )
    phases = redate.phases_of(session, moves)
    retimer = Retimer(old, new, (d for row in phases for d in (row[2], row[3])))
    phase_was, phase_now = [], []
    ends: dict[int, list[date]] = defaultdict(list)
    for phase_id, journey_id, start, end, completed in phases:
        now = end if completed else retimer.end(start, end)
        if now != end:
            phase_was.append((phase_id, end))
            phase_now.append((phase_id, now))
        ends[journey_id].append(now)
    redate.write_ends(session, JourneyPhase, phase_now)
    journeys = redate.journeys_of(session, moves)
    redate.write_ends(session, Journey, [(j, max(ends[j])) for j in journeys])
    redate.refresh_summaries(session, journeys)
    redate.log_each(
        session,
        ctx.clock,
        ActivityKind.STEPS_RESCHEDULED,
        ((j, client, {"steps": len(moves[j])}) for j, (client, _) in journeys.items()),
    )
    return PracticeUndo(
        before, was, tuple(phase_was), tuple((j, end) for j, (_, end) in journeys.items())
    )

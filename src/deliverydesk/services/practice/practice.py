"""The practice record: created once at first run, read by every screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from deliverydesk.model.entities import Practice
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.capacity import TimeOff, WeekCapacity
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.validation import clean_line
from deliverydesk.wording import RefusalCode


@dataclass(frozen=True)
class PracticeInfo:
    id: int
    name: str
    owner_name: str
    weekly_hours: float
    working_days: frozenset[int]
    brand_color: str
    accent_color: str
    closed_dates: frozenset[date] = field(default_factory=frozenset)
    day_hours: tuple[tuple[int, float], ...] = ()  # (ISO weekday, hours); () = even
    time_off: tuple[TimeOff, ...] = ()


def week_capacity(info: PracticeInfo | None, default_hours: float) -> WeekCapacity:
    """The practice's hours week by week: every capacity figure is drawn with this."""
    if info is None:
        return WeekCapacity(default_hours, WorkCalendar())
    return WeekCapacity(
        info.weekly_hours,
        WorkCalendar(info.working_days, info.closed_dates),
        dict(info.day_hours),
        info.time_off,
    )


def day_hours(stored: object) -> tuple[tuple[int, float], ...]:
    """The stored hours per weekday ({"1": 6.0, ...}) in order; unreadable entries are
    skipped."""
    found = {}
    for key, value in (stored if isinstance(stored, dict) else {}).items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if str(key) in {"1", "2", "3", "4", "5", "6", "7"} and number and 0 <= value <= 24:
            found[int(key)] = float(value)
    return tuple(sorted(found.items()))


def time_off(stored: object) -> tuple[TimeOff, ...]:
    """The stored time off, by first day; an unreadable entry is skipped."""
    found = []
    for entry in stored if isinstance(stored, list) else ():
        try:
            first = date.fromisoformat(entry["first"])
            last = date.fromisoformat(entry["last"])
        except (TypeError, KeyError, ValueError):
            continue
        reason = entry.get("reason", "")
        if last >= first:
            found.append(TimeOff(first, last, reason if isinstance(reason, str) else ""))
    return tuple(sorted(found, key=lambda span: (span.first, span.last, span.reason)))


def closed_dates(stored: Iterable[object]) -> frozenset[date]:
    """The stored ISO dates the practice is closed; an unreadable entry is skipped."""
    found = set()
    for value in stored or ():
        try:
            found.add(date.fromisoformat(str(value)))
        except ValueError:
            continue
    return frozenset(found)


def get_practice(ctx: Context) -> PracticeInfo | None:
    with ctx.db.sessions() as session:
        practice = session.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
        if practice is None:
            return None
        return PracticeInfo(
            practice.id,
            practice.name,
            practice.owner_name,
            practice.weekly_hours,
            practice.weekdays,
            practice.brand_color,
            practice.accent_color,
            closed_dates(practice.closed_dates),
            day_hours(practice.day_hours),
            time_off(practice.time_off),
        )


def work_calendar(ctx: Context) -> WorkCalendar:
    info = get_practice(ctx)
    return WorkCalendar(info.working_days, info.closed_dates) if info else WorkCalendar()


def create_practice(
    ctx: Context, name: str, weekly_hours: float, working_days: frozenset[int], owner_name: str = ""
) -> Changes:
    if not clean_line(name, "The practice's name", 200):
        raise InvalidInput(RefusalCode.PRACTICE_NEEDS_NAME)
    name = name.strip()
    owner_name = clean_line(owner_name, "Your name", 200)
    if not 1 <= weekly_hours <= 168:
        raise InvalidInput(RefusalCode.WEEKLY_HOURS_OUT_OF_RANGE)
    if not working_days or not working_days <= set(range(1, 8)):
        raise InvalidInput(RefusalCode.NO_WORKING_DAY)
    with ctx.transaction() as session:
        if session.scalars(select(Practice.id)).first() is not None:
            raise InvalidInput(RefusalCode.PRACTICE_EXISTS)
        session.add(
            Practice(
                name=name,
                owner_name=owner_name,
                weekly_hours=weekly_hours,
                working_days="".join(str(d) for d in sorted(working_days)),
                created_at=ctx.clock.now(),
            )
        )
    return Changes(aspects=Aspect.PRACTICE | Aspect.CAPACITY)

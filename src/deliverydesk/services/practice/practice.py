"""The practice record: created once at first run, read by every screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from deliverydesk.model.entities import Practice
from deliverydesk.model.rules.calendar import WorkCalendar
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

"""Settings → Practice → Sessions: the practice's time zone and how long before a session
its calendar event reminds. Saved at once; the value returned is what undo puts back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy import select

from deliverydesk.model.entities import Practice
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.practice.time_zone import clean_zone, zone_named
from deliverydesk.wording import RefusalCode

MAX_ALARM_MINUTES = 7 * 24 * 60  # a week before


@dataclass(frozen=True, slots=True)
class SessionSettings:
    time_zone: str = ""  # an IANA name; "" = the system's
    alarm_minutes: int = 15  # 0 = no alarm


def session_settings(ctx: Context) -> SessionSettings:
    with ctx.db.sessions() as session:
        row = session.execute(
            select(Practice.time_zone, Practice.session_alarm_minutes)
            .order_by(Practice.id)
            .limit(1)
        ).first()
    return SessionSettings(row[0], row[1]) if row else SessionSettings()


def practice_zone(ctx: Context) -> tzinfo:
    """The zone sessions are in: the practice's, or the system's when it names none."""
    return zone_named(session_settings(ctx).time_zone)


def update_session_settings(ctx: Context, new: SessionSettings) -> Result[SessionSettings]:
    zone = clean_zone(new.time_zone)
    alarm = new.alarm_minutes
    if isinstance(alarm, bool) or not isinstance(alarm, int) or not 0 <= alarm <= MAX_ALARM_MINUTES:
        raise InvalidInput(RefusalCode.ALARM_OUT_OF_RANGE, limit=MAX_ALARM_MINUTES)
    with ctx.transaction() as session:
        practice = session.scalars(select(Practice).order_by(Practice.id).limit(1)).first()
        if practice is None:
            raise NotFound(RefusalCode.NO_PRACTICE_YET)
        before = SessionSettings(practice.time_zone, practice.session_alarm_minutes)
        practice.time_zone, practice.session_alarm_minutes = zone, alarm
    # No screen shows the zone or the reminder (the .ics export and import read them), so
    # nothing else refreshes: an unsaved edit elsewhere in Settings stays as typed.
    return Result(before, Changes())

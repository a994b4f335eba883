"""A session's time: wall time on its due date, a length, and the instants they make in
the practice's time zone. Pure: the zone is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

MAX_SESSION_MINUTES = 24 * 60  # a session is at most a day long


@dataclass(frozen=True, slots=True)
class SessionTime:
    """When a session starts (wall time on `day`) and how long it lasts (0 = not said)."""

    day: date
    start: time
    minutes: int = 0

    def starts(self, zone: tzinfo) -> datetime:
        """The aware instant it starts in `zone` (a wall time skipped or repeated by a DST
        change takes the first of its readings, as zoneinfo's fold=0 does)."""
        return datetime.combine(self.day, self.start, zone)

    def ends(self, zone: tzinfo) -> datetime | None:
        """When it ends (None without a length): the length in real minutes, so a session
        across a DST change still lasts as long as it was booked."""
        if self.minutes <= 0:
            return None
        begin = self.starts(zone).astimezone(UTC)
        return (begin + timedelta(minutes=self.minutes)).astimezone(zone)


class Unmatched(StrEnum):
    """Why an imported calendar event is listed and left alone."""

    NO_CLIENT = "no_client"  # neither an attendee nor the title names a client
    SEVERAL_CLIENTS = "several_clients"
    NO_OPEN_SESSION = "no_open_session"  # the client has no open session left for it
    NO_TIME = "no_time"  # an all-day event
    PAST = "past"  # before today: history, not a plan

"""When the demo practice's sessions happen: each client keeps a regular hour, as coaching
clients do, and no two sessions on one day overlap. Pure: demo.py books the times."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

# The hours clients ask for first, one per client in turn (index modulo their number).
PREFERRED = (time(9, 30), time(11, 0), time(14, 0), time(15, 30))
# Failing those, any half hour of the working day, earliest first.
_ANY = tuple(time(hour, minute) for hour in range(9, 17) for minute in (0, 30))


@dataclass(frozen=True, slots=True)
class Session:
    client: int  # the client's index among the demo's clients
    step_id: int
    day: date
    minutes: int


def session_times(sessions: Iterable[Session]) -> dict[int, time]:
    """Each session's start (by step id): its client's preferred hour, else the next
    preferred hour free that day, else the first free half hour; a session no gap on its
    day can hold keeps no time (it stays on its date, as an untimed session does)."""
    booked: dict[date, list[tuple[int, int]]] = {}  # day -> (start, end) in minutes
    times = {}
    for session in sorted(sessions, key=lambda s: (s.day, s.client, s.step_id)):
        turn = session.client % len(PREFERRED)
        for start in (*PREFERRED[turn:], *PREFERRED[:turn], *_ANY):
            begin = start.hour * 60 + start.minute
            end = begin + max(session.minutes, 30)
            taken = booked.setdefault(session.day, [])
            if all(end <= other or begin >= other_end for other, other_end in taken):
                taken.append((begin, end))
                times[session.step_id] = start
                break
    return times

"""Import a calendar (.ics from Google Calendar, Outlook, Apple Calendar or our own
export): each timed event whose attendee's e-mail or whose title names a client is offered
as that client's next open session, with the time and length it has in the calendar. An
event exported by DeliveryDesk names its own step (its UID) and goes back to it.

Nothing is guessed: an event matching no client, or several, or a client with no open
session left, is listed with the reason and left alone. Reading changes nothing; the plan
is shown, then applied in one transaction (undone by putting every step back as it was).
A file that is not iCalendar, binary, damaged or huge is refused with a clear message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import selectinload

from deliverydesk.model.entities import JourneyStep
from deliverydesk.model.rules.enums import ActivityKind, StepKind
from deliverydesk.model.rules.sessions import MAX_SESSION_MINUTES, Unmatched
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.data.calendar_export import practice_token
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.journeys.reschedule import Rescheduled, StepDates
from deliverydesk.services.practice.session_settings import practice_zone
from deliverydesk.services.validation import refuse_database_file
from deliverydesk.wording import RefusalCode

MAX_CALENDAR_BYTES = 10 * 1024 * 1024  # years of a busy calendar; more is not a calendar
_OUR_UID = re.compile(r"step-(\d+)-([0-9a-f]{12})@deliverydesk")


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    uid: str
    summary: str
    day: date  # in the practice's zone
    start: time | None  # None: all day
    minutes: int
    emails: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProposedSession:
    """One event offered as a client's session: what the step is, what it would be."""

    step_id: int
    journey_id: int
    client_name: str
    step_title: str
    was: StepDates
    day: date
    start: time
    minutes: int
    summary: str  # the event's title, as the calendar has it
    matched_by: str  # "uid", "email" or "title"


@dataclass(frozen=True, slots=True)
class LeftAlone:
    summary: str
    day: date
    start: time | None
    reason: Unmatched


@dataclass(frozen=True, slots=True)
class CalendarPlan:
    file_name: str
    sessions: tuple[ProposedSession, ...]
    left_alone: tuple[LeftAlone, ...]


# -- reading the file ------------------------------------------------------------------------


def read_calendar(path: Path) -> bytes:
    """The file's bytes, refused before parsing when it cannot be a calendar."""
    refuse_database_file(path)
    try:
        if path.is_dir():
            raise InvalidInput(RefusalCode.ICS_NOT_A_FILE, file=path.name)
        with path.open("rb") as handle:
            raw = handle.read(MAX_CALENDAR_BYTES + 1)
    except FileNotFoundError:
        raise InvalidInput(RefusalCode.NO_FILE_AT, path=path) from None
    except OSError as error:
        raise InvalidInput(
            RefusalCode.CANNOT_READ_FILE, path=path, reason=error.strerror or error
        ) from None
    if len(raw) > MAX_CALENDAR_BYTES:
        raise InvalidInput(
            RefusalCode.ICS_TOO_LARGE, file=path.name, limit_mb=MAX_CALENDAR_BYTES // 1_048_576
        )
    return raw


def parse_events(raw: bytes, name: str, zone: tzinfo) -> list[CalendarEvent]:
    """Every event of an iCalendar file, its times in `zone`; a file that is not one, or
    is damaged, is refused (InvalidInput), whatever icalendar would make of it."""
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if not head.startswith(b"BEGIN:VCALENDAR") or b"\x00" in raw:
        raise InvalidInput(RefusalCode.ICS_NOT_CALENDAR, file=name)
    from icalendar import Calendar

    try:
        text_ = raw.decode("utf-8-sig")
        calendars = Calendar.from_ical(text_, multiple=True)
        events = [
            _event(component, zone)
            for calendar in calendars
            for component in calendar.walk("VEVENT")
        ]
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OverflowError):
        raise InvalidInput(RefusalCode.ICS_DAMAGED, file=name) from None
    return [event for event in events if event is not None]


def _event(component: Any, zone: tzinfo) -> CalendarEvent | None:
    begins = component.get("DTSTART")
    if begins is None:
        return None  # an event without a start is no appointment
    start = begins.dt
    summary = single_line(str(component.get("SUMMARY", "")))[:300]
    emails = tuple(_emails(component.get("ATTENDEE")))
    uid = str(component.get("UID", ""))
    if not isinstance(start, datetime):  # a date: an all-day event
        return CalendarEvent(uid, summary, start, None, 0, emails)
    local = start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)
    minutes = 0
    ends = component.get("DTEND")
    if ends is not None and isinstance(ends.dt, datetime):
        end = ends.dt if ends.dt.tzinfo is not None else ends.dt.replace(tzinfo=zone)
        minutes = int((end - local).total_seconds() // 60)
    elif (duration := component.get("DURATION")) is not None and isinstance(duration.dt, timedelta):
        minutes = int(duration.dt.total_seconds() // 60)
    minutes = min(max(minutes, 0), MAX_SESSION_MINUTES)
    wall = local.time().replace(second=0, microsecond=0, tzinfo=None)
    return CalendarEvent(uid, summary, local.date(), wall, minutes, emails)


def _emails(attendees: object) -> Iterable[str]:
    listed = attendees if isinstance(attendees, list) else [attendees] if attendees else []
    for attendee in listed:
        address = str(attendee)
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if "@" in address:
            yield address.strip().casefold()


# -- matching ------------------------------------------------------------------------------------


_OPEN_SESSIONS = text(
    """
SELECT journey_step.id, journey_step.journey_id, journey.client_id, journey_step.title,
       journey_step.start_on, journey_step.due_on,
       journey_step.session_time, journey_step.session_minutes
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
WHERE journey_step.completed_on IS NULL AND journey_step.kind = 'session'
  AND journey.status = 'active'
ORDER BY journey_step.due_on, journey_step.position
"""
)
# Every client, open sessions or not: an event naming one with none left says so.
_CLIENTS = text("SELECT id, name, email FROM client")


@dataclass(frozen=True, slots=True)
class _Client:
    id: int
    name: str
    email: str  # casefolded
    words: str  # the name as _words makes it, a space either side

    @classmethod
    def of(cls, row: Any) -> _Client:
        name = single_line(row[1])
        return cls(row[0], name, (row[2] or "").strip().casefold(), f" {_words(name)} ")


@dataclass(frozen=True, slots=True)
class _Open:
    step_id: int
    journey_id: int
    client: _Client
    title: str
    dates: StepDates


def plan_import(ctx: Context, path: Path) -> CalendarPlan:
    """What importing `path` would do; nothing is changed."""
    raw = read_calendar(path)
    zone = practice_zone(ctx)
    events = parse_events(raw, path.name, zone)
    return match_events(ctx, events, path.name)


def match_events(ctx: Context, events: list[CalendarEvent], name: str) -> CalendarPlan:
    today = ctx.clock.today()
    token = practice_token(ctx)
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(_OPEN_SESSIONS).all()
        clients = {row[0]: _Client.of(row) for row in connection.execute(_CLIENTS)}
    sessions = [
        _Open(
            r[0],
            r[1],
            clients[r[2]],
            r[3],
            StepDates(
                r[0],
                date.fromisoformat(r[4]),
                date.fromisoformat(r[5]),
                time.fromisoformat(r[6]) if r[6] else None,
                r[7] or 0,
            ),
        )  # fmt: skip
        for r in rows
        if r[2] in clients  # not a client deleted between the two reads
    ]
    named = _Names(list(clients.values()))
    by_step = {s.step_id: s for s in sessions}
    taken: set[int] = set()
    proposed: list[ProposedSession] = []
    left: list[LeftAlone] = []
    for event in sorted(events, key=lambda e: (e.day, e.start or time.min, e.summary)):
        if event.start is None:
            left.append(LeftAlone(event.summary, event.day, None, Unmatched.NO_TIME))
            continue
        if event.day < today:
            left.append(LeftAlone(event.summary, event.day, event.start, Unmatched.PAST))
            continue
        found, how, reason = _match(event, named, sessions, by_step, taken, token)
        if found is None:
            left.append(LeftAlone(event.summary, event.day, event.start, reason))
            continue
        taken.add(found.step_id)
        proposed.append(
            ProposedSession(
                found.step_id,
                found.journey_id,
                found.client.name,
                found.title,
                found.dates,
                event.day,
                event.start,
                event.minutes or found.dates.session_minutes,
                event.summary,
                how,
            )  # fmt: skip
        )
    return CalendarPlan(name, tuple(proposed), tuple(left))


@dataclass(frozen=True, slots=True)
class _Names:
    """Every client, found by e-mail address or by full name in a title."""

    clients: list[_Client]

    def by_email(self, emails: tuple[str, ...]) -> set[int]:
        return {c.id for c in self.clients if c.email and c.email in emails}

    def in_title(self, summary: str) -> set[int]:
        title = f" {_words(summary)} "
        return {c.id for c in self.clients if c.words.strip() and c.words in title}


def _match(
    event: CalendarEvent,
    names: _Names,
    sessions: list[_Open],
    by_step: dict[int, _Open],
    taken: set[int],
    token: str,
) -> tuple[_Open | None, str, Unmatched]:
    ours = _OUR_UID.fullmatch(event.uid)
    if ours and ours.group(2) == token and int(ours.group(1)) in by_step:
        step = by_step[int(ours.group(1))]
        if step.step_id not in taken:
            return step, "uid", Unmatched.NO_CLIENT
    named, how = names.by_email(event.emails), "email"
    if not named:
        named, how = names.in_title(event.summary), "title"
    if not named:
        return None, how, Unmatched.NO_CLIENT
    if len(named) > 1:
        return None, how, Unmatched.SEVERAL_CLIENTS
    (client,) = named
    for step in sessions:  # by due date: the client's next open session not yet given one
        if step.client.id == client and step.step_id not in taken:
            return step, how, Unmatched.NO_CLIENT
    return None, how, Unmatched.NO_OPEN_SESSION


def _words(value: str) -> str:
    """Letters and digits only, one space apart: "Call: Ana Souza!" → "call ana souza"."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in value.casefold()).split())


# -- applying ----------------------------------------------------------------------------------


def apply_plan(ctx: Context, plan: CalendarPlan) -> Result[tuple[Rescheduled, ...]]:
    """Give each proposed session its day, time and length, in one transaction; refused
    whole (ICS_CHANGED_SINCE) when a step changed since the plan was made. The value
    holds every step as it was, per journey, for restore_step_dates (the undo)."""
    befores: dict[int, list[StepDates]] = {}
    clients: set[int] = set()
    with ctx.transaction() as session:
        # Read first, with their journeys: a read per step would flush (and recompute
        # the journey's summary) after every one. In chunks: SQLite caps the parameters.
        ids = [p.step_id for p in plan.sessions]
        steps = {
            step.id: step
            for at in range(0, len(ids), 900)
            for step in session.scalars(
                select(JourneyStep)
                .where(JourneyStep.id.in_(ids[at : at + 900]))
                .options(selectinload(JourneyStep.journey))
            )
        }
        for proposal in plan.sessions:
            step = steps.get(proposal.step_id)
            if step is None:
                raise NotFound(RefusalCode.STEP_GONE)
            now = StepDates(
                step.id, step.start_on, step.due_on, step.session_time, step.session_minutes
            )
            if (
                now != proposal.was
                or step.completed_on is not None
                or step.kind is not (StepKind.SESSION)
            ):
                raise InvalidInput(RefusalCode.ICS_CHANGED_SINCE, step=step.title)
            befores.setdefault(step.journey_id, []).append(now)
            clients.add(step.journey.client_id)
            step.start_on = min(step.start_on, proposal.day)
            step.due_on = proposal.day
            step.session_time, step.session_minutes = proposal.start, proposal.minutes
            activity.log(
                session,
                ctx.clock,
                step.journey,
                ActivityKind.SESSION_TIMED,
                step=step.title,
                step_id=step.id,
                now=proposal.day,
                at=proposal.start.strftime("%H:%M"),
            )
    changes = Changes(
        journeys=frozenset(befores),
        clients=frozenset(clients),
        aspects=Aspect.STEPS | Aspect.CAPACITY,
    )
    return Result(tuple(Rescheduled(j, tuple(d)) for j, d in befores.items()), changes)


def restore_sessions(
    ctx: Context, applied: tuple[Rescheduled, ...]
) -> Result[tuple[Rescheduled, ...]]:
    """Put every step an import changed back as it was, in one transaction (the undo; its
    value redoes). A step removed since is refused whole (STEPS_REMOVED_SINCE)."""
    replaced: list[Rescheduled] = []
    clients: set[int] = set()
    with ctx.transaction() as session:
        for journey in applied:
            now = []
            for dates in journey.before:
                step = session.get(JourneyStep, dates.step_id)
                if step is None:
                    raise InvalidInput(RefusalCode.STEPS_REMOVED_SINCE)
                now.append(
                    StepDates(
                        step.id,
                        step.start_on,
                        step.due_on,
                        step.session_time,
                        step.session_minutes,
                    )  # fmt: skip
                )
                step.start_on, step.due_on = dates.start_on, dates.due_on
                step.session_time, step.session_minutes = dates.session_time, dates.session_minutes
                activity.log(
                    session,
                    ctx.clock,
                    step.journey,
                    ActivityKind.DUE_DATE_CHANGED,
                    step=step.title,
                    step_id=step.id,
                    was=now[-1].due_on,
                    now=dates.due_on,
                    undo=True,
                )
                clients.add(step.journey.client_id)
            replaced.append(Rescheduled(journey.journey_id, tuple(now)))
    changes = Changes(
        journeys=frozenset(j.journey_id for j in applied),
        clients=frozenset(clients),
        aspects=Aspect.STEPS | Aspect.CAPACITY,
    )
    return Result(tuple(replaced), changes)

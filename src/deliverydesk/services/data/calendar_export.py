"""Calendar export: every open step of the active journeys as an all-day event on its due
date, a session with a time as a timed event in the practice's zone (TZID, its VTIMEZONE
included, an alarm before it), and a reminder to resume each paused journey on its planned
resume date, in an .ics file any calendar program imports: one for the practice, or a
folder of one per client.

Each step keeps one UID across exports (its id and the practice's own token), so importing
a newer file updates the events instead of adding them twice. The icalendar package
escapes the text (commas, semicolons, backslashes, line breaks) and folds long lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from deliverydesk import __version__
from deliverydesk.model.entities import Practice
from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.sessions import SessionTime
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.progress import Tracker
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.practice.session_settings import practice_zone, session_settings
from deliverydesk.services.views.today import PausedRow, paused_journeys
from deliverydesk.wording import ENGLISH, Words

if TYPE_CHECKING:
    from icalendar import Calendar

_day = date.fromisoformat
PROGRESS_EVERY = 250
_OWNER = {o.value: o for o in Owner}
_KIND = {k.value: k for k in StepKind}


@dataclass(frozen=True, slots=True)
class CalendarItem:
    step_id: int
    client_name: str
    offer_name: str
    phase_name: str
    title: str
    kind: StepKind
    owner: Owner
    due_on: date
    client_id: int = 0
    client_email: str = ""
    session_time: time | None = None  # a session's start on its due date (wall time)
    session_minutes: int = 0

    @property
    def session(self) -> SessionTime | None:
        """When a session with a time is: a timed event; None for an all-day one."""
        if self.kind is not StepKind.SESSION or self.session_time is None:
            return None
        return SessionTime(self.due_on, self.session_time, self.session_minutes)


_OPEN_STEPS = text(
    """
SELECT journey_step.id, client.name, journey.offer_name, journey_phase.name,
       journey_step.title, journey_step.kind, journey_step.owner, journey_step.due_on,
       client.id, client.email, journey_step.session_time, journey_step.session_minutes
FROM journey_step
JOIN journey ON journey.id = journey_step.journey_id
JOIN client ON client.id = journey.client_id
JOIN journey_phase ON journey_phase.id = journey_step.phase_id
WHERE journey_step.completed_on IS NULL AND journey.status = 'active'
ORDER BY journey_step.due_on, journey_step.journey_id, journey_step.position
"""
)


def calendar_items(ctx: Context) -> list[CalendarItem]:
    """The open steps of every active journey, by due date; names and titles as one line
    without bidi controls (a name stored before they were cleaned on save included)."""
    with ctx.db.engine.connect() as connection:
        raw = connection.execute(_OPEN_STEPS).all()
    line = single_line
    return [
        CalendarItem(
            r[0],
            line(r[1]),
            line(r[2]),
            line(r[3]),
            line(r[4]),
            _KIND[r[5]],
            _OWNER[r[6]],
            _day(r[7]),
            r[8],
            line(r[9] or ""),
            time.fromisoformat(r[10]) if r[10] else None,
            r[11] or 0,
        )
        for r in raw
    ]


def practice_token(ctx: Context) -> str:
    """A short token naming this practice's database, stable for its life: two practices'
    (the demo's and one's own, say) steps never share a UID."""
    with ctx.db.sessions() as session:
        first = session.execute(
            select(Practice.id, Practice.created_at).order_by(Practice.id).limit(1)
        ).first()
    seed = f"{first.id}:{first.created_at.isoformat()}" if first else "no-practice"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]


def step_uid(step_id: int, token: str) -> str:
    return f"step-{step_id}-{token}@deliverydesk"


def resume_uid(journey_id: int, token: str) -> str:
    """One per paused journey: a new planned date moves the event, never adds a second."""
    return f"resume-{journey_id}-{token}@deliverydesk"


def resume_items(ctx: Context) -> list[PausedRow]:
    """The paused journeys with a planned resume date, by that date."""
    planned = [row for row in paused_journeys(ctx) if row.resume_on is not None]
    return sorted(planned, key=lambda row: (row.resume_on, row.journey_id))


def summary_of(item: CalendarItem, words: Words = ENGLISH) -> str:
    if item.kind is StepKind.SESSION:
        return words.tr("Session: {step} with {client}").format(
            step=item.title, client=item.client_name
        )
    return words.tr("Due: {step} ({client})").format(step=item.title, client=item.client_name)


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    """How the export is written: the reminder before a session (None: the practice's
    setting; 0: none) and whether a folder gets one file per client."""

    alarm_minutes: int | None = None
    per_client: bool = False


def calendar_bytes(
    ctx: Context,
    words: Words = ENGLISH,
    tracker: Tracker | None = None,
    options: CalendarOptions = CalendarOptions(),  # noqa: B008 (frozen)
) -> tuple[bytes, int]:
    """The .ics file's content and how many events it holds. `tracker` hears of the
    progress and may stop it (tens of thousands of steps take seconds)."""
    tracker = tracker or Tracker()
    items = calendar_items(ctx)
    reminders = resume_items(ctx)
    writer = _Writer(ctx, words, options)
    calendar = writer.calendar("")
    for done, item in enumerate(items):
        if done % PROGRESS_EVERY == 0:
            tracker.step(done, len(items))
        calendar.add_component(writer.step_event(item))
    for row in reminders:
        calendar.add_component(writer.resume_event(row))
    writer.close(calendar)
    return calendar.to_ical(), len(items) + len(reminders)


def client_calendars(
    ctx: Context,
    words: Words = ENGLISH,
    tracker: Tracker | None = None,
    options: CalendarOptions = CalendarOptions(),  # noqa: B008 (frozen)
) -> list[tuple[str, bytes, int]]:
    """One calendar per client with open steps or a planned resume: (file name, content,
    events). The name is the client's, made safe for any file system, with their id."""
    tracker = tracker or Tracker()
    items = calendar_items(ctx)
    reminders = resume_items(ctx)
    writer = _Writer(ctx, words, options)
    names: dict[int, str] = {}
    calendars: dict[int, tuple[Calendar, list[int]]] = {}

    def of(client_id: int, name: str) -> tuple[Calendar, list[int]]:
        if client_id not in calendars:
            names[client_id] = name
            calendars[client_id] = (writer.calendar(name), [0])
        return calendars[client_id]

    for done, item in enumerate(items):
        if done % PROGRESS_EVERY == 0:
            tracker.step(done, len(items))
        calendar, count = of(item.client_id, item.client_name)
        calendar.add_component(writer.step_event(item))
        count[0] += 1
    for row in reminders:
        calendar, count = of(row.client_id, row.client_name)
        calendar.add_component(writer.resume_event(row))
        count[0] += 1
    found = []
    for client_id, (calendar, count) in sorted(calendars.items(), key=lambda kv: names[kv[0]]):
        writer.close(calendar)
        found.append((client_file_name(names[client_id], client_id), calendar.to_ical(), count[0]))
    return found


def client_file_name(name: str, client_id: int) -> str:
    """ "Ana Souza (12).ics": letters and digits of any script kept, the rest a space, cut
    short; the id keeps two clients of one name apart."""
    kept = "".join(ch if ch.isalnum() or ch in " -_.," else " " for ch in name)
    kept = " ".join(kept.split()).strip(" .")[:60] or "client"
    return f"{kept} ({client_id}).ics"


class _Writer:
    """Makes the events of one export: the practice's token, zone and alarm read once."""

    def __init__(self, ctx: Context, words: Words, options: CalendarOptions) -> None:
        self.words = words
        self.token = practice_token(ctx)
        self.zone: tzinfo = practice_zone(ctx)
        settings = session_settings(ctx)
        self.alarm = (
            settings.alarm_minutes if options.alarm_minutes is None else options.alarm_minutes
        )
        self.stamp = ctx.clock.now()
        self.days: list[date] = []  # the sessions' days: the VTIMEZONE covers them
        with ctx.db.sessions() as session:
            self.practice_name = single_line(
                session.scalar(select(Practice.name).order_by(Practice.id).limit(1)) or ""
            )

    def calendar(self, client_name: str) -> Calendar:
        # Imported here: the workspace (and so every start) would pay ~45 ms for it otherwise.
        from icalendar import Calendar

        calendar = Calendar()
        calendar.add("prodid", f"-//DeliveryDesk//DeliveryDesk {__version__}//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        name = " · ".join(part for part in (client_name, self.practice_name) if part)
        calendar.add("x-wr-calname", f"{name} · DeliveryDesk" if name else "DeliveryDesk")
        calendar.add("x-wr-timezone", str(self.zone))
        return calendar

    def close(self, calendar: Calendar) -> None:
        """The zone's VTIMEZONE, over the years the timed sessions fall in."""
        if self.days:
            first, last = min(self.days), max(self.days)
            calendar.add_missing_timezones(
                first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 12, 31)
            )

    def step_event(self, item: CalendarItem) -> Any:
        from icalendar import Alarm, Event, vCalAddress

        event = Event()
        event.add("uid", step_uid(item.step_id, self.token))
        event.add("dtstamp", self.stamp)
        session = item.session
        if session is None:
            event.add("dtstart", item.due_on)  # a date: written VALUE=DATE, all day
            event.add("dtend", item.due_on + timedelta(days=1))
            event.add("transp", "TRANSPARENT")  # a due date does not make the day busy
        else:
            self.days.append(item.due_on)
            event.add("dtstart", session.starts(self.zone))  # TZID=the practice's zone
            ends = session.ends(self.zone)
            if ends is not None:
                event.add("dtend", ends)
            event.add("transp", "OPAQUE")  # a session takes the time
            if item.client_email:
                attendee = vCalAddress(f"mailto:{item.client_email}")
                attendee.params["cn"] = item.client_name
                attendee.params["role"] = "REQ-PARTICIPANT"
                event.add("attendee", attendee, encode=False)
            if self.alarm > 0:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary_of(item, self.words))
                alarm.add("trigger", timedelta(minutes=-self.alarm))
                event.add_component(alarm)
        event.add("summary", summary_of(item, self.words))
        event.add(
            "description",
            "\n".join(
                (
                    f"{item.client_name} · {item.offer_name} · {item.phase_name}",
                    self.words.waits_on(item.owner),
                )
            ),
        )
        event.add("categories", [self.words.owner_label(item.owner)])
        return event

    def resume_event(self, row: PausedRow) -> Any:
        from icalendar import Event

        assert row.resume_on is not None  # resume_items keeps only planned ones
        event = Event()
        event.add("uid", resume_uid(row.journey_id, self.token))
        event.add("dtstamp", self.stamp)
        event.add("dtstart", row.resume_on)
        event.add("dtend", row.resume_on + timedelta(days=1))
        event.add("summary", self.words.resume_title(row.client_name, row.offer_name))
        event.add(
            "description",
            "\n".join(
                (
                    f"{row.client_name} · {row.offer_name} · {row.phase_name}",
                    self.words.paused_line(row.paused_on, row.reason, None),
                )
            ),
        )
        event.add("categories", [self.words.owner_label(Owner.ME)])
        event.add("transp", "TRANSPARENT")
        return event


def export_calendar(
    ctx: Context,
    path: Path,
    words: Words = ENGLISH,
    tracker: Tracker | None = None,
    options: CalendarOptions = CalendarOptions(),  # noqa: B008 (frozen)
) -> int:
    """Write the .ics file atomically (with `options.per_client`, `path` is a folder and
    each client's file is written into it); the number of events written."""
    if options.per_client:
        return export_client_calendars(ctx, path, words, tracker, options)
    content, count = calendar_bytes(ctx, words, tracker, options)
    if tracker is not None:
        tracker.step(count, count)  # the last chance to stop before the file is replaced
    write_atomically(path, content)
    return count


def export_client_calendars(
    ctx: Context,
    folder: Path,
    words: Words = ENGLISH,
    tracker: Tracker | None = None,
    options: CalendarOptions = CalendarOptions(),  # noqa: B008 (frozen)
) -> int:
    """One .ics file per client into `folder` (which must exist), each written atomically."""
    files = client_calendars(ctx, words, tracker, options)
    count = sum(events for _name, _content, events in files)
    if tracker is not None:
        tracker.step(count, count)
    for name, content, _events in files:
        write_atomically(folder / name, content)
    return count

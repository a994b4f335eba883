"""Calendar export: every open step of the active journeys as an all-day event on its due
date (sessions named as sessions), and a reminder to resume each paused journey on its
planned resume date, in an .ics file any calendar program imports.

Each step keeps one UID across exports (its id and the practice's own token), so importing
a newer file updates the events instead of adding them twice. The icalendar package
escapes the text (commas, semicolons, backslashes, line breaks) and folds long lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, text

from deliverydesk import __version__
from deliverydesk.model.entities import Practice
from deliverydesk.model.rules.enums import Owner, StepKind
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.progress import Tracker
from deliverydesk.services.context import Context
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.views.today import PausedRow, paused_journeys
from deliverydesk.wording import ENGLISH, Words

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


_OPEN_STEPS = text(
    """
SELECT journey_step.id, client.name, journey.offer_name, journey_phase.name,
       journey_step.title, journey_step.kind, journey_step.owner, journey_step.due_on
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


def calendar_bytes(
    ctx: Context, words: Words = ENGLISH, tracker: Tracker | None = None
) -> tuple[bytes, int]:
    """The .ics file's content and how many events it holds. `tracker` hears of the
    progress and may stop it (tens of thousands of steps take seconds)."""
    # Imported here: the workspace (and so every start) would pay ~45 ms for it otherwise.
    from icalendar import Calendar, Event

    tracker = tracker or Tracker()
    items = calendar_items(ctx)
    reminders = resume_items(ctx)
    token = practice_token(ctx)
    with ctx.db.sessions() as session:
        name = single_line(
            session.scalar(select(Practice.name).order_by(Practice.id).limit(1)) or ""
        )
    calendar = Calendar()
    calendar.add("prodid", f"-//DeliveryDesk//DeliveryDesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{name} · DeliveryDesk" if name else "DeliveryDesk")
    stamp = ctx.clock.now()
    for done, item in enumerate(items):
        if done % PROGRESS_EVERY == 0:
            tracker.step(done, len(items))
        event = Event()
        event.add("uid", step_uid(item.step_id, token))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)  # a date: written VALUE=DATE, all day
        event.add("dtend", item.due_on + timedelta(days=1))
        event.add("summary", summary_of(item, words))
        event.add(
            "description",
            "\n".join(
                (
                    f"{item.client_name} · {item.offer_name} · {item.phase_name}",
                    words.waits_on(item.owner),
                )
            ),
        )
        event.add("categories", [words.owner_label(item.owner)])
        event.add("transp", "TRANSPARENT")  # a due date does not make the day busy
        calendar.add_component(event)
    for row in reminders:
        assert row.resume_on is not None  # resume_items keeps only planned ones
        event = Event()
        event.add("uid", resume_uid(row.journey_id, token))
        event.add("dtstamp", stamp)
        event.add("dtstart", row.resume_on)
        event.add("dtend", row.resume_on + timedelta(days=1))
        event.add("summary", words.resume_title(row.client_name, row.offer_name))
        event.add(
            "description",
            "\n".join(
                (
                    f"{row.client_name} · {row.offer_name} · {row.phase_name}",
                    words.paused_line(row.paused_on, row.reason, None),
                )
            ),
        )
        event.add("categories", [words.owner_label(Owner.ME)])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical(), len(items) + len(reminders)


def export_calendar(
    ctx: Context, path: Path, words: Words = ENGLISH, tracker: Tracker | None = None
) -> int:
    """Write the .ics file atomically; the number of events written."""
    content, count = calendar_bytes(ctx, words, tracker)
    if tracker is not None:
        tracker.step(count, count)  # the last chance to stop before the file is replaced
    write_atomically(path, content)
    return count

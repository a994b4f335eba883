"""Importing a calendar: our own export comes back to the same steps with the same times
and zone; a calendar program's events are matched by attendee e-mail or by the client's
name in the title, never guessed; a file that is not a calendar is refused and nothing
changes."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from deliverydesk.model.rules.sessions import Unmatched
from deliverydesk.services.context import Context
from deliverydesk.services.data.calendar_export import export_calendar
from deliverydesk.services.data.calendar_import import (
    MAX_CALENDAR_BYTES,
    apply_plan,
    plan_import,
    restore_sessions,
)
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import StepDetail, journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.reschedule import SessionSlot, reschedule_step
from deliverydesk.services.practice.session_settings import (
    SessionSettings,
    update_session_settings,
)
from deliverydesk.wording import ENGLISH, error_text
from tests.unit.timeline_support import TODAY, enrol, offer, practice

TUESDAY = date(2026, 11, 24)


@pytest.fixture
def two(ctx: Context) -> tuple[int, int]:
    """Ana (ana@example.com) and Bea (no address), each with an open Welcome call."""
    practice(ctx)
    update_session_settings(ctx, SessionSettings("Europe/Berlin", 15))
    offer_id = offer(ctx)
    return (
        enrol(ctx, offer_id, "Ana Souza", TODAY, "Ana@Example.com"),
        enrol(ctx, offer_id, "Bea Lund", TODAY),
    )


def call(ctx: Context, journey_id: int) -> StepDetail:
    detail = journey_detail(ctx, journey_id)
    return next(s for p in detail.phases for s in p.steps if s.title == "Welcome call")


def rows(ctx: Context) -> list[tuple[object, ...]]:
    """Every step as stored (read through SQLAlchemy's own connection: never open() it)."""
    with ctx.db.engine.connect() as connection:
        return list(connection.exec_driver_sql("SELECT * FROM journey_step ORDER BY id").all())


GOOGLE = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:19701101T020000
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700308T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:abc1@google.com
DTSTART;TZID=America/New_York:20261124T040000
DTEND;TZID=America/New_York:20261124T045000
SUMMARY:Coaching
ATTENDEE;CN=Ana;ROLE=REQ-PARTICIPANT:mailto:ana@example.com
END:VEVENT
BEGIN:VEVENT
UID:abc2@google.com
DTSTART:20261125T140000Z
DURATION:PT45M
SUMMARY:Kick-off call with Bea Lund!
END:VEVENT
BEGIN:VEVENT
UID:abc3@google.com
DTSTART:20261126T090000
DTEND:20261126T100000
SUMMARY:Dentist
END:VEVENT
BEGIN:VEVENT
UID:abc4@google.com
DTSTART;VALUE=DATE:20261127
SUMMARY:Bea Lund birthday
END:VEVENT
BEGIN:VEVENT
UID:abc5@google.com
DTSTART:20261101T090000Z
DTEND:20261101T100000Z
SUMMARY:Ana Souza old session
END:VEVENT
BEGIN:VEVENT
UID:abc6@google.com
DTSTART:20261130T090000Z
DTEND:20261130T100000Z
SUMMARY:Ana Souza and Bea Lund together
END:VEVENT
END:VCALENDAR
"""


def test_a_calendar_programs_events_are_matched_by_email_or_name_never_guessed(
    ctx: Context, two: tuple[int, int], tmp_path: Path
) -> None:
    ana, bea = two
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE.replace("\n", "\r\n"), encoding="utf-8")
    before = rows(ctx)
    plan = plan_import(ctx, path)
    assert rows(ctx) == before  # reading the plan changes nothing
    found = {(p.client_name, p.step_title, p.day, p.start, p.minutes, p.matched_by)
             for p in plan.sessions}  # fmt: skip
    assert found == {
        # 04:00 in New York is 10:00 in Berlin, the practice's zone.
        ("Ana Souza", "Welcome call", TUESDAY, time(10, 0), 50, "email"),
        ("Bea Lund", "Welcome call", date(2026, 11, 25), time(15, 0), 45, "title"),
    }
    assert {(left.summary, left.reason) for left in plan.left_alone} == {
        ("Dentist", Unmatched.NO_CLIENT),
        ("Bea Lund birthday", Unmatched.NO_TIME),
        ("Ana Souza old session", Unmatched.PAST),
        ("Ana Souza and Bea Lund together", Unmatched.SEVERAL_CLIENTS),
    }
    applied = apply_plan(ctx, plan)
    assert (call(ctx, ana).due_on, call(ctx, ana).session_time) == (TUESDAY, time(10, 0))
    assert call(ctx, bea).session_minutes == 45
    after = rows(ctx)
    undone = restore_sessions(ctx, applied.value)  # the undo: every step as it was
    assert rows(ctx) == before
    restore_sessions(ctx, undone.value)  # and the redo
    assert rows(ctx) == after


DONE_WITH_SESSIONS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:x1@example.com
DTSTART:20261124T090000Z
DTEND:20261124T100000Z
SUMMARY:Catch-up
ATTENDEE:mailto:ana@example.com
END:VEVENT
BEGIN:VEVENT
UID:x2@example.com
DTSTART:20261125T090000Z
DTEND:20261125T100000Z
SUMMARY:Ana Souza follow-up
END:VEVENT
BEGIN:VEVENT
UID:x3@example.com
DTSTART:20261126T090000Z
DTEND:20261126T100000Z
SUMMARY:Bea Lund
END:VEVENT
END:VCALENDAR
"""


def test_a_client_whose_sessions_are_all_done_has_no_open_session_left(
    ctx: Context, two: tuple[int, int], tmp_path: Path
) -> None:
    """Ana had her one session: events naming her (by address or by name) are hers, but
    there is nothing left to give them to; that is what the list says, not "no client"."""
    ana, bea = two
    complete_step(ctx, call(ctx, ana).id)
    path = tmp_path / "after.ics"
    path.write_text(DONE_WITH_SESSIONS, encoding="utf-8")
    plan = plan_import(ctx, path)
    assert [(p.client_name, p.step_title) for p in plan.sessions] == [("Bea Lund", "Welcome call")]
    left = {(item.summary, ENGLISH.left_alone(item.reason)) for item in plan.left_alone}
    assert left == {
        ("Catch-up", "the client has no open session left"),
        ("Ana Souza follow-up", "the client has no open session left"),
    }


def test_an_export_imported_back_keeps_each_sessions_time_and_zone(
    ctx: Context, two: tuple[int, int], tmp_path: Path
) -> None:
    ana, bea = two
    reschedule_step(ctx, call(ctx, ana).id, TUESDAY, slot=SessionSlot(time(9, 30), 60))
    reschedule_step(ctx, call(ctx, bea).id, TUESDAY, slot=SessionSlot(time(16, 0), 45))
    path = tmp_path / "ours.ics"
    export_calendar(ctx, path)
    exported = {j: (call(ctx, j).due_on, call(ctx, j).session_time, call(ctx, j).session_minutes)
                for j in two}  # fmt: skip
    # Moved in the app afterwards; the calendar file still has the times it was given.
    for journey_id in two:
        reschedule_step(ctx, call(ctx, journey_id).id, TODAY, slot=SessionSlot(time(8, 0), 30))
    plan = plan_import(ctx, path)
    assert {p.matched_by for p in plan.sessions} == {"uid"}  # its own steps, by UID
    assert all(left.reason is Unmatched.NO_TIME for left in plan.left_alone)  # due dates
    apply_plan(ctx, plan)
    assert {j: (call(ctx, j).due_on, call(ctx, j).session_time, call(ctx, j).session_minutes)
            for j in two} == exported  # fmt: skip


def test_a_plan_made_stale_by_an_edit_is_refused_whole(
    ctx: Context, two: tuple[int, int], tmp_path: Path
) -> None:
    ana, _bea = two
    path = tmp_path / "google.ics"
    path.write_text(GOOGLE, encoding="utf-8")
    plan = plan_import(ctx, path)
    reschedule_step(ctx, call(ctx, ana).id, TODAY, slot=SessionSlot(time(8, 0), 30))
    before = rows(ctx)
    with pytest.raises(InvalidInput) as refused:
        apply_plan(ctx, plan)
    assert "'Welcome call' changed since the import was shown" in error_text(refused.value)
    assert rows(ctx) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"name,email\nAna,ana@example.com\n", "is not a calendar file (.ics"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not a calendar file (.ics"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\x00\x01\r\n", "is not a calendar file (.ics"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-99-99T25\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n",
            "is damaged and cannot be read",
        ),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\xff\xfe\xfa", "is damaged and cannot be read"),
    ],
)
def test_a_file_that_is_not_a_calendar_is_refused_and_nothing_changes(
    ctx: Context, two: tuple[int, int], tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "file.ics"
    path.write_bytes(content)
    before = rows(ctx)
    with pytest.raises(InvalidInput) as refused:
        plan_import(ctx, path)
    said = error_text(refused.value)
    assert words in said and "Nothing was imported." in said
    assert "Error" not in said and "Traceback" not in said
    assert rows(ctx) == before


def test_a_huge_file_a_folder_and_the_database_are_refused(
    ctx: Context, two: tuple[int, int], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as handle:
        handle.write(b"BEGIN:VCALENDAR\r\n")
        handle.truncate(MAX_CALENDAR_BYTES + 10)
    with pytest.raises(InvalidInput) as refused:
        plan_import(ctx, huge)
    assert "larger than 10 MB" in error_text(refused.value)
    with pytest.raises(InvalidInput) as refused:
        plan_import(ctx, tmp_path)
    assert "is a folder, not a calendar file" in error_text(refused.value)
    with pytest.raises(InvalidInput):
        plan_import(ctx, ctx.path)  # never opened: closing it would drop SQLite's locks

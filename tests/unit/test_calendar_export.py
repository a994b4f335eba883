"""The .ics export, read back with icalendar as a calendar program would read it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from deliverydesk.model.rules.enums import StepKind
from deliverydesk.progress import Cancelled, Tracker
from deliverydesk.services.context import Context
from deliverydesk.services.data.calendar_export import calendar_bytes, export_calendar
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.journeys import complete_step
from deliverydesk.services.journeys.lifecycle import pause
from tests.unit.timeline_support import TODAY, enrol, offer, practice

TRICKY = 'Zoë; "Mü,ller" \\ <b>bold</b> 🌱 of the Very Long Family Name Company'


@pytest.fixture
def offer_id(ctx: Context) -> int:
    practice(ctx)
    return offer(ctx)


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def open_steps(ctx: Context, journey_id: int) -> list[tuple[int, str, date, StepKind]]:
    detail = journey_detail(ctx, journey_id)
    return [
        (s.id, s.title, s.due_on, s.kind)
        for p in detail.phases
        for s in p.steps
        if s.completed_on is None
    ]


def test_every_open_step_is_an_all_day_event_on_its_due_date(
    ctx: Context, offer_id: int, tmp_path: Path
) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    path = tmp_path / "due.ics"
    count = export_calendar(ctx, path)
    steps = open_steps(ctx, journey_id)
    found = events(path)
    assert count == len(steps) == len(found) == 7
    raw = path.read_text(encoding="utf-8")
    assert raw.count("DTSTART;VALUE=DATE:") == 7
    by_title = {str(e["SUMMARY"]): e for e in found.values()}
    welcome = by_title["Session: Welcome call with Ana Souza"]
    assert welcome["DTSTART"].dt == TODAY
    assert welcome["DTEND"].dt == TODAY + timedelta(days=1)
    intake = by_title["Due: Intake form (Ana Souza)"]
    assert intake["DTSTART"].dt == date(2026, 11, 24)
    assert "Waiting on the client" in str(intake["DESCRIPTION"])
    assert "Clarity Sprint" in str(intake["DESCRIPTION"])


def test_uids_stay_the_same_across_exports_so_a_reimport_updates(
    ctx: Context, offer_id: int, tmp_path: Path
) -> None:
    journey_id = enrol(ctx, offer_id, "Ana Souza", TODAY)
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    export_calendar(ctx, first)
    done = open_steps(ctx, journey_id)[0][0]
    complete_step(ctx, done)
    export_calendar(ctx, second)
    before, after = events(first), events(second)
    assert set(after) < set(before)  # the step done left; the others kept their UIDs
    assert len(before) - len(after) == 1
    assert all(uid.endswith("@deliverydesk") for uid in before)
    assert len(set(before)) == len(before)  # one event per step, never twice


def test_text_with_separators_markup_and_emoji_comes_back_as_typed(
    ctx: Context, offer_id: int, tmp_path: Path
) -> None:
    enrol(ctx, offer_id, TRICKY, TODAY)
    path = tmp_path / "tricky.ics"
    export_calendar(ctx, path)
    summaries = {str(e["SUMMARY"]) for e in events(path).values()}
    assert f"Due: Intake form ({TRICKY})" in summaries
    raw = path.read_bytes()
    assert b"\\;" in raw and b"\\," in raw and b"\\n" in raw  # escaped as RFC 5545 says
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # long lines folded


def test_paused_journeys_and_done_steps_are_left_out(
    ctx: Context, offer_id: int, tmp_path: Path
) -> None:
    paused = enrol(ctx, offer_id, "Ana Souza", TODAY)
    pause(ctx, paused)
    content, count = calendar_bytes(ctx)
    assert count == 0
    assert Calendar.from_ical(content).walk("VEVENT") == []


def test_a_paused_journey_s_planned_resume_is_an_event_on_that_day(
    ctx: Context, offer_id: int
) -> None:
    paused = enrol(ctx, offer_id, "Tom Becker", TODAY)
    pause(ctx, paused, "Moving house", date(2026, 12, 7))
    content, count = calendar_bytes(ctx)
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert count == 1
    assert str(event["summary"]) == "Resume Tom Becker's Clarity Sprint"
    assert event.decoded("dtstart") == date(2026, 12, 7)
    assert "Paused since Mon 23 Nov 2026: Moving house" in str(event["description"])
    assert str(event["uid"]).startswith(f"resume-{paused}-")


def test_a_cancelled_export_leaves_the_old_file(
    ctx: Context, offer_id: int, tmp_path: Path
) -> None:
    enrol(ctx, offer_id, "Ana Souza", TODAY)
    path = tmp_path / "due.ics"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(Cancelled):
        export_calendar(ctx, path, tracker=Tracker(cancelled=lambda: True))
    assert path.read_text(encoding="utf-8") == "old"


def test_a_missing_folder_is_refused_in_words(ctx: Context, offer_id: int, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no folder"):
        export_calendar(ctx, tmp_path / "nowhere" / "due.ics")

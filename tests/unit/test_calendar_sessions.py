"""The .ics export of sessions with times, and the round trip through icalendar: a timed
event in the practice's zone (TZID, with its VTIMEZONE), an alarm before it, the client as
attendee; due dates stay all-day; one file per client on request."""

from __future__ import annotations

import sys
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from deliverydesk.services.context import Context
from deliverydesk.services.data.calendar_export import CalendarOptions, export_calendar
from deliverydesk.services.journeys.detail import journey_detail
from deliverydesk.services.journeys.reschedule import SessionSlot, reschedule_step
from deliverydesk.services.practice.session_settings import (
    SessionSettings,
    update_session_settings,
)
from deliverydesk.services.practice.time_zone import is_zone, system_zone_name, zone_named
from tests.unit.timeline_support import TODAY, enrol, offer, practice

BERLIN = ZoneInfo("Europe/Berlin")
SPRING_FORWARD = date(2027, 3, 28)  # Berlin's clocks go 02:00 → 03:00 that night


@pytest.fixture
def timed(ctx: Context) -> tuple[int, int]:
    """Ana's Welcome call at 10:00 for 60 minutes today; Bea's with no time yet."""
    practice(ctx)
    update_session_settings(ctx, SessionSettings("Europe/Berlin", 20))
    offer_id = offer(ctx)
    ana = enrol(ctx, offer_id, "Ana Souza", TODAY, "ana@example.com")
    enrol(ctx, offer_id, "Bea Lund", TODAY)
    call = welcome_call(ctx, ana)
    reschedule_step(ctx, call, TODAY, slot=SessionSlot(time(10, 0), 60))
    return ana, call


def welcome_call(ctx: Context, journey_id: int) -> int:
    detail = journey_detail(ctx, journey_id)
    return next(s.id for p in detail.phases for s in p.steps if s.title == "Welcome call")


def by_summary(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_a_session_with_a_time_is_a_timed_event_in_the_practices_zone(
    ctx: Context, timed: tuple[int, int], tmp_path: Path
) -> None:
    path = tmp_path / "practice.ics"
    export_calendar(ctx, path)
    raw = path.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Berlin:20261123T100000" in raw
    assert "DTEND;TZID=Europe/Berlin:20261123T110000" in raw
    calendar = Calendar.from_ical(path.read_bytes())
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Berlin"
    events = by_summary(path)
    ana = events["Session: Welcome call with Ana Souza"]
    assert ana["DTSTART"].dt == datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN)  # type: ignore[index]
    assert ana["DTSTART"].dt.utcoffset() == timedelta(hours=1)  # type: ignore[index]
    (alarm,) = ana.walk("VALARM")  # type: ignore[attr-defined]
    assert alarm["TRIGGER"].dt == timedelta(minutes=-20)
    assert str(ana["ATTENDEE"]) == "mailto:ana@example.com"  # type: ignore[index]
    # A session without a time, and every due date, stay all-day events.
    bea = events["Session: Welcome call with Bea Lund"]
    assert bea["DTSTART"].dt == TODAY  # type: ignore[index]
    assert not bea.walk("VALARM")  # type: ignore[attr-defined]
    assert events["Due: Intake form (Ana Souza)"]["DTSTART"].dt == date(2026, 11, 24)  # type: ignore[index]


def test_the_round_trip_keeps_times_and_zones_across_a_dst_change(
    ctx: Context, timed: tuple[int, int], tmp_path: Path
) -> None:
    _ana, call = timed
    # 01:30 the night clocks go forward lasts its 90 real minutes: it ends at 04:00.
    reschedule_step(ctx, call, SPRING_FORWARD, slot=SessionSlot(time(1, 30), 90))
    path = tmp_path / "practice.ics"
    export_calendar(ctx, path, options=CalendarOptions(alarm_minutes=0))
    event = by_summary(path)["Session: Welcome call with Ana Souza"]
    start, end = event["DTSTART"].dt, event["DTEND"].dt  # type: ignore[index]
    assert (start.tzinfo.key, end.tzinfo.key) == ("Europe/Berlin", "Europe/Berlin")
    assert (start.hour, start.minute, end.hour, end.minute) == (1, 30, 4, 0)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(minutes=90)
    assert not event.walk("VALARM")  # type: ignore[attr-defined]  # the export said none


def test_a_folder_gets_one_calendar_per_client(
    ctx: Context, timed: tuple[int, int], tmp_path: Path
) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    whole = export_calendar(ctx, tmp_path / "all.ics")
    count = export_calendar(ctx, folder, options=CalendarOptions(per_client=True))
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["Ana Souza (1).ics", "Bea Lund (2).ics"]
    assert count == whole
    ana = by_summary(folder / names[0])
    assert all("Ana Souza" in summary for summary in ana)
    assert Calendar.from_ical((folder / names[1]).read_bytes()).walk("VTIMEZONE") == []


@pytest.fixture
def no_zone_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A computer with no zone database and no tzdata package: zoneinfo knows no zone."""
    # `import tzdata` fails, and so does its package of zone files, even when an earlier
    # test of this process (icalendar, a time zone read) has loaded them already.
    for name in {"tzdata", "tzdata.zoneinfo", *(m for m in sys.modules if m.startswith("tzdata."))}:
        monkeypatch.setitem(sys.modules, name, None)
    zoneinfo.reset_tzpath(to=[])
    ZoneInfo.clear_cache()
    yield
    zoneinfo.reset_tzpath()
    ZoneInfo.clear_cache()


def test_with_no_zone_data_the_practice_s_zone_falls_back_to_utc(no_zone_data: None) -> None:
    """No zone database and no tzdata (a bare install; the bundle carries tzdata, and
    icalendar needs it to write a calendar at all): our zone lookups never raise, they
    fall back to UTC, datetime's own, which needs no data."""
    assert not is_zone("UTC") and not is_zone("Europe/Berlin")  # not even UTC by name
    assert system_zone_name() == "UTC"
    assert zone_named("Europe/Berlin") is UTC

"""What falls due when: the timeline, the Today list, reminders and nudges, the calendar.

A room of the Workspace (`ws.schedule`): each method is one use case on the open practice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from deliverydesk.model.rules.enums import Owner
from deliverydesk.progress import Tracker
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.data import calendar_export, calendar_import
from deliverydesk.services.journeys import nudge
from deliverydesk.services.journeys.reschedule import Rescheduled
from deliverydesk.services.practice import session_settings as sessions
from deliverydesk.services.practice import time_zone
from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import timeline, today_pages
from deliverydesk.services.views import today as due_now
from deliverydesk.wording import ENGLISH, Words


class ScheduleRoom(Room):
    # -- the timeline ----------------------------------------------------------------------
    def portfolio(self, journey_ids: Iterable[int] | None = None) -> list[timeline.PortfolioRow]:
        return timeline.portfolio(self._ctx, journey_ids)

    def journey_timeline(self, journey_id: int) -> timeline.JourneyTimeline:
        return timeline.journey_timeline(self._ctx, journey_id)

    def capacity_strip(self, until: date | None = None) -> timeline.CapacityStrip:
        return timeline.capacity_strip(self._ctx, until)

    # -- today -----------------------------------------------------------------------------
    def today_list(self, journey_ids: Iterable[int] | None = None) -> due_now.TodayList:
        return due_now.today_list(self._ctx, journey_ids)

    def today_start(self, rows: Mapping[Owner, int]) -> today_pages.TodayStart:
        return today_pages.today_start(self._ctx, rows)

    def due_rows(
        self,
        owner: Owner,
        after: due_now.TodayRow | None,
        limit: int | None = None,
        through: due_now.TodayRow | None = None,
    ) -> list[due_now.TodayRow]:
        return today_pages.due_rows(self._ctx, owner, after, limit, through)

    def due_step(self, step_id: int) -> due_now.TodayRow | None:
        return today_pages.due_step(self._ctx, step_id)

    def resume_reminders(self) -> list[due_now.PausedRow]:
        return due_now.resume_reminders(self._ctx)

    def overdue_by_journey(
        self, journey_ids: Iterable[int] | None = None
    ) -> dict[int, dict[Owner, int]]:
        return due_now.overdue_by_journey(self._ctx, journey_ids)

    def nudge_draft(self, step_id: int, words: Words = ENGLISH) -> nudge.NudgeDraft:
        return nudge.nudge_draft(self._ctx, step_id, words)

    def record_nudge(self, step_id: int, channel: nudge.NudgeChannel) -> Changes:
        return nudge.record_nudge(self._ctx, step_id, channel)

    # -- the calendar ----------------------------------------------------------------------
    def export_calendar(
        self,
        path: Path,
        words: Words = ENGLISH,
        tracker: Tracker | None = None,
        *,
        per_client: bool = False,
        alarm_minutes: int | None = None,
    ) -> int:
        """Every open step of the active journeys to an .ics file, or with `per_client`
        one per client into the folder `path`; `alarm_minutes` None: the practice's
        setting (a job in ui/today/calendar_export.py runs it off the window's thread)."""
        options = calendar_export.CalendarOptions(alarm_minutes, per_client)
        return calendar_export.export_calendar(self._ctx, path, words, tracker, options)

    def plan_calendar_import(self, path: Path) -> calendar_import.CalendarPlan:
        """What importing the .ics file would change; nothing is changed."""
        return calendar_import.plan_import(self._ctx, path)

    def import_calendar(
        self, plan: calendar_import.CalendarPlan
    ) -> Result[tuple[Rescheduled, ...]]:
        return calendar_import.apply_plan(self._ctx, plan)

    def restore_sessions(self, applied: tuple[Rescheduled, ...]) -> Result[tuple[Rescheduled, ...]]:
        return calendar_import.restore_sessions(self._ctx, applied)

    # -- sessions: the practice's time zone and calendar alarm ------------------------------
    def session_settings(self) -> sessions.SessionSettings:
        return sessions.session_settings(self._ctx)

    def update_session_settings(
        self, new: sessions.SessionSettings
    ) -> Result[sessions.SessionSettings]:
        """Save; the value is the settings before (saving them again undoes)."""
        return sessions.update_session_settings(self._ctx, new)

    def time_zone_names(self) -> tuple[str, ...]:
        return time_zone.zone_names()

    def system_zone(self) -> str:
        return time_zone.system_zone_name()

"""The practice itself: who it is, its settings, its brand, the dashboard.

A room of the Workspace (`ws.practice`): each method is one use case on the open practice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from deliverydesk.reports.data import Brand
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.practice import brand, practice
from deliverydesk.services.practice import practice_settings as settings
from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import planner
from deliverydesk.services.views.dashboard import Dashboard, dashboard

if TYPE_CHECKING:  # read on the Dashboard only, after its first paint
    from deliverydesk.services.views.planner import Planner, WeekWork


class PracticeRoom(Room):
    # -- who the practice is, its settings -------------------------------------------------
    def info(self) -> practice.PracticeInfo | None:
        """The practice's name, hours and owner; None before one is created."""
        return practice.get_practice(self._ctx)

    def create_practice(
        self, name: str, weekly_hours: float, working_days: frozenset[int], owner_name: str = ""
    ) -> Changes:
        return practice.create_practice(self._ctx, name, weekly_hours, working_days, owner_name)

    def practice_settings(self) -> settings.PracticeSettings:
        return settings.practice_settings(self._ctx)

    def preview_reschedule(self, working_days: frozenset[int], closed: frozenset[date]) -> int:
        return settings.preview_reschedule(self._ctx, working_days, closed)

    def update_practice(self, new: settings.PracticeSettings) -> Result[settings.PracticeUndo]:
        return settings.update_practice(self._ctx, new)

    def restore_practice(self, undo: settings.PracticeUndo) -> Result[settings.PracticeUndo]:
        return settings.restore_practice(self._ctx, undo)

    # -- its brand -------------------------------------------------------------------------
    def brand_settings(self) -> Brand:
        return brand.brand_settings(self._ctx)

    def update_brand(self, settings: Brand) -> Result[Brand]:
        """Save the brand; the value is the settings before (update_brand with them undoes)."""
        return brand.update_brand(self._ctx, settings)

    def import_logo(self, path: Path) -> str:
        """Check a PNG or JPEG and copy it into the data folder: the stored path, for
        Brand.logo_path. InvalidInput says why a file cannot be used."""
        return brand.import_logo(self._ctx, path)

    def logo_file(self, stored: str | None) -> Path | None:
        """Where a stored logo is on disk (None for none, or one pointing outside)."""
        return brand.logo_path(self._ctx, stored)

    def brand_sample(self, settings: Brand) -> bytes:
        """A one-page sample PDF drawn with unsaved `settings`, for the live preview."""
        return brand.sample_page(self._ctx, settings)

    # -- its figures -----------------------------------------------------------------------
    def dashboard(self) -> Dashboard:
        """Capacity by week, on-time rate, integrity and its parts, time per phase against
        plan, feedback and referrals (services/views/dashboard.py says how each is counted)."""
        return dashboard(self._ctx)

    def planner(self, what_if: tuple[int, date] | None = None) -> Planner:
        """The next 26 weeks' load by offer against my hours; `what_if` (offer id, start)
        adds a new client on that offer from that day (services/views/planner.py)."""
        return planner.planner(self._ctx, what_if)

    def week_work(self, monday: date) -> tuple[WeekWork, ...]:
        """The open steps whose effort falls in the week of `monday`."""
        return planner.week_work(self._ctx, monday)

    # -- the Practice review (the dashboard of a period, on paper) --------------------------
    def practice_review(self, since: date, until: date) -> bytes:
        from deliverydesk.services.paper import practice_review

        return practice_review.practice_review(self._ctx, since, until)

    def save_practice_review(self, path: Path, since: date, until: date) -> tuple[str, ...]:
        """Write the review of `since` to `until`; what the person should be told."""
        from deliverydesk.services.paper import practice_review

        return practice_review.save_practice_review(self._ctx, path, since, until)

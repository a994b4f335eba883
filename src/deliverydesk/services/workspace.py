"""The open practice as the window sees it: use cases, never an engine or a session.

Widgets hold a Workspace. Each method is one use case (services/*) run against the open
database; mutations return `Result` or `Changes` for the event bus. The workspace can be
closed and reopened on another folder (restore and import need that): views then reload
on `Changes.all()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from deliverydesk.model.clock import Clock, SystemClock
from deliverydesk.services import detail, journeys, practice, queries
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.rows import JourneyRow, OfferSummary
from deliverydesk.store.integrity import IntegrityReport


class Workspace:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Workspace:
        """Open the practice in `data_dir`; DatabaseError carries a message for the person."""
        return cls(open_workspace(data_dir, clock or SystemClock()))

    # -- the workspace itself ----------------------------------------------------------------
    @property
    def clock(self) -> Clock:
        return self._ctx.clock

    def today(self) -> date:
        return self._ctx.clock.today()

    @property
    def path(self) -> Path:
        """The database file."""
        return self._ctx.path

    @property
    def folder(self) -> Path:
        return self._ctx.path.parent

    def check(self) -> IntegrityReport:
        return self._ctx.check()

    def close(self) -> None:
        self._ctx.close()

    def reopen(self, data_dir: Path) -> Changes:
        """Switch to the practice in `data_dir`. The current one stays open when the other
        cannot be opened (the error says why)."""
        fresh = open_workspace(data_dir, self._ctx.clock)
        self._ctx.close()
        self._ctx = fresh
        return Changes.all()

    # -- reading -----------------------------------------------------------------------------
    def practice(self) -> practice.PracticeInfo | None:
        return practice.get_practice(self._ctx)

    def offer_summaries(self) -> list[OfferSummary]:
        return queries.offer_summaries(self._ctx)

    def board_rows(self, offer_id: int | None = None) -> list[JourneyRow]:
        return queries.board_rows(self._ctx, offer_id)

    def client_rows(self) -> list[JourneyRow]:
        return queries.client_rows(self._ctx)

    def rows_for_journeys(self, journey_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_journeys(self._ctx, journey_ids)

    def rows_for_clients(self, client_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_clients(self._ctx, client_ids)

    def journey_detail(self, journey_id: int) -> detail.JourneyDetail:
        return detail.journey_detail(self._ctx, journey_id)

    # -- changing ----------------------------------------------------------------------------
    def create_practice(
        self, name: str, weekly_hours: float, working_days: frozenset[int], owner_name: str = ""
    ) -> Changes:
        return practice.create_practice(self._ctx, name, weekly_hours, working_days, owner_name)

    def complete_step(self, step_id: int, on: date | None = None) -> Result[date]:
        return journeys.complete_step(self._ctx, step_id, on)

    def reopen_step(self, step_id: int) -> Result[date]:
        return journeys.reopen_step(self._ctx, step_id)

    def set_due_date(self, step_id: int, due_on: date) -> Result[date]:
        return journeys.set_due_date(self._ctx, step_id, due_on)

    def move_to_phase(
        self, journey_id: int, position: int, *, override: bool = False
    ) -> Result[journeys.PhaseState | None]:
        return journeys.move_to_phase(self._ctx, journey_id, position, override=override)

    def restore_phase_state(self, journey_id: int, state: journeys.PhaseState) -> Changes:
        return journeys.restore_phase_state(self._ctx, journey_id, state)

    def add_note(self, journey_id: int, text: str) -> Result[int]:
        return journeys.add_note(self._ctx, journey_id, text)

    def remove_note(self, note_id: int) -> Changes:
        return journeys.remove_note(self._ctx, note_id)

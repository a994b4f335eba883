"""A journey and its steps: the board's rows, the detail, ticks, phases, notes, pause and
resume, rescheduling.

A room of the Workspace (`ws.journeys`): each method is one use case on the open practice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from deliverydesk.model.rules.enums import FrictionKind, Severity
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.journeys import (
    detail,
    feedback,
    feedback_offer,
    journeys,
    lifecycle,
    records,
    reschedule,
)
from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import queries
from deliverydesk.services.views.rows import JourneyRow


class JourneysRoom(Room):
    # -- reading ---------------------------------------------------------------------------
    def board_rows(self, offer_id: int | None = None) -> list[JourneyRow]:
        return queries.board_rows(self._ctx, offer_id)

    def rows_for_journeys(self, journey_ids: Iterable[int]) -> list[JourneyRow]:
        return queries.rows_for_journeys(self._ctx, journey_ids)

    def journey_detail(self, journey_id: int) -> detail.JourneyDetail:
        return detail.journey_detail(self._ctx, journey_id)

    def refresh_journey_detail(
        self, shown: detail.JourneyDetail, aspects: Aspect
    ) -> detail.JourneyDetail:
        """`shown` after a change of `aspects`: reads only what such a change can alter."""
        return detail.refresh_detail(self._ctx, shown, aspects)

    # -- steps, phases and notes -----------------------------------------------------------
    def complete_step(
        self, step_id: int, on: date | None = None, *, undo: bool = False
    ) -> Result[journeys.StepDone]:
        return journeys.complete_step(self._ctx, step_id, on, undo=undo)

    def reopen_step(
        self,
        step_id: int,
        *,
        expected: date | None = None,
        moved: journeys.PhaseMove | None = None,
        brought_in: bool = False,
    ) -> Result[date]:
        return journeys.reopen_step(
            self._ctx, step_id, expected=expected, moved=moved, brought_in=brought_in
        )

    def set_due_date(
        self, step_id: int, due_on: date, *, expected: date | None = None
    ) -> Result[date]:
        return journeys.set_due_date(self._ctx, step_id, due_on, expected=expected)

    def move_to_phase(
        self, journey_id: int, position: int, *, override: bool = False
    ) -> Result[journeys.PhaseMove | None]:
        return journeys.move_to_phase(self._ctx, journey_id, position, override=override)

    def checkpoints_in_the_way(self, journey_id: int, position: int) -> list[str]:
        """The open checkpoints a move to `position` would pass (a read, asked first)."""
        return journeys.checkpoints_in_the_way(self._ctx, journey_id, position)

    def restore_phase_state(
        self,
        journey_id: int,
        state: journeys.PhaseState,
        *,
        expected: journeys.PhaseState | None = None,
    ) -> Changes:
        return journeys.restore_phase_state(self._ctx, journey_id, state, expected=expected)

    def add_note(self, journey_id: int, text: str) -> Result[int]:
        return journeys.add_note(self._ctx, journey_id, text)

    def remove_note(self, note_id: int) -> Changes:
        return journeys.remove_note(self._ctx, note_id)

    # -- friction --------------------------------------------------------------------------
    def log_friction(
        self,
        journey_id: int,
        description: str,
        *,
        kind: FrictionKind,
        severity: Severity,
        step_id: int | None = None,
        occurred_on: date | None = None,
        friction_id: int | None = None,
    ) -> Result[int]:
        made, changes = records.log_friction(
            self._ctx,
            journey_id,
            description,
            kind=kind,
            severity=severity,
            step_id=step_id,
            occurred_on=occurred_on,
            friction_id=friction_id,
        )
        return Result(made, changes)

    def remove_friction(self, friction_id: int) -> Changes:
        return records.remove_friction(self._ctx, friction_id)

    def set_friction_resolution(
        self, friction_id: int, resolution: detail.Resolution
    ) -> Result[detail.Resolution]:
        return records.set_resolution(self._ctx, friction_id, resolution)

    def reopen_friction(self, friction_id: int) -> Result[detail.Resolution]:
        return records.reopen_friction(self._ctx, friction_id)

    # -- feedback --------------------------------------------------------------------------
    def add_feedback(
        self, journey_id: int, entry: feedback.FeedbackEntry, feedback_id: int | None = None
    ) -> Result[int]:
        return feedback.add_feedback(self._ctx, journey_id, entry, feedback_id)

    def change_feedback(
        self, feedback_id: int, entry: feedback.FeedbackEntry
    ) -> Result[feedback.FeedbackEntry]:
        return feedback.change_feedback(self._ctx, feedback_id, entry)

    def remove_feedback(self, feedback_id: int) -> Result[feedback.FeedbackEntry]:
        return feedback.remove_feedback(self._ctx, feedback_id)

    def feedback_offers(self, step_ids: Sequence[int]) -> list[feedback_offer.FeedbackOffer]:
        """Those of the steps just ticked that ask for feedback (a checkpoint beside a survey)."""
        return feedback_offer.feedback_offers(self._ctx, step_ids)

    # -- a journey's life ------------------------------------------------------------------
    def pause(
        self, journey_id: int, reason: str = "", resume_on: date | None = None
    ) -> Result[lifecycle.JourneyState]:
        return lifecycle.pause(self._ctx, journey_id, reason, resume_on)

    def resume(self, journey_id: int) -> Result[lifecycle.JourneyState]:
        return lifecycle.resume(self._ctx, journey_id)

    def complete(self, journey_id: int, force: bool = False) -> Result[lifecycle.JourneyState]:
        return lifecycle.complete(self._ctx, journey_id, force)

    def cancel(self, journey_id: int, reason: str = "") -> Result[lifecycle.JourneyState]:
        return lifecycle.cancel(self._ctx, journey_id, reason)

    def archive(self, journey_id: int) -> Result[lifecycle.JourneyState]:
        return lifecycle.archive(self._ctx, journey_id)

    def restore_journey_state(
        self, journey_id: int, state: lifecycle.JourneyState
    ) -> Result[lifecycle.JourneyState]:
        return lifecycle.restore_journey_state(self._ctx, journey_id, state)

    def skipped_phases(self, journey_id: int) -> list[lifecycle.SkippedPhase]:
        return lifecycle.skipped_phases(self._ctx, journey_id)

    # -- rescheduling ----------------------------------------------------------------------
    def reschedule_step(
        self,
        step_id: int,
        due_on: date,
        *,
        shift_rest: bool = False,
        slot: reschedule.SessionSlot | None = None,
    ) -> Result[reschedule.Rescheduled]:
        """A new due date (and for a session, with `slot`, a time and a length)."""
        return reschedule.reschedule_step(
            self._ctx, step_id, due_on, shift_rest=shift_rest, slot=slot
        )

    def restore_step_dates(
        self, rescheduled: reschedule.Rescheduled
    ) -> Result[reschedule.Rescheduled]:
        return reschedule.restore_step_dates(self._ctx, rescheduled)

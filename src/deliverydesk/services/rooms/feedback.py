"""What clients say, beyond one journey: testimonials and their exports, the follow-ups
after completion.

A room of the Workspace (`ws.feedback`): each method is one use case on the open practice.
"""

from __future__ import annotations

from pathlib import Path

from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import follow_ups as asks
from deliverydesk.services.views import testimonials as quotes
from deliverydesk.wording import ENGLISH, Words


class FeedbackRoom(Room):
    def testimonials(self) -> tuple[quotes.Testimonial, ...]:
        return quotes.testimonials(self._ctx)

    def export_testimonials(
        self, path: Path, kind: quotes.QuotesFormat, words: Words = ENGLISH
    ) -> tuple[int, tuple[str, ...]]:
        """How many were written, and what to tell the person."""
        return quotes.export_testimonials(self._ctx, path, kind, words)

    def follow_ups(self, within_days: int = asks.WEEK_DAYS) -> tuple[asks.FollowUp, ...]:
        """Completed journeys whose follow-up is due within `within_days`, not answered."""
        return asks.follow_ups(self._ctx, within_days)

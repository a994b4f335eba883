"""Feedback across the practice, for the command line's `feedback list`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from deliverydesk.model.entities import Client, Feedback, Journey, JourneyStep
from deliverydesk.services.context import Context


@dataclass(frozen=True, slots=True)
class FeedbackLine:
    id: int
    journey_id: int
    client: str
    offer: str
    step: str  # "" when it answers no one checkpoint
    received_on: date
    score: int | None
    words: str
    testimonial_ok: bool
    referral_asked: bool
    referral_given: bool
    referral_name: str
    follow_up: bool


def feedback_lines(
    ctx: Context, *, journey_id: int | None = None, testimonials: bool = False
) -> list[FeedbackLine]:
    """Every feedback record (of one journey; only those that may be quoted), oldest first."""
    query = (
        select(
            Feedback.id,
            Feedback.journey_id,
            Client.name,
            Journey.offer_name,
            func.coalesce(JourneyStep.title, ""),
            Feedback.received_on,
            Feedback.score,
            Feedback.words,
            Feedback.testimonial_ok,
            Feedback.referral_asked,
            Feedback.referral_given,
            Feedback.referral_name,
            Feedback.follow_up,
        )
        .join(Journey, Journey.id == Feedback.journey_id)
        .join(Client, Client.id == Journey.client_id)
        .outerjoin(JourneyStep, JourneyStep.id == Feedback.step_id)
        .order_by(Feedback.received_on, Feedback.id)
    )
    if journey_id is not None:
        query = query.where(Feedback.journey_id == journey_id)
    if testimonials:
        query = query.where(Feedback.testimonial_ok)
    with ctx.db.engine.connect() as connection:
        return [FeedbackLine(*tuple(row)) for row in connection.execute(query)]

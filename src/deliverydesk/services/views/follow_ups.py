"""Follow-ups after completion: FOLLOW_UP_DAYS after a journey completes, the practitioner
asks the client how it has gone since, and for a referral. Nothing is stored to schedule
it: the follow-up of a completed journey is due on its end date plus FOLLOW_UP_DAYS until
feedback marked as the follow-up is recorded on it (services/journeys/feedback.py), so
undoing a completion, or the answer, takes the follow-up back with it. One not asked within
LAPSE_DAYS of its day lapses.

Today lists those due within its week; the dashboard counts them (services/views/
dashboard.py's feedback figures)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text

from deliverydesk.services.context import Context

FOLLOW_UP_DAYS = 30
# A follow-up not asked within this many days of its day lapses: a practice that brought
# in years of completed journeys is not asked about each of them for ever.
LAPSE_DAYS = 30
WEEK_DAYS = 7  # as Today: due now, or in the six days after today

# Completed journeys of clients not archived, with no follow-up answered yet; the journey's
# end day (ISO text) as due - FOLLOW_UP_DAYS, so the index on status does the work.
_WAITING = text(
    """
SELECT j.id, j.client_id, c.name, j.offer_name, j.ended_on,
       EXISTS (SELECT 1 FROM feedback AS r WHERE r.journey_id = j.id AND r.referral_asked)
FROM journey AS j JOIN client AS c ON c.id = j.client_id
WHERE j.status = 'completed' AND j.ended_on BETWEEN :ended_from AND :ended_by
  AND NOT c.archived
  AND NOT EXISTS (SELECT 1 FROM feedback AS f WHERE f.journey_id = j.id AND f.follow_up)
ORDER BY j.ended_on, lower(c.name), j.id
"""
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    journey_id: int
    client_id: int
    client_name: str
    offer_name: str
    completed_on: date
    due_on: date
    referral_asked: bool  # a referral was asked already on this journey

    def days_late(self, today: date) -> int:
        return max((today - self.due_on).days, 0)


def follow_ups(ctx: Context, within_days: int = WEEK_DAYS) -> tuple[FollowUp, ...]:
    """The follow-ups due by today + `within_days` - 1, not answered and not lapsed,
    earliest first."""
    today = ctx.clock.today()
    horizon = today + timedelta(days=within_days - 1)
    window = {
        "ended_from": (today - timedelta(days=FOLLOW_UP_DAYS + LAPSE_DAYS)).isoformat(),
        "ended_by": (horizon - timedelta(days=FOLLOW_UP_DAYS)).isoformat(),
    }
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(_WAITING, window).all()
    found = []
    for journey_id, client_id, name, offer, ended, asked in rows:
        ended_on = ended if isinstance(ended, date) else date.fromisoformat(ended)
        found.append(
            FollowUp(
                journey_id,
                client_id,
                name,
                offer,
                ended_on,
                ended_on + timedelta(days=FOLLOW_UP_DAYS),
                bool(asked),
            )  # fmt: skip
        )
    return tuple(found)

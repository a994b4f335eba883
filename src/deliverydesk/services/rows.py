"""The light rows every list and board shows, built without SQLAlchemy.

queries.py fills them through SQLAlchemy; startup.py fills the first board with plain
sqlite3 before SQLAlchemy is even imported. Both hand their result rows to `journey_row`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from deliverydesk.model.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules import (
    HealthReason,
    HealthVerdict,
    LateStep,
    ReasonCode,
    assess_health,
    progress,
)

SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}
_SEVERITY_BY_RANK = {n: s for s, n in SEVERITY_RANK.items()}
_NO_VERDICT = HealthVerdict(Health.ON_TRACK)
# Enum lookups by value, several times faster than calling the enum per row.
_STATUS: dict[object, JourneyStatus] = {s.value: s for s in JourneyStatus}
_OWNER: dict[object, Owner] = {o.value: o for o in Owner}


@dataclass(frozen=True, slots=True)
class JourneyRow:
    """One client in one journey: a row of the client list and a card on the board."""

    client_id: int
    journey_id: int | None
    name: str
    company: str
    offer_id: int | None
    offer_name: str
    status: JourneyStatus | None
    phase_position: int
    phase_name: str
    phase_count: int
    phase_entered_on: date | None
    steps_done: int
    steps_total: int
    next_step_title: str
    next_step_due: date | None
    next_step_owner: Owner | None
    health: Health
    reasons: tuple[HealthReason, ...]
    feedback_due: bool = False  # a checkpoint passed with no feedback recorded for it
    open_friction: int = 0

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)

    def late_days(self, owner: Owner) -> int:
        """How late the most late open step of `owner` is, 0 when nothing of theirs is late."""
        return max(
            (r.days for r in self.reasons if r.code is ReasonCode.STEP_LATE and r.owner is owner),
            default=0,
        )

    @property
    def over_plan_days(self) -> int:
        return max(
            (r.days for r in self.reasons if r.code is ReasonCode.PHASE_OVER_PLAN), default=0
        )


@dataclass(frozen=True, slots=True)
class OfferSummary:
    id: int
    name: str
    promise: str
    phase_names: tuple[str, ...]
    active_journeys: int


def journey_row(r: Any, today: date) -> JourneyRow:
    """One result row, unpacked by position: this runs 5,000 times for a large list."""
    (
        client_id, journey_id, name, company, offer_id, offer_name, status, position,
        phase_count, phase_name, entered_on, planned_end, steps_done, steps_total,
        next_title, next_due, next_owner, feedback_due,
        me_title, me_due, client_title, client_due, third_title, third_due,
        friction_rank, friction_text, friction_count,
    ) = r  # fmt: skip
    status = _STATUS.get(status)  # plain text from sqlite3, an enum from SQLAlchemy
    next_owner = _OWNER.get(next_owner)
    active = status is JourneyStatus.ACTIVE
    if active:
        late = [
            LateStep(title, due, owner)
            for title, due, owner in (
                (me_title, me_due, Owner.ME),
                (client_title, client_due, Owner.CLIENT),
                (third_title, third_due, Owner.THIRD_PARTY),
            )
            if due is not None and due < today
        ]
        friction = [(friction_text, _SEVERITY_BY_RANK[friction_rank])] if friction_rank else []
        verdict = assess_health(
            today,
            late_steps=late,
            phase_name=phase_name or "",
            phase_planned_end=planned_end if entered_on else None,
            open_friction=friction,
        )
    else:
        verdict = _NO_VERDICT
    return JourneyRow(
        client_id=client_id,
        journey_id=journey_id,
        name=name,
        company=company,
        offer_id=offer_id,
        offer_name=offer_name or "",
        status=status,
        phase_position=position or 0,
        phase_name=phase_name or "",
        phase_count=phase_count or 0,
        phase_entered_on=entered_on,
        steps_done=steps_done or 0,
        steps_total=steps_total or 0,
        next_step_title=next_title or "",
        next_step_due=next_due,
        next_step_owner=next_owner,
        health=verdict.health,
        reasons=verdict.reasons,
        feedback_due=bool(feedback_due) and active,
        open_friction=friction_count or 0,
    )

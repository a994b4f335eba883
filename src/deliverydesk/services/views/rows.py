"""The light rows every list and board shows, built without SQLAlchemy.

queries.py fills them through SQLAlchemy; startup.py fills the first board with plain
sqlite3 before SQLAlchemy is even imported. Both read the columns declared in
store/board_columns.py and hand their raw rows to `journey_row`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple

from deliverydesk.model.rules.delivery import progress
from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner, Severity
from deliverydesk.model.rules.health import (
    ON_TRACK,
    HealthReason,
    HealthVerdict,
    LateStep,
    OpenFriction,
    ReasonCode,
    journey_health,
)
from deliverydesk.store.board_columns import COLUMN_INDEX

# Enum lookups by value, several times faster than calling the enum per row.
_STATUS: dict[object, JourneyStatus] = {s.value: s for s in JourneyStatus}
_OWNER: dict[object, Owner] = {o.value: o for o in Owner}
_SEVERITY: dict[object, Severity] = {s.value: s for s in Severity}
_day = date.fromisoformat


class JourneyRow(NamedTuple):
    """One client in one journey: a row of the client list and a card on the board. A
    named tuple: 5,000 are made in a third of a frozen dataclass's time (~12 ms at XL)."""

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
    health: Health  # the verdict of model.health.journey_health, or the journey's state
    reasons: tuple[HealthReason, ...]
    feedback_due: bool = False  # a checkpoint passed with no feedback recorded for it
    open_friction: int = 0
    # A paused journey's: since when, why (may be ""), and the planned resume date if any.
    paused_on: date | None = None
    pause_reason: str = ""
    resume_on: date | None = None
    # The client list's: every journey the client has had (archived ones too), and their
    # offers' names, which a search of the list also looks through.
    journey_count: int = 0
    journey_offers: str = ""

    @property
    def paused(self) -> bool:
        return self.status is JourneyStatus.PAUSED

    def resume_due(self, today: date) -> bool:
        """A paused journey whose planned resume date has come: remind the practitioner."""
        return self.paused and self.resume_on is not None and self.resume_on <= today

    @property
    def progress(self) -> float:
        return progress(self.steps_done, self.steps_total)

    @property
    def verdict(self) -> HealthVerdict:
        return HealthVerdict(self.health, self.reasons)

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


_DECLARED = len(COLUMN_INDEX)
# The fields journey_row unpacks, in its order, picked by name from the declared columns.
_pick = itemgetter(
    *(
        COLUMN_INDEX[name]
        for name in (
            "client_id", "journey_id", "name", "company", "offer_id", "offer_name", "status",
            "phase_position", "phase_count", "phase_name", "phase_entered_on",
            "phase_planned_end", "phase_open", "steps_done", "steps_total", "next_step_title",
            "next_step_due", "next_step_owner", "feedback_due",
            "first_open_me_title", "first_open_me_due",
            "first_open_client_title", "first_open_client_due",
            "first_open_third_party_title", "first_open_third_party_due",
            "paused_on", "end_reason", "resume_on", "friction_count", "friction",
        )
    )
)  # fmt: skip


def journey_row(r: Sequence[Any], today: date) -> JourneyRow:
    """One raw row of store.board_columns (plain sqlite3 or SQLAlchemy alike): dates as ISO
    text, enums as text. This runs 5,000 times for a large list. A client list's row
    carries the client's journey count and offer names after the declared columns."""
    history = len(r) > _DECLARED
    (
        client_id, journey_id, name, company, offer_id, offer_name, status, position,
        phase_count, phase_name, entered_on, planned_end, phase_open, steps_done, steps_total,
        next_title, next_due, next_owner, feedback_due,
        me_title, me_due, client_title, client_due, third_title, third_due,
        paused_on, end_reason, resume_on, friction_count, friction,
    ) = _pick(r)  # fmt: skip
    status = _STATUS.get(status)
    if entered_on is not None:
        entered_on = _day(entered_on)
    if next_due is not None:
        next_due = _day(next_due)
    if status is None:  # a client without a journey
        verdict = ON_TRACK
    elif status is JourneyStatus.ACTIVE:
        today_text = today.isoformat()  # ISO dates compare as text: convert only late ones
        verdict = journey_health(
            today,
            status,
            open_steps=[
                LateStep(title, _day(due), owner)
                for title, due, owner in (
                    (me_title, me_due, Owner.ME),
                    (client_title, client_due, Owner.CLIENT),
                    (third_title, third_due, Owner.THIRD_PARTY),
                )
                if due is not None and due < today_text
            ],
            phase_name=phase_name or "",
            phase_planned_end=_day(planned_end)
            if entered_on and planned_end and planned_end < today_text
            else None,
            phase_finished=not phase_open,
            open_friction=_frictions(friction) if friction_count else (),
        )
    else:
        verdict = journey_health(today, status)
    paused = status is JourneyStatus.PAUSED
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
        next_step_owner=_OWNER.get(next_owner),
        health=verdict.health,
        reasons=verdict.reasons,
        feedback_due=bool(feedback_due) and status is JourneyStatus.ACTIVE,
        open_friction=friction_count or 0,
        paused_on=_day(paused_on) if paused and paused_on else None,
        pause_reason=(end_reason or "") if paused else "",
        resume_on=_day(resume_on) if paused and resume_on else None,
        journey_count=(r[_DECLARED] or 0) if history else 0,
        journey_offers=(r[_DECLARED + 1] or "") if history else "",
    )


def _frictions(items: str) -> list[OpenFriction]:
    """The open frictions of one journey, from their JSON aggregate."""
    import json  # here: most boards have no open friction, and a start need not load it

    return [
        OpenFriction(description, _SEVERITY[severity], _day(occurred_on))
        for severity, occurred_on, description in json.loads(items)
    ]

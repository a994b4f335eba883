"""Health: is a journey keeping its promises today, and if not, every reason why.

The one rule behind the board's cards, the client list, the client page, and later the
reports and the dashboard. It takes plain values (no rows, no entities) and a given
"today", so every screen that feeds it the same facts says the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from deliverydesk.model.rules.enums import Health, JourneyStatus, Owner, Severity

# A promise this many calendar days late, or a phase this far over plan, is off track.
OFF_TRACK_DAYS = 7

# Mildest first: the order friction is ranked in everywhere.
SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}

# Most urgent first, for sorting cards and list rows: trouble, then fine, then journeys
# that are not running.
HEALTH_RANK = {
    Health.OFF_TRACK: 0,
    Health.AT_RISK: 1,
    Health.ON_TRACK: 2,
    Health.PAUSED: 3,
    Health.COMPLETED: 4,
    Health.CANCELLED: 5,
}

_OWNER_RANK = {owner: rank for rank, owner in enumerate(Owner)}

# A journey that is not running has a state instead of a verdict, worded the same everywhere.
_STATE = {
    JourneyStatus.COMPLETED: Health.COMPLETED,
    JourneyStatus.PAUSED: Health.PAUSED,
    JourneyStatus.CANCELLED: Health.CANCELLED,
}


class ReasonCode(StrEnum):
    STEP_LATE = "step_late"
    PHASE_OVER_PLAN = "phase_over_plan"
    OPEN_FRICTION = "open_friction"


@dataclass(frozen=True, slots=True)
class HealthReason:
    code: ReasonCode
    subject: str  # step title, phase name or friction description
    days: int = 0
    owner: Owner | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class HealthVerdict:
    health: Health
    reasons: tuple[HealthReason, ...] = ()

    @property
    def in_trouble(self) -> bool:
        """At risk or off track: something needs the practitioner's attention."""
        return in_trouble(self.health)


ON_TRACK = HealthVerdict(Health.ON_TRACK)


@dataclass(frozen=True, slots=True)
class LateStep:
    """An open step and its due date; it counts only once today is past that date."""

    title: str
    due_on: date
    owner: Owner


@dataclass(frozen=True, slots=True)
class OpenFriction:
    description: str
    severity: Severity
    occurred_on: date


def in_trouble(health: Health) -> bool:
    return health is Health.AT_RISK or health is Health.OFF_TRACK


def journey_health(
    today: date,
    status: JourneyStatus = JourneyStatus.ACTIVE,
    *,
    open_steps: Iterable[LateStep] = (),
    phase_name: str = "",
    phase_planned_end: date | None = None,
    phase_finished: bool = False,
    open_friction: Iterable[OpenFriction] = (),
) -> HealthVerdict:
    """On track, at risk or off track with the reasons a person can read; for a journey
    that is not active, its state (completed, paused, cancelled) and no reasons.

    `open_steps` may hold every open step or only each owner's first due: the most late
    step per owner is reported (mine, the client's, a third party's; the first in the
    given order on a tie within an owner), most late first, mine first among equally late.
    Then the current phase's overrun
    (`phase_planned_end` is None until the phase has started; a phase whose steps are all
    done, `phase_finished`, is never blamed for its length), then every open friction,
    most severe first, newest first within a severity.
    """
    state = _STATE.get(status)
    if state is not None:
        return HealthVerdict(state)
    worst: dict[Owner, LateStep] = {}
    for step in open_steps:
        if step.due_on < today and (
            step.owner not in worst or step.due_on < worst[step.owner].due_on
        ):
            worst[step.owner] = step
    reasons = (
        [
            HealthReason(ReasonCode.STEP_LATE, s.title, (today - s.due_on).days, s.owner)
            # Most late first; on a tie mine, then the client's, then a third party's,
            # whatever order the caller gave (a card and a page give them differently).
            for s in sorted(worst.values(), key=lambda s: (s.due_on, _OWNER_RANK[s.owner]))
        ]
        if worst
        else []
    )
    if phase_planned_end is not None and phase_planned_end < today and not phase_finished:
        reasons.append(
            HealthReason(ReasonCode.PHASE_OVER_PLAN, phase_name, (today - phase_planned_end).days)
        )
    if open_friction:  # most boards have none: skip the sort (a board runs this per card)
        frictions = sorted(
            open_friction,
            key=lambda f: (-SEVERITY_RANK[f.severity], -f.occurred_on.toordinal(), f.description),
        )
        reasons.extend(
            HealthReason(ReasonCode.OPEN_FRICTION, f.description, severity=f.severity)
            for f in frictions
        )
    if not reasons:
        return ON_TRACK
    off = any(r.days >= OFF_TRACK_DAYS or r.severity is Severity.HIGH for r in reasons)
    return HealthVerdict(Health.OFF_TRACK if off else Health.AT_RISK, tuple(reasons))

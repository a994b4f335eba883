"""The Clarity Sprint, the offer the tests enrol their clients in, defined once.

Each test module takes the sprint it needs: `SPRINT` whole (every field a design has),
`THREE_PHASES` (its phases and steps, no more), or its own cut of the same steps through
`sprint()` and `phase()`, so "Welcome call" or "Plan approved" mean one thing everywhere.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deliverydesk.model.rules.enums import Owner, StandardTier, StepKind
from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec

NAME = "Clarity Sprint"
PROMISE = "A plan you believe in, in three weeks."

WELCOME_CALL = StepSpec("Welcome call", StepKind.SESSION, effort_minutes=60)
INTAKE_FORM = StepSpec(
    "Intake form", StepKind.FORM, Owner.CLIENT, offset_days=1, is_checkpoint=True
)
DRAFT_THE_PLAN = StepSpec("Draft the plan", StepKind.DELIVERABLE, duration_days=2)
PLAN_APPROVED = StepSpec("Plan approved", owner=Owner.CLIENT, offset_days=3, is_checkpoint=True)
FINAL_REVIEW = StepSpec("Final review", StepKind.REVIEW)


def phase(name: str, days: int, *steps: StepSpec | str, **fields: Any) -> PhaseSpec:
    """A phase of `days` working days; a step given as words is a plain task of mine."""
    made = tuple(StepSpec(s) if isinstance(s, str) else s for s in steps)
    return PhaseSpec(name, days, made, **fields)


def sprint(*phases: PhaseSpec, **fields: Any) -> OfferSpec:
    """The Clarity Sprint with these phases (and any other field of a design)."""
    return OfferSpec(name=NAME, phases=phases, **fields)


def onboarding(*steps: StepSpec | str) -> PhaseSpec:
    return phase("Onboarding", 3, *(steps or (WELCOME_CALL, INTAKE_FORM)))


THREE_PHASES = sprint(
    onboarding(),
    phase("Deep work", 5, DRAFT_THE_PLAN, PLAN_APPROVED),
    phase("Wrap-up", 2, FINAL_REVIEW),
    promise=PROMISE,
)

SPRINT = sprint(
    onboarding(WELCOME_CALL, replace(INTAKE_FORM, resource_link="https://example.com/intake")),
    phase(
        "Deep work",
        5,
        replace(DRAFT_THE_PLAN, effort_minutes=90),
        StepSpec(
            "Progress note",
            StepKind.MESSAGE,
            offset_days=2,
            is_touchpoint=True,
            message_template="Hi {client_first_name}, next: {next_step}. {practice_name}",
        ),
        PLAN_APPROVED,
    ),
    phase("Wrap-up", 2, FINAL_REVIEW),
    promise=PROMISE,
    description="Three phases, five steps.",
    duration_weeks=3,
    price="€1,200",
    boundaries="Replies within a working day.",
    welcome_template="Hi {client_first_name}, welcome to {offer}!",
    standards=(
        StandardSpec("Reply within one working day", StandardTier.EXPECTED, "1 working day"),
        StandardSpec("A plan you can read in 10 minutes", StandardTier.ORDER_WINNING),
    ),
    right_fit=RightFit((FitCriterion("Has time", 2), FitCriterion("Has budget", 1)), 2),
)

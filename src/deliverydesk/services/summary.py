"""Keeps a journey's denormalised summary (progress, next step) true to its steps."""

from __future__ import annotations

from sqlalchemy.orm import Session

from deliverydesk.model import Journey, JourneyStep
from deliverydesk.model.rules import StepFacts, next_step


def step_facts(step: JourneyStep, phase_position: int) -> StepFacts:
    return StepFacts(
        id=step.id,
        title=step.title,
        position=step.position,
        phase_position=phase_position,
        owner=step.owner,
        start_on=step.start_on,
        due_on=step.due_on,
        completed_on=step.completed_on,
        effort_minutes=step.effort_minutes,
        is_checkpoint=step.is_checkpoint,
    )


def journey_facts(journey: Journey) -> list[StepFacts]:
    return [step_facts(s, phase.position) for phase in journey.phases for s in phase.steps]


def refresh_summary(session: Session, journey: Journey) -> None:
    """Recompute the summary columns; call after any change to the journey's steps."""
    session.flush()
    facts = journey_facts(journey)
    upcoming = next_step(facts)
    journey.steps_total = len(facts)
    journey.steps_done = sum(f.done for f in facts)
    journey.next_step_id = upcoming.id if upcoming else None
    journey.next_step_title = upcoming.title if upcoming else ""
    journey.next_step_due = upcoming.due_on if upcoming else None
    journey.next_step_owner = upcoming.owner if upcoming else None

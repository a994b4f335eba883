"""Keeps a journey's denormalised summary (progress, next step) true to its steps."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Feedback, Journey, JourneyStep
from deliverydesk.model.enums import Owner
from deliverydesk.model.rules import JourneySummary, StepFacts, summarize


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


def summary_columns(summary: JourneySummary) -> dict[str, Any]:
    upcoming = summary.next_step
    columns: dict[str, Any] = {
        "steps_total": summary.steps_total,
        "steps_done": summary.steps_done,
        "next_step_id": upcoming.id if upcoming else None,
        "next_step_title": upcoming.title if upcoming else "",
        "next_step_due": upcoming.due_on if upcoming else None,
        "next_step_owner": upcoming.owner if upcoming else None,
        "feedback_due": summary.feedback_due,
    }
    for owner in Owner:
        first = summary.first_open.get(owner)
        columns[f"first_open_{owner.value}_title"] = first.title if first else ""
        columns[f"first_open_{owner.value}_due"] = first.due_on if first else None
    return columns


def refresh_summary(session: Session, journey: Journey) -> None:
    """Recompute the summary columns; call after any change to the journey's steps or
    to its feedback."""
    session.flush()
    with_feedback = session.scalars(
        select(Feedback.step_id).where(
            Feedback.journey_id == journey.id, Feedback.step_id.is_not(None)
        )
    ).all()
    summary = summarize(journey_facts(journey), [i for i in with_feedback if i is not None])
    for column, value in summary_columns(summary).items():
        setattr(journey, column, value)
    journey.phase_count = len(journey.phases)

"""The journey's summary columns, computed from its steps: one rule for every writer.

The session hook (store/summaries.py), the bulk seeder and `deliverydesk check` all turn
step facts into column values here, so the columns cannot mean two different things.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from deliverydesk.model.rules.delivery import StepFacts, summarize
from deliverydesk.model.rules.enums import Owner

# Every summary column of the journey table (migration 0003), in the model's order.
SUMMARY_COLUMNS: tuple[str, ...] = (
    "steps_total",
    "steps_done",
    "next_step_id",
    "next_step_title",
    "next_step_due",
    "next_step_owner",
    "phase_count",
    "feedback_due",
    *(f"first_open_{owner.value}_{part}" for owner in Owner for part in ("title", "due")),
)


def summary_columns(
    steps: Sequence[StepFacts], feedback_step_ids: Iterable[int], phase_count: int
) -> dict[str, Any]:
    """The value of each of SUMMARY_COLUMNS for a journey with these steps and phases;
    `feedback_step_ids` are the steps that have feedback recorded against them."""
    summary = summarize(steps, feedback_step_ids)
    upcoming = summary.next_step
    columns: dict[str, Any] = {
        "steps_total": summary.steps_total,
        "steps_done": summary.steps_done,
        "next_step_id": upcoming.id if upcoming else None,
        "next_step_title": upcoming.title if upcoming else "",
        "next_step_due": upcoming.due_on if upcoming else None,
        "next_step_owner": upcoming.owner if upcoming else None,
        "phase_count": phase_count,
        "feedback_due": summary.feedback_due,
    }
    for owner in Owner:
        first = summary.first_open.get(owner)
        columns[f"first_open_{owner.value}_title"] = first.title if first else ""
        columns[f"first_open_{owner.value}_due"] = first.due_on if first else None
    return columns

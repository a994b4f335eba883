"""Pure delivery rules. Each takes values and a given "today"; none does I/O."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deliverydesk.model.rules.calendar import WorkCalendar, week_start
from deliverydesk.model.rules.enums import JourneyStatus, Owner, PhaseStatus


@dataclass(frozen=True, slots=True)
class StepFacts:
    id: int
    title: str
    position: int
    phase_position: int
    owner: Owner
    start_on: date
    due_on: date
    completed_on: date | None = None
    effort_minutes: int = 0
    is_checkpoint: bool = False

    @property
    def done(self) -> bool:
        return self.completed_on is not None


@dataclass(frozen=True, slots=True)
class PhasePlan:
    """The design of one phase: its planned length and its steps' (offset, duration)."""

    planned_days: int
    steps: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PhaseDates:
    start_on: date
    end_on: date
    steps: tuple[tuple[date, date], ...]  # (start, due) per step


def schedule(phases: Sequence[PhasePlan], start: date, calendar: WorkCalendar) -> list[PhaseDates]:
    """Real dates for a designed journey starting on `start`.

    A phase starts the working day after the previous one ends; it ends after its planned
    working days or when its last step is due, whichever is later.
    """
    result: list[PhaseDates] = []
    phase_start = calendar.first_working_on_or_after(start)
    for plan in phases:
        steps = []
        for offset, duration in plan.steps:
            step_start = calendar.add_working_days(phase_start, offset)
            steps.append((step_start, calendar.add_working_days(step_start, max(duration, 1) - 1)))
        end = calendar.add_working_days(phase_start, max(plan.planned_days, 1) - 1)
        end = max([end, *(due for _, due in steps)])
        result.append(PhaseDates(phase_start, end, tuple(steps)))
        phase_start = calendar.add_working_days(end, 1)
    return result


def progress(done: int, total: int) -> float:
    """Share of steps done, 0.0 to 1.0. A journey with nothing to do is complete."""
    return 1.0 if total <= 0 else min(max(done / total, 0.0), 1.0)


def next_step(steps: Iterable[StepFacts]) -> StepFacts | None:
    """The first open step in journey order, or None when every step is done."""
    return min((s for s in steps if not s.done), key=lambda s: s.position, default=None)


def phase_status(
    position: int, current: int, journey_status: JourneyStatus, open_steps: int = 0
) -> PhaseStatus:
    """The one rule for a phase's status, read by every screen and paper.

    A phase left behind (or any phase of a completed journey) is Done only when every step
    in it is done (`open_steps` is how many are still open); left with open steps (a move
    past a checkpoint, an import, a step reopened later) it was Skipped, never Done. A
    cancelled journey's phases from where it stopped on are never coming: Stopped, Not
    reached."""
    if journey_status is JourneyStatus.COMPLETED or position < current:
        return PhaseStatus.SKIPPED if open_steps else PhaseStatus.DONE
    if journey_status is JourneyStatus.CANCELLED:
        return PhaseStatus.STOPPED if position == current else PhaseStatus.NOT_REACHED
    return PhaseStatus.CURRENT if position == current else PhaseStatus.UPCOMING


def advance_target(open_per_phase: Sequence[int], current: int) -> int | None:
    """Where a journey moves on to once the work of its current phase is done: the next
    phase with an open step (the last phase when every later step is done too); None while
    the current phase has an open step or it is the last. `open_per_phase` counts each
    phase's open steps, in order. A checkpoint gates by being a step: its phase is left
    only once it is done."""
    if not 0 <= current < len(open_per_phase) - 1 or open_per_phase[current]:
        return None
    for position in range(current + 1, len(open_per_phase)):
        if open_per_phase[position]:
            return position
    return len(open_per_phase) - 1


def move_blockers(steps: Iterable[StepFacts], current: int, target: int) -> list[StepFacts]:
    """Checkpoints not done in the phases a forward move would leave. Moving back is free."""
    if target <= current:
        return []
    leaving = range(current, target)
    return sorted(
        (s for s in steps if s.is_checkpoint and not s.done and s.phase_position in leaving),
        key=lambda s: s.position,
    )


def weekly_load(steps: Iterable[StepFacts], calendar: WorkCalendar) -> dict[date, float]:
    """Minutes of my own open work per week (keyed by Monday), spread over each step's days."""
    load: dict[date, float] = defaultdict(float)
    for step in steps:
        if step.done or step.owner is not Owner.ME or step.effort_minutes <= 0:
            continue
        days = [
            step.start_on + timedelta(days=i)
            for i in range((step.due_on - step.start_on).days + 1)
            if calendar.is_working(step.start_on + timedelta(days=i))
        ] or [step.due_on]
        share = step.effort_minutes / len(days)
        for day in days:
            load[week_start(day)] += share
    return dict(sorted(load.items()))


@dataclass(frozen=True, slots=True)
class JourneySummary:
    """What the board and lists read per journey without touching its steps."""

    steps_total: int
    steps_done: int
    next_step: StepFacts | None
    # The open step due first, per owner: late as soon as today passes its due date.
    first_open: dict[Owner, StepFacts]
    feedback_due: bool


def summarize(steps: Sequence[StepFacts], feedback_step_ids: Iterable[int] = ()) -> JourneySummary:
    """The summary of a journey's steps; `feedback_step_ids` are steps with feedback."""
    with_feedback = set(feedback_step_ids)
    first_open: dict[Owner, StepFacts] = {}
    for step in steps:
        if step.done:
            continue
        best = first_open.get(step.owner)
        if best is None or (step.due_on, step.position) < (best.due_on, best.position):
            first_open[step.owner] = step
    return JourneySummary(
        steps_total=len(steps),
        steps_done=sum(s.done for s in steps),
        next_step=next_step(steps),
        first_open=first_open,
        feedback_due=any(s.is_checkpoint and s.done and s.id not in with_feedback for s in steps),
    )

"""Bringing a journey up to its offer's current design: what would change, as a plan.

Pure: the journey's phases and steps as values, the design it was enrolled with (when kept)
and the current one, and the practice's calendar. The rules:

- steps are matched to the design by the design step they were copied from;
- a completed step is never touched (not renamed, retimed, moved nor removed), and a phase
  holding one stays even when the design dropped it;
- an open step whose design is gone is removed; a design step the journey lacks is added;
- an open step is re-dated only when its design timing changed (offset or duration) or it
  moved to another phase, so a due date moved by hand otherwise stays;
- a phase keeps its start; a new phase starts the working day after the one before it;
  later phases are not shifted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec

# Step fields compared and copied besides the title, the timing and the effort. An invoice
# step's amount is not among them: what a client was sold at stays theirs when a newer
# design is applied (a step the design adds brings its amount along: offer_apply.py).
DETAIL_FIELDS = tuple(
    f.name
    for f in fields(StepSpec)
    if f.name
    not in ("id", "title", "offset_days", "duration_days", "effort_minutes", "amount_minor")
)


@dataclass(frozen=True)
class HeldStep:
    """A journey step as it stands."""

    id: int
    design_id: int | None
    title: str
    start_on: date
    due_on: date
    done: bool
    effort_minutes: int
    details: tuple[object, ...]  # DETAIL_FIELDS' values, in that order


@dataclass(frozen=True)
class HeldPhase:
    id: int
    design_id: int | None
    name: str
    planned_start_on: date
    planned_end_on: date
    steps: tuple[HeldStep, ...]


@dataclass(frozen=True)
class PlannedStep:
    id: int | None  # the journey step kept; None for one to add
    design: StepSpec | None  # what it now follows; None for a completed step left as it is
    start_on: date
    due_on: date


@dataclass(frozen=True)
class PlannedPhase:
    id: int | None  # the journey phase kept; None for one to add
    design_id: int | None
    name: str
    planned_start_on: date
    planned_end_on: date
    steps: tuple[PlannedStep, ...]


@dataclass(frozen=True)
class StepChange:
    """One line of the preview: a step added, removed, retimed, renamed or updated."""

    title: str
    phase: str
    was_title: str = ""
    was_due: date | None = None
    due_on: date | None = None
    was_effort: int | None = None
    effort_minutes: int | None = None


@dataclass(frozen=True, kw_only=True)
class DesignChanges:
    """What bringing a journey up to a design changes, as a person reads it: the plan's
    account, and the preview's (services/offer_apply.JourneyDiff) of every journey."""

    added: tuple[StepChange, ...] = ()
    removed: tuple[StepChange, ...] = ()
    retimed: tuple[StepChange, ...] = ()  # dates or effort changed
    renamed: tuple[StepChange, ...] = ()
    updated: tuple[StepChange, ...] = ()  # other details: kind, owner, texts, flags
    phases_added: tuple[str, ...] = ()
    phases_removed: tuple[str, ...] = ()
    phases_renamed: tuple[tuple[str, str], ...] = ()  # (was, now)
    phases_retimed: tuple[tuple[str, date, date], ...] = ()  # (name, was end, new end)
    kept_done: tuple[str, ...] = ()  # completed steps the design changed or dropped: left as is

    @property
    def has_changes(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.retimed
            or self.renamed
            or self.updated
            or self.phases_added
            or self.phases_removed
            or self.phases_renamed
            or self.phases_retimed
        )

    def design_changes(self) -> dict[str, object]:
        """These changes alone, to hand to another DesignChanges (`**plan.design_changes()`)."""
        return {f.name: getattr(self, f.name) for f in fields(DesignChanges)}


@dataclass(frozen=True, kw_only=True)
class UpdatePlan(DesignChanges):
    """The journey's phases and steps once brought up to the design, and its changes."""

    phases: tuple[PlannedPhase, ...]
    removed_steps: tuple[int, ...]
    removed_phases: tuple[int, ...]
    current_position: int


def details_of(step: StepSpec) -> tuple[object, ...]:
    return tuple(getattr(step, name) for name in DETAIL_FIELDS)


def plan_update(
    held: Sequence[HeldPhase],
    current_position: int,
    journey_start: date,
    old: OfferSpec | None,
    new: OfferSpec,
    calendar: WorkCalendar,
) -> UpdatePlan:
    """How the journey `held` would read following design `new` (see the module's rules).
    `old` is the design the journey followed, with its ids; None when it was not kept."""
    return _Planner(held, journey_start, old, new, calendar).plan(current_position)


class _Planner:
    def __init__(
        self,
        held: Sequence[HeldPhase],
        journey_start: date,
        old: OfferSpec | None,
        new: OfferSpec,
        calendar: WorkCalendar,
    ) -> None:
        self.held = list(held)
        self.start = journey_start
        self.new = new
        self.calendar = calendar
        old_phases = old.phases if old else ()
        self.old_timing = {
            s.id: (s.offset_days, s.duration_days) for p in old_phases for s in p.steps if s.id
        }
        self.old_days = {p.id: p.planned_days for p in old_phases if p.id}
        design_steps = {s.id for p in new.phases for s in p.steps if s.id}
        design_phases = {p.id for p in new.phases if p.id}
        # Each design phase and step is followed by at most one journey phase and step.
        self.phase_of: dict[int, HeldPhase] = {}
        self.step_of: dict[int, tuple[HeldPhase, HeldStep]] = {}
        for phase in self.held:
            if phase.design_id in design_phases and phase.design_id not in self.phase_of:
                self.phase_of[phase.design_id] = phase
            for step in phase.steps:
                if step.design_id in design_steps and step.design_id not in self.step_of:
                    self.step_of[step.design_id] = (phase, step)
        self.following = {step.id for _, step in self.step_of.values()}
        self.changes: dict[str, list[StepChange]] = {
            k: [] for k in ("added", "removed", "retimed", "renamed", "updated")
        }
        self.kept_done: list[str] = []

    def plan(self, current_position: int) -> UpdatePlan:
        kept_held: dict[int, int] = {}  # held phase id -> final position
        phases: list[PlannedPhase] = []
        removed_phases: list[HeldPhase] = []
        renamed: list[tuple[str, str]] = []
        retimed: list[tuple[str, date, date]] = []
        added: list[str] = []
        previous_end: date | None = None
        for slot in self._slots(removed_phases):
            if isinstance(slot, HeldPhase):  # dropped by the design, kept for its done steps
                planned = self._orphan(slot)
            else:
                held = self.phase_of.get(slot.id) if slot.id else None
                planned = self._designed(slot, held, previous_end)
                if held is None:
                    added.append(slot.name)
                else:
                    if held.name != slot.name:
                        renamed.append((held.name, slot.name))
                    if held.planned_end_on != planned.planned_end_on:
                        retimed.append((slot.name, held.planned_end_on, planned.planned_end_on))
            if planned.id is not None:
                kept_held[planned.id] = len(phases)
            phases.append(planned)
            previous_end = planned.planned_end_on
        removed_steps = self._removed()
        return UpdatePlan(
            phases=tuple(phases),
            removed_steps=tuple(removed_steps),
            removed_phases=tuple(p.id for p in removed_phases),
            current_position=self._position(current_position, kept_held, len(phases)),
            added=tuple(self.changes["added"]),
            removed=tuple(self.changes["removed"]),
            retimed=tuple(self.changes["retimed"]),
            renamed=tuple(self.changes["renamed"]),
            updated=tuple(self.changes["updated"]),
            phases_added=tuple(added),
            phases_removed=tuple(p.name for p in removed_phases),
            phases_renamed=tuple(renamed),
            phases_retimed=tuple(retimed),
            kept_done=tuple(self.kept_done),
        )

    def _slots(self, removed: list[HeldPhase]) -> list[PhaseSpec | HeldPhase]:
        """The final order: the design's phases, with each dropped phase that holds done
        steps kept after the design phase it followed."""
        after: dict[int, list[HeldPhase]] = {}
        anchor = -1
        index_of = {p.id: i for i, p in enumerate(self.new.phases) if p.id}
        linked = {id(p) for p in self.phase_of.values()}
        for phase in self.held:
            if id(phase) in linked:
                anchor = index_of[phase.design_id] if phase.design_id else anchor
            elif any(s.done for s in phase.steps):
                after.setdefault(anchor, []).append(phase)
            else:
                removed.append(phase)
        slots: list[PhaseSpec | HeldPhase] = list(after.get(-1, []))
        for index, phase_spec in enumerate(self.new.phases):
            slots.append(phase_spec)
            slots.extend(after.get(index, []))
        return slots

    def _orphan(self, phase: HeldPhase) -> PlannedPhase:
        steps = []
        for step in phase.steps:
            if step.done:
                steps.append(PlannedStep(step.id, None, step.start_on, step.due_on))
                self.kept_done.append(step.title)
        return PlannedPhase(
            phase.id,
            None,
            phase.name,
            phase.planned_start_on,
            phase.planned_end_on,
            tuple(steps),
        )

    def _designed(
        self, design: PhaseSpec, held: HeldPhase | None, previous_end: date | None
    ) -> PlannedPhase:
        if held is not None:
            start = held.planned_start_on
        elif previous_end is None:
            start = self.calendar.first_working_on_or_after(self.start)
        else:
            start = self.calendar.add_working_days(previous_end, 1)
        keyed: list[tuple[tuple[int, int, int], PlannedStep]] = []
        changed = held is None or self.old_days.get(design.id or 0) != design.planned_days
        for index, step in enumerate(design.steps):
            match = self.step_of.get(step.id) if step.id else None
            if match is not None and match[1].done:
                continue  # stays in its own phase, untouched (placed below)
            planned, moved = self._step(step, match, held, start, design.name)
            changed = changed or moved
            keyed.append(((index, 0, 0), planned))
        if held is not None:
            self._keep_done(held, design, keyed)
        steps = tuple(planned for _, planned in sorted(keyed, key=lambda item: item[0]))
        end = max(
            [self.calendar.add_working_days(start, design.planned_days - 1)]
            + [s.due_on for s in steps]
        )
        if held is not None and not changed:  # a manual change to its end stays
            end = held.planned_end_on
        return PlannedPhase(held.id if held else None, design.id, design.name, start, end, steps)

    def _step(
        self,
        step: StepSpec,
        match: tuple[HeldPhase, HeldStep] | None,
        phase: HeldPhase | None,
        start: date,
        phase_name: str,
    ) -> tuple[PlannedStep, bool]:
        """The open or new step following design `step`, and whether its dates moved."""
        step_start = self.calendar.add_working_days(start, step.offset_days)
        due = self.calendar.add_working_days(step_start, step.duration_days - 1)
        if match is None:
            self.changes["added"].append(StepChange(step.title, phase_name, due_on=due))
            return PlannedStep(None, step, step_start, due), True
        was_phase, held = match
        same_place = phase is not None and was_phase.id == phase.id
        if same_place and not self._retimed(step, held, was_phase):
            step_start, due = held.start_on, held.due_on
        moved = (step_start, due) != (held.start_on, held.due_on)
        if moved or held.effort_minutes != step.effort_minutes:
            self.changes["retimed"].append(
                StepChange(
                    step.title,
                    phase_name,
                    was_due=held.due_on,
                    due_on=due,
                    was_effort=held.effort_minutes,
                    effort_minutes=step.effort_minutes,
                )
            )
        if held.title != step.title:
            self.changes["renamed"].append(StepChange(step.title, phase_name, was_title=held.title))
        if held.details != details_of(step):
            self.changes["updated"].append(StepChange(step.title, phase_name))
        return PlannedStep(held.id, step, step_start, due), moved or not same_place

    def _retimed(self, step: StepSpec, held: HeldStep, phase: HeldPhase) -> bool:
        timing = (step.offset_days, step.duration_days)
        if step.id in self.old_timing:
            return self.old_timing[step.id] != timing
        # The design it was copied from was not kept: read its timing from its dates.
        phase_start = self.calendar.first_working_on_or_after(phase.planned_start_on)
        offset = self.calendar.working_days_between(phase_start, held.start_on)
        duration = self.calendar.working_days_between(held.start_on, held.due_on) + 1
        return (offset, duration) != timing

    def _keep_done(
        self,
        held: HeldPhase,
        design: PhaseSpec,
        keyed: list[tuple[tuple[int, int, int], PlannedStep]],
    ) -> None:
        """Place the phase's done steps among the designed ones, where they were."""
        index_of = {s.id: i for i, s in enumerate(design.steps) if s.id}
        anchor = -1
        for order, step in enumerate(held.steps):
            if step.design_id in index_of and step.id in self.following:
                anchor = index_of[step.design_id]
                if step.done:
                    keyed.append(((anchor, 0, 0), _untouched(step)))
                    self._note_done(step, design.steps[anchor])
                continue
            if step.done:
                keyed.append(((anchor, 1, order), _untouched(step)))
                self._note_done(step, self._design_of(step))

    def _design_of(self, step: HeldStep) -> StepSpec | None:
        for phase in self.new.phases:
            for design in phase.steps:
                if design.id is not None and design.id == step.design_id:
                    return design
        return None

    def _note_done(self, step: HeldStep, design: StepSpec | None) -> None:
        if (
            design is None
            or design.title != step.title
            or design.effort_minutes != step.effort_minutes
            or details_of(design) != step.details
        ):
            self.kept_done.append(step.title)

    def _removed(self) -> list[int]:
        ids = []
        for phase in self.held:
            for step in phase.steps:
                if step.done or step.id in self.following:
                    continue  # kept as it is, or placed where its design now is
                ids.append(step.id)
                self.changes["removed"].append(
                    StepChange(step.title, phase.name, was_due=step.due_on)
                )
        return ids

    def _position(self, current: int, kept: dict[int, int], count: int) -> int:
        """The phase the client is in, after the update: the same one, or the next kept."""
        for phase in self.held[current:]:
            if phase.id in kept:
                return kept[phase.id]
        return max(count - 1, 0)


def _untouched(step: HeldStep) -> PlannedStep:
    return PlannedStep(step.id, None, step.start_on, step.due_on)

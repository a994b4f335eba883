"""Structural edits of an offer design draft, as pure functions on OfferSpec values.

A path names an item of the journey tree: (phase,) or (phase, step), by position. Each
edit returns the new design and the path of the item to select afterwards; phase and step
ids travel with their items, so a saved design keeps every step's identity.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec

Path = tuple[int, ...]


def item_at(spec: OfferSpec, path: Path) -> PhaseSpec | StepSpec | None:
    """The phase or step at `path`, or None when the path points nowhere."""
    if not path or not 0 <= path[0] < len(spec.phases):
        return None
    phase = spec.phases[path[0]]
    if len(path) == 1:
        return phase
    return phase.steps[path[1]] if 0 <= path[1] < len(phase.steps) else None


def _with_phases(spec: OfferSpec, phases: list[PhaseSpec]) -> OfferSpec:
    return replace(spec, phases=tuple(phases))


def _with_steps(spec: OfferSpec, p: int, steps: list[StepSpec]) -> OfferSpec:
    phases = list(spec.phases)
    phases[p] = replace(phases[p], steps=tuple(steps))
    return _with_phases(spec, phases)


def add_phase(spec: OfferSpec, name: str, after: Path | None) -> tuple[OfferSpec, Path]:
    """A new empty phase after the phase holding `after`, or at the end."""
    at = after[0] + 1 if after else len(spec.phases)
    phases = list(spec.phases)
    phases.insert(at, PhaseSpec(name, 5))
    return _with_phases(spec, phases), (at,)


def add_step(spec: OfferSpec, title: str, at: Path | None) -> tuple[OfferSpec, Path] | None:
    """A new step after the step `at`, at the end of the phase `at`, or at the end of the
    last phase; None when there is no phase to hold it."""
    if not spec.phases:
        return None
    if not at:
        at = (len(spec.phases) - 1,)
    p = at[0]
    steps = list(spec.phases[p].steps)
    row = at[1] + 1 if len(at) > 1 else len(steps)
    # A new step starts where the one before it ends, as a person lays out a journey.
    offset = steps[row - 1].offset_days + steps[row - 1].duration_days if row else 0
    planned = spec.phases[p].planned_days
    steps.insert(row, StepSpec(title, offset_days=min(offset, max(planned - 1, 0))))
    return _with_steps(spec, p, steps), (p, row)


def remove(spec: OfferSpec, path: Path) -> tuple[OfferSpec, Path | None]:
    """Remove the phase (with its steps) or the step; select its neighbour."""
    if item_at(spec, path) is None:
        return spec, path
    if len(path) == 1:
        phases = list(spec.phases)
        del phases[path[0]]
        near: Path | None = (min(path[0], len(phases) - 1),) if phases else None
        return _with_phases(spec, phases), near
    p, s = path
    steps = list(spec.phases[p].steps)
    del steps[s]
    return _with_steps(spec, p, steps), ((p, min(s, len(steps) - 1)) if steps else (p,))


def rename(spec: OfferSpec, path: Path, name: str) -> OfferSpec:
    if len(path) == 1:
        return update_phase(spec, path[0], name=name)
    return update_step(spec, path, title=name)


def update_phase(spec: OfferSpec, p: int, **fields: Any) -> OfferSpec:
    phases = list(spec.phases)
    phases[p] = replace(phases[p], **fields)
    return _with_phases(spec, phases)


def update_step(spec: OfferSpec, path: Path, **fields: Any) -> OfferSpec:
    p, s = path
    steps = list(spec.phases[p].steps)
    steps[s] = replace(steps[s], **fields)
    return _with_steps(spec, p, steps)


def move_phase(spec: OfferSpec, source: int, row: int) -> tuple[OfferSpec, Path]:
    """Move phase `source` to insertion row `row` (counted before it is taken out)."""
    phases = list(spec.phases)
    phase = phases.pop(source)
    target = row - 1 if row > source else row
    target = max(0, min(target, len(phases)))
    phases.insert(target, phase)
    return _with_phases(spec, phases), (target,)


def move_step(spec: OfferSpec, source: Path, phase: int, row: int) -> tuple[OfferSpec, Path]:
    """Move step `source` into phase `phase` at insertion row `row` (counted before the
    step is taken out; -1 for the end)."""
    p, s = source
    phases = [list(ph.steps) for ph in spec.phases]
    step = phases[p].pop(s)
    if row < 0:
        row = len(phases[phase])
    elif phase == p and row > s:
        row -= 1
    row = max(0, min(row, len(phases[phase])))
    phases[phase].insert(row, step)
    moved = [replace(ph, steps=tuple(phases[i])) for i, ph in enumerate(spec.phases)]
    return _with_phases(spec, moved), (phase, row)


def nudge(spec: OfferSpec, path: Path, delta: int) -> tuple[OfferSpec, Path] | None:
    """Move an item one place up (-1) or down (+1), as Ctrl+Up/Down does. A step at the
    edge of its phase moves into the neighbouring phase; None when it cannot move."""
    if item_at(spec, path) is None:
        return None
    if len(path) == 1:
        target = path[0] + delta
        if not 0 <= target < len(spec.phases):
            return None
        return move_phase(spec, path[0], target + 1 if delta > 0 else target)
    p, s = path
    target = s + delta
    if 0 <= target < len(spec.phases[p].steps):
        return move_step(spec, path, p, target + 1 if delta > 0 else target)
    neighbour = p + delta
    if not 0 <= neighbour < len(spec.phases):
        return None
    return move_step(spec, path, neighbour, 0 if delta > 0 else -1)

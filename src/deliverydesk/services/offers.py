"""Designing offers: phases and steps, written in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.model.entities import DeliveryStandard, Offer, OfferPhase, OfferStep
from deliverydesk.model.enums import Owner, StandardTier, StepKind
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput


@dataclass(frozen=True)
class StepSpec:
    title: str
    kind: StepKind = StepKind.TASK
    owner: Owner = Owner.ME
    offset_days: int = 0
    duration_days: int = 1
    effort_minutes: int = 0
    description: str = ""
    is_milestone: bool = False
    is_checkpoint: bool = False
    is_touchpoint: bool = False
    message_template: str = ""
    failure_point: str = ""
    recovery_protocol: str = ""
    client_facing: bool = True


@dataclass(frozen=True)
class PhaseSpec:
    name: str
    planned_days: int
    steps: tuple[StepSpec, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class OfferSpec:
    name: str
    promise: str = ""
    description: str = ""
    phases: tuple[PhaseSpec, ...] = ()
    standards: tuple[tuple[str, StandardTier], ...] = ()
    capacity_note: str = ""


def create_offer(ctx: Context, spec: OfferSpec) -> tuple[int, Changes]:
    _validate(spec)
    with ctx.transaction() as session:
        offer = Offer(
            name=spec.name.strip(),
            promise=spec.promise,
            description=spec.description,
            capacity_note=spec.capacity_note,
            created_at=ctx.clock.now(),
        )
        for p_index, phase_spec in enumerate(spec.phases):
            phase = OfferPhase(
                position=p_index,
                name=phase_spec.name.strip(),
                description=phase_spec.description,
                planned_days=phase_spec.planned_days,
            )
            for s_index, step in enumerate(phase_spec.steps):
                fields = {k: v for k, v in step.__dict__.items()}
                phase.steps.append(OfferStep(position=s_index, **fields))
            offer.phases.append(phase)
        for index, (promise, tier) in enumerate(spec.standards):
            offer.standards.append(DeliveryStandard(position=index, promise=promise, tier=tier))
        session.add(offer)
        session.flush()
        offer.position = offer.id
        return offer.id, Changes(offers=frozenset({offer.id}), aspects=Aspect.OFFER)


def _validate(spec: OfferSpec) -> None:
    if not spec.name.strip():
        raise InvalidInput("An offer needs a name.")
    for phase in spec.phases:
        if not phase.name.strip():
            raise InvalidInput("Every phase needs a name.")
        if phase.planned_days < 1:
            raise InvalidInput(f"Phase '{phase.name}' must last at least one working day.")
        for step in phase.steps:
            if not step.title.strip():
                raise InvalidInput(f"A step in phase '{phase.name}' has no title.")
            if step.offset_days < 0 or step.duration_days < 1:
                raise InvalidInput(
                    f"'{step.title}' needs an offset of 0 or more and at least one day."
                )

"""Designing offers: a whole design written in one transaction, and read back as values.

The design values (OfferSpec and its parts) live in model/rules/offer_design.py; they are
re-exported here because this is where the use cases that take them live.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.entities import (
    DeliveryStandard,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
    OfferStep,
)
from deliverydesk.model.rules.document_messages import DocumentMessages
from deliverydesk.model.rules.enums import StepKind
from deliverydesk.model.rules.fit import FitCriterion, RightFit
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StandardSpec, StepSpec
from deliverydesk.model.rules.offer_rules import MAX_NAME, saving_problems
from deliverydesk.model.rules.text_rules import single_line
from deliverydesk.services.changes import Aspect, Changes
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.offers import offer_format, offer_revisions
from deliverydesk.wording import Problems, RefusalCode

__all__ = [
    "FitCriterion",
    "OfferSpec",
    "PhaseSpec",
    "RightFit",
    "StandardSpec",
    "StepSpec",
    "Unlinked",
    "create_offer",
    "load_offer",
    "spec_of",
    "unique_name",
    "write_design",
]

# The step fields a spec carries besides its id and position.
STEP_FIELDS = tuple(f.name for f in fields(StepSpec) if f.name != "id")


@dataclass(frozen=True)
class Unlinked:
    """Journey phases and steps whose design a save removed: (journey row id, design id).

    Undoing the save puts the design back and re-links them, so "apply to active clients"
    does not see a removed-then-added step where nothing changed."""

    phases: tuple[tuple[int, int], ...] = ()
    steps: tuple[tuple[int, int], ...] = ()


def create_offer(ctx: Context, spec: OfferSpec) -> tuple[int, Changes]:
    """A new offer holding `spec` (its ids are ignored), as revision 1."""
    spec = normalized(spec.without_ids())
    check_savable(spec)
    with ctx.transaction() as session:
        offer = Offer(name=spec.name, created_at=ctx.clock.now())
        session.add(offer)
        write_design(session, offer, spec)
        session.flush()
        offer.position = offer.id
        offer_revisions.record(session, offer, spec_of(offer), ctx.clock.now())
        return offer.id, Changes(offers=frozenset({offer.id}), aspects=Aspect.OFFER)


def check_savable(spec: OfferSpec) -> None:
    problems = saving_problems(spec)
    if problems:
        raise InvalidInput(RefusalCode.OFFER_DESIGN_PROBLEMS, reasons=Problems(problems[:3]))


def normalized(spec: OfferSpec) -> OfferSpec:
    """Names and titles on one line, without stray spaces around them or bidi controls
    (model/text_rules.single_line), as a person means them."""
    return replace(
        spec,
        name=single_line(spec.name),
        standards=tuple(
            replace(s, promise=s.promise.strip(), target=s.target.strip()) for s in spec.standards
        ),
        right_fit=replace(
            spec.right_fit,
            criteria=tuple(replace(c, text=c.text.strip()) for c in spec.right_fit.criteria),
        ),
        intake_questions=tuple(
            replace(
                q, text=q.text.strip(), choices=tuple(c.strip() for c in q.choices if c.strip())
            )
            for q in spec.intake_questions
        ),
        phases=tuple(
            replace(
                p,
                name=single_line(p.name),
                steps=tuple(
                    replace(
                        s,
                        title=single_line(s.title),
                        # Only a session has a length: capacity counts it where it is set.
                        session_minutes=s.session_minutes if s.kind is StepKind.SESSION else 0,
                    )
                    for s in p.steps
                ),
            )
            for p in spec.phases
        ),
    )


def load_offer(session: Session, offer_id: int) -> Offer:
    """The offer with its phases, steps and standards, in a few queries."""
    offer = session.get(
        Offer,
        offer_id,
        options=[
            selectinload(Offer.phases).selectinload(OfferPhase.steps),
            selectinload(Offer.standards),
        ],
    )
    if offer is None:
        raise NotFound(RefusalCode.OFFER_GONE)
    return offer


def spec_of(offer: Offer) -> OfferSpec:
    """The stored design as values, with the stored ids of its phases and steps."""
    fit: dict[str, Any] = offer.right_fit or {}
    criteria = tuple(
        FitCriterion(str(c.get("text", "")), int(c.get("weight", 1)))
        for c in fit.get("criteria", [])
        if isinstance(c, dict)
    )
    return OfferSpec(
        name=offer.name,
        promise=offer.promise,
        description=offer.description,
        capacity_note=offer.capacity_note,
        duration_weeks=offer.duration_weeks,
        price=offer.price,
        price_minor=offer.price_minor,
        currency=offer.currency,
        boundaries=offer.boundaries,
        welcome_template=offer.welcome_template,
        right_fit=RightFit(criteria, int(fit.get("threshold", 0))),
        intake_questions=offer_format.questions_from_json(offer.intake_questions),
        document_messages=DocumentMessages.from_stored(offer.document_messages),
        standards=tuple(StandardSpec(s.promise, s.tier, s.target) for s in offer.standards),
        phases=tuple(
            PhaseSpec(
                name=phase.name,
                planned_days=phase.planned_days,
                description=phase.description,
                id=phase.id,
                steps=tuple(
                    StepSpec(id=step.id, **{f: getattr(step, f) for f in STEP_FIELDS})
                    for step in phase.steps
                ),
            )
            for phase in offer.phases
        ),
    )


def write_design(session: Session, offer: Offer, spec: OfferSpec) -> Unlinked:
    """Make the stored offer hold `spec`, keeping the rows whose ids the spec names.

    A phase or step with an id not in this offer is re-created under that id when the id is
    free (the undo of a save that removed it), else under a new one."""
    offer.name = spec.name
    offer.promise = spec.promise
    offer.description = spec.description
    offer.capacity_note = spec.capacity_note
    offer.duration_weeks = spec.duration_weeks
    offer.price = spec.price
    offer.price_minor = spec.price_minor
    offer.currency = spec.currency
    offer.boundaries = spec.boundaries
    offer.welcome_template = spec.welcome_template
    offer.right_fit = {
        "criteria": [{"text": c.text, "weight": c.weight} for c in spec.right_fit.criteria],
        "threshold": spec.right_fit.threshold,
    }
    offer.intake_questions = offer_format.question_documents(spec.intake_questions)
    offer.document_messages = spec.document_messages.stored()
    offer.standards = [
        DeliveryStandard(position=i, promise=s.promise, tier=s.tier, target=s.target)
        for i, s in enumerate(spec.standards)
    ]
    old_phases = {p.id: p for p in offer.phases}
    old_steps = {s.id: s for p in offer.phases for s in p.steps}
    # Read before any row goes: deleting a design row unlinks its journey copies.
    unlinked = _unlinked(
        session,
        old_phases.keys() - {p.id for p in spec.phases},
        old_steps.keys() - {s.id for p in spec.phases for s in p.steps},
    )
    phases = []
    for p_index, phase_spec in enumerate(spec.phases):
        phase = old_phases.pop(phase_spec.id, None) if phase_spec.id else None
        if phase is None:
            phase = OfferPhase(id=_free_id(session, OfferPhase, phase_spec.id))
        phase.position = p_index
        phase.name = phase_spec.name
        phase.description = phase_spec.description
        phase.planned_days = phase_spec.planned_days
        steps = []
        for s_index, step_spec in enumerate(phase_spec.steps):
            step = old_steps.pop(step_spec.id, None) if step_spec.id else None
            if step is None:
                step = OfferStep(id=_free_id(session, OfferStep, step_spec.id))
            step.position = s_index
            for field in STEP_FIELDS:
                setattr(step, field, getattr(step_spec, field))
            steps.append(step)
        phase.steps = steps
        phases.append(phase)
    offer.phases = phases  # phases and steps left out are deleted (delete-orphan)
    return unlinked


def _free_id(
    session: Session, entity: type[OfferPhase] | type[OfferStep], wanted: int | None
) -> int | None:
    if wanted is None or session.get(entity, wanted) is not None:
        return None
    return wanted


def _unlinked(session: Session, phase_ids: set[int], step_ids: set[int]) -> Unlinked:
    if not phase_ids and not step_ids:
        return Unlinked()
    phases = session.execute(
        select(JourneyPhase.id, JourneyPhase.offer_phase_id).where(
            JourneyPhase.offer_phase_id.in_(list(phase_ids))
        )
    ).all()
    steps = session.execute(
        select(JourneyStep.id, JourneyStep.offer_step_id).where(
            JourneyStep.offer_step_id.in_(list(step_ids))
        )
    ).all()
    return Unlinked(
        tuple((row, design) for row, design in phases if design is not None),
        tuple((row, design) for row, design in steps if design is not None),
    )


def unique_name(session: Session, wanted: str, suffix: str = "") -> str:
    """`wanted` if no offer has that name yet, else "wanted (suffix)", "wanted (suffix 2)"...
    or, without a suffix, "wanted (2)", "wanted (3)"..."""
    taken = {name.casefold() for name in session.scalars(select(Offer.name)).all()}
    if wanted.casefold() not in taken:
        return wanted
    number = 1 if suffix else 2
    while True:
        label = suffix if number == 1 else f"{suffix} {number}".strip()
        tail = f" ({label})"
        candidate = wanted[: MAX_NAME - len(tail)].rstrip() + tail
        if candidate.casefold() not in taken:
            return candidate
        number += 1

"""Apply to active clients: show what a newer design would change in each journey under
way, apply it to the journeys the person picks, and revert that in one undo.

The plan for each journey comes from model/rules/journey_update.py (completed steps are never
touched). Applying returns every picked journey's phases and steps as they were, which is
all revert_apply needs to put them back exactly, ids included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.entities import (
    Client,
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
)
from deliverydesk.model.rules.calendar import WorkCalendar
from deliverydesk.model.rules.enums import ActivityKind
from deliverydesk.model.rules.journey_update import (
    DETAIL_FIELDS,
    DesignChanges,
    HeldPhase,
    HeldStep,
    UpdatePlan,
    plan_update,
)
from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.model.rules.offer_rules import offer_problems
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.journeys import activity
from deliverydesk.services.journeys.journey_restore import JourneyBefore, restore, snapshot
from deliverydesk.services.offers import offer_revisions
from deliverydesk.services.offers.offers import load_offer, spec_of
from deliverydesk.services.practice.practice import work_calendar
from deliverydesk.store.summaries import write_summaries
from deliverydesk.wording import RefusalCode


@dataclass(frozen=True, kw_only=True)
class JourneyDiff(DesignChanges):
    """What applying the current design would change in one journey."""

    journey_id: int
    client_id: int
    client_name: str
    from_revision: int
    to_revision: int


@dataclass(frozen=True)
class AppliedDesign:
    """What apply_to_journeys did; pass it to revert_apply to undo it in one go."""

    offer_id: int
    offer_name: str
    revision: int
    journeys: tuple[JourneyBefore, ...]


def preview_apply(ctx: Context, offer_id: int) -> list[JourneyDiff]:
    """Each active or paused journey on an older revision of the offer, with what applying
    the current design would change (has_changes is False when only the number moves)."""
    calendar = work_calendar(ctx)
    with ctx.db.sessions() as session:
        offer = load_offer(session, offer_id)
        design = spec_of(offer)
        journeys = session.scalars(
            select(Journey)
            .join(Client, Client.id == Journey.client_id)
            .where(
                Journey.offer_id == offer_id,
                Journey.status.in_(offer_revisions.LIVE),
                Journey.offer_revision < offer.revision,
            )
            .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
            .order_by(Client.name, Journey.id)
        ).all()
        olds: dict[int, OfferSpec | None] = {}
        diffs = []
        for journey in journeys:
            if journey.offer_revision not in olds:
                olds[journey.offer_revision] = offer_revisions.design_at(
                    session, offer_id, journey.offer_revision
                )
            plan = _plan(journey, olds[journey.offer_revision], design, calendar)
            diffs.append(_diff(journey, offer.revision, plan))
        return diffs


def apply_to_journeys(
    ctx: Context, offer_id: int, journey_ids: Iterable[int]
) -> Result[AppliedDesign]:
    """Bring just these journeys up to the offer's current design, in one transaction."""
    calendar = work_calendar(ctx)
    wanted = sorted(set(journey_ids))
    with ctx.transaction() as session:
        offer = load_offer(session, offer_id)
        design = spec_of(offer)
        problems = offer_problems(design)
        if problems:
            raise InvalidInput(
                RefusalCode.APPLY_DESIGN_BROKEN, offer=offer.name, problem=problems[0]
            )
        journeys = _journeys(session, offer, wanted)
        befores = []
        phases_changed = False
        olds: dict[int, OfferSpec | None] = {}
        for journey in journeys:
            if journey.offer_revision not in olds:
                olds[journey.offer_revision] = offer_revisions.design_at(
                    session, offer_id, journey.offer_revision
                )
            plan = _plan(journey, olds[journey.offer_revision], design, calendar)
            befores.append(snapshot(session, journey, plan.removed_steps))
            was = journey.offer_revision
            _carry_out(session, journey, plan)
            journey.offer_revision = offer.revision  # summaries follow on flush (the hook)
            phases_changed = phases_changed or bool(
                plan.phases_added or plan.phases_removed or plan.phases_renamed
            )
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.OFFER_APPLIED,
                offer=offer.name,
                revision=offer.revision,
                was=was,
                added=len(plan.added),
                removed=len(plan.removed),
                retimed=len(plan.retimed),
                renamed=len(plan.renamed),
            )
        aspects = Aspect.STEPS | Aspect.CAPACITY | (Aspect.PHASE if phases_changed else Aspect.NONE)
        changes = Changes(
            journeys=frozenset(j.id for j in journeys),
            clients=frozenset(j.client_id for j in journeys),
            offers=frozenset({offer_id}),
            aspects=aspects,
        )
        return Result(AppliedDesign(offer_id, offer.name, offer.revision, tuple(befores)), changes)


def _journeys(session: Session, offer: Offer, wanted: list[int]) -> list[Journey]:
    journeys = session.scalars(
        select(Journey)
        .where(Journey.id.in_(wanted))
        .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
        .order_by(Journey.id)
    ).all()
    if len(journeys) != len(wanted):
        raise NotFound(RefusalCode.JOURNEYS_GONE)
    for journey in journeys:
        if journey.offer_id != offer.id:
            raise InvalidInput(RefusalCode.JOURNEY_NOT_IN_OFFER, offer=offer.name)
        if journey.status not in offer_revisions.LIVE:
            raise InvalidInput(RefusalCode.APPLY_TO_ENDED_JOURNEY)
    return list(journeys)


def _plan(
    journey: Journey, old: OfferSpec | None, design: OfferSpec, calendar: WorkCalendar
) -> UpdatePlan:
    held = [
        HeldPhase(
            phase.id,
            phase.offer_phase_id,
            phase.name,
            phase.planned_start_on,
            phase.planned_end_on,
            tuple(
                HeldStep(
                    step.id,
                    step.offer_step_id,
                    step.title,
                    step.start_on,
                    step.due_on,
                    step.completed_on is not None,
                    step.effort_minutes,
                    tuple(getattr(step, name) for name in DETAIL_FIELDS),
                )
                for step in phase.steps
            ),
        )
        for phase in journey.phases
    ]
    return plan_update(held, journey.current_position, journey.start_on, old, design, calendar)


def _diff(journey: Journey, revision: int, plan: UpdatePlan) -> JourneyDiff:
    return JourneyDiff(
        journey_id=journey.id,
        client_id=journey.client_id,
        client_name=journey.client.name,
        from_revision=journey.offer_revision,
        to_revision=revision,
        **plan.design_changes(),  # type: ignore[arg-type]
    )


def _carry_out(session: Session, journey: Journey, plan: UpdatePlan) -> None:
    """Make the journey's phases and steps what the plan says (removed ones are orphaned
    from their lists and so deleted)."""
    phases = {p.id: p for p in journey.phases}
    steps = {s.id: s for p in journey.phases for s in p.steps}
    moved = any(p.id is not None and phases[p.id].position != i for i, p in enumerate(plan.phases))
    if moved or plan.removed_phases:
        for phase in journey.phases:  # out of the way of the unique (journey, position) index
            phase.position = -phase.id
        session.flush()
    position = 0
    new_phases = []
    for index, planned in enumerate(plan.phases):
        phase = phases[planned.id] if planned.id is not None else JourneyPhase()
        phase.position = index
        phase.name = planned.name
        phase.planned_start_on = planned.planned_start_on
        phase.planned_end_on = planned.planned_end_on
        if planned.design_id is not None:
            phase.offer_phase_id = planned.design_id
        new_steps = []
        for planned_step in planned.steps:
            if planned_step.id is not None:
                step = steps[planned_step.id]
            else:
                step = JourneyStep(journey=journey)
                if planned_step.design is not None:  # a new invoice brings its amount
                    step.amount_minor = planned_step.design.amount_minor
            if planned_step.design is not None:  # completed steps keep every field
                design = planned_step.design
                step.offer_step_id = design.id
                step.title = design.title
                step.effort_minutes = design.effort_minutes
                for name in DETAIL_FIELDS:
                    setattr(step, name, getattr(design, name))
                step.start_on = planned_step.start_on
                step.due_on = planned_step.due_on
            step.position = position
            position += 1
            new_steps.append(step)
        phase.steps = new_steps
        new_phases.append(phase)
    journey.phases = new_phases
    journey.current_position = plan.current_position
    journey.planned_end_on = max(p.planned_end_on for p in new_phases)
    session.flush()


def revert_apply(ctx: Context, applied: AppliedDesign) -> Changes:
    """Put every journey of `applied` back as it was before the application."""
    with ctx.transaction() as session:
        wanted = [b.journey_id for b in applied.journeys]
        present = set(session.scalars(select(Journey.id).where(Journey.id.in_(wanted))).all())
        befores = [b for b in applied.journeys if b.journey_id in present]  # none deleted
        for before in befores:
            restore(session, before)
        session.flush()
        write_summaries(session.connection(), present)  # Core writes bypass the hook
        session.expire_all()  # the rows changed under the session's feet
        journeys = session.scalars(
            select(Journey)
            .where(Journey.id.in_(present))
            .options(selectinload(Journey.phases).selectinload(JourneyPhase.steps))
            .execution_options(populate_existing=True)
        ).all()
        by_id = {journey.id: journey for journey in journeys}
        for before in befores:
            journey = by_id[before.journey_id]
            activity.log(
                session,
                ctx.clock,
                journey,
                ActivityKind.OFFER_APPLIED,
                offer=applied.offer_name,
                revision=before.offer_revision,
                was=applied.revision,
                undo=True,
            )
        return Changes(
            journeys=frozenset(wanted),
            clients=frozenset(j.client_id for j in journeys),
            offers=frozenset({applied.offer_id}),
            aspects=Aspect.STEPS | Aspect.CAPACITY | Aspect.PHASE,
        )

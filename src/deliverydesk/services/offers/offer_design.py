"""The offer designer's use cases: list, read, create, duplicate, archive, save, undo a save.

Saving a changed design makes a new revision and never rewrites a journey: journeys keep
the snapshot they were enrolled with until "apply to active clients" (offer_apply.py).
Undoing a save saves the previous design back as a newer revision (revisions only ever
grow), re-creating removed phases and steps under their old ids and re-linking the journey
steps that pointed at them, so the undo is exact for everything a person can see.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select, update
from sqlalchemy.orm import Session, selectinload

from deliverydesk.model.entities import (
    Journey,
    JourneyPhase,
    JourneyStep,
    Offer,
    OfferPhase,
    OfferStep,
)
from deliverydesk.model.rules.enums import JourneyStatus, Owner, StepKind
from deliverydesk.model.rules.offer_design import OfferSpec, PhaseSpec, StepSpec
from deliverydesk.model.rules.offer_rules import Problem, fill_template, offer_problems
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers import offer_revisions
from deliverydesk.services.offers.offers import (
    Unlinked,
    check_savable,
    load_offer,
    normalized,
    spec_of,
    unique_name,
    write_design,
)
from deliverydesk.services.practice.practice import get_practice, work_calendar
from deliverydesk.wording import More, Problems, RefusalCode

# What "New offer" starts from: the smallest design that can enrol a client.
BLANK_OFFER = OfferSpec(
    name="New offer",
    phases=(
        PhaseSpec(
            "Onboarding",
            5,
            (StepSpec("Welcome call", StepKind.SESSION, Owner.ME, effort_minutes=60),),
        ),
        PhaseSpec(
            "Delivery",
            20,
            (StepSpec("Working session", StepKind.SESSION, Owner.ME, effort_minutes=60),),
        ),
        PhaseSpec(
            "Offboarding",
            5,
            (
                StepSpec(
                    "Closing review",
                    StepKind.REVIEW,
                    Owner.ME,
                    effort_minutes=45,
                    is_milestone=True,
                    is_checkpoint=True,
                ),
            ),
        ),
    ),
)
SAMPLE_CLIENT = "Alex Morgan"  # who the live preview of a message template writes to


@dataclass(frozen=True)
class OfferListRow:
    id: int
    name: str
    archived: bool
    active_clients: int  # clients with an active journey in this offer (not a paused one)
    total_clients: int  # clients who ever had a journey in it (an undone enrolment is none)
    revision: int
    problem_count: int
    problem: Problem | None  # the first of its design's problems; None when it is valid

    @property
    def is_valid(self) -> bool:
        return self.problem_count == 0

    @property
    def first_problem(self) -> str:
        """The first problem in English ("" when the offer is valid); the window words
        `problem` in its own language."""
        return self.problem.message if self.problem else ""


@dataclass(frozen=True)
class OfferDesign:
    """What the editor opens: the design with its stored ids, and what is wrong with it."""

    id: int
    revision: int
    archived: bool
    spec: OfferSpec
    problems: tuple[Problem, ...]
    live_journeys: int  # active or paused journeys enrolled in this offer

    @property
    def is_valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SavedOffer:
    """What a save did, and what undoing it needs: pass it to undo_save_offer."""

    offer_id: int
    previous: OfferSpec  # the design before the save, with its ids
    revision: int  # the offer's revision after the save
    changed: bool  # False when the design was already the same: no revision was made
    unlinked: Unlinked = Unlinked()


def offer_list(ctx: Context) -> list[OfferListRow]:
    """Every offer, active ones first, then archived, each in the practice's order."""
    with ctx.db.sessions() as session:
        offers = session.scalars(
            select(Offer)
            .options(
                selectinload(Offer.phases).selectinload(OfferPhase.steps),
                selectinload(Offer.standards),
            )
            .order_by(Offer.archived, Offer.position, Offer.id)
        ).all()
        active = _client_counts(session, active_only=True)
        total = _client_counts(session, active_only=False)
        rows = []
        for offer in offers:
            problems = offer_problems(spec_of(offer))
            rows.append(
                OfferListRow(
                    id=offer.id,
                    name=offer.name,
                    archived=offer.archived,
                    active_clients=active.get(offer.id, 0),
                    total_clients=total.get(offer.id, 0),
                    revision=offer.revision,
                    problem_count=len(problems),
                    problem=problems[0] if problems else None,
                )
            )
        return rows


def _client_counts(session: Session, active_only: bool) -> dict[int, int]:
    """Clients per offer, each once: with `active_only`, those whose journey in it is
    active (a paused one is not, as the board and the dashboard say); else every client
    who had one, leaving out enrolments taken back (withdrawn: no count shows them)."""
    statement = select(Journey.offer_id, func.count(distinct(Journey.client_id))).group_by(
        Journey.offer_id
    )
    if active_only:
        statement = statement.where(Journey.status == JourneyStatus.ACTIVE)
    else:
        statement = statement.where(Journey.status != JourneyStatus.WITHDRAWN)
    return {offer: count for offer, count in session.execute(statement).all() if offer}


def offer_design(ctx: Context, offer_id: int) -> OfferDesign:
    with ctx.db.sessions() as session:
        offer = load_offer(session, offer_id)
        spec = spec_of(offer)
        live = session.scalar(
            select(func.count()).where(
                Journey.offer_id == offer_id, Journey.status.in_(offer_revisions.LIVE)
            )
        )
        return OfferDesign(
            offer.id, offer.revision, offer.archived, spec, tuple(offer_problems(spec)), live or 0
        )


def add_offer(ctx: Context, spec: OfferSpec, suffix: str = "") -> Result[int]:
    """A new offer holding `spec` under a name no other offer has (see unique_name)."""
    spec = normalized(spec.without_ids())
    check_savable(spec)
    with ctx.transaction() as session:
        offer = Offer(created_at=ctx.clock.now())
        write_design(session, offer, spec)
        offer.name = unique_name(session, spec.name, suffix)
        session.add(offer)
        session.flush()
        offer.position = offer.id
        offer_revisions.record(session, offer, spec_of(offer), ctx.clock.now())
        return Result(offer.id, _offer_changed(offer.id))


def create_blank_offer(ctx: Context) -> Result[int]:
    """A new offer ready to edit: three phases with one step each ("New offer (2)"...)."""
    return add_offer(ctx, BLANK_OFFER)


def duplicate_offer(ctx: Context, offer_id: int) -> Result[int]:
    """A copy of the offer's current design, named "Name (copy)"; undo with delete_offer."""
    with ctx.db.sessions() as session:
        spec = spec_of(load_offer(session, offer_id))
    return add_offer(ctx, spec, "copy")


def set_offer_archived(ctx: Context, offer_id: int, archived: bool) -> Changes:
    """Archive (hidden from new enrolments; journeys carry on) or bring back an offer.
    Undo by calling it again with the opposite flag."""
    with ctx.transaction() as session:
        offer = load_offer(session, offer_id)
        if offer.archived == archived:
            return Changes()
        offer.archived = archived
        return _offer_changed(offer_id)


def delete_offer(ctx: Context, offer_id: int) -> Changes:
    """Remove an offer no journey uses: the undo of creating, duplicating or importing it."""
    with ctx.transaction() as session:
        offer = load_offer(session, offer_id)
        used = session.scalar(select(func.count()).where(Journey.offer_id == offer_id))
        if used:
            raise InvalidInput(RefusalCode.OFFER_HAS_JOURNEYS, offer=offer.name)
        session.delete(offer)
        return _offer_changed(offer_id)


def save_offer(ctx: Context, offer_id: int, spec: OfferSpec) -> Result[SavedOffer]:
    """Store `spec` (as offer_design read it, then edited) as the offer's new revision.

    Nothing changes, and no revision is made, when the design is the same. Journeys are
    never rewritten. Raises InvalidInput, changing nothing, when the design cannot be saved
    (see model/rules/offer_rules.py); a design with problems that only stop enrolment is saved."""
    return _save(ctx, offer_id, spec, Unlinked())


def undo_save_offer(ctx: Context, saved: SavedOffer) -> Result[SavedOffer]:
    """Put back the design `saved` replaced, as a newer revision; its result undoes this."""
    return _save(ctx, saved.offer_id, saved.previous, saved.unlinked)


def _save(ctx: Context, offer_id: int, spec: OfferSpec, relink: Unlinked) -> Result[SavedOffer]:
    spec = normalized(spec)
    check_savable(spec)
    now = ctx.clock.now()
    with ctx.transaction() as session:
        offer = load_offer(session, offer_id)
        before = spec_of(offer)
        if before == spec:  # a phase or step without an id is a new one: not the same
            return Result(SavedOffer(offer_id, before, offer.revision, False), Changes())
        # An offer from before revisions were kept gets its current design kept first.
        kept_at = offer.created_at if offer.revision == 1 else now
        offer_revisions.record(session, offer, before, kept_at)
        unlinked = write_design(session, offer, spec)
        offer.revision += 1
        session.flush()
        _relink(session, relink)
        offer_revisions.record(session, offer, spec_of(offer), now)
        saved = SavedOffer(offer_id, before, offer.revision, True, unlinked)
        return Result(saved, _offer_changed(offer_id))


def _relink(session: Session, relink: Unlinked) -> None:
    for row, design in relink.phases:
        if session.get(OfferPhase, design) is not None:
            session.execute(
                update(JourneyPhase)
                .where(JourneyPhase.id == row, JourneyPhase.offer_phase_id.is_(None))
                .values(offer_phase_id=design)
            )
    for row, design in relink.steps:
        if session.get(OfferStep, design) is not None:
            session.execute(
                update(JourneyStep)
                .where(JourneyStep.id == row, JourneyStep.offer_step_id.is_(None))
                .values(offer_step_id=design)
            )


def check_enrollable(offer: Offer) -> None:
    """Refuse, saying why, to enrol a client in an archived or unfinished offer."""
    if offer.archived:
        raise InvalidInput(RefusalCode.OFFER_ARCHIVED, offer=offer.name)
    problems = offer_problems(spec_of(offer))
    if problems:
        more = More(max(len(problems) - 3, 0))
        reasons = Problems(problems[:3])
        raise InvalidInput(
            RefusalCode.OFFER_NOT_ENROLLABLE, offer=offer.name, reasons=reasons, more=more
        )


def template_preview(
    ctx: Context,
    template: str,
    *,
    offer: str = "",
    phase: str = "",
    step: str = "",
    next_step: str = "",
    due_date: str = "",
) -> str:
    """A message template as a sample client would read it: the live preview."""
    values = preview_values(ctx) | {
        "offer": offer,
        "phase": phase,
        "step": step,
        "next_step": next_step or step,
    }
    if due_date:
        values["due_date"] = due_date
    return fill_template(template, {k: v for k, v in values.items() if v})


def preview_values(ctx: Context) -> dict[str, str]:
    """The sample client's placeholder values that do not depend on the step (read once;
    an editor fills its live previews from them without reading again)."""
    practice = get_practice(ctx)
    calendar = work_calendar(ctx)
    return {
        "client_first_name": SAMPLE_CLIENT.split()[0],
        "client_name": SAMPLE_CLIENT,
        "practice_name": practice.name if practice else "Your practice",
        "due_date": calendar.add_working_days(ctx.clock.today(), 3).isoformat(),
    }


def _offer_changed(offer_id: int) -> Changes:
    return Changes(offers=frozenset({offer_id}), aspects=Aspect.OFFER)

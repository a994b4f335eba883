"""An offer's revisions: each saved design is kept whole, in the offer file format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from deliverydesk.model.entities import Journey, Offer, OfferRevision
from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput, NotFound
from deliverydesk.services.offers import offer_format
from deliverydesk.wording import RefusalCode

# Journeys still under way: the ones a design change could still reach.
LIVE = (JourneyStatus.ACTIVE, JourneyStatus.PAUSED)


@dataclass(frozen=True)
class RevisionRow:
    revision: int
    saved_at: datetime
    phase_count: int
    step_count: int
    live_journeys: int  # active or paused journeys still following this revision
    is_current: bool


def record(session: Session, offer: Offer, spec: OfferSpec, now: datetime) -> None:
    """Keep `spec` as the offer's current revision, unless that revision is kept already."""
    kept = session.scalar(
        select(OfferRevision.id).where(
            OfferRevision.offer_id == offer.id, OfferRevision.revision == offer.revision
        )
    )
    if kept is None:
        session.add(
            OfferRevision(
                offer_id=offer.id,
                revision=offer.revision,
                saved_at=now,
                design=offer_format.to_document(spec, with_ids=True),
            )
        )


def design_at(session: Session, offer_id: int, revision: int) -> OfferSpec | None:
    """The design as revision `revision` kept it, with its ids; None if it was not kept."""
    document = session.scalar(
        select(OfferRevision.design).where(
            OfferRevision.offer_id == offer_id, OfferRevision.revision == revision
        )
    )
    if document is None:
        return None
    try:
        return offer_format.from_document(document)
    except InvalidInput:  # kept by a version that wrote something this one cannot read
        return None


def list_revisions(ctx: Context, offer_id: int) -> list[RevisionRow]:
    """The offer's kept revisions, newest first."""
    with ctx.db.sessions() as session:
        current = session.scalar(select(Offer.revision).where(Offer.id == offer_id))
        if current is None:
            raise NotFound(RefusalCode.OFFER_GONE)
        live = dict(
            session.execute(
                select(Journey.offer_revision, func.count())
                .where(Journey.offer_id == offer_id, Journey.status.in_(LIVE))
                .group_by(Journey.offer_revision)
            ).all()
        )
        rows = session.execute(
            select(OfferRevision.revision, OfferRevision.saved_at, OfferRevision.design)
            .where(OfferRevision.offer_id == offer_id)
            .order_by(OfferRevision.revision.desc())
        ).all()
    result = []
    for revision, saved_at, design in rows:
        phases = design.get("offer", {}).get("phases", []) if isinstance(design, dict) else []
        result.append(
            RevisionRow(
                revision=revision,
                saved_at=saved_at,
                phase_count=len(phases),
                step_count=sum(len(p.get("steps", [])) for p in phases),
                live_journeys=live.get(revision, 0),
                is_current=revision == current,
            )
        )
    return result


def revision_design(ctx: Context, offer_id: int, revision: int) -> OfferSpec:
    """One kept revision's whole design, to show how the offer read then."""
    with ctx.db.sessions() as session:
        spec = design_at(session, offer_id, revision)
    if spec is None:
        raise NotFound(RefusalCode.REVISION_NOT_KEPT, revision=revision)
    return spec

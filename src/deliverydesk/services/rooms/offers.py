"""Offers: the list, the design and its revisions, applying a design to running journeys,
offer files.

A room of the Workspace (`ws.offers`): each method is one use case on the open practice.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.offers import offer_apply, offer_file, offer_revisions
from deliverydesk.services.offers import offer_design as designs
from deliverydesk.services.rooms.room import Room
from deliverydesk.services.views import queries
from deliverydesk.services.views.rows import OfferSummary


class OffersRoom(Room):
    # -- reading ---------------------------------------------------------------------------
    def offer_summaries(self) -> list[OfferSummary]:
        return queries.offer_summaries(self._ctx)

    def offer_list(self) -> list[designs.OfferListRow]:
        return designs.offer_list(self._ctx)

    def offer_design(self, offer_id: int) -> designs.OfferDesign:
        return designs.offer_design(self._ctx, offer_id)

    # -- designing -------------------------------------------------------------------------
    def create_blank_offer(self) -> Result[int]:
        return designs.create_blank_offer(self._ctx)

    def add_offer(self, spec: OfferSpec, suffix: str = "") -> Result[int]:
        """A new offer from `spec` (a built-in template's, say), named apart if taken."""
        return designs.add_offer(self._ctx, spec, suffix)

    def duplicate_offer(self, offer_id: int) -> Result[int]:
        return designs.duplicate_offer(self._ctx, offer_id)

    def set_offer_archived(self, offer_id: int, archived: bool) -> Changes:
        return designs.set_offer_archived(self._ctx, offer_id, archived)

    def delete_offer(self, offer_id: int) -> Changes:
        return designs.delete_offer(self._ctx, offer_id)

    def save_offer(self, offer_id: int, spec: OfferSpec) -> Result[designs.SavedOffer]:
        return designs.save_offer(self._ctx, offer_id, spec)

    def undo_save_offer(self, saved: designs.SavedOffer) -> Result[designs.SavedOffer]:
        return designs.undo_save_offer(self._ctx, saved)

    def preview_values(self) -> dict[str, str]:
        """The sample client's values for previews (fill with model.offer_rules.fill_template)."""
        return designs.preview_values(self._ctx)

    # -- revisions, and applying a design to running journeys ------------------------------
    def list_revisions(self, offer_id: int) -> list[offer_revisions.RevisionRow]:
        return offer_revisions.list_revisions(self._ctx, offer_id)

    def preview_apply(self, offer_id: int) -> list[offer_apply.JourneyDiff]:
        return offer_apply.preview_apply(self._ctx, offer_id)

    def apply_to_journeys(
        self, offer_id: int, journey_ids: Iterable[int]
    ) -> Result[offer_apply.AppliedDesign]:
        return offer_apply.apply_to_journeys(self._ctx, offer_id, journey_ids)

    def revert_apply(self, applied: offer_apply.AppliedDesign) -> Changes:
        return offer_apply.revert_apply(self._ctx, applied)

    # -- offer files -----------------------------------------------------------------------
    def export_offer(self, offer_id: int, path: Path) -> Path:
        return offer_file.export_offer(self._ctx, offer_id, path)

    def import_offer(self, path: Path) -> Result[int]:
        return offer_file.import_offer(self._ctx, path)

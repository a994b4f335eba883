"""The built-in offer templates: the demo practice's three offers, designed the way seed 000
describes a delivery journey, offered to every practice as a place to start.

Pure data plus one use case: demo.py builds the demo through services.offers.create_offer,
and the Offers screen lists TEMPLATES and calls create_from_template (ui > seeding >
services). Durations and offsets are working days of a Monday-to-Thursday practice.
"""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.model.offer_design import OfferSpec
from deliverydesk.seeding.offer_audit import BRAND_AUDIT
from deliverydesk.seeding.offer_coaching import COACHING
from deliverydesk.seeding.offer_manuscript import MANUSCRIPT_EDIT
from deliverydesk.seeding.template_words import finished
from deliverydesk.services.changes import Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import NotFound
from deliverydesk.services.offer_design import add_offer
from deliverydesk.wording import RefusalCode

# Keyed by the short names demo_clients uses to say which offer a client bought.
# Each as offered: counts cited from its data, client wording where a title is written
# for the practitioner (seeding/template_words.py).
OFFERS: dict[str, OfferSpec] = {
    "coaching": finished(COACHING),
    "brand": finished(BRAND_AUDIT),
    "manuscript": finished(MANUSCRIPT_EDIT),
}


@dataclass(frozen=True)
class OfferTemplate:
    key: str
    spec: OfferSpec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def promise(self) -> str:
        return self.spec.promise


TEMPLATES: tuple[OfferTemplate, ...] = tuple(OfferTemplate(k, s) for k, s in OFFERS.items())


def create_from_template(ctx: Context, key: str) -> Result[int]:
    """A new offer from the template `key`, named like it ("Brand Audit (2)" when taken);
    undo with services.offer_design.delete_offer."""
    spec = OFFERS.get(key)
    if spec is None:
        raise NotFound(RefusalCode.NO_SUCH_OFFER_TEMPLATE, key=key)
    return add_offer(ctx, spec)

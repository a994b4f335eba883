"""The built-in offer templates: the demo practice's three offers, designed the way seed 000
describes a delivery journey, offered to every practice as a place to start.

Pure data, no use case: demo.py builds the demo through services.offers.create_offer, and
the Offers screen lists TEMPLATES and makes one an offer with the offers' own use case,
services.offer_design.add_offer (ui > seeding > services). Durations and offsets are
working days of a Monday-to-Thursday practice.
"""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.model.rules.offer_design import OfferSpec
from deliverydesk.seeding.offer_audit import BRAND_AUDIT
from deliverydesk.seeding.offer_coaching import COACHING
from deliverydesk.seeding.offer_manuscript import MANUSCRIPT_EDIT
from deliverydesk.seeding.template_words import finished

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

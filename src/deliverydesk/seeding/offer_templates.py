"""The demo practice's three offers, designed the way seed 000 describes a delivery journey.

Pure data: demo.py builds them through services.offers.create_offer. Durations and offsets
are working days of a Monday-to-Thursday practice (four working days a week).
"""

from __future__ import annotations

from deliverydesk.seeding.offer_audit import BRAND_AUDIT
from deliverydesk.seeding.offer_coaching import COACHING
from deliverydesk.seeding.offer_manuscript import MANUSCRIPT_EDIT
from deliverydesk.services.offers import OfferSpec

# Keyed by the short names demo_clients uses to say which offer a client bought.
OFFERS: dict[str, OfferSpec] = {
    "coaching": COACHING,
    "brand": BRAND_AUDIT,
    "manuscript": MANUSCRIPT_EDIT,
}

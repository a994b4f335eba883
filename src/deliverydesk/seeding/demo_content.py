"""Everything the demo practice is made of, in one place: pure data, no I/O.

The offers live in demo_offers.py and the clients in demo_clients.py (each would make this
module too long); this one adds the practice itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from deliverydesk.model.rules.offer_design import priced
from deliverydesk.seeding.demo_clients import (
    CLIENTS,
    FEEDBACK,
    RIGHT_FIT_QUESTIONS,
    SCORE_ONLY,
    ClientSeed,
    FeedbackSeed,
    FrictionSeed,
    Story,
)
from deliverydesk.seeding.offer_templates import OFFERS as TEMPLATES

# The demo sells its offers (the templates are unpriced: a newcomer sets her own price),
# a quarter invoiced as the deposit: the dashboard's money pane has figures to show.
PRICES = {"coaching": 3_000_00, "brand": 2_400_00, "manuscript": 4_800_00}
CURRENCY = "GBP"
PAID_AFTER_DAYS = 14  # an invoice sent at least this long ago has been paid, this late
OFFERS = {key: priced(spec, PRICES[key], CURRENCY) for key, spec in TEMPLATES.items()}


@dataclass(frozen=True)
class PracticeSeed:
    name: str
    owner_name: str
    weekly_hours: float
    working_days: frozenset[int]  # ISO weekdays, Monday = 1
    founded: int  # working days before today that the practice was set up
    tagline: str = ""
    email: str = ""
    website: str = ""
    phone: str = ""
    signature: str = ""
    logo: str = ""  # a file in resources/brand


PRACTICE = PracticeSeed(
    name="Northlight Practice",
    owner_name="Maren Holt",
    weekly_hours=25,
    working_days=frozenset({1, 2, 3, 4}),
    founded=64,
    tagline="Coaching, brand and editing for small businesses",
    email="maren@northlight.example",
    website="northlight.example",
    phone="+44 20 7946 0321",
    signature="Maren Holt, Northlight Practice",
    logo="northlight-logo.png",
)

__all__ = [
    "CLIENTS",
    "FEEDBACK",
    "OFFERS",
    "PAID_AFTER_DAYS",
    "PRACTICE",
    "RIGHT_FIT_QUESTIONS",
    "SCORE_ONLY",
    "ClientSeed",
    "FeedbackSeed",
    "FrictionSeed",
    "PracticeSeed",
    "Story",
]

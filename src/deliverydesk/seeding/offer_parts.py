"""Shorthands shared by the demo offers (pure data)."""

from __future__ import annotations

from deliverydesk.model.enums import Owner, StandardTier
from deliverydesk.model.fit import FitCriterion, RightFit
from deliverydesk.model.offer_design import StandardSpec

ME, CLIENT, THIRD = Owner.ME, Owner.CLIENT, Owner.THIRD_PARTY
EXPECTED, ORDER_WINNING = StandardTier.EXPECTED, StandardTier.ORDER_WINNING

REPLY_IN_A_DAY = StandardSpec("Reply to messages within one working day", EXPECTED, "1 working day")

# Who the demo practice works best with (seed 003, "right fit client"); a client answering
# yes to criteria worth at least the threshold is a good fit.
RIGHT_FIT = RightFit(
    criteria=(
        FitCriterion("Has 2-3 hours a week for their part", 2),
        FitCriterion("Ready to hear honest feedback", 2),
        FitCriterion("Budget agreed and paid on time", 1),
        FitCriterion("Clear on the outcome they want", 1),
    ),
    threshold=4,
)

BOUNDARIES = (
    "I answer messages on working days, within one working day. Sessions moved with less "
    "than 24 hours' notice count as held. Urgent? Say so in the subject line."
)

"""Words the offer designer needs beyond the shared wording: effort, working days, tiers."""

from __future__ import annotations

from deliverydesk.model.rules.enums import StandardTier
from deliverydesk.model.rules.offer_design import StepSpec
from deliverydesk.ui.core.text import tr


def effort(minutes: int) -> str:
    """ "45 min", "2 h", "1 h 30 min"; empty for none."""
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return tr("{m} min").format(m=rest)
    if not rest:
        return tr("{h} h").format(h=hours)
    return tr("{h} h {m} min").format(h=hours, m=rest)


def days(n: int) -> str:
    """A phase's length in a narrow column: "5 days" (working days, said in its tooltip)."""
    return tr("1 day") if n == 1 else tr("{n} days").format(n=n)


def working_days(n: int) -> str:
    return tr("1 working day") if n == 1 else tr("{n} working days").format(n=n)


def step_days(step: StepSpec) -> str:
    """When a step runs within its phase, counted in working days from 1: "Day 3",
    "Days 3–5"."""
    first = step.offset_days + 1
    last = step.offset_days + step.duration_days
    if last <= first:
        return tr("Day {n}").format(n=first)
    return tr("Days {first}–{last}").format(first=first, last=last)


TIER_WORDS = {
    StandardTier.EXPECTED: "Expected",
    StandardTier.ORDER_WINNING: "Order-winning",
}


def tier_label(tier: StandardTier) -> str:
    return tr(TIER_WORDS[tier])


def client_count(active: int, total: int) -> str:
    """ "2 active of 5", "none yet"."""
    if not total:
        return tr("None yet")
    return tr("{active} active of {total}").format(active=active, total=total)

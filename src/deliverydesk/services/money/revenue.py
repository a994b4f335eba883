"""What the practice earns: booked, invoiced and paid revenue per month, and per offer the
revenue against the hours its steps take.

- Booked: a journey's worth (model/rules/money.py booked_minor: the price it was sold at;
  a cancelled journey only what was invoiced), in the month it starts.
- Invoiced: an invoice step's amount, in the month it was ticked (the invoice sent).
- Paid: an invoice step's amount, in the month it was marked paid.
- Per offer: the journeys' worth against the effort of their steps (a cancelled journey:
  only the steps done, the delivery it took), and what that makes per hour.

Each currency is counted on its own (a sum of pounds and euros means nothing); the view
holds one currency, the one with the most booked unless asked. Three queries, each a scan
of a small index or of the journeys: no step is loaded as an object.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.money import journey_worth, months_to, per_hour_minor
from deliverydesk.services.context import Context

MONTHS = 12  # this month and the eleven before it


@dataclass(frozen=True, slots=True)
class MonthMoney:
    month: date  # its first day
    booked_minor: int
    invoiced_minor: int
    paid_minor: int


@dataclass(frozen=True, slots=True)
class OfferMoney:
    offer_name: str
    journeys: int
    revenue_minor: int
    effort_minutes: int

    @property
    def per_hour_minor(self) -> int | None:
        return per_hour_minor(self.revenue_minor, self.effort_minutes)


@dataclass(frozen=True, slots=True)
class MoneyView:
    today: date
    currency: str  # the currency every amount here is in ("" for amounts without one)
    currencies: tuple[str, ...]  # every currency the records hold, most booked first
    months: tuple[MonthMoney, ...]  # oldest first
    offers: tuple[OfferMoney, ...]  # best paid per hour first; those without hours last
    outstanding_minor: int  # invoiced, not paid yet (whenever invoiced)

    @property
    def is_empty(self) -> bool:
        """No amount anywhere: no offer has a price or an invoice amount in use."""
        return not self.currencies


def money_view(ctx: Context, currency: str | None = None) -> MoneyView:
    """The money figures in `currency` (None: the one with the most booked)."""
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        journeys = connection.execute(_JOURNEYS).all()
        invoices = connection.execute(_INVOICES).all()
        efforts = {row[0]: (row[1], row[2]) for row in connection.execute(_EFFORTS).all()}
    # Per journey: what its invoices came to so far and in all; months kept as "YYYY-MM".
    invoiced_total: dict[int, int] = defaultdict(int)
    planned_total: dict[int, int] = defaultdict(int)
    for journey_id, amount, invoiced_on, _paid_on in invoices:
        if amount:
            planned_total[journey_id] += amount
            if invoiced_on is not None:
                invoiced_total[journey_id] += amount
    worth: dict[int, int] = {}
    totals: dict[str, int] = defaultdict(int)
    status_of: dict[int, JourneyStatus] = {}
    for journey_id, _name, status_text, _start, price, code in journeys:
        status = status_of[journey_id] = JourneyStatus(status_text)
        planned = planned_total.get(journey_id, 0)
        worth[journey_id] = journey_worth(status, price, invoiced_total.get(journey_id, 0), planned)
        if price is not None or planned:  # a journey with an amount somewhere
            totals[code or ""] += worth[journey_id]
    currencies = tuple(sorted(totals, key=lambda c: (-totals[c], c)))
    chosen = currency if currency is not None else (currencies[0] if currencies else "")
    mine = {row[0]: row for row in journeys if (row[5] or "") == chosen}
    booked: dict[str, int] = defaultdict(int)
    invoiced: dict[str, int] = defaultdict(int)
    paid: dict[str, int] = defaultdict(int)
    for journey_id, row in mine.items():
        booked[str(row[3])[:7]] += worth[journey_id]
    outstanding = 0
    for journey_id, amount, invoiced_on, paid_on in invoices:
        if journey_id not in mine or not amount:
            continue
        if invoiced_on is not None:
            invoiced[str(invoiced_on)[:7]] += amount
            if paid_on is None:
                outstanding += amount
        if paid_on is not None:
            paid[str(paid_on)[:7]] += amount
    months = months_to(today, MONTHS)
    keys = [m.isoformat()[:7] for m in months]
    return MoneyView(
        today=today,
        currency=chosen,
        currencies=currencies,
        months=tuple(
            MonthMoney(m, booked[k], invoiced[k], paid[k])
            for m, k in zip(months, keys, strict=True)
        ),
        offers=_per_offer(mine, status_of, worth, efforts),
        outstanding_minor=outstanding,
    )


def _per_offer(
    mine: dict[int, Any],
    status_of: dict[int, JourneyStatus],
    worth: dict[int, int],
    efforts: dict[int, tuple[int, int]],
) -> tuple[OfferMoney, ...]:
    count: dict[str, int] = defaultdict(int)
    revenue: dict[str, int] = defaultdict(int)
    minutes: dict[str, int] = defaultdict(int)
    for journey_id, row in mine.items():
        name = row[1]
        all_minutes, done_minutes = efforts.get(journey_id, (0, 0))
        count[name] += 1
        revenue[name] += worth[journey_id]
        cancelled = status_of[journey_id] is JourneyStatus.CANCELLED
        minutes[name] += done_minutes if cancelled else all_minutes
    offers = [OfferMoney(name, count[name], revenue[name], minutes[name]) for name in count]
    return tuple(
        sorted(
            offers,
            key=lambda o: (o.per_hour_minor is None, -(o.per_hour_minor or 0), o.offer_name),
        )
    )


# Under the offer's name now (a renamed offer stays one line), else the journey's own.
_JOURNEYS = text(
    "SELECT j.id, COALESCE(o.name, j.offer_name), j.status, j.start_on, j.price_minor, "
    "j.currency FROM journey j LEFT JOIN offer o ON o.id = j.offer_id "
    "WHERE j.status != 'withdrawn'"
)
_INVOICES = text(
    "SELECT journey_id, amount_minor, completed_on, paid_on FROM journey_step "
    "INDEXED BY ix_journey_step_invoice WHERE kind = 'invoice'"
)
# Each journey's step effort in minutes: all its steps, and the steps done (only steps
# with effort, through their narrow index).
_EFFORTS = text(
    "SELECT journey_id, SUM(effort_minutes), "
    "SUM(CASE WHEN completed_on IS NULL THEN 0 ELSE effort_minutes END) "
    "FROM journey_step INDEXED BY ix_journey_step_effort WHERE effort_minutes > 0 "
    "GROUP BY journey_id"
)

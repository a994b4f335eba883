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

from sqlalchemy import Connection, text

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.model.rules.money import (
    InvoiceFacts,
    booked_minor,
    month_of,
    months_to,
    per_hour_minor,
)
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


@dataclass(frozen=True, slots=True)
class _Journey:
    id: int
    offer_key: str
    status: JourneyStatus
    start_on: date
    price_minor: int | None
    currency: str


def money_view(ctx: Context, currency: str | None = None) -> MoneyView:
    """The money figures in `currency` (None: the one with the most booked)."""
    today = ctx.clock.today()
    with ctx.db.engine.connect() as connection:
        journeys = _journeys(connection)
        invoices = _invoices(connection)
        efforts = _efforts(connection)
    worth = {j.id: booked_minor(j.status, j.price_minor, invoices.get(j.id, ())) for j in journeys}
    totals: dict[str, int] = defaultdict(int)
    for j in journeys:
        if worth[j.id] or j.price_minor is not None or j.id in invoices:
            totals[j.currency] += worth[j.id]
    currencies = tuple(sorted(totals, key=lambda c: (-totals[c], c)))
    chosen = currency if currency is not None else (currencies[0] if currencies else "")
    mine = [j for j in journeys if j.currency == chosen]
    months = months_to(today, MONTHS)
    booked: dict[date, int] = defaultdict(int)
    invoiced: dict[date, int] = defaultdict(int)
    paid: dict[date, int] = defaultdict(int)
    outstanding = 0
    for j in mine:
        booked[month_of(j.start_on)] += worth[j.id]
        for invoice in invoices.get(j.id, ()):
            if invoice.invoiced_on is not None:
                invoiced[month_of(invoice.invoiced_on)] += invoice.amount_minor
                if invoice.paid_on is None:
                    outstanding += invoice.amount_minor
            if invoice.paid_on is not None:
                paid[month_of(invoice.paid_on)] += invoice.amount_minor
    return MoneyView(
        today=today,
        currency=chosen,
        currencies=currencies,
        months=tuple(MonthMoney(m, booked[m], invoiced[m], paid[m]) for m in months),
        offers=_per_offer(mine, worth, efforts),
        outstanding_minor=outstanding,
    )


def _per_offer(
    journeys: list[_Journey], worth: dict[int, int], efforts: dict[int, tuple[int, int]]
) -> tuple[OfferMoney, ...]:
    count: dict[str, int] = defaultdict(int)
    revenue: dict[str, int] = defaultdict(int)
    minutes: dict[str, int] = defaultdict(int)
    for j in journeys:
        all_minutes, done_minutes = efforts.get(j.id, (0, 0))
        count[j.offer_key] += 1
        revenue[j.offer_key] += worth[j.id]
        minutes[j.offer_key] += done_minutes if j.status is JourneyStatus.CANCELLED else all_minutes
    offers = [OfferMoney(name, count[name], revenue[name], minutes[name]) for name in count]
    return tuple(
        sorted(
            offers,
            key=lambda o: (o.per_hour_minor is None, -(o.per_hour_minor or 0), o.offer_name),
        )
    )


def _journeys(connection: Connection) -> list[_Journey]:
    rows = connection.execute(
        text(
            # Under the offer's name now (a renamed offer stays one line), else its own.
            "SELECT j.id, COALESCE(o.name, j.offer_name), j.status, j.start_on, j.price_minor, "
            "j.currency FROM journey j LEFT JOIN offer o ON o.id = j.offer_id "
            "WHERE j.status != 'withdrawn'"
        )
    ).all()
    return [
        _Journey(
            row[0],
            row[1],
            JourneyStatus(row[2]),
            date.fromisoformat(row[3]),
            row[4],
            row[5] or "",
        )
        for row in rows
    ]


def _invoices(connection: Connection) -> dict[int, list[InvoiceFacts]]:
    rows = connection.execute(
        text(
            "SELECT journey_id, amount_minor, completed_on, paid_on FROM journey_step "
            "INDEXED BY ix_journey_step_invoice WHERE kind = 'invoice'"
        )
    ).all()
    found: dict[int, list[InvoiceFacts]] = defaultdict(list)
    for journey_id, amount, invoiced_on, paid_on in rows:
        found[journey_id].append(
            InvoiceFacts(
                journey_id,
                amount or 0,
                date.fromisoformat(invoiced_on) if invoiced_on else None,
                date.fromisoformat(paid_on) if paid_on else None,
            )
        )
    return found


def _efforts(connection: Connection) -> dict[int, tuple[int, int]]:
    """Each journey's step effort in minutes: all its steps, and the steps done."""
    rows = connection.execute(
        text(
            "SELECT journey_id, SUM(effort_minutes), "
            "SUM(CASE WHEN completed_on IS NULL THEN 0 ELSE effort_minutes END) "
            "FROM journey_step GROUP BY journey_id"
        )
    ).all()
    return {row[0]: (row[1] or 0, row[2] or 0) for row in rows}

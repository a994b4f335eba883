"""Money as the practitioner's records hold it: whole numbers of minor units (pence, cents)
with a currency code, never floats.

An offer's price is an amount and a currency; its payment plan is its invoice steps, each
carrying the amount it invoices (the first of several is the deposit, the last the
balance, those between the instalments). A journey keeps its own copy of both; ticking an
invoice step invoices its amount on that day, and marking it paid records the day it was
paid. The revenue rules below say what each figure counts, once, for every screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from deliverydesk.model.rules.enums import JourneyStatus


@dataclass(frozen=True, slots=True)
class Currency:
    code: str  # ISO 4217
    symbol: str
    digits: int = 2  # minor-unit digits: 2 for pence and cents, 0 for yen


# The currencies offered in the editor, most common for the practices we know first.
CURRENCIES = (
    Currency("GBP", "£"),
    Currency("EUR", "€"),
    Currency("USD", "$"),
    Currency("CAD", "CA$"),
    Currency("AUD", "A$"),
    Currency("NZD", "NZ$"),
    Currency("CHF", "CHF"),
    Currency("SEK", "kr"),
    Currency("NOK", "kr"),
    Currency("DKK", "kr"),
    Currency("PLN", "zł"),
    Currency("CZK", "Kč"),
    Currency("ZAR", "R"),
    Currency("INR", "₹"),
    Currency("SGD", "S$"),
    Currency("HKD", "HK$"),
    Currency("JPY", "¥", 0),
)
BY_CODE = {c.code: c for c in CURRENCIES}
NO_CURRENCY = Currency("", "")  # an amount whose currency was never said
MAX_AMOUNT_MINOR = 10**12  # ten billion pounds: more is a typing slip
# A symbol written before or after the number, and what it stands for (one reading each:
# "kr" and "$" alone are several currencies; the first listed wins, as people here write).
_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "¥": "JPY", "₹": "INR", "zł": "PLN"}
_NUMBER = re.compile(r"^\d{1,3}(?:[ ,.\u00a0\u202f']\d{3})*(?:[.,]\d{1,2})?$|^\d+(?:[.,]\d{1,2})?$")


def currency_of(code: str) -> Currency:
    return BY_CODE.get(code.upper(), NO_CURRENCY) if code else NO_CURRENCY


def amount_from_text(text: str, currency: str = "") -> int | None:
    """The amount a person typed ("1,200", "1200.50", "99") in minor units of `currency`;
    None for a blank field. Raises ValueError for anything else (a negative amount, words,
    more decimals than the currency has, an amount past MAX_AMOUNT_MINOR)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    digits = currency_of(currency).digits if currency else 2
    number = _decimal(cleaned)
    if number is None or number < 0:
        raise ValueError(text)
    minor = number.scaleb(digits)
    if minor != minor.to_integral_value() or minor > MAX_AMOUNT_MINOR:
        raise ValueError(text)
    return int(minor)


def _decimal(text: str) -> Decimal | None:
    """A number written with thousands separators and a decimal point or comma."""
    if not _NUMBER.match(text):
        return None
    groups = re.split(r"[ ,.\u00a0\u202f']", text)
    if len(groups) > 1 and len(groups[-1]) <= 2 and text[-len(groups[-1]) - 1] in ".,":
        whole, fraction = "".join(groups[:-1]), groups[-1]
    else:
        whole, fraction = "".join(groups), ""
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


@dataclass(frozen=True, slots=True)
class Price:
    amount_minor: int
    currency: str  # "" when the text named none


def parse_price(text: str) -> Price | None:
    """A free-text price as written before prices were amounts ("£1,200", "1200 EUR",
    "€2.400,50", "2400"); None when the text is more than a price ("from £900", "£300/month",
    "on request"): such text stays a note beside an empty amount."""
    cleaned = text.strip()
    if not cleaned:
        return None
    code = ""
    for symbol, meaning in sorted(_SYMBOLS.items(), key=lambda s: -len(s[0])):
        if cleaned.startswith(symbol) or cleaned.endswith(symbol):
            code = meaning
            cleaned = cleaned.removeprefix(symbol).removesuffix(symbol).strip()
            break
    else:
        words = cleaned.split()
        for index in (0, -1):
            if len(words) == 2 and words[index].upper() in BY_CODE:
                code = words[index].upper()
                cleaned = words[index + 1 if index == 0 else 0]
                break
    try:
        amount = amount_from_text(cleaned, code)
    except ValueError:
        return None
    return Price(amount, code) if amount is not None else None


def plain_amount(amount_minor: int, currency: str) -> str:
    """The amount as digits with its decimals and no grouping ("1200.50"): the accountant's
    CSV, the offer file's readers, anything a program reads back."""
    digits = currency_of(currency).digits if currency else 2
    value = Decimal(amount_minor).scaleb(-digits)
    return f"{value:.{digits}f}"


# -- the payment plan ------------------------------------------------------------------------
class PlanPart(StrEnum):
    FULL = "full"  # the only invoice: paid in one go
    DEPOSIT = "deposit"
    INSTALMENT = "instalment"
    BALANCE = "balance"


def plan_parts(count: int) -> tuple[PlanPart, ...]:
    """What each of `count` invoice steps is, in journey order."""
    if count <= 0:
        return ()
    if count == 1:
        return (PlanPart.FULL,)
    return (PlanPart.DEPOSIT, *([PlanPart.INSTALMENT] * (count - 2)), PlanPart.BALANCE)


def split_price(price_minor: int, deposit_minor: int, count: int) -> tuple[int, ...]:
    """The price split over `count` invoices: the deposit first, the rest evenly over the
    instalments and the balance, any odd minor units on the balance (the sum is the price)."""
    if count <= 0:
        return ()
    if count == 1:
        return (price_minor,)
    deposit = min(max(deposit_minor, 0), price_minor)
    rest = price_minor - deposit
    each = rest // (count - 1)
    return (deposit, *([each] * (count - 2)), rest - each * (count - 2))


# -- revenue ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class InvoiceFacts:
    """One invoice step of a journey, as the revenue rules need it."""

    journey_id: int
    amount_minor: int
    invoiced_on: date | None  # the day the step was ticked
    paid_on: date | None


def booked_minor(
    status: JourneyStatus, price_minor: int | None, invoices: Iterable[InvoiceFacts]
) -> int:
    """What a journey is worth: the price it was sold at (the sum of its invoice steps when
    it had no price). A cancelled journey is worth only what was invoiced before it ended
    (no refunds: what was paid stays paid); an undone enrolment is worth nothing."""
    invoices = list(invoices)
    return journey_worth(
        status,
        price_minor,
        sum(i.amount_minor for i in invoices if i.invoiced_on is not None),
        sum(i.amount_minor for i in invoices),
    )


def journey_worth(
    status: JourneyStatus, price_minor: int | None, invoiced_minor: int, planned_minor: int
) -> int:
    """booked_minor from totals: what its invoice steps invoiced so far, and all of them."""
    if status is JourneyStatus.WITHDRAWN:
        return 0
    if status is JourneyStatus.CANCELLED:
        return invoiced_minor
    return price_minor if price_minor is not None else planned_minor


def month_of(day: date) -> date:
    return day.replace(day=1)


def months_to(last: date, count: int) -> tuple[date, ...]:
    """The first days of the `count` months ending with the month of `last`, oldest first."""
    year, month = last.year, last.month
    found = []
    for _ in range(count):
        found.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(reversed(found))


def per_hour_minor(revenue_minor: int, effort_minutes: int) -> int | None:
    """Revenue per hour of delivery, rounded to a minor unit; None when no hours are set."""
    if effort_minutes <= 0:
        return None
    value = Decimal(revenue_minor) * 60 / Decimal(effort_minutes)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))

"""Amounts of money as a person reads them, in one place for the window, the command line
and the paper: "£1,200", "£1,200.50", "1,200 CHF". (The machine form, for the accountant's
CSV, is model/rules/money.py plain_amount.)"""

from __future__ import annotations

from decimal import Decimal

from deliverydesk.model.rules.money import currency_of


def money_text(amount_minor: int, currency: str) -> str:
    """The amount as a person reads it: "£1,200", "£1,200.50", "1,200 CHF", "1,200"."""
    found = currency_of(currency)
    digits = found.digits if currency else 2
    value = Decimal(amount_minor).scaleb(-digits)
    shown = f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.{digits}f}"
    if not found.code:
        return shown
    if found.symbol == found.code or found.symbol == "kr":
        return f"{shown} {found.code}"
    return f"{found.symbol}{shown}"

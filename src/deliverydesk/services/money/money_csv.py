"""The money lines for the accountant: one line per invoice of every journey, as a CSV.

An invoice planned and not sent yet is listed too (the accountant sees what is coming),
except on a cancelled journey, where it never will be sent; an undone enrolment has none.
Amounts are plain decimals in the currency's units ("1200.00"), dates ISO (2026-12-07):
what a spreadsheet and a bookkeeping import read without guessing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from deliverydesk.model.rules.money import plain_amount
from deliverydesk.model.rules.text_rules import without_bidi_controls
from deliverydesk.services.context import Context
from deliverydesk.services.data.csv_out import csv_bytes
from deliverydesk.services.offers.offer_file import write_atomically

HEADERS = (
    "Client",
    "Company",
    "Offer",
    "Invoice",
    "Amount",
    "Currency",
    "Due",
    "Invoiced",
    "Paid",
    "Status",
)


def money_lines(ctx: Context) -> list[tuple[str, ...]]:
    """Every invoice line in the order of HEADERS, by client and then journey order."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT c.name, c.company, j.offer_name, s.title, s.amount_minor, j.currency, "
                "s.due_on, s.completed_on, s.paid_on FROM journey_step s "
                "JOIN journey j ON j.id = s.journey_id JOIN client c ON c.id = j.client_id "
                "WHERE s.kind = 'invoice' AND j.status != 'withdrawn' "
                "AND (j.status != 'cancelled' OR s.completed_on IS NOT NULL) "
                "ORDER BY c.name COLLATE NOCASE, c.id, j.id, s.position"
            )
        ).all()
    lines: list[tuple[str, ...]] = []
    for name, company, offer, title, amount, currency, due, invoiced, paid in rows:
        status = "paid" if paid else "invoiced" if invoiced else "planned"
        lines.append(
            (
                without_bidi_controls(name),
                without_bidi_controls(company),
                without_bidi_controls(offer),
                without_bidi_controls(title),
                plain_amount(amount, currency) if amount is not None else "",
                currency,
                _iso(due),
                _iso(invoiced),
                _iso(paid),
                status,
            )
        )
    return lines


def _iso(value: str | date | None) -> str:
    return "" if value is None else str(value)


def export_money(ctx: Context, path: Path, *, spreadsheet: bool = False) -> int:
    """Write the money lines to `path` (atomically); the number of lines written.
    `spreadsheet`: safe to open in Excel, LibreOffice or Sheets (data/csv_out.py)."""
    lines = money_lines(ctx)
    write_atomically(path, csv_bytes(HEADERS, lines, spreadsheet=spreadsheet))
    return len(lines)

"""Money: invoices paid, revenue for the dashboard, the accountant's CSV.

A room of the Workspace (`ws.money`): each method is one use case on the open practice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from deliverydesk.services.changes import Result
from deliverydesk.services.money import money_csv, payments
from deliverydesk.services.money.revenue import MoneyView, money_view
from deliverydesk.services.rooms.room import Room


class MoneyRoom(Room):
    def mark_paid(
        self, step_id: int, on: date | None = None, *, undo: bool = False
    ) -> Result[date]:
        """Mark an invoiced step paid; the value is the day recorded (mark_unpaid undoes)."""
        return payments.mark_paid(self._ctx, step_id, on, undo=undo)

    def mark_unpaid(self, step_id: int, *, expected: date | None = None) -> Result[date]:
        """Take back a paid mark; the value is the day it was paid (mark_paid redoes)."""
        return payments.mark_unpaid(self._ctx, step_id, expected=expected)

    def view(self, currency: str | None = None) -> MoneyView:
        """Booked, invoiced and paid per month and revenue per hour per offer."""
        return money_view(self._ctx, currency)

    def export_csv(self, path: Path, *, spreadsheet: bool = False) -> int:
        """The money lines for the accountant; the number of lines written."""
        return money_csv.export_money(self._ctx, path, spreadsheet=spreadsheet)

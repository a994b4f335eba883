"""Clients and their journeys as one spreadsheet (.xlsx): a Clients sheet with the columns
of the client CSV, and a Journeys sheet with where each journey stands. Every cell is text
(services/data/xlsx_out.py), so a phone number, a date or a name starting with "=" shows as
typed and nothing runs. The raw CSV stays the file for re-import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deliverydesk.model.rules.enums import JourneyStatus
from deliverydesk.services.clients.client_csv import HEADERS, client_table
from deliverydesk.services.context import Context
from deliverydesk.services.data.xlsx_out import Sheet, xlsx_bytes
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.views.queries import listed_journeys
from deliverydesk.services.views.rows import JourneyRow
from deliverydesk.wording import ENGLISH, N_, Words

JOURNEY_HEADERS = (
    N_("Client"),
    N_("Company"),
    N_("Offer"),
    N_("Status"),
    N_("Phase"),
    N_("Steps done"),
    N_("Steps in all"),
    N_("Next step"),
    N_("Next step due"),
    N_("Health"),
)
_STATUS = {
    JourneyStatus.ACTIVE: N_("Active"),
    JourneyStatus.PAUSED: N_("Paused"),
    JourneyStatus.COMPLETED: N_("Completed"),
    JourneyStatus.CANCELLED: N_("Cancelled"),
}


@dataclass(frozen=True, slots=True)
class WorkbookCounts:
    clients: int
    journeys: int


def _journey_line(row: JourneyRow, words: Words) -> tuple[str, ...]:
    status = "" if row.status is None else words.tr(_STATUS.get(row.status, row.status.value))
    return (
        row.name,
        row.company,
        row.offer_name,
        status,
        row.phase_name,
        str(row.steps_done),
        str(row.steps_total),
        row.next_step_title,
        "" if row.next_step_due is None else row.next_step_due.isoformat(),
        words.health_label(row.health),
    )


def export_workbook(ctx: Context, path: Path, words: Words = ENGLISH) -> WorkbookCounts:
    """Write the clients and their journeys to the workbook at `path` (atomically)."""
    clients = client_table(ctx)
    journeys = [_journey_line(row, words) for row in listed_journeys(ctx)]
    sheets = (
        Sheet(words.tr("Clients"), [words.tr(h) for h in HEADERS], clients),
        Sheet(words.tr("Journeys"), [words.tr(h) for h in JOURNEY_HEADERS], journeys),
    )
    write_atomically(path, xlsx_bytes(sheets))
    return WorkbookCounts(len(clients), len(journeys))

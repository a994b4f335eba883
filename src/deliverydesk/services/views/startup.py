"""The first board of a start, read before SQLAlchemy is imported (see store/snapshot.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from deliverydesk.services.views.rows import JourneyRow, OfferSummary, journey_row
from deliverydesk.store import early_check
from deliverydesk.store.location import location_warning
from deliverydesk.store.schema import DATABASE_NAME
from deliverydesk.store.snapshot import read_snapshot


@dataclass(frozen=True)
class FirstBoard:
    practice_name: str
    offers: list[OfferSummary]
    rows: list[JourneyRow]


def first_board(folder: Path, today: date) -> FirstBoard | None:
    """Every offer's board cards in the data `folder`, or None when the full open must come
    first (no practice yet, an older schema, anything unreadable)."""
    early_check.begin(folder / DATABASE_NAME)  # the open takes its verdict
    snapshot = read_snapshot(folder / DATABASE_NAME)
    if snapshot is None:
        return None
    return FirstBoard(
        snapshot.practice_name,
        [OfferSummary(*offer) for offer in snapshot.offers],
        [journey_row(row, today) for row in snapshot.board],
    )


def data_folder_warning(folder: Path) -> str:
    """Why `folder` (a cloud-sync folder, a network drive) is a risky home for the data
    file, in plain words; "" when it is not."""
    return location_warning(folder)

"""Clients and journeys as a real spreadsheet (.xlsx): read back with openpyxl, every cell
is a string (no formula, number or date), each shown exactly as typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context
from deliverydesk.services.data.spreadsheet_export import export_workbook
from deliverydesk.services.data.xlsx_out import Sheet, xlsx_bytes
from tests.unit.timeline_support import TODAY, enrol, offer, practice

PHONE = "+49 170 5551234"
TRICKY = ["=1+1", "@SUM(A1:A9)", "-2+3", "0049 30 1234", "1/2", "12.10", "TRUE", "1e5"]


def cells(path: Path, sheet: str) -> list[list[tuple[object, str]]]:
    """(value, openpyxl's data type) of every cell of a sheet, row by row."""
    book = load_workbook(path)
    return [[(c.value, c.data_type) for c in row] for row in book[sheet].iter_rows()]


def test_every_cell_is_text_and_shows_as_typed(ctx: Context, tmp_path: Path) -> None:
    add_client(ctx, ClientInput("Ana Souza", company="=HYPERLINK(1)", phone=PHONE))
    for n, value in enumerate(TRICKY):
        add_client(ctx, ClientInput(f"Client {n}", company=value, phone=value, notes=value))
    path = tmp_path / "clients.xlsx"

    counts = export_workbook(ctx, path)

    assert counts.clients == 1 + len(TRICKY)
    rows = cells(path, "Clients")
    assert [v for v, _ in rows[0]] == ["Name", "Company", "E-mail", "Phone", "Notes"]
    assert rows[1][:4] == [
        ("Ana Souza", "s"),
        ("=HYPERLINK(1)", "s"),
        (None, "n"),  # an empty value leaves the cell empty
        (PHONE, "s"),
    ]
    assert [r[3][0] for r in rows[2:]] == TRICKY
    assert {kind for row in rows for value, kind in row if value is not None} == {"s"}


def test_journeys_have_their_own_sheet(ctx: Context, tmp_path: Path) -> None:
    practice(ctx)
    offer_id = offer(ctx)
    enrol(ctx, offer_id, "Zoë =Ko", TODAY, "zoe@example.com")
    add_client(ctx, ClientInput("Not enrolled yet"))
    path = tmp_path / "clients.xlsx"

    counts = export_workbook(ctx, path)

    assert (counts.clients, counts.journeys) == (2, 1)
    header, journey = cells(path, "Journeys")
    named = dict(zip((v for v, _ in header), (v for v, _ in journey), strict=True))
    assert named["Client"] == "Zoë =Ko"
    assert named["Status"] == "Active"
    assert named["Steps done"] == "0"  # a count, written as text too
    assert date.fromisoformat(named["Next step due"]) >= TODAY  # a date as text, not a date
    assert {kind for value, kind in journey if value is not None} == {"s"}


def test_characters_a_workbook_cannot_hold_are_dropped_not_refused(tmp_path: Path) -> None:
    # The client form refuses control characters; a value stored before it did is written.
    path = tmp_path / "old.xlsx"
    path.write_bytes(xlsx_bytes([Sheet("Notes", ["Notes"], [["ring\x07 twice\ttab\nline"]])]))
    assert cells(path, "Notes")[1] == [("ring twice\ttab\nline", "s")]

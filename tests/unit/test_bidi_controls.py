"""Bidi controls never reach a single-line name: not when saved, not in a calendar or a
spreadsheet, and an offer's name is one line that `--offer NAME` finds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import text

from deliverydesk.model.rules.text_rules import BIDI_CONTROLS, single_line
from deliverydesk.services.clients.client_csv import export_clients
from deliverydesk.services.clients.client_lookup import offers_named
from deliverydesk.services.clients.clients import ClientInput, add_client, update_client
from deliverydesk.services.context import Context
from deliverydesk.services.data.calendar_export import calendar_bytes
from deliverydesk.services.offers.offers import create_offer
from tests.unit.data_support import tables
from tests.unit.reports_support import OFFER, enrol, practice

SPOOF = "Ann \u202eexe.txt\u202c"  # shows as "Ann txt.exe" where controls are honoured


def stored_names(ctx: Context, table: str, column: int = 1) -> list[object]:
    return [row[column] for row in tables(ctx.path)[table]]


def test_every_control_is_removed_and_the_marks_stay() -> None:
    controls = "".join(sorted(BIDI_CONTROLS))
    assert [f"U+{ord(c):04X}" for c in controls] == [
        *(f"U+{c:04X}" for c in range(0x202A, 0x202F)),
        *(f"U+{c:04X}" for c in range(0x2066, 0x206A)),
    ]
    assert single_line(f"a{controls}b\u200e\u200fc") == "ab\u200e\u200fc"


def test_a_client_saved_through_the_service_keeps_no_control(ctx: Context) -> None:
    client_id = add_client(ctx, ClientInput(SPOOF, company="\u2066Acme\u2069")).value
    assert stored_names(ctx, "client") == ["Ann exe.txt"]
    assert stored_names(ctx, "client", 2) == ["Acme"]
    update_client(ctx, client_id, ClientInput("\u202dBo\u202c Chen"))
    assert stored_names(ctx, "client") == ["Bo Chen"]


def test_the_calendar_and_the_spreadsheet_show_no_control_even_from_old_rows(
    ctx: Context, tmp_path: Path
) -> None:
    practice(ctx)
    enrolled = enrol(ctx, "Ana Souza")
    with ctx.db.engine.begin() as connection:  # as a name saved before the rule was
        connection.execute(
            text("UPDATE client SET name = :n WHERE id = :i"), {"n": SPOOF, "i": enrolled.client_id}
        )
        connection.execute(text("UPDATE journey_step SET title = title || '\u2067x\u2069'"))

    ics = calendar_bytes(ctx)[0].decode("utf-8")
    assert "Ann exe.txt" in ics
    assert not BIDI_CONTROLS & set(ics)

    path = tmp_path / "clients.csv"
    for spreadsheet in (False, True):
        export_clients(ctx, path, spreadsheet=spreadsheet)
        written = path.read_bytes().decode("utf-8-sig")
        assert "Ann exe.txt" in written
        assert not BIDI_CONTROLS & set(written)


def test_an_offer_name_is_saved_on_one_line_and_found_by_it(ctx: Context) -> None:
    offer_id, _ = create_offer(ctx, replace(OFFER, name="Brand\n\u202eAudit\t"))
    assert stored_names(ctx, "offer") == ["Brand Audit"]
    assert [o.id for o in offers_named(ctx, "Brand Audit")] == [offer_id]
    with ctx.db.engine.begin() as connection:  # an offer saved before names were cleaned
        connection.execute(text("UPDATE offer SET name = 'Deep\r\nWork\x07'"))
    assert [o.id for o in offers_named(ctx, "deep work")] == [offer_id]


def test_an_old_activity_entry_is_worded_without_controls() -> None:
    from deliverydesk.model.rules.enums import ActivityKind
    from deliverydesk.wording import ENGLISH

    line = ENGLISH.activity_text(ActivityKind.STEP_COMPLETED, {"step": "Intake \u202eform"})
    assert "Intake form" in line
    assert not BIDI_CONTROLS & set(line)

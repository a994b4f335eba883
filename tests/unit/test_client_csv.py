"""Clients from spreadsheets: every row judged, nothing half imported, exports safe."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from deliverydesk.services.clients.client_csv import (
    MAX_FILE_BYTES,
    RowStatus,
    export_clients,
    import_clients,
    parse_clients,
    preview_clients,
)
from deliverydesk.services.clients.clients import ClientInput, add_client
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.data.csv_out import spreadsheet_safe
from deliverydesk.services.errors import InvalidInput
from tests.unit.data_support import tables

FIELDS = ("name", "company", "email", "phone", "notes")


def names(ctx: Context) -> list[str]:
    return [str(row[1]) for row in tables(ctx.path)["client"]]


def details(ctx: Context) -> list[tuple[object, ...]]:
    """(name, company, email, phone, notes) of every current client, in id order."""
    return [tuple(row[1:6]) for row in tables(ctx.path)["client"] if not row[7]]


def write(tmp_path: Path, content: str | bytes, name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- what spreadsheets write ---------------------------------------------------------------


def test_excel_csv_with_bom_crlf_semicolons_and_line_breaks_in_quotes() -> None:
    data = (
        "\ufeffName;E-mail;Company;Notes\r\n"
        '"García, Priya";priya@example.com;Lumen;"Met at the fair.\r\nWants the audit."\r\n'
        "Tom Okafor;tom@example.com;;\r\n"
    ).encode()
    preview = parse_clients(data)
    assert preview.delimiter == ";"
    assert [r.values.name for r in preview.rows] == ["García, Priya", "Tom Okafor"]
    assert preview.rows[0].values.notes == "Met at the fair.\r\nWants the audit."
    assert preview.rows[0].values.company == "Lumen"
    assert [r.number for r in preview.rows] == [2, 3]
    assert preview.can_import


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_any_common_separator_and_line_ending(delimiter: str, ending: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending)
    writer.writerows([["Name", "Phone"], ["Ana Lima", "+55 11 5555"], ["Bo, Jr.", "12;34"]])
    preview = parse_clients(out.getvalue().encode())
    assert [(r.values.name, r.values.phone) for r in preview.rows] == [
        ("Ana Lima", "+55 11 5555"),
        ("Bo, Jr.", "12;34"),
    ]


def test_row_numbers_are_those_a_spreadsheet_shows_even_after_a_line_break() -> None:
    data = b'Name,Notes\nAna,"two\nlines"\n\nBob,ok\nCy,\n'
    preview = parse_clients(data)
    assert [(r.number, r.values.name) for r in preview.rows] == [(2, "Ana"), (4, "Bob"), (5, "Cy")]


def test_first_and_last_name_columns_are_joined_and_unknown_columns_reported() -> None:
    preview = parse_clients(b"First name,Last name,Shoe size,email_address\nAna,Lima,38,a@b.co\n")
    assert preview.rows[0].values.name == "Ana Lima"
    assert preview.rows[0].values.email == "a@b.co"
    assert preview.ignored == ("Shoe size",)


def test_an_encoding_can_be_named_for_files_not_in_utf8() -> None:
    data = "Name\nJosé Müller\n".encode("cp1252")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        parse_clients(data)
    assert parse_clients(data, "cp1252").rows[0].values.name == "José Müller"


# -- problems, named by row ----------------------------------------------------------------


def test_each_bad_row_gets_its_number_and_reason() -> None:
    data = (
        b"Name,E-mail\n"
        b"Ana,ana@example.com\n"
        b",nobody@example.com\n"
        b"Bob,not an address\n"
        b"Cy\x00,cy@example.com\n"
        b"Di,di@example.com,surprise\n"
    )
    preview = parse_clients(data)
    problems = {r.number: r.reason for r in preview.problems()}
    assert set(problems) == {3, 4, 5, 6}
    assert "name" in problems[3]
    assert "e-mail" in problems[4]
    assert "NUL" in problems[5]
    assert "2 columns" in problems[6]
    assert not preview.can_import


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\r\n", "empty"),
        (b"Phone,E-mail\n123,a@b.co\n", "column for the client's name"),
        (b'Name\n"Ana\nBob\n', "quotes do not pair up"),
        (b'Name\n"Ana"x\n', "quotes do not pair up"),
        (b"Name\n\xff\xfe\n", "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(data: bytes, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        parse_clients(data)


def test_an_oversized_file_is_refused_before_it_is_read(ctx: Context, tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # sparse: 200 MB that take no room
        handle.truncate(200 * 1024 * 1024)
    assert huge.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(InvalidInput, match="at most 10 MB"):
        preview_clients(ctx, huge)
    with pytest.raises(InvalidInput, match="at most 10 MB"):
        import_clients(ctx, huge)


# -- duplicates ----------------------------------------------------------------------------


def test_duplicates_by_folded_name_and_email_are_skipped(ctx: Context, tmp_path: Path) -> None:
    add_client(ctx, ClientInput("Priya García", email="priya@example.com"))
    add_client(ctx, ClientInput("Sam Lee"))
    path = write(
        tmp_path,
        "Name,E-mail\n"
        "PRIYA  GARCIA,\n"  # same name, nothing to tell apart
        "P. García,Priya@Example.com\n"  # same e-mail
        "Sam Lee,sam@other.org\n"  # the existing Sam has no e-mail: cannot tell apart
        "Priya García,priya@another.org\n"  # a namesake with another address
        "Noor Haddad,noor@example.com\n"
        "noor haddad,\n",  # repeats the row above
    )
    preview = preview_clients(ctx, path)
    statuses = [(r.number, r.status) for r in preview.rows]
    assert statuses == [
        (2, RowStatus.DUPLICATE),
        (3, RowStatus.DUPLICATE),
        (4, RowStatus.DUPLICATE),
        (5, RowStatus.NEW),
        (6, RowStatus.NEW),
        (7, RowStatus.DUPLICATE),
    ]
    assert "Priya García, already a client" in preview.rows[0].reason
    assert "row 6" in preview.rows[5].reason
    assert "same name" in preview.rows[3].reason

    result = import_clients(ctx, path)
    assert len(result.value.client_ids) == 2
    assert names(ctx)[-2:] == ["Priya García", "Noor Haddad"]


# -- the import ----------------------------------------------------------------------------


def test_one_bad_row_in_a_thousand_imports_nothing_and_names_the_row(
    ctx: Context, tmp_path: Path
) -> None:
    lines = ["Name,E-mail"] + [f"Client {n},c{n}@example.com" for n in range(1, 1001)]
    lines[500] = "Client 500,not-an-email"
    path = write(tmp_path, "\n".join(lines))
    before = tables(ctx.path)
    with pytest.raises(InvalidInput, match="row 501") as refused:
        import_clients(ctx, path)
    assert "nothing was" in str(refused.value)
    assert tables(ctx.path) == before
    assert backups.list_backups(ctx.path.parent) == []  # refused before anything


def test_an_import_adds_every_new_client_at_once_after_a_backup(
    ctx: Context, tmp_path: Path
) -> None:
    add_client(ctx, ClientInput("Already Here"))
    path = write(tmp_path, "Name,Company\nAna Lima,Lumen\nBo Chen,\nAlready Here,\n")
    result = import_clients(ctx, path)
    assert result.value.preview.new == 2
    assert result.changes.clients == frozenset(result.value.client_ids)
    assert names(ctx) == ["Already Here", "Ana Lima", "Bo Chen"]
    backup = result.value.backup
    assert backup is not None and backup.label == "before-import" and backup.clients == 1

    again = import_clients(ctx, path)  # the same file twice adds no one twice
    assert again.value.client_ids == ()
    assert not again.changes
    assert names(ctx) == ["Already Here", "Ana Lima", "Bo Chen"]


# -- exports -------------------------------------------------------------------------------

DANGEROUS = ["=1+1", "+SUM(A1)", "-2", "@x"]


def test_the_raw_export_round_trips_and_the_spreadsheet_one_defuses_formulas(
    ctx: Context, tmp_path: Path
) -> None:
    for n, value in enumerate(DANGEROUS):
        add_client(ctx, ClientInput(value, company=value, notes=f"note {n}"))
    add_client(ctx, ClientInput("Tab Notes", notes="\tx"))
    add_client(ctx, ClientInput("CR Notes", phone="+44 20 7946 0000", notes="\rx"))
    add_client(ctx, ClientInput("Émile «Quotes»", notes='He said "hi",\r\nthen left; ok'))
    raw, safe = tmp_path / "raw.csv", tmp_path / "safe.csv"
    old = os.umask(0o022)
    try:
        assert export_clients(ctx, raw) == 7
        assert export_clients(ctx, safe, spreadsheet=True) == 7
    finally:
        os.umask(old)
    assert oct(raw.stat().st_mode & 0o777) == oct(0o600)

    safe_rows = list(csv.reader(io.StringIO(safe.read_bytes().decode("utf-8-sig"), newline="")))
    assert safe.read_bytes().startswith(b"\xef\xbb\xbf")
    cells = [cell for row in safe_rows[1:] for cell in row]
    for value in [*DANGEROUS, "\tx", "\rx", "+44 20 7946 0000"]:
        assert "'" + value in cells
        assert value not in cells
    raw_rows = list(csv.reader(io.StringIO(raw.read_text("utf-8"), newline="")))
    assert [row[0] for row in raw_rows[1:5]] == DANGEROUS

    exported = details(ctx)
    fresh = tmp_path / "fresh"
    from deliverydesk.model.rules.clock import FixedClock
    from deliverydesk.paths import data_dir
    from deliverydesk.services.context import open_workspace
    from tests.conftest import TODAY

    other = open_workspace(data_dir(fresh), FixedClock(TODAY))
    try:
        import_clients(other, raw)
        assert details(other) == exported
    finally:
        other.close()


def test_spreadsheet_safe_leaves_ordinary_text_alone() -> None:
    assert spreadsheet_safe("Ana") == "Ana"
    assert spreadsheet_safe("a=b") == "a=b"
    assert spreadsheet_safe("") == ""
    assert spreadsheet_safe("=HYPERLINK()") == "'=HYPERLINK()"


# -- fuzzing -------------------------------------------------------------------------------

# Mostly what people type (letters, digits, spaces, punctuation, quotes and separators
# included), sometimes anything at all: control characters, NUL, zero-width spaces.
typed = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")),
    max_size=12,
)
anything = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(['"', ",", ";", "\t", "\r", "\n", "@", "=", " ", "\x00", "\u200b"]),
    max_size=12,
)
cells = st.one_of(typed, typed, typed, typed, typed, typed, anything)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_preview_or_a_reason(data: bytes) -> None:
    try:
        preview = parse_clients(data)
    except InvalidInput as error:
        assert str(error)
        return
    for row in preview.rows:
        assert row.number >= 2
        assert (row.status is RowStatus.ERROR) == bool(row.reason) or row.status is RowStatus.NEW


COLUMNS = {
    "Name": st.one_of(*[typed.filter(str.strip)] * 6, anything),
    "E-mail": st.one_of(st.just(""), st.emails(), st.emails(), anything),
    "Company": cells,
    "Phone": cells,
    "Notes": cells,
    "Other": cells,
}


NAMED_HEADER = st.lists(st.sampled_from(list(COLUMNS)[1:]), max_size=5, unique=True).map(
    lambda rest: ["Name", *rest]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    header=st.one_of(
        *[NAMED_HEADER] * 6,
        st.lists(st.sampled_from(list(COLUMNS)), min_size=1, max_size=6),
    ),
    data=st.data(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    ending=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_an_import_is_whole_or_nothing_whatever_the_file(
    ctx: Context,
    tmp_path: Path,
    header: list[str],
    data: st.DataObject,
    delimiter: str,
    ending: str,
    bom: bool,
) -> None:
    row = st.tuples(*(COLUMNS[column] for column in header)).map(list)
    odd = st.lists(cells, max_size=7)  # a row of another width
    rows = data.draw(st.lists(st.one_of(*[row] * 8, odd), min_size=1, max_size=6), label="rows")
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows([header, *rows])
    path = write(tmp_path, ("\ufeff" if bom else "") + out.getvalue(), "fuzz.csv")
    with ctx.transaction() as session:  # each example starts from a practice of one client
        session.execute(text("DELETE FROM client"))
    add_client(ctx, ClientInput("Already Here", email="here@example.com"))
    shutil.rmtree(ctx.path.parent / "backups", ignore_errors=True)
    before = tables(ctx.path)["client"]
    try:
        preview = preview_clients(ctx, path)
    except InvalidInput:
        preview = None
    try:
        result = import_clients(ctx, path)
    except InvalidInput:
        event("refused")
        assert preview is None or preview.errors > 0
        assert tables(ctx.path)["client"] == before  # nothing, not a part
        return
    event(f"imported {'some' if result.value.client_ids else 'none'}")
    assert preview is not None and preview.errors == 0
    added = tables(ctx.path)["client"][len(before) :]
    assert len(added) == preview.new == len(result.value.client_ids)
    assert [row[1] for row in added] == [
        r.values.name for r in preview.rows if r.status is RowStatus.NEW
    ]

"""Clients from and to CSV files: a previewed, all-or-nothing import and two exports.

Import reads what spreadsheets write: UTF-8 with or without Excel's byte-order mark, CRLF
or LF line ends, quoted values holding line breaks, and "," ";" or tab between values
(whichever the header line uses). Every row is checked by the same rules as a client
typed in the window; the preview gives each row a status and, for a problem, the
spreadsheet row number and the reason. Rows naming someone already a client (same
e-mail, or same name with nothing to tell them apart) are duplicates and skipped. The
import refuses while any row has a problem, and otherwise adds every new client in one
transaction, after a backup. A file too large is refused before it is read.

Export: raw (the importer reads it back to the same clients) or for spreadsheets, every
value quoted and any that could run as a formula defused (services/data/csv_out.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from deliverydesk.model.entities import Client
from deliverydesk.model.rules.text_rules import without_bidi_controls
from deliverydesk.services.changes import Aspect, Changes, Result
from deliverydesk.services.clients.client_lookup import fold
from deliverydesk.services.clients.clients import ClientInput, clean_client
from deliverydesk.services.context import Context
from deliverydesk.services.data import backups
from deliverydesk.services.data.csv_out import csv_bytes
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.validation import refuse_database_file
from deliverydesk.wording import Listed, More, Note, Phrase, RefusalCode, Term

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
FIELDS = ("name", "company", "email", "phone", "notes")
HEADERS = ("Name", "Company", "E-mail", "Phone", "Notes")  # what export writes
# Header words (folded, "_" read as a space) for each field; first/last name are joined.
CLIENT_ALIASES = {
    "name": {"name", "full name", "client", "client name", "contact", "contact name"},
    "first": {"first name", "firstname", "given name", "first"},
    "last": {"last name", "lastname", "surname", "family name", "last"},
    "company": {"company", "company name", "organisation", "organization", "business"},
    "email": {"email", "e-mail", "email address", "e-mail address", "mail"},
    "phone": {"phone", "phone number", "telephone", "tel", "mobile"},
    "notes": {"notes", "note", "comments", "comment"},
}
_DELIMITERS = (",", ";", "\t")


class RowStatus(StrEnum):
    NEW = "new"  # will be added
    DUPLICATE = "duplicate"  # already a client, or repeats an earlier row: skipped
    ERROR = "error"  # must be fixed before anything is imported


@dataclass(frozen=True, slots=True)
class CsvRow:
    number: int  # the row in a spreadsheet: the header is row 1
    values: ClientInput  # as read (cleaned when the row is sound)
    status: RowStatus
    why: Note | None = None  # why it is a duplicate or an error; a note for a namesake

    @property
    def reason(self) -> str:
        """`why` in English ("" when there is nothing to say); the window words `why`."""
        return "" if self.why is None else str(self.why)


@dataclass(frozen=True)
class CsvPreview:
    rows: tuple[CsvRow, ...]
    columns: dict[str, str] = field(default_factory=dict)  # header -> field it fills
    ignored: tuple[str, ...] = ()  # headers not imported
    delimiter: str = ","

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def new(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def duplicates(self) -> int:
        return self.count(RowStatus.DUPLICATE)

    @property
    def errors(self) -> int:
        return self.count(RowStatus.ERROR)

    @property
    def can_import(self) -> bool:
        return self.errors == 0 and self.new > 0

    def problems(self) -> list[CsvRow]:
        return [row for row in self.rows if row.status is RowStatus.ERROR]


@dataclass(frozen=True)
class CsvImport:
    preview: CsvPreview
    client_ids: tuple[int, ...]  # the clients added, in file order
    backup: backups.BackupInfo | None  # taken just before


# -- reading -----------------------------------------------------------------------------------


def read_csv_file(path: Path) -> bytes:
    """The file's bytes; refused before reading when it is too large to be a client list."""
    refuse_database_file(path)
    try:
        if path.is_dir():
            raise InvalidInput(RefusalCode.PATH_IS_FOLDER_NOT_CSV, path=path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                RefusalCode.CLIENT_LIST_FILE_TOO_LARGE,
                file=path.name,
                size_mb=size / 1_048_576,
                limit_mb=MAX_FILE_BYTES // 1_048_576,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(RefusalCode.NO_FILE_AT, path=path) from None
    except OSError as error:
        raise InvalidInput(
            RefusalCode.CANNOT_READ_FILE, path=path, reason=error.strerror or error
        ) from None


def parse_clients(data: bytes, encoding: str = "utf-8") -> CsvPreview:
    """Every row checked on its own (no duplicates yet: see preview_clients)."""
    table = read_table(data, encoding)
    rows = [client_row(number, cells, table.columns, table.width) for number, cells in table.rows]
    return CsvPreview(tuple(rows), table.named(), table.ignored, table.delimiter)


@dataclass(frozen=True)
class CsvTable:
    """A file's header mapped to fields, and its rows that hold anything."""

    header: tuple[str, ...]
    columns: dict[str, list[int]]  # field -> its column
    ignored: tuple[str, ...]  # headers not imported
    delimiter: str
    rows: tuple[tuple[int, list[str]], ...]  # (spreadsheet row number, values)

    @property
    def width(self) -> int:
        return len(self.header)

    def named(self) -> dict[str, str]:
        return {
            self.header[i].strip(): f for f, positions in self.columns.items() for i in positions
        }


def read_table(
    data: bytes, encoding: str = "utf-8", aliases: dict[str, set[str]] | None = None
) -> CsvTable:
    """Decode, find the separator, map the header by `aliases` (the client fields when
    None; a name column is always needed) and read every row that holds anything."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(RefusalCode.CLIENT_LIST_TOO_LARGE, limit_mb=MAX_FILE_BYTES // 1_048_576)
    text = _decode(data, encoding)
    if not text.strip():
        raise InvalidInput(RefusalCode.CSV_EMPTY)
    delimiter = _delimiter(text)
    records = _records(text, delimiter)
    _first, header = next(records, (1, []))
    if not any(cell.strip() for cell in header):
        raise InvalidInput(RefusalCode.CSV_HEADER_MISSING)
    columns, ignored = _map_header(header, aliases or CLIENT_ALIASES)
    rows: list[tuple[int, list[str]]] = []
    for number, cells in records:
        if len(rows) >= MAX_ROWS:
            raise InvalidInput(RefusalCode.CSV_TOO_MANY_ROWS, limit=MAX_ROWS)
        if any(cell.strip() for cell in cells):  # blank lines between or after the rows
            rows.append((number, cells))
    return CsvTable(tuple(header), columns, tuple(ignored), delimiter, tuple(rows))


def _decode(data: bytes, encoding: str) -> str:
    try:
        text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except LookupError:
        raise InvalidInput(RefusalCode.UNKNOWN_ENCODING, encoding=encoding) from None
    except UnicodeDecodeError as error:
        raise InvalidInput(
            RefusalCode.CSV_WRONG_ENCODING, encoding=encoding.upper(), byte=error.start
        ) from None
    return text


def _delimiter(text: str) -> str:
    """The separator the header line uses most (outside quotes); a comma if none."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row number, values) for each record; the header is row 1."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InvalidInput(
                RefusalCode.CSV_ROW_UNREADABLE,
                row=number + 1,
                line_num=reader.line_num,
                reason=_csv_words(error),
            ) from None
        number += 1
        yield number, cells


def _csv_words(error: csv.Error) -> object:
    text = str(error)
    if "field larger" in text:
        return Phrase("a value is longer than {limit:,} characters.", limit=csv.field_size_limit())
    if "end of data" in text or "expected after" in text:
        return Term('its quotes do not pair up (a value starts with " but does not end with one).')
    return f"{text}."


def _map_header(
    header: Sequence[str], aliases: dict[str, set[str]]
) -> tuple[dict[str, list[int]], list[str]]:
    columns: dict[str, list[int]] = {}
    ignored: list[str] = []
    for position, title in enumerate(header):
        word = " ".join(fold(title).replace("_", " ").split())
        found = next((f for f, words in aliases.items() if word in words), None)
        if found is None or found in columns:
            if title.strip():
                ignored.append(title.strip())
            continue
        columns[found] = [position]
    if "name" not in columns and not ({"first", "last"} & set(columns)):
        raise InvalidInput(RefusalCode.CSV_NAME_COLUMN_MISSING)
    return columns, ignored


def client_row(number: int, cells: list[str], columns: dict[str, list[int]], width: int) -> CsvRow:
    """A row's client, checked by the rules of a client typed in the window."""

    def cell(name: str) -> str:
        positions = columns.get(name, [])
        return cells[positions[0]] if positions and positions[0] < len(cells) else ""

    name = cell("name")
    if "name" not in columns:
        name = " ".join(part.strip() for part in (cell("first"), cell("last")) if part.strip())
    values = ClientInput(name, cell("company"), cell("email"), cell("phone"), cell("notes"))
    if any(c.strip() for c in cells[width:]):
        why = Note(RefusalCode.CSV_ROW_TOO_MANY_VALUES, count=len(cells), width=width)
        return CsvRow(number, values, RowStatus.ERROR, why)
    try:
        return CsvRow(number, clean_client(values), RowStatus.NEW)
    except InvalidInput as error:
        return CsvRow(number, values, RowStatus.ERROR, Note.of(error))


# -- duplicates, preview and import ------------------------------------------------------------


def preview_clients(ctx: Context, path: Path, encoding: str = "utf-8") -> CsvPreview:
    """The file checked row by row, duplicates marked against the current clients."""
    parsed = parse_clients(read_csv_file(path), encoding)
    with ctx.db.engine.connect() as connection:
        existing = connection.execute(
            select(Client.name, Client.email).where(Client.archived.is_(False))
        ).all()
    return mark_duplicates(parsed, [(name, email) for name, email in existing])


def mark_duplicates(parsed: CsvPreview, existing: Sequence[tuple[str, str]]) -> CsvPreview:
    """Rows whose client is already known (in the practice, or earlier in the file)."""
    by_email: dict[str, Phrase] = {}
    by_name: dict[str, list[tuple[Phrase, str]]] = {}  # folded name -> (who, e-mail)

    def remember(name: str, email: str, who: Phrase) -> None:
        if email:
            by_email.setdefault(fold(email), who)
        by_name.setdefault(fold(name), []).append((who, fold(email)))

    for name, email in existing:
        remember(name, email, Phrase("{name}, already a client", name=name))
    rows = []
    for row in parsed.rows:
        if row.status is not RowStatus.NEW:
            rows.append(row)
            continue
        name, email = row.values.name, fold(row.values.email)
        if email and email in by_email:
            why = Note(RefusalCode.CSV_SAME_EMAIL_AS, who=by_email[email])
            rows.append(replace(row, status=RowStatus.DUPLICATE, why=why))
            continue
        namesakes = by_name.get(fold(name), [])
        alike = next((who for who, other in namesakes if not email or not other), None)
        if alike is not None:
            why = Note(RefusalCode.CSV_SAME_NAME_AS, who=alike)
            rows.append(replace(row, status=RowStatus.DUPLICATE, why=why))
            continue
        note = Note(RefusalCode.CSV_NAMESAKE_ADDED) if namesakes else None
        rows.append(replace(row, why=note))
        remember(name, row.values.email, Phrase("row {row}", row=row.number))
    return replace(parsed, rows=tuple(rows))


def refuse_problems(preview: CsvPreview, path: Path) -> None:
    """Raise InvalidInput naming the first rows with a problem and why, if there are any:
    a CSV import is all or nothing."""
    problems = preview.problems()
    if problems:
        listed = Listed(
            Phrase("row {row}: {reason}", row=r.number, reason=r.why) for r in problems[:3]
        )
        more = More(max(len(problems) - 3, 0))
        raise InvalidInput(
            RefusalCode.CSV_ROWS_REFUSED,
            count=len(problems),
            file=path.name,
            listed=listed,
            more=more,
        )


def import_clients(ctx: Context, path: Path, encoding: str = "utf-8") -> Result[CsvImport]:
    """Add every new client of the file in one transaction, after a backup.

    Raises InvalidInput, changing nothing, while any row has a problem (the message names
    the first rows and why). A file of nothing but duplicates imports nothing.
    """
    parsed = parse_clients(read_csv_file(path), encoding)
    refuse_problems(parsed, path)
    if not parsed.rows:
        return Result(CsvImport(parsed, (), None), Changes())
    backup = backups.back_up(ctx, backups.BEFORE_IMPORT)
    with ctx.transaction() as session:
        existing = session.execute(
            select(Client.name, Client.email).where(Client.archived.is_(False))
        ).all()
        preview = mark_duplicates(parsed, [(n, e) for n, e in existing])
        added = [
            Client(
                name=row.values.name,
                company=row.values.company,
                email=row.values.email,
                phone=row.values.phone,
                notes=row.values.notes,
                right_fit={},
                created_at=ctx.clock.now(),
            )
            for row in preview.rows
            if row.status is RowStatus.NEW
        ]
        session.add_all(added)
        session.flush()
        ids = tuple(client.id for client in added)
    changes = Changes(clients=frozenset(ids), aspects=Aspect.CLIENT) if ids else Changes()
    return Result(CsvImport(preview, ids, backup), changes)


# -- export ------------------------------------------------------------------------------------


def export_clients(ctx: Context, path: Path, *, spreadsheet: bool = False) -> int:
    """Write the current clients to `path`; the number written.

    `spreadsheet` makes the file safe to open in Excel, LibreOffice or Sheets (every value
    quoted, formulas defused, a byte-order mark so accents survive); the raw file
    round-trips.
    """
    shown = client_table(ctx)
    write_atomically(path, csv_bytes(HEADERS, shown, spreadsheet=spreadsheet))
    return len(shown)


def client_table(ctx: Context) -> list[tuple[str, ...]]:
    """The current clients' values in the order of HEADERS, as every export writes them."""
    with ctx.db.engine.connect() as connection:
        rows = connection.execute(
            select(Client.name, Client.company, Client.email, Client.phone, Client.notes)
            .where(Client.archived.is_(False))
            .order_by(Client.id)
        ).all()
    # Single-line values shown without bidi controls, even one stored before they were
    # dropped on save; the notes are kept as written.
    return [(*(without_bidi_controls(v) for v in row[:4]), row[4]) for row in rows]

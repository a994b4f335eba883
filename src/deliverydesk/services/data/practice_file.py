"""The whole practice as one versioned JSON file, and back into an empty practice.

The file holds every table as columns and rows exactly as the database stores them (ids,
dates as ISO text, yes/no as 1/0; JSON columns as JSON), so an export imported into an
empty practice gives the same records, ids included. It names the schema it was written
at: an older file is loaded into a scratch database at that schema and upgraded there,
then everything moves into the practice in one transaction (store/transfer.py), so a
file that cannot be used changes nothing.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from deliverydesk import __version__
from deliverydesk.model.rules.clock import Clock
from deliverydesk.progress import Tracker
from deliverydesk.services.changes import Changes, Result
from deliverydesk.services.context import Context, open_workspace
from deliverydesk.services.data.backups import Restored, restore_in_place
from deliverydesk.services.data.practice_values import Rule, ValueRules, offer_refusal
from deliverydesk.services.errors import DatabaseError, InvalidInput
from deliverydesk.services.offers.offer_file import write_atomically
from deliverydesk.services.validation import refuse_database_file
from deliverydesk.staging import staging
from deliverydesk.store import migrate
from deliverydesk.store.engine import create_db_engine
from deliverydesk.store.schema import read_revision
from deliverydesk.store.transfer import copy_into_empty
from deliverydesk.wording import Phrase, RefusalCode

FORMAT = "deliverydesk-practice"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024
SUFFIX = ".json"
_BYTES = "$base64"  # a BLOB value (none today), kept exact as {"$base64": "..."}


@dataclass(frozen=True, slots=True)
class PracticeFileSummary:
    path: Path
    schema: str
    rows: dict[str, int]  # table -> records

    @property
    def clients(self) -> int:
        return self.rows.get("client", 0)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


# -- export ------------------------------------------------------------------------------------


def export_practice(ctx: Context, path: Path) -> PracticeFileSummary:
    """Write the whole practice to `path` (0600, atomically); what was written."""
    with ctx.db.engine.connect() as connection, connection.begin():  # one consistent read
        driver: Any = connection.connection.driver_connection
        schema = read_revision(connection) or ""
        tables = {name: _read_table(driver, name) for name in _tables(driver)}
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": schema,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": tables,
    }
    write_atomically(path, "".join(_serialise(document)).encode("utf-8"))
    return PracticeFileSummary(path, schema, {t: len(v["rows"]) for t, v in tables.items()})


def _tables(driver: sqlite3.Connection) -> list[str]:
    return [
        name
        for (name,) in driver.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
        )
    ]


def _columns(driver: sqlite3.Connection, table: str) -> dict[str, bool]:
    """Column name -> declared JSON (held as parsed JSON in the file)."""
    return {
        row[1]: str(row[2]).upper() == "JSON"
        for row in driver.execute(f'PRAGMA main.table_info("{table}")')
    }


def _read_table(driver: sqlite3.Connection, table: str) -> dict[str, Any]:
    columns = _columns(driver, table)
    names = ", ".join(f'"{c}"' for c in columns)
    json_at = [is_json for is_json in columns.values()]
    rows = [
        [_out(value, json_at[i]) for i, value in enumerate(row)]
        for row in driver.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid')
    ]
    return {"columns": list(columns), "rows": rows}


def _out(value: Any, is_json: bool) -> Any:
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    if is_json and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value  # not JSON after all: kept as the text it is
    return value


def _serialise(document: dict[str, Any]) -> Iterator[str]:
    """JSON with one record per line: readable, and a diff shows which records changed."""
    dump = json.dumps
    yield "{\n"
    for key, value in document.items():
        if key != "tables":
            yield f" {dump(key)}: {dump(value, ensure_ascii=False)},\n"
    yield ' "tables": {'
    for t, (table, content) in enumerate(document["tables"].items()):
        yield ("," if t else "") + f'\n  {dump(table)}: {{"columns": {dump(content["columns"])},'
        yield ' "rows": ['
        for r, row in enumerate(content["rows"]):
            yield ("," if r else "") + "\n   " + dump(row, ensure_ascii=False, allow_nan=False)
        yield "]}"
    yield "\n }\n}\n"


# -- import ------------------------------------------------------------------------------------


def read_practice_file(path: Path) -> dict[str, Any]:
    """The parsed file, checked for its shape; InvalidInput says what is wrong with it."""
    refuse_database_file(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput(RefusalCode.NO_FILE_AT, path=path) from None
    except OSError as error:
        raise InvalidInput(
            RefusalCode.CANNOT_READ_FILE, path=path, reason=error.strerror or error
        ) from None
    if path.is_dir():
        raise InvalidInput(RefusalCode.PATH_IS_FOLDER_NOT_PRACTICE_FILE, path=path)
    if size > MAX_FILE_BYTES:
        raise InvalidInput(
            RefusalCode.PRACTICE_FILE_TOO_LARGE, limit_mb=MAX_FILE_BYTES // 1_048_576
        )
    try:
        document = json.loads(path.read_bytes())
    except OSError as error:
        raise InvalidInput(
            RefusalCode.CANNOT_READ_FILE, path=path, reason=error.strerror or error
        ) from None
    except (ValueError, RecursionError):
        raise InvalidInput(RefusalCode.PRACTICE_FILE_NOT_JSON, file=path.name) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidInput(RefusalCode.NOT_A_PRACTICE_FILE, file=path.name)
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidInput(RefusalCode.PRACTICE_FILE_NO_VERSION, file=path.name)
    if version > FORMAT_VERSION:
        raise InvalidInput(RefusalCode.PRACTICE_FILE_TOO_NEW, file=path.name)
    schema, tables = document.get("schema"), document.get("tables")
    if not isinstance(schema, str) or not isinstance(tables, dict):
        raise InvalidInput(RefusalCode.PRACTICE_FILE_NO_TABLES, file=path.name)
    if schema not in migrate.known_revisions():
        raise InvalidInput(RefusalCode.PRACTICE_FILE_SCHEMA_TOO_NEW, file=path.name, schema=schema)
    return document


def import_practice(
    ctx: Context, path: Path, tracker: Tracker | None = None
) -> Result[PracticeFileSummary]:
    """Load a practice file into this empty practice, all or nothing; ids are kept.

    Raises InvalidInput, changing nothing, when the practice already holds records or the
    file cannot be used (the message says why).
    """
    tracker = tracker or Tracker()
    document = read_practice_file(path)
    _refuse_unless_empty(ctx)
    with staging(ctx.path.parent, "import") as folder:  # swept at start if killed
        scratch = folder / "practice.sqlite3"
        engine = create_db_engine(scratch)
        try:
            migrate.upgrade(engine, document["schema"])
            with engine.connect() as connection:
                driver: Any = connection.connection.driver_connection
                rules = ValueRules(ctx.clock.today())
                rows = _load(driver, document["tables"], path.name, tracker.step, rules)
            migrate.upgrade(engine)  # a file from an older DeliveryDesk comes up to date here
            refusal = offer_refusal(engine, _ids(document["tables"].get("offer")))
            if refusal:
                raise InvalidInput(
                    RefusalCode.PRACTICE_FILE_REFUSED, file=path.name, reason=refusal
                )
        except DatabaseError as error:
            raise InvalidInput(
                RefusalCode.PRACTICE_FILE_NOT_IMPORTED, file=path.name, reason=error
            ) from error
        finally:
            engine.dispose()
        tracker.step(99, 100)  # the last moment to stop: the move below is all or nothing
        try:
            copy_into_empty(ctx.db.engine, scratch)
        except DatabaseError as error:
            raise InvalidInput(RefusalCode.SAME_AS_CAUSE, reason=error) from error
    tracker.report(100, 100)
    return Result(PracticeFileSummary(path, document["schema"], rows), Changes.all())


def replace_practice(ctx: Context, path: Path) -> Result[Restored]:
    """Put the practice in the file at `path` in place of the open one, which is kept as a
    backup (the value's `kept`: restoring it undoes this). A file that cannot be used
    raises InvalidInput and changes nothing. Two steps, which the window takes apart (the
    first on the job pool, the second on its own thread): build, then swap in."""
    with staging(ctx.path.parent, "import") as scratch:  # swept at start if killed
        return restore_in_place(ctx, build_database(path, scratch, ctx.clock))


def build_database(path: Path, folder: Path, clock: Clock) -> Path:
    """A new database in the empty `folder` holding the practice file at `path`: what
    replace_practice restores in place of the open practice."""
    ctx = open_workspace(folder, clock)
    try:
        import_practice(ctx, path)
    finally:
        ctx.close()  # folds the log in: one self-contained file
    return ctx.path


def _refuse_unless_empty(ctx: Context) -> None:
    with ctx.db.engine.connect() as connection:
        driver: Any = connection.connection.driver_connection
        for table in _tables(driver):
            if driver.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]:
                raise InvalidInput(RefusalCode.PRACTICE_FILE_NEEDS_EMPTY_FOLDER)


def _load(
    driver: sqlite3.Connection,
    tables: dict[str, Any],
    name: str,
    step: Callable[[int, int], None],
    rules: ValueRules,
) -> dict[str, int]:
    """Insert the file's rows into the scratch database in one transaction."""
    known = set(_tables(driver))
    counts: dict[str, int] = {}
    driver.execute("BEGIN IMMEDIATE")
    try:
        driver.execute("PRAGMA defer_foreign_keys = ON")  # links are checked at the end
        for done, (table, content) in enumerate(tables.items()):
            step(done * 95 // max(1, len(tables)), 100)
            if table not in known:
                raise InvalidInput(RefusalCode.PRACTICE_FILE_UNKNOWN_TABLE, name=name, table=table)
            counts[table] = _load_table(driver, table, content, name, rules)
        broken = driver.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise InvalidInput(
                RefusalCode.PRACTICE_FILE_BROKEN_LINKS,
                name=name,
                count=len(broken),
                table=broken[0][0],
            )
        driver.execute("COMMIT")
    except BaseException:
        driver.execute("ROLLBACK")
        raise
    return counts


def _load_table(
    driver: sqlite3.Connection, table: str, content: Any, name: str, rules: ValueRules
) -> int:
    if not isinstance(content, dict):
        raise InvalidInput(RefusalCode.PRACTICE_FILE_TABLE_NOT_RECORDS, name=name, table=table)
    columns, rows = content.get("columns"), content.get("rows")
    declared = _columns(driver, table)
    if (
        not isinstance(columns, list)
        or not isinstance(rows, list)
        or not all(isinstance(c, str) for c in columns)
        or len(set(columns)) != len(columns)
    ):
        raise InvalidInput(RefusalCode.PRACTICE_FILE_TABLE_NOT_RECORDS, name=name, table=table)
    unknown = [c for c in columns if c not in declared]
    if unknown:
        raise InvalidInput(
            RefusalCode.PRACTICE_FILE_UNKNOWN_COLUMN, name=name, table=table, column=unknown[0]
        )
    json_at = [declared[c] for c in columns]
    checks = rules.for_table(table, columns)
    insert = (
        f'INSERT INTO "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) '
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    for number, row in enumerate(rows, start=1):
        where = Phrase(
            "{file} is damaged: record {number} of '{table}'", file=name, number=number, table=table
        )
        if not isinstance(row, list) or len(row) != len(columns):
            raise InvalidInput(
                RefusalCode.PRACTICE_FILE_VALUE_COUNT, where=where, count=len(columns)
            )
        try:
            checked = [check(value) for check, value in zip(checks, row, strict=True)]
        except InvalidInput:
            raise _refusal(checks, row, columns, f"{table}[{number - 1}]", name) from None
        values = [_in(value, json_at[i], where) for i, value in enumerate(checked)]
        try:
            driver.execute(insert, values)
        except sqlite3.Error as error:  # a missing value, a broken rule, a repeated id
            raise InvalidInput(
                RefusalCode.PRACTICE_FILE_VALUE_UNSTORABLE, where=where, reason=error
            ) from None
    return len(rows)


def _ids(content: dict[str, Any] | None) -> list[int]:
    """The ids of a table's records, in the file's order (the file was checked already)."""
    if not content:
        return []
    at = content["columns"].index("id") if "id" in content["columns"] else None
    return [] if at is None else [row[at] for row in content["rows"]]


def _refusal(
    checks: list[Rule], row: list[Any], columns: list[str], record: str, name: str
) -> InvalidInput:
    """Which value of a refused record is bad, and why, naming its path in the file."""
    for check, value, column in zip(checks, row, columns, strict=True):
        try:
            check(value)
        except InvalidInput as error:
            return InvalidInput(
                RefusalCode.PRACTICE_FILE_VALUE_UNSOUND,
                name=name,
                record=record,
                column=column,
                reason=error,
            )
    return InvalidInput(RefusalCode.PRACTICE_FILE_RECORD_UNSOUND, name=name, record=record)


def _in(value: Any, is_json: bool, where: Phrase) -> Any:
    if is_json:
        return json.dumps(value)  # as SQLAlchemy's JSON type writes it
    if value is None or isinstance(value, str | int | float):
        if isinstance(value, str) and not _encodable(value):
            raise InvalidInput(RefusalCode.PRACTICE_FILE_TEXT_UNSAVABLE, where=where)
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise InvalidInput(RefusalCode.PRACTICE_FILE_NUMBER_TOO_LARGE, where=where)
        return value
    if isinstance(value, dict) and set(value) == {_BYTES} and isinstance(value[_BYTES], str):
        try:
            return base64.b64decode(value[_BYTES], validate=True)
        except ValueError:
            pass
    raise InvalidInput(RefusalCode.PRACTICE_FILE_WRONG_KIND, where=where)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

"""Values the database holds that DeliveryDesk cannot read back: a status no version knows,
an impossible date, junk where JSON should be. Such a value gets in only from outside
(another program, a hand edit, a damaged import), and reading it raises deep in SQLAlchemy
(LookupError, ValueError); so `check` lists every one with its table, row and column, and
a command that trips over one names the first few instead of showing a traceback.

Each stored value is read raw and passed through its column's own result processor, the
very code that would fail later, so the check and the failure never disagree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Float, Integer, Table, Time

import deliverydesk.model.entities  # noqa: F401  (every table registered)
from deliverydesk.model.entities.base import Base
from deliverydesk.services.context import Context
from deliverydesk.services.errors import READ_ERRORS
from deliverydesk.store.integrity import (
    IntegrityReport,
    foreign_key_problems,
    integrity_messages,
)
from deliverydesk.store.schema import HEAD_REVISION, read_revision

SHOWN = 60  # longest raw value quoted in a message
DATE_LISTS = {("practice", "closed_dates")}  # JSON lists of ISO dates


@dataclass(frozen=True)
class BadValue:
    table: str
    row: str  # the row's primary key
    column: str
    value: str  # the stored value, shortened
    reason: str  # in plain words: "is not a real date"

    def __str__(self) -> str:
        return f"{self.table} {self.row}, {self.column}: {self.value} {self.reason}"


def bad_values(ctx: Context) -> list[BadValue]:
    """Every value in the practice that cannot be read back, table by table."""

    found: list[BadValue] = []
    with ctx.db.engine.connect() as connection:
        driver: Any = connection.connection.driver_connection
        dialect = connection.dialect
        present = {row[0] for row in driver.execute("SELECT name FROM sqlite_master")}
        for table in Base.metadata.sorted_tables:
            if table.name in present:
                found.extend(_table_values(driver, dialect, table))
    return found


def full_check(ctx: Context) -> tuple[IntegrityReport, list[BadValue]]:
    """The self check and every value that cannot be read. With such values the journey
    summaries are not compared (comparing reads them)."""
    try:
        report = ctx.check()
    except READ_ERRORS:
        with ctx.db.engine.connect() as connection:
            report = IntegrityReport(
                integrity=integrity_messages(connection),
                foreign_key_problems=foreign_key_problems(connection),
                schema_revision=read_revision(connection),
                expected_revision=HEAD_REVISION,
            )
    if report.integrity != ["ok"]:
        return report, []
    bad = bad_values(ctx)
    return (dataclasses.replace(report, summary_drift=()) if bad else report), bad


def describe(found: list[BadValue], limit: int = 3) -> str:
    """The first few bad values in one sentence, for a command that could not go on."""
    listed = "; ".join(str(bad) for bad in found[:limit])
    more = f" (and {len(found) - limit} more)" if len(found) > limit else ""
    return (
        f"the database holds values DeliveryDesk cannot read: {listed}{more}. "
        "Run `deliverydesk check` to list them all; restore a backup or correct them."
    )


def _table_values(driver: Any, dialect: Any, table: Table) -> Iterator[BadValue]:
    checked: list[tuple[Column[Any], Callable[[Any], str]]] = []
    for column in table.columns:
        check = _checker(column, dialect)
        if check is not None:
            checked.append((column, check))
    if not checked:
        return
    keys = list(table.primary_key.columns) or [table.c[0]]
    names = ", ".join(f'"{c.name}"' for c in [*keys, *(column for column, _ in checked)])
    for row in driver.execute(f'SELECT {names} FROM "{table.name}"'):
        key = "/".join(str(part) for part in row[: len(keys)])
        for (column, check), raw in zip(checked, row[len(keys) :], strict=True):
            if raw is None:
                continue
            reason = check(raw)
            if reason:
                yield BadValue(table.name, key, column.name, _shown(raw), reason)


def _checker(column: Column[Any], dialect: Any) -> Callable[[Any], str] | None:
    """What says why a raw value of `column` cannot be read ("" when it can)."""
    kind = column.type
    impl = getattr(kind, "impl", kind)  # a TypeDecorator reads through its impl
    if isinstance(impl, Enum):
        allowed = ", ".join(kind.enums) if isinstance(kind, Enum) else ""
        return _through(column, dialect, f"is not one of the known values ({allowed})")
    if isinstance(impl, Date):
        return _through(column, dialect, "is not a real date")
    if isinstance(impl, DateTime):
        return _through(column, dialect, "is not a real date and time")
    if isinstance(impl, Time):  # a session's time (migration 0011)
        return _through(column, dialect, "is not a real time of day")
    if isinstance(impl, JSON):
        return _json_checker(column, dialect)
    if isinstance(impl, Boolean):
        return lambda raw: "" if raw in (0, 1) else "is not yes (1) or no (0)"
    if isinstance(impl, Integer):
        return lambda raw: "" if isinstance(raw, int) else "is not a whole number"
    if isinstance(impl, Float):
        return lambda raw: "" if isinstance(raw, (int, float)) else "is not a number"
    return None


def _through(column: Column[Any], dialect: Any, reason: str) -> Callable[[Any], str]:
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)

    def check(raw: Any) -> str:
        try:
            if process is not None:
                process(raw)
        except READ_ERRORS:
            return reason
        return ""

    return check


def _json_checker(column: Column[Any], dialect: Any) -> Callable[[Any], str]:
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    shape = _json_shape(column)

    def check(raw: Any) -> str:
        try:
            value = process(raw) if process is not None else raw
        except (ValueError, TypeError):
            return "is not readable JSON"
        if shape is not None and not isinstance(value, shape):
            return "should be a list" if shape is list else "should be a set of named values"
        if (column.table.name, column.name) in DATE_LISTS and not _all_dates(value):
            return "should hold only real dates (YYYY-MM-DD)"
        return ""

    return check


def _all_dates(values: Any) -> bool:
    try:
        for value in values:
            date.fromisoformat(value)
    except READ_ERRORS:
        return False
    return True


def _json_shape(column: Column[Any]) -> type | None:
    """list or dict, as the entity's annotation declares the column."""
    for mapper in Base.registry.mappers:
        if column.table is mapper.local_table:
            annotation = str(mapper.class_.__annotations__.get(column.key, ""))
            if annotation.startswith("Mapped[list"):
                return list
            if annotation.startswith("Mapped[dict"):
                return dict
    return None


def _shown(raw: Any) -> str:
    text = repr(raw) if isinstance(raw, str) else str(raw)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…'"

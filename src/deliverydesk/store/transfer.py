"""Moving a finished database into an empty one in a single transaction.

Work that writes a great deal (the demo practice, later an import) runs in a scratch
database, and its result comes into the person's database at once: a cancel or a crash
part-way leaves their database exactly as it was, never half filled.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from deliverydesk.store.errors import DatabaseError, storage_failure
from deliverydesk.wording import RefusalCode


def copy_into_empty(engine: Engine, source: Path) -> None:
    """Copy every record of the database file `source` into the empty one behind `engine`.

    All or nothing, in one write transaction. Both must be at the same schema revision.
    Raises DatabaseError, changing nothing, when the target already holds records, and
    StorageFailed when it cannot take the write (a full disk, another writer, read-only).
    """
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("ATTACH DATABASE ? AS source", (str(source),))  # outside a transaction
            try:
                _copy_all(driver)
            finally:
                driver.execute("DETACH DATABASE source")
    except (sqlite3.OperationalError, OperationalError, OSError) as error:
        raise storage_failure(error) from error


def _copy_all(driver: Any) -> None:
    driver.execute("BEGIN IMMEDIATE")  # take the write lock before looking
    try:
        versions = [
            driver.execute(f"SELECT version_num FROM {schema}.alembic_version").fetchone()
            for schema in ("main", "source")
        ]
        if versions[0] != versions[1]:
            raise DatabaseError(RefusalCode.SCHEMA_MISMATCH)
        tables = [
            name
            for (name,) in driver.execute(
                "SELECT name FROM source.sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        for table in tables:
            if driver.execute(f'SELECT EXISTS (SELECT 1 FROM main."{table}")').fetchone()[0]:
                raise DatabaseError(RefusalCode.FOLDER_HOLDS_RECORDS)
        # Links between records are checked once, at the commit, so tables can come in any order.
        driver.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            columns = ", ".join(
                f'"{row[1]}"' for row in driver.execute(f'PRAGMA source.table_info("{table}")')
            )
            driver.execute(
                f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM source."{table}"'
            )
        driver.execute("COMMIT")
    except BaseException:
        driver.execute("ROLLBACK")
        raise

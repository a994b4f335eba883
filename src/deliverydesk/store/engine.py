"""The SQLite engine: durable pragmas on every connection, private file modes."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

BUSY_TIMEOUT_S = 5.0
# An execution option: transactions on a connection carrying it will write.
WRITES = "deliverydesk_writes"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's legacy transaction handling is switched off (isolation_level=None) so these
    # pragmas run outside any transaction, where SQLite honours them; BEGIN is emitted below.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _on_begin(connection: Any) -> None:
    # A transaction that reads and then writes must take the write lock up front: a plain
    # (deferred) BEGIN that meets another writer when it first writes fails at once, as
    # SQLite skips the busy wait rather than risk a deadlock. BEGIN IMMEDIATE waits up to
    # BUSY_TIMEOUT_S for the lock instead. Reads keep a deferred BEGIN and never wait.
    writes = connection.get_execution_options().get(WRITES, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def for_writing(engine: Engine) -> Engine:
    """The same engine and pool, whose transactions start with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITES: True})


def create_db_engine(path: Path) -> Engine:
    """An engine for the database file at `path`, created 0600 if it does not exist."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    make_private(path)
    engine = create_engine(
        # URL.create, not an f-string: a "?" or "#" in a folder name would be read as the
        # start of a query string and open a different file.
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": BUSY_TIMEOUT_S, "isolation_level": None},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def without_fsync(engine: Engine) -> None:
    """A scratch database, copied into the person's file in one durable transaction once
    complete (the demo, a seeded practice), waits for no disk flush per commit: a crash
    part-way loses only the scratch, which is thrown away anyway. Connections already
    pooled are closed, so that every connection from now on has it."""

    def _no_flush(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    event.listen(engine, "connect", _no_flush)
    engine.dispose()


def make_private(path: Path) -> None:
    """Take away what others may do with `path`; never give its owner more than they have
    (a file or folder the person made read-only stays read-only)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)


def create_read_only_engine(path: Path) -> Engine:
    """An engine that only reads `path`, for a file or folder the person made read-only.

    `immutable=1` reads the file as it is without SQLite's shared-memory index, so nothing
    is created beside it (a read-only connection to a WAL file would otherwise leave a
    -shm with the file's read-only mode, which breaks every later write). The caller makes
    sure no write-ahead log waits to be folded in.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        ),
        poolclass=QueuePool,
    )
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


def create_inspection_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for looking at the existing file at `path` before deciding to open it.

    Its connections set no pragmas (a create_db_engine connection would already have
    switched the file to WAL), so reading through them leaves a refused file as it was;
    only SQLite's own recovery of an interrupted write may touch it. Unlike a read-only
    connection, the last one to close removes the -wal and -shm files it made.
    """
    # rw: never create a missing file; a read-only file is read as it stands.
    mode = "ro&immutable=1" if read_only else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S),
        poolclass=NullPool,
    )

"""The schema version this DeliveryDesk expects, readable without importing Alembic.

Alembic is only needed when a database must be upgraded; reading its version table with
plain SQL keeps ~150 ms of imports off every start.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

DATABASE_NAME = "deliverydesk.sqlite3"  # inside the data folder

# The data file and the files SQLite keeps beside it while it is open.
SQLITE_FILES = frozenset(DATABASE_NAME + end for end in ("", "-wal", "-shm", "-journal"))

# The newest migration in store/migrations/versions (tests/unit/test_migrations.py checks).
HEAD_REVISION = "0015"


def read_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, None for a database Alembic never touched."""
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def is_database_file(path: Path) -> bool:
    """Whether `path` (or the file a link at it points to) is a DeliveryDesk data file or
    one of SQLite's files beside it, told by name without opening it. No file a person
    picks to read or to save over may be one: reading it here would drop this process's
    locks on it, and saving over it would replace a file SQLite has open (docs/data-safety.md).
    """
    try:
        target = path.resolve()
    except (OSError, RuntimeError):
        target = path
    return path.name in SQLITE_FILES or target.name in SQLITE_FILES


def allowed(path: Path, access: int, owner_bit: int) -> bool:
    """Whether we may read (os.R_OK, stat.S_IRUSR) or write (os.W_OK, stat.S_IWUSR) `path`,
    by the system's answer and by its mode: a file the person marked read-only is read-only
    even to an account that could override it (an administrator)."""
    if not os.access(path, access):
        return False
    info = path.stat()
    mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return not mine or bool(info.st_mode & owner_bit)


def writable(path: Path) -> bool:
    """Whether the database file at `path` and its folder may be written."""
    return allowed(path.parent, os.W_OK, stat.S_IWUSR) and (
        not path.exists() or allowed(path, os.W_OK, stat.S_IWUSR)
    )

"""A read-only look at the board with plain sqlite3, for the first paint of a start.

SQLAlchemy takes ~300 ms to import on these machines; the first board does not wait for
it. The columns are those services/views/queries.py reads (both build their SQL from
store/board_columns.py), and any doubt (no file, an older schema, a damaged header)
returns None so the start takes the normal, fully checked path instead.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deliverydesk.store.board_columns import ON_BOARD, board_sql
from deliverydesk.store.schema import HEAD_REVISION, writable

# No ORDER BY: the board sorts each column itself, and sorting here cost 26 ms at XL.
BOARD_SQL = board_sql(ON_BOARD)


@dataclass(frozen=True)
class Snapshot:
    practice_name: str
    offers: list[tuple[int, str, str, tuple[str, ...], int]]  # id, name, promise, phases, active
    board: list[tuple[Any, ...]]  # raw rows of store.board_columns.BOARD_COLUMNS


def read_snapshot(path: Path) -> Snapshot | None:
    try:
        if not path.is_file():
            return None  # sqlite3 would create it; a foreign file fails below, as SQLite says
        # A read-only file is read as it stands: a read-only connection to a WAL file would
        # otherwise leave a -shm with the file's read-only mode, breaking later writes.
        mode = "ro" if writable(path) else "ro&immutable=1"
        uri = f"{path.resolve().as_uri()}?mode={mode}"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return _read(connection)
    except (OSError, sqlite3.Error, ValueError):
        return None


def _read(connection: sqlite3.Connection) -> Snapshot | None:
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    practice = connection.execute("SELECT name FROM practice ORDER BY id LIMIT 1").fetchone()
    if version is None or version[0] != HEAD_REVISION or practice is None:
        return None
    phases: dict[int, list[str]] = {}
    for offer, name in connection.execute(
        "SELECT offer_id, name FROM offer_phase ORDER BY offer_id, position"
    ):
        phases.setdefault(offer, []).append(name)
    active = dict(
        connection.execute(
            "SELECT offer_id, count(*) FROM journey WHERE status = 'active' GROUP BY offer_id"
        ).fetchall()
    )
    offers = [
        (id_, name, promise, tuple(phases.get(id_, ())), active.get(id_, 0))
        for id_, name, promise in connection.execute(
            "SELECT id, name, promise FROM offer WHERE NOT archived ORDER BY position, id"
        )
    ]
    board = connection.execute(BOARD_SQL).fetchall()
    return Snapshot(practice[0], offers, board)

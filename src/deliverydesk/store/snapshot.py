"""A read-only look at the board with plain sqlite3, for the first paint of a start.

SQLAlchemy takes ~300 ms to import on these machines; the first board does not wait for
it. The SQL mirrors services/queries.py column for column (a test holds them together),
and any doubt (no file, an older schema, a damaged header) returns None so the start
takes the normal, fully checked path instead.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from deliverydesk.store.schema import HEAD_REVISION, looks_like_sqlite

BOARD_SQL = """
SELECT c.id, j.id, c.name, c.company, j.offer_id, j.offer_name, j.status,
       j.current_position, j.phase_count, p.name, p.started_on, p.planned_end_on,
       j.steps_done, j.steps_total, j.next_step_title, j.next_step_due, j.next_step_owner,
       j.feedback_due, j.first_open_me_title, j.first_open_me_due,
       j.first_open_client_title, j.first_open_client_due,
       j.first_open_third_party_title, j.first_open_third_party_due,
       f.rank, f.description, f.count
FROM client c
JOIN journey j ON j.client_id = c.id
LEFT JOIN journey_phase p ON p.journey_id = j.id AND p.position = j.current_position
LEFT JOIN (
    SELECT journey_id, description, count(*) AS count,
           max(CASE severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3
               ELSE 0 END) AS rank
    FROM friction WHERE resolved_on IS NULL GROUP BY journey_id
) f ON f.journey_id = j.id
WHERE j.status = 'active' AND (:offer IS NULL OR j.offer_id = :offer)
"""  # no ORDER BY: the board sorts each column itself, and sorting here cost 26 ms at XL
DATE_COLUMNS = (10, 11, 15, 19, 21, 23)


@dataclass(frozen=True)
class Snapshot:
    practice_name: str
    offers: list[tuple[int, str, str, tuple[str, ...], int]]  # id, name, promise, phases, active
    board: list[tuple[Any, ...]]  # rows in services.rows.journey_row's column order


def read_snapshot(path: Path, offer_id: int | None = None) -> Snapshot | None:
    try:
        if not looks_like_sqlite(path):
            return None
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return _read(connection, offer_id)
    except (OSError, sqlite3.Error, ValueError):
        return None


def _read(connection: sqlite3.Connection, offer_id: int | None) -> Snapshot | None:
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
    board = [_dated(row) for row in connection.execute(BOARD_SQL, {"offer": offer_id})]
    return Snapshot(practice[0], offers, board)


def _dated(row: tuple[Any, ...]) -> tuple[Any, ...]:
    values = list(row)
    for index in DATE_COLUMNS:
        if values[index] is not None:
            values[index] = date.fromisoformat(values[index])
    return tuple(values)

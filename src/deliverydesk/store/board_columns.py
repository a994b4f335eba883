"""The columns of a board card and a client-list row, declared once.

One row per journey, read from the journey's summary columns, its current phase and its
open friction. Two readers build their SQL from this one declaration: store/snapshot.py
with plain sqlite3 for the first board of a start (before SQLAlchemy is imported), and
services/queries.py through SQLAlchemy afterwards. Both hand back the same raw values
(dates as ISO text, enums as their text value) in the order declared here, and
services/rows.py unpacks them by name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BoardColumn:
    name: str
    sql: str  # an expression over client, journey, journey_phase and open_friction


BOARD_COLUMNS = (
    BoardColumn("client_id", "client.id"),
    BoardColumn("journey_id", "journey.id"),
    BoardColumn("name", "client.name"),
    BoardColumn("company", "client.company"),
    BoardColumn("offer_id", "journey.offer_id"),
    BoardColumn("offer_name", "journey.offer_name"),
    BoardColumn("status", "journey.status"),
    BoardColumn("phase_position", "journey.current_position"),
    BoardColumn("phase_count", "journey.phase_count"),
    BoardColumn("phase_name", "journey_phase.name"),
    BoardColumn("phase_entered_on", "journey_phase.started_on"),
    BoardColumn("phase_planned_end", "journey_phase.planned_end_on"),
    BoardColumn("steps_done", "journey.steps_done"),
    BoardColumn("steps_total", "journey.steps_total"),
    BoardColumn("next_step_title", "journey.next_step_title"),
    BoardColumn("next_step_due", "journey.next_step_due"),
    BoardColumn("next_step_owner", "journey.next_step_owner"),
    BoardColumn("feedback_due", "journey.feedback_due"),
    BoardColumn("first_open_me_title", "journey.first_open_me_title"),
    BoardColumn("first_open_me_due", "journey.first_open_me_due"),
    BoardColumn("first_open_client_title", "journey.first_open_client_title"),
    BoardColumn("first_open_client_due", "journey.first_open_client_due"),
    BoardColumn("first_open_third_party_title", "journey.first_open_third_party_title"),
    BoardColumn("first_open_third_party_due", "journey.first_open_third_party_due"),
    BoardColumn("friction_count", "open_friction.count"),
    # Every open friction as JSON, [[severity, occurred_on, description], ...] in no
    # particular order (the health rule orders them): the card gives every reason.
    BoardColumn("friction", "open_friction.items"),
)
COLUMN_NAMES = tuple(column.name for column in BOARD_COLUMNS)
COLUMN_INDEX = {name: index for index, name in enumerate(COLUMN_NAMES)}

_SELECT = ",\n       ".join(f"{column.sql} AS {column.name}" for column in BOARD_COLUMNS)
_FROM = """
FROM client
{join} journey ON journey.client_id = client.id
LEFT JOIN journey_phase
       ON journey_phase.journey_id = journey.id
      AND journey_phase.position = journey.current_position
LEFT JOIN (
    SELECT journey_id, count(*) AS count,
           json_group_array(json_array(severity, occurred_on, description)) AS items
    FROM friction WHERE resolved_on IS NULL GROUP BY journey_id
) AS open_friction ON open_friction.journey_id = journey.id"""


def board_sql(where: str, *, every_client: bool = False, order_by: str = "") -> str:
    """The SELECT of the declared columns, filtered by `where` (SQL over the same tables,
    with named parameters); `every_client` keeps clients without a journey (one row,
    journey columns NULL)."""
    sql = f"SELECT {_SELECT}{_FROM.format(join='LEFT JOIN' if every_client else 'JOIN')}"
    sql += f"\nWHERE {where}"
    return f"{sql}\nORDER BY {order_by}" if order_by else sql

"""The columns of a board card and a client-list row, declared once.

One row per journey, read from the journey's summary columns, its current phase and its
open friction. Two readers build their SQL from this one declaration: store/snapshot.py
with plain sqlite3 for the first board of a start (before SQLAlchemy is imported), and
services/views/queries.py through SQLAlchemy afterwards. Both hand back the same raw values
(dates as ISO text, enums as their text value) in the order declared here, and
services/views/rows.py unpacks them by name.
"""

from __future__ import annotations

# (name, SQL expression over client, journey, journey_phase and open_friction)
BOARD_COLUMNS = (
    ("client_id", "client.id"),
    ("journey_id", "journey.id"),
    ("name", "client.name"),
    ("company", "client.company"),
    ("offer_id", "journey.offer_id"),
    ("offer_name", "journey.offer_name"),
    ("status", "journey.status"),
    ("phase_position", "journey.current_position"),
    ("phase_count", "journey.phase_count"),
    ("phase_name", "journey_phase.name"),
    ("phase_entered_on", "journey_phase.started_on"),
    ("phase_planned_end", "journey_phase.planned_end_on"),
    # Whether the current phase has an open step: a phase whose steps are all done is
    # never blamed for running over its plan (one index seek per row).
    (
        "phase_open",
        "EXISTS (SELECT 1 FROM journey_step WHERE journey_step.phase_id = journey_phase.id"
        " AND journey_step.completed_on IS NULL)",
    ),
    ("steps_done", "journey.steps_done"),
    ("steps_total", "journey.steps_total"),
    ("next_step_title", "journey.next_step_title"),
    ("next_step_due", "journey.next_step_due"),
    ("next_step_owner", "journey.next_step_owner"),
    ("feedback_due", "journey.feedback_due"),
    ("first_open_me_title", "journey.first_open_me_title"),
    ("first_open_me_due", "journey.first_open_me_due"),
    ("first_open_client_title", "journey.first_open_client_title"),
    ("first_open_client_due", "journey.first_open_client_due"),
    ("first_open_third_party_title", "journey.first_open_third_party_title"),
    ("first_open_third_party_due", "journey.first_open_third_party_due"),
    # A paused journey's card says since when, why, and when it is planned to resume.
    ("paused_on", "journey.paused_on"),
    ("end_reason", "journey.end_reason"),
    ("resume_on", "journey.resume_on"),
    ("friction_count", "open_friction.count"),
    # Every open friction as JSON, [[severity, occurred_on, description], ...] in no
    # particular order (the health rule orders them): the card gives every reason.
    ("friction", "open_friction.items"),
)
# The journeys a board shows: running ones; a paused card stays in its phase, marked.
ON_BOARD = "journey.status IN ('active', 'paused')"
COLUMN_NAMES = tuple(name for name, _sql in BOARD_COLUMNS)
COLUMN_INDEX = {name: index for index, name in enumerate(COLUMN_NAMES)}

_SELECT = ",\n       ".join(f"{sql} AS {name}" for name, sql in BOARD_COLUMNS)
# A client list leaves out journeys put away (archived) or taken back (withdrawn); the
# client still has their row.
_LISTED = " AND journey.status NOT IN ('archived', 'withdrawn')"
_FROM = """
FROM client
{join} journey ON journey.client_id = client.id{listed}
LEFT JOIN journey_phase
       ON journey_phase.journey_id = journey.id
      AND journey_phase.position = journey.current_position
LEFT JOIN (
    SELECT journey_id, count(*) AS count,
           json_group_array(json_array(severity, occurred_on, description)) AS items
    FROM friction WHERE resolved_on IS NULL GROUP BY journey_id
) AS open_friction ON open_friction.journey_id = journey.id"""


# The client list's own two, after the declared ones: how many journeys the client has had
# (any but one taken back) and their offers' names, so a search finds an earlier journey.
_HISTORY = """,
       (SELECT count(*) FROM journey AS j
         WHERE j.client_id = client.id AND j.status != 'withdrawn') AS journey_count,
       (SELECT group_concat(j.offer_name, ' · ') FROM journey AS j
         WHERE j.client_id = client.id AND j.status != 'withdrawn') AS journey_offers"""


def board_sql(where: str, *, every_client: bool = False, order_by: str = "") -> str:
    """The SELECT of the declared columns, filtered by `where` (SQL over the same tables,
    with named parameters); `every_client` keeps clients without a listed journey (one
    row, journey columns NULL), as the client list shows them, and adds the client's
    journey count and offer names after the declared columns."""
    join, listed = ("LEFT JOIN", _LISTED) if every_client else ("JOIN", "")
    history = _HISTORY if every_client else ""
    sql = f"SELECT {_SELECT}{history}{_FROM.format(join=join, listed=listed)}"
    sql += f"\nWHERE {where}"
    return f"{sql}\nORDER BY {order_by}" if order_by else sql

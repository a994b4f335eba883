"""Four indexes for the first paints at 5,000 clients, three of them the dashboard's:

- the steps done (brought in aside) by owner, touchpoint and due date, so the on-time
  rate counts ranges of one index instead of reading all 150,000 steps (48 → 6 ms);
- the checkpoint steps by phase, so the checkpoints kept are found from the phases left
  in the window instead of a read of every step (25 → 8 ms);
- the phases by the day they were left, so the time in each phase reads the phases left
  in the window (and those running) instead of all 30,000 in random order (32 → 20 ms);
- the open steps by phase, so "is the current phase open?", asked of every row of the
  client list and every card of the board, is one seek without reading a step (−10 ms
  of the client list's read at XL).

Each index holds the columns its statement tests, so SQLite reads the index alone.
Plain columns only: an index on an expression cannot be reflected, and a later batch
migration of journey_step would silently drop it.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

DONE = "ix_journey_step_done_due"
CHECKPOINTS = "ix_journey_step_checkpoint"
PHASES_LEFT = "ix_journey_phase_left"
OPEN_BY_PHASE = "ix_journey_step_open_phase"
# What the time in each phase groups by, after the day left (journey: withdrawn ones out).
PHASE_COLUMNS = [
    "completed_on", "offer_phase_id", "position", "started_on", "planned_start_on",
    "planned_end_on", "journey_id", "name",
]  # fmt: skip


def upgrade() -> None:
    op.create_index(
        DONE,
        "journey_step",
        ["owner", "is_touchpoint", "due_on", "completed_on", "brought_in"],
        sqlite_where=sa.text("completed_on IS NOT NULL AND NOT brought_in"),
    )
    op.create_index(
        CHECKPOINTS,
        "journey_step",
        ["phase_id", "is_checkpoint", "brought_in", "completed_on", "title"],
        sqlite_where=sa.text("is_checkpoint AND NOT brought_in"),
    )
    op.create_index(PHASES_LEFT, "journey_phase", PHASE_COLUMNS)
    op.create_index(
        OPEN_BY_PHASE, "journey_step", ["phase_id"], sqlite_where=sa.text("completed_on IS NULL")
    )


def downgrade() -> None:
    op.drop_index(OPEN_BY_PHASE, table_name="journey_step")
    op.drop_index(PHASES_LEFT, table_name="journey_phase")
    op.drop_index(CHECKPOINTS, table_name="journey_step")
    op.drop_index(DONE, table_name="journey_step")

"""Per-journey summary for the board: phase count, feedback due, first open step per owner.

The board and client list read one row per journey instead of scanning its steps; the
feedback and friction step links get the indexes their lookups need.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OWNERS = ("me", "client", "third_party")


def upgrade() -> None:
    with op.batch_alter_table("journey") as batch_op:
        batch_op.add_column(
            sa.Column("phase_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("feedback_due", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        for owner in OWNERS:
            batch_op.add_column(
                sa.Column(
                    f"first_open_{owner}_title",
                    sa.String(length=300),
                    nullable=False,
                    server_default="",
                )
            )
            batch_op.add_column(sa.Column(f"first_open_{owner}_due", sa.Date(), nullable=True))
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.create_index("ix_feedback_step_id", ["step_id"])
    with op.batch_alter_table("friction") as batch_op:
        batch_op.create_index("ix_friction_step_id", ["step_id"])

    op.execute(
        "UPDATE journey SET phase_count = "
        "(SELECT count(*) FROM journey_phase p WHERE p.journey_id = journey.id)"
    )
    op.execute(
        "UPDATE journey SET feedback_due = EXISTS (SELECT 1 FROM journey_step s "
        "WHERE s.journey_id = journey.id AND s.is_checkpoint AND s.completed_on IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.step_id = s.id))"
    )
    for owner in OWNERS:
        first = (
            "FROM journey_step s WHERE s.journey_id = journey.id AND s.completed_on IS NULL "
            f"AND s.owner = '{owner}' ORDER BY s.due_on, s.position LIMIT 1"
        )
        op.execute(
            f"UPDATE journey SET first_open_{owner}_title = "
            f"coalesce((SELECT s.title {first}), ''), "
            f"first_open_{owner}_due = (SELECT s.due_on {first})"
        )


def downgrade() -> None:
    with op.batch_alter_table("friction") as batch_op:
        batch_op.drop_index("ix_friction_step_id")
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.drop_index("ix_feedback_step_id")
    with op.batch_alter_table("journey") as batch_op:
        for owner in reversed(OWNERS):
            batch_op.drop_column(f"first_open_{owner}_due")
            batch_op.drop_column(f"first_open_{owner}_title")
        batch_op.drop_column("feedback_due")
        batch_op.drop_column("phase_count")

"""Sessions have times: a session step's length (the offer's default, copied into each
journey), a journey session's start as wall time on its due date, and the practice's time
zone and calendar alarm. A session step already designed takes its effort as its length,
so capacity counts the same minutes as before; the open-steps index also holds the
length, so the weekly load is still found through it.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OPEN_DUE = "ix_journey_step_open_due"
OPEN = sa.text("completed_on IS NULL")
COVERED = ["due_on", "journey_id", "owner", "effort_minutes", "start_on"]


def upgrade() -> None:
    for table in ("offer_step", "journey_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("session_minutes", sa.Integer(), nullable=False, server_default="0")
            )
        op.execute(
            f"UPDATE {table} SET session_minutes = effort_minutes "  # noqa: S608 (fixed names)
            "WHERE kind = 'session' AND effort_minutes > 0"
        )
    with op.batch_alter_table("journey_step") as batch_op:
        batch_op.add_column(sa.Column("session_time", sa.Time(), nullable=True))
    op.drop_index(OPEN_DUE, table_name="journey_step")
    op.create_index(OPEN_DUE, "journey_step", [*COVERED, "session_minutes"], sqlite_where=OPEN)
    with op.batch_alter_table("practice") as batch_op:
        batch_op.add_column(
            sa.Column("time_zone", sa.String(64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("session_alarm_minutes", sa.Integer(), nullable=False, server_default="15")
        )


def downgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        batch_op.drop_column("session_alarm_minutes")
        batch_op.drop_column("time_zone")
    op.drop_index(OPEN_DUE, table_name="journey_step")
    op.create_index(OPEN_DUE, "journey_step", COVERED, sqlite_where=OPEN)
    with op.batch_alter_table("journey_step") as batch_op:
        batch_op.drop_column("session_time")
    for table in ("journey_step", "offer_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("session_minutes")

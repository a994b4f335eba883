"""Capacity beyond the weekly hours: my own hours per working day, and time off (date
ranges with a reason) that takes hours away without moving due dates.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        # {"1": 6.0, ...} by ISO weekday; empty: the weekly hours shared over the working days.
        batch_op.add_column(sa.Column("day_hours", sa.JSON(), nullable=False, server_default="{}"))
        # [{"first": ISO date, "last": ISO date, "reason": str}]
        batch_op.add_column(sa.Column("time_off", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        batch_op.drop_column("time_off")
        batch_op.drop_column("day_hours")

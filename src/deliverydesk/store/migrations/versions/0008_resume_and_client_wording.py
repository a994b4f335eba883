"""A paused journey's planned resume date (Today, the overdue banner and the calendar
remind the practitioner on that day), and each step's client wording: what the client
reads of a step whose title is written for the practitioner.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journey") as batch_op:
        batch_op.add_column(sa.Column("resume_on", sa.Date(), nullable=True))
    for table in ("offer_step", "journey_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("client_wording", sa.String(300), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in ("journey_step", "offer_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("client_wording")
    with op.batch_alter_table("journey") as batch_op:
        batch_op.drop_column("resume_on")

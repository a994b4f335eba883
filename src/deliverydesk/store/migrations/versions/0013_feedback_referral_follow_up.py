"""Feedback names the person a client referred, and says when it answers the follow-up
asked some weeks after a journey completed ("How has it gone since?"): that follow-up is
due until feedback marked so is recorded on the journey.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.add_column(
            sa.Column("referral_name", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("follow_up", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.drop_column("follow_up")
        batch_op.drop_column("referral_name")

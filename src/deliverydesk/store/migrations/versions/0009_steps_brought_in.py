"""A step done before DeliveryDesk knew the journey (a client enrolled already under way)
is marked brought in: its date is what the practitioner said, so the on-time rate, the
checkpoints kept and the bottleneck leave it out. Every existing step was worked here.
A partial index holds only those steps, by phase, so leaving their phases out costs the
dashboard a lookup in a near-empty index.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


INDEX = "ix_journey_step_brought_in"


def upgrade() -> None:
    with op.batch_alter_table("journey_step") as batch_op:
        batch_op.add_column(
            sa.Column("brought_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Only the steps brought in, by phase: the dashboard asks it of every phase it counts.
    op.create_index(INDEX, "journey_step", ["phase_id"], sqlite_where=sa.text("brought_in"))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="journey_step")
    with op.batch_alter_table("journey_step") as batch_op:
        batch_op.drop_column("brought_in")

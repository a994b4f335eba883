"""Each offer carries the message sent with each of its documents (progress report,
onboarding pack, checklist, intake form), as the practitioner wrote it: {"progress": str,
...}, only those written. Every existing offer sends the built-in messages, as before.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offer") as batch_op:
        batch_op.add_column(
            sa.Column("document_messages", sa.JSON(), nullable=False, server_default="{}")
        )


def downgrade() -> None:
    with op.batch_alter_table("offer") as batch_op:
        batch_op.drop_column("document_messages")

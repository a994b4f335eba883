"""Client and practice names may not be blank.

Rebuilds the client table (SQLite cannot add a CHECK in place). client is the parent of
journey, so this only keeps its journeys because migrations run with foreign keys off.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE client SET name = 'Unnamed client' WHERE trim(name) = ''")
    op.execute("UPDATE practice SET name = 'My practice' WHERE trim(name) = ''")
    with op.batch_alter_table("client", recreate="always") as batch_op:
        batch_op.create_check_constraint("name_not_blank", "length(trim(name)) > 0")
    with op.batch_alter_table("practice", recreate="always") as batch_op:
        batch_op.create_check_constraint("name_not_blank", "length(trim(name)) > 0")


def downgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        batch_op.drop_constraint("ck_practice_name_not_blank", type_="check")
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_constraint("ck_client_name_not_blank", type_="check")

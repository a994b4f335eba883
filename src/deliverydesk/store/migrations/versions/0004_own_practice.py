"""What a practitioner's own practice needs: the whole offer design, its revisions, pauses
and ends of journeys, and the days the practice is closed.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _text(name: str, length: int | None = None) -> sa.Column[str]:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("offer") as batch_op:
        batch_op.add_column(
            sa.Column("duration_weeks", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(_text("price", 60))
        batch_op.add_column(_text("boundaries"))
        batch_op.add_column(_text("welcome_template"))
        # {"criteria": [{"text": str, "weight": int}], "threshold": int}
        batch_op.add_column(sa.Column("right_fit", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("delivery_standard") as batch_op:
        batch_op.add_column(_text("target", 300))
    for table in ("offer_step", "journey_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(_text("resource_link", 2000))
    with op.batch_alter_table("journey") as batch_op:
        batch_op.add_column(sa.Column("paused_on", sa.Date(), nullable=True))
        batch_op.add_column(_text("end_reason"))
        # The right-fit answers given at enrolment: {"answers": {criterion: bool}, "score": int}
        batch_op.add_column(sa.Column("fit", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("practice") as batch_op:
        # ISO dates the practice is closed (holidays, time off).
        batch_op.add_column(
            sa.Column("closed_dates", sa.JSON(), nullable=False, server_default="[]")
        )
    op.create_table(
        "offer_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        # The whole design as the offer file format writes it, so any revision can be read.
        sa.Column("design", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_offer_revision_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_revision")),
        sa.UniqueConstraint("offer_id", "revision", name=op.f("uq_offer_revision_offer_id")),
    )


def downgrade() -> None:
    op.drop_table("offer_revision")
    with op.batch_alter_table("practice") as batch_op:
        batch_op.drop_column("closed_dates")
    with op.batch_alter_table("journey") as batch_op:
        batch_op.drop_column("fit")
        batch_op.drop_column("end_reason")
        batch_op.drop_column("paused_on")
    for table in ("journey_step", "offer_step"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("resource_link")
    with op.batch_alter_table("delivery_standard") as batch_op:
        batch_op.drop_column("target")
    with op.batch_alter_table("offer") as batch_op:
        for column in ("right_fit", "welcome_template", "boundaries", "price", "duration_weeks"):
            batch_op.drop_column(column)

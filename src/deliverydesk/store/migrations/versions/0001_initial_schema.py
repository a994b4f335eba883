"""Initial schema: practice, offers, clients, journeys and their records.

Frozen: enums are plain text here so adding a value never needs a migration.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=10000), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("right_fit", sa.JSON(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("promise", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("capacity_note", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
    )
    op.create_table(
        "practice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("weekly_hours", sa.Double(), nullable=False),
        sa.Column("working_days", sa.String(length=7), nullable=False),
        sa.Column("brand_color", sa.String(length=9), nullable=False),
        sa.Column("accent_color", sa.String(length=9), nullable=False),
        sa.Column("logo_path", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "weekly_hours >= 0 AND weekly_hours <= 168", name=op.f("ck_practice_weekly_hours_range")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice")),
    )
    op.create_table(
        "delivery_standard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("promise", sa.Text(), nullable=False),
        sa.Column("tier", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_delivery_standard_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_standard")),
    )
    with op.batch_alter_table("delivery_standard", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_delivery_standard_offer_id"), ["offer_id"], unique=False
        )

    op.create_table(
        "journey",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=True),
        sa.Column("offer_revision", sa.Integer(), nullable=False),
        sa.Column("offer_name", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("planned_end_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("current_position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("steps_total", sa.Integer(), nullable=False),
        sa.Column("steps_done", sa.Integer(), nullable=False),
        sa.Column("next_step_id", sa.Integer(), nullable=True),
        sa.Column("next_step_title", sa.String(length=300), nullable=False),
        sa.Column("next_step_due", sa.Date(), nullable=True),
        sa.Column("next_step_owner", sa.String(length=30), nullable=True),
        sa.CheckConstraint(
            "current_position >= 0", name=op.f("ck_journey_current_position_nonnegative")
        ),
        sa.CheckConstraint(
            "steps_done >= 0 AND steps_done <= steps_total",
            name=op.f("ck_journey_steps_done_range"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_journey_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_journey_offer_id_offer"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journey")),
    )
    with op.batch_alter_table("journey", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journey_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_journey_offer_status", ["offer_id", "status"], unique=False)

    op.create_table(
        "offer_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("planned_days", sa.Integer(), nullable=False),
        sa.CheckConstraint("planned_days >= 1", name=op.f("ck_offer_phase_planned_days_positive")),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["offer.id"],
            name=op.f("fk_offer_phase_offer_id_offer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_phase")),
    )
    with op.batch_alter_table("offer_phase", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_phase_offer_id"), ["offer_id"], unique=False)

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_activity_client_id_client")
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"], ["journey.id"], name=op.f("fk_activity_journey_id_journey")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_activity_journey_at", ["journey_id", "at"], unique=False)

    op.create_table(
        "journey_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("offer_phase_id", sa.Integer(), nullable=True),
        sa.Column("planned_start_on", sa.Date(), nullable=False),
        sa.Column("planned_end_on", sa.Date(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journey.id"],
            name=op.f("fk_journey_phase_journey_id_journey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_phase_id"],
            ["offer_phase.id"],
            name=op.f("fk_journey_phase_offer_phase_id_offer_phase"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journey_phase")),
    )
    with op.batch_alter_table("journey_phase", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journey_phase_offer_phase_id"), ["offer_phase_id"], unique=False
        )
        batch_op.create_index("ix_journey_phase_position", ["journey_id", "position"], unique=True)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journey.id"],
            name=op.f("fk_note_journey_id_journey"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "offer_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        sa.Column("duration_days", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("owner", sa.String(length=30), nullable=False),
        sa.Column("effort_minutes", sa.Integer(), nullable=False),
        sa.Column("is_milestone", sa.Boolean(), nullable=False),
        sa.Column("is_checkpoint", sa.Boolean(), nullable=False),
        sa.Column("is_touchpoint", sa.Boolean(), nullable=False),
        sa.Column("message_template", sa.Text(), nullable=False),
        sa.Column("failure_point", sa.Text(), nullable=False),
        sa.Column("recovery_protocol", sa.Text(), nullable=False),
        sa.Column("client_facing", sa.Boolean(), nullable=False),
        sa.CheckConstraint("duration_days >= 1", name=op.f("ck_offer_step_duration_days_positive")),
        sa.CheckConstraint("offset_days >= 0", name=op.f("ck_offer_step_offset_days_nonnegative")),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["offer_phase.id"],
            name=op.f("fk_offer_step_phase_id_offer_phase"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_step")),
    )
    with op.batch_alter_table("offer_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_step_phase_id"), ["phase_id"], unique=False)

    op.create_table(
        "journey_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("offer_step_id", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("owner", sa.String(length=30), nullable=False),
        sa.Column("effort_minutes", sa.Integer(), nullable=False),
        sa.Column("is_milestone", sa.Boolean(), nullable=False),
        sa.Column("is_checkpoint", sa.Boolean(), nullable=False),
        sa.Column("is_touchpoint", sa.Boolean(), nullable=False),
        sa.Column("message_template", sa.Text(), nullable=False),
        sa.Column("failure_point", sa.Text(), nullable=False),
        sa.Column("recovery_protocol", sa.Text(), nullable=False),
        sa.Column("client_facing", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journey.id"],
            name=op.f("fk_journey_step_journey_id_journey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_step_id"],
            ["offer_step.id"],
            name=op.f("fk_journey_step_offer_step_id_offer_step"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["phase_id"],
            ["journey_phase.id"],
            name=op.f("fk_journey_step_phase_id_journey_phase"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journey_step")),
    )
    with op.batch_alter_table("journey_step", schema=None) as batch_op:
        batch_op.create_index("ix_journey_step_journey", ["journey_id", "position"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_journey_step_offer_step_id"), ["offer_step_id"], unique=False
        )
        batch_op.create_index(
            "ix_journey_step_open_due",
            ["due_on", "journey_id"],
            unique=False,
            sqlite_where=sa.text("completed_on IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_journey_step_phase_id"), ["phase_id"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("testimonial_ok", sa.Boolean(), nullable=False),
        sa.Column("referral_asked", sa.Boolean(), nullable=False),
        sa.Column("referral_given", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "score IS NULL OR (score >= 0 AND score <= 10)", name=op.f("ck_feedback_score_range")
        ),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journey.id"],
            name=op.f("fk_feedback_journey_id_journey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["journey_step.id"],
            name=op.f("fk_feedback_step_id_journey_step"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_journey_id"), ["journey_id"], unique=False)

    op.create_table(
        "friction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("journey_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("severity", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recovery", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["journey_id"],
            ["journey.id"],
            name=op.f("fk_friction_journey_id_journey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["journey_step.id"],
            name=op.f("fk_friction_step_id_journey_step"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_friction")),
    )
    with op.batch_alter_table("friction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_friction_journey_id"), ["journey_id"], unique=False)

    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER activity_no_{action.lower()} BEFORE {action} ON activity "
            "BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS activity_no_update")
    op.execute("DROP TRIGGER IF EXISTS activity_no_delete")
    with op.batch_alter_table("friction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_friction_journey_id"))

    op.drop_table("friction")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_journey_id"))

    op.drop_table("feedback")
    with op.batch_alter_table("journey_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journey_step_phase_id"))
        batch_op.drop_index(
            "ix_journey_step_open_due", sqlite_where=sa.text("completed_on IS NULL")
        )
        batch_op.drop_index(batch_op.f("ix_journey_step_offer_step_id"))
        batch_op.drop_index("ix_journey_step_journey")

    op.drop_table("journey_step")
    with op.batch_alter_table("offer_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_step_phase_id"))

    op.drop_table("offer_step")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_journey_id"))

    op.drop_table("note")
    with op.batch_alter_table("journey_phase", schema=None) as batch_op:
        batch_op.drop_index("ix_journey_phase_position")
        batch_op.drop_index(batch_op.f("ix_journey_phase_offer_phase_id"))

    op.drop_table("journey_phase")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_journey_at")
        batch_op.drop_index(batch_op.f("ix_activity_client_id"))
        batch_op.drop_index(batch_op.f("ix_activity_at"))

    op.drop_table("activity")
    with op.batch_alter_table("offer_phase", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_phase_offer_id"))

    op.drop_table("offer_phase")
    with op.batch_alter_table("journey", schema=None) as batch_op:
        batch_op.drop_index("ix_journey_offer_status")
        batch_op.drop_index(batch_op.f("ix_journey_client_id"))

    op.drop_table("journey")
    with op.batch_alter_table("delivery_standard", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_standard_offer_id"))

    op.drop_table("delivery_standard")
    op.drop_table("practice")
    op.drop_table("offer")
    op.drop_table("client")

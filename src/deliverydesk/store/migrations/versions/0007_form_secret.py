"""Each practice signs its intake forms with its own random secret, not with its id and
creation time (two practices made the same day had the same key). Every existing
practice draws its own secret here: the batch copy fills the new column from its
default, evaluated per row.

Single-line names and titles lose the bidi embedding, override and isolate controls
(U+202A-U+202E, U+2066-U+2069) that saves now drop (model/rules/text_rules.py), so what was
stored before shows the same way as what is saved now.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NEW_FORM_SECRET = sa.text("(lower(hex(randomblob(32))))")
# The single-line fields a person names things with, and the summary columns copied
# from step titles (kept equal to them).
_SINGLE_LINE = {
    "practice": ("name", "owner_name", "tagline", "signature", "footer_text"),
    "client": ("name", "company", "email", "phone"),
    "offer": ("name",),
    "offer_phase": ("name",),
    "offer_step": ("title",),
    "journey": (
        "offer_name",
        "next_step_title",
        "first_open_me_title",
        "first_open_client_title",
        "first_open_third_party_title",
    ),
    "journey_phase": ("name",),
    "journey_step": ("title",),
}
_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]


def _without_controls(column: str) -> str:
    expression = f'"{column}"'
    for code in _CONTROLS:
        expression = f"replace({expression}, char({code}), '')"
    return expression


def upgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        batch_op.add_column(
            sa.Column(
                "form_secret", sa.String(length=64), nullable=False, server_default=NEW_FORM_SECRET
            )
        )
    for table, columns in _SINGLE_LINE.items():
        for column in columns:
            cleaned = _without_controls(column)
            op.execute(f'UPDATE "{table}" SET "{column}" = {cleaned} WHERE "{column}" != {cleaned}')


def downgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        batch_op.drop_column("form_secret")

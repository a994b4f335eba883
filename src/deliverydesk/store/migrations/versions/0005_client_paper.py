"""The client's paper: the practice's brand for PDFs, the offer's intake questions and the
answers a client sent back on the intake form.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_PRACTICE_TEXTS = (
    ("tagline", 200),
    ("phone", 60),
    ("address", None),
    ("footer_text", 300),
    ("signature", 200),
    ("font_family", 60),
    ("page_size", 10),  # "" follows the computer's locale, else "A4" or "Letter"
)


def _text(name: str, length: int | None = None) -> sa.Column[str]:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("practice") as batch_op:
        for name, length in _PRACTICE_TEXTS:
            batch_op.add_column(_text(name, length))
    with op.batch_alter_table("offer") as batch_op:
        # [{"text": str, "kind": "short_text" | ..., "choices": [str]}]
        batch_op.add_column(
            sa.Column("intake_questions", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("client") as batch_op:
        # {"offer_id": int, "received_on": ISO date, "answers": [{"question", "answer"}]}
        batch_op.add_column(sa.Column("intake", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_column("intake")
    with op.batch_alter_table("offer") as batch_op:
        batch_op.drop_column("intake_questions")
    with op.batch_alter_table("practice") as batch_op:
        for name, _length in reversed(_PRACTICE_TEXTS):
            batch_op.drop_column(name)
